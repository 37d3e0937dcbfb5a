"""Retention of iWmo toewijzingen and the client's messages (see privacy.bewaren).

A toewijzing is closed when its delivery was stopped (not temporarily: reason 20), on the
stop date, or else when its end date has passed. A toewijzing is a provision, so the Wmo client
file term applies. Anonymising unlinks the resident and removes the BSN and the
client data from the toewijzing, its versions, its starts and stops and the request it
answered; when it was the client's last toewijzing that still held personal data, the
client's stored messages and retours are emptied too. Dates, product, provider, volume,
reasons for ending and message types stay, so waiting times and flows still add up.
"""

from django.db.models import Max, Q
from django.utils import timezone

from openwmo.privacy.bewaren import Kandidaat
from openwmo.privacy.models import Bewaarsoort

from .models import Bericht, Levering, Toewijzing, ToewijzingVersie, Verzoek

OBJECT_TYPE = "iwmo_toewijzing"


def kandidaten(grenzen):
    grens = grenzen.get(Bewaarsoort.WMO_DOSSIER)
    if grens is None:
        return
    definitief = Q(leveringen__soort=Levering.Soort.STOP, leveringen__actief=True) & ~Q(
        leveringen__reden_beeindiging="20"
    )
    toewijzingen = (
        Toewijzing.objects.filter(geanonimiseerd_op__isnull=True)
        .filter(Q(einddatum__lte=grens) | definitief)
        .annotate(stop=Max("leveringen__einddatum", filter=definitief))
        .values_list("pk", "persoon_id", "einddatum", "stop")
        .distinct()
    )
    for pk, persoon_id, einddatum, stop in toewijzingen.iterator():
        dag = stop or einddatum
        if dag is not None and dag <= grens:
            yield Kandidaat(Bewaarsoort.WMO_DOSSIER, pk, persoon_id, dag)


def anonimiseer(object_id: int) -> dict:
    t = Toewijzing.objects.select_for_update().get(pk=object_id)
    persoon_id = t.persoon_id
    verwijderd = {"toewijzing": ["persoon", "bsn", "commentaar", "referentie_aanbieder"]}
    t.persoon = None
    t.bsn = ""
    t.commentaar = ""
    t.referentie_aanbieder = ""
    t.geanonimiseerd_op = timezone.now()
    t.save()
    if ToewijzingVersie.objects.filter(toewijzing=t).update(gegevens={}):
        verwijderd["versies"] = ["gegevens"]
    if Levering.objects.filter(toewijzing=t).update(persoon=None, bsn=""):
        verwijderd["starts en stops"] = ["persoon", "bsn"]
    if t.verzoek_id and Verzoek.objects.filter(pk=t.verzoek_id).update(
        persoon=None, bsn="", inhoud={}
    ):
        verwijderd["verzoek"] = ["persoon", "bsn", "inhoud"]
    nog_persoonlijk = Toewijzing.objects.filter(
        persoon_id=persoon_id, geanonimiseerd_op__isnull=True
    ).exists()
    if persoon_id is not None and not nog_persoonlijk:
        aantal = Bericht.objects.filter(persoon_id=persoon_id).update(
            inhoud=b"",
            retour=None,
            bsn="",
            fouten=[],
            persoon=None,
            geanonimiseerd_op=timezone.now(),
        )
        if aantal:
            verwijderd["berichten en retours"] = aantal
    return verwijderd
