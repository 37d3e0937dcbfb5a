from django.utils import timezone

from openwmo.accounts.models import Rol

WERK = {Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT}


def objecten(users, inwoner):
    """A debt crisis of the resident and a concept plan of the household."""
    import datetime

    from openwmo.plannen.models import Plan
    from openwmo.schuldhulp.models import Crisis

    crisis = Crisis.objects.create(
        persoon=inwoner,
        soort="uithuiszetting",
        datum_dreiging=timezone.localdate(),
        toelichting="Ontruiming aangezegd",
        gemeld_op=datetime.datetime.now(datetime.UTC),
        uiterlijk_op=timezone.localdate(),
    )
    plan = Plan.objects.create(
        huishouden=inwoner.huishouden,
        persoon=inwoner,
        status="concept",
        regievoerder_soort="professional",
        regievoerder_naam="Sanne",
    )
    return {"schuldhulp_crisis": crisis.pk, "schuldhulp_plan": plan.pk}


ACCESS = {
    "schuldhulp:overzicht": ("/schuldhulp/", WERK, "get"),
    "schuldhulp:signaal-nieuw": ("/schuldhulp/inwoners/{inwoner}/signaal/", WERK, "get"),
    "schuldhulp:crisis-nieuw": ("/schuldhulp/inwoners/{inwoner}/crisis/", WERK, "get"),
    "schuldhulp:crisis": ("/schuldhulp/crises/{schuldhulp_crisis}/", WERK, "get"),
    "schuldhulp:inzet-nieuw": ("/schuldhulp/plannen/{schuldhulp_plan}/inzet/", WERK, "get"),
    "api:schuldhulp-telling": (
        "/api/v1/schuldhulp/telling/?van=2026-01-01&tot=2026-03-31",
        {Rol.BELEIDSMAKER, Rol.WMO_CONSULENT},
        "get",
    ),
}
