from django.utils import timezone

from openwmo.accounts.models import Rol

WERK = {Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT}


def objecten(users, inwoner):
    """An active plan of the resident's household with a basis line (and its first
    intensity), an aanvullend line delivered by the provider's organisation, and an open
    evaluation moment."""
    import datetime

    from openwmo.plannen.models import Evaluatie, Intensiteitswijziging, Plan, PlanVersie, Regel

    werker = users[Rol.SOCIAAL_WERKER]
    plan = Plan.objects.create(
        huishouden=inwoner.huishouden,
        persoon=inwoner,
        status="actief",
        regievoerder_soort="professional",
        regievoerder_naam="Sanne de Generalist",
        versie=1,
        aangemaakt_door=werker,
    )
    PlanVersie.objects.create(plan=plan, nummer=1, reden="Plan aangemaakt", momentopname={})
    basis = Regel.objects.create(
        plan=plan,
        soort="basis",
        resultaat="Grip op de week",
        uitvoerder="Sanne",
        uren_per_week=3,
        flexibel=True,
    )
    Intensiteitswijziging.objects.create(
        regel=basis, naar=3, ingangsdatum=timezone.localdate(), toelichting="Start", door=werker
    )
    Regel.objects.create(
        plan=plan,
        soort="aanvullend",
        resultaat="Dagritme",
        uitvoerder="Dagbesteding De Brug",
        organisatie=users[Rol.ZORGAANBIEDER].medewerker.organisatie,
        productcategorie="dagbesteding",
        leveringsvorm="zin",
        ingangsdatum=timezone.localdate(),
        status="voorgesteld",
    )
    evaluatie = Evaluatie.objects.create(
        regel=basis, gepland_op=timezone.localdate() + datetime.timedelta(days=7)
    )
    return {"plannen_plan": plan.pk, "plannen_regel": basis.pk, "plannen_evaluatie": evaluatie.pk}


P = "/plannen/{plannen_plan}"
ACCESS = {
    "plannen:overzicht": ("/plannen/", WERK | {Rol.ZORGAANBIEDER, Rol.INWONER}, "get"),
    "plannen:nieuw": ("/plannen/nieuw/", WERK, "get"),
    "plannen:plan": (f"{P}/", WERK | {Rol.INWONER}, "get"),
    "plannen:versie": (f"{P}/versies/1/", WERK | {Rol.INWONER}, "get"),
    "plannen:regievoerder": (f"{P}/regievoerder/", WERK, "get"),
    "plannen:activeren": (f"{P}/activeren/", WERK, "get"),
    "plannen:beeindigen": (f"{P}/beeindigen/", WERK, "get"),
    "plannen:regel-nieuw": (f"{P}/regels/nieuw/", WERK, "get"),
    "plannen:intensiteit": ("/plannen/regels/{plannen_regel}/intensiteit/", WERK, "get"),
    "plannen:evaluatie-nieuw": (
        "/plannen/regels/{plannen_regel}/evaluaties/nieuw/",
        WERK,
        "get",
    ),
    "plannen:evaluatie": ("/plannen/evaluaties/{plannen_evaluatie}/", WERK, "get"),
    "api:plannen-plannen": ("/api/v1/plannen/", WERK | {Rol.INWONER}, "get"),
    "api:plannen-plan": ("/api/v1/plannen/{plannen_plan}/", WERK | {Rol.INWONER}, "get"),
}
