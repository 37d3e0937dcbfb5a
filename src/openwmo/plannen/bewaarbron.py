"""Retention of support plans (see privacy.bewaren).

A plan is closed when it has ended; its closing date is the date of its last version.
It led to a provision when one of its lines was aanvullende ondersteuning that was granted
(or granted and since ended): then the Wmo client file term applies, otherwise the shorter
term for support that led to no provision. Anonymising unlinks the resident and household
and removes everything written about them, and keeps the pillars, statuses, dates, hours
and goal attainment, so the steering counts stay the same.
"""

from django.db.models import Exists, Max, OuterRef
from django.utils import timezone

from openwmo.privacy.bewaren import Kandidaat
from openwmo.privacy.models import Bewaarsoort

from .models import (
    Evaluatie,
    Intensiteitswijziging,
    Plan,
    PlanStatus,
    PlanVersie,
    Reactie,
    Regel,
    Soort,
)

OBJECT_TYPE = "ondersteuningsplan"
VERWIJDERD = "[verwijderd na bewaartermijn]"


def kandidaten(grenzen):
    voorziening = Regel.objects.filter(
        plan=OuterRef("pk"),
        soort=Soort.AANVULLEND,
        status__in=[Regel.Status.TOEGEKEND, Regel.Status.BEEINDIGD],
    )
    plannen = (
        Plan.objects.filter(geanonimiseerd_op__isnull=True, status=PlanStatus.BEEINDIGD)
        .annotate(afgesloten=Max("versies__op"), met_voorziening=Exists(voorziening))
        .values_list("pk", "persoon_id", "afgesloten", "met_voorziening")
    )
    for pk, persoon_id, afgesloten, met_voorziening in plannen.iterator():
        if afgesloten is None:
            continue
        dag = timezone.localtime(afgesloten).date()
        soort = Bewaarsoort.WMO_DOSSIER if met_voorziening else Bewaarsoort.ZONDER_VOORZIENING
        if soort in grenzen and dag <= grenzen[soort]:
            yield Kandidaat(soort, pk, persoon_id, dag)


def anonimiseer(object_id: int) -> dict:
    plan = Plan.objects.select_for_update().get(pk=object_id)
    verwijderd = {"ondersteuningsplan": ["persoon", "huishouden", "regievoerder", "toelichting"]}
    plan.persoon = None
    plan.huishouden = None
    plan.regievoerder_naam = ""
    plan.regievoerder_gebruiker = None
    plan.jeugd_procesregisseur = ""
    plan.toelichting = ""
    plan.geanonimiseerd_op = timezone.now()
    plan.save()
    for naam, qs, velden in (
        ("regels", Regel.objects.filter(plan=plan), {"resultaat": VERWIJDERD, "omschrijving": ""}),
        (
            "evaluaties",
            Evaluatie.objects.filter(regel__plan=plan),
            {"visie_inwoner": "", "wat_verandert": ""},
        ),
        (
            "intensiteiten",
            Intensiteitswijziging.objects.filter(regel__plan=plan),
            {"toelichting": ""},
        ),
        ("versies", PlanVersie.objects.filter(plan=plan), {"momentopname": {}}),
    ):
        if qs.update(**velden):
            verwijderd[naam] = sorted(velden)
    aantal, _ = Reactie.objects.filter(plan=plan).delete()
    if aantal:
        verwijderd["reacties van de inwoner"] = aantal
    return verwijderd
