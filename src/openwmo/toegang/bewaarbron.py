"""Retention of meldingen (see privacy.bewaren).

A melding is closed when its status no longer changes (first contact solved, investigation
done, handed over, or with the household-help provider); its closing date is that of the
last step. It led to a provision when it went the household-help route, got a decision or
was referred to aanvullende ondersteuning: then the Wmo client file term applies, otherwise
the shorter term. Anonymising removes the resident, the question and everything said in
Het gesprek, and the question as typed on the public form or in the buurtkamer (with its
BSN and contact details), and keeps the dates, channel, route, outcome and triage result, so the
steering counts stay the same.
"""

from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from openwmo.privacy.bewaren import Kandidaat
from openwmo.privacy.models import Bewaarsoort

from .models import (
    Behoefte,
    Gesprek,
    Melding,
    Onderzoek,
    OnlineMelding,
    Overdracht,
    Route,
    Status,
    VerslagReactie,
    VoorlopigeVoorziening,
)

OBJECT_TYPE = "melding"
AFGESLOTEN = [Status.OPGELOST, Status.ONDERZOEK_AFGEROND, Status.OVERGEDRAGEN, Status.BIJ_AANBIEDER]
VERWIJDERD = "[verwijderd na bewaartermijn]"


def kandidaten(grenzen):
    verwijzing = Overdracht.objects.filter(melding=OuterRef("pk"), naar=Overdracht.Naar.VERWIJZING)
    meldingen = (
        Melding.objects.filter(geanonimiseerd_op__isnull=True, status__in=AFGESLOTEN)
        .annotate(afgesloten=Max("stappen__tijdstip"), verwezen=Exists(verwijzing))
        .values_list("pk", "persoon_id", "afgesloten", "route", "besluit_op", "verwezen")
    )
    for pk, persoon_id, afgesloten, route, besluit_op, verwezen in meldingen.iterator():
        if afgesloten is None:
            continue
        dag = timezone.localtime(afgesloten).date()
        met_voorziening = route == Route.HH or besluit_op is not None or verwezen
        soort = Bewaarsoort.WMO_DOSSIER if met_voorziening else Bewaarsoort.ZONDER_VOORZIENING
        if soort in grenzen and dag <= grenzen[soort]:
            yield Kandidaat(soort, pk, persoon_id, dag)


def anonimiseer(object_id: int) -> dict:
    melding = Melding.objects.select_for_update().get(pk=object_id)
    verwijderd = {
        "melding": [
            "persoon",
            "huishouden",
            "vraag",
            "namens",
            "opgegeven_naam",
            "uitkomst_toelichting",
        ],
    }
    melding.persoon = None
    melding.huishouden = None
    melding.vraag = VERWIJDERD
    melding.namens = ""
    melding.opgegeven_naam = ""
    melding.uitkomst_toelichting = ""
    melding.geanonimiseerd_op = timezone.now()
    melding.save()
    for naam, qs in (
        ("onderzoek", Onderzoek.objects.filter(melding=melding)),
        ("gesprekken", Gesprek.objects.filter(melding=melding)),
        ("behoeften", Behoefte.objects.filter(melding=melding)),
        ("reacties op verslag", VerslagReactie.objects.filter(melding=melding)),
        # the question as typed on the public form or in the buurtkamer (name, BSN, birth
        # date, contact details): the melding keeps the dates the counts need
        ("online vraag", OnlineMelding.objects.filter(Q(melding=melding) | Q(bezoek=melding))),
    ):
        aantal, _ = qs.delete()
        if aantal:
            verwijderd[naam] = aantal
    for naam, model, velden in (
        ("triage", melding.triages.model, {"afwijkingsreden": "", "toelichting": ""}),
        ("overdracht", Overdracht, {"toelichting": VERWIJDERD}),
        ("voorlopige voorziening", VoorlopigeVoorziening, {"omschrijving": VERWIJDERD}),
    ):
        aantal = model.objects.filter(Q(melding=melding)).update(**velden)
        if aantal:
            verwijderd[naam] = sorted(velden)
    melding.stappen.update(toelichting="")
    return verwijderd
