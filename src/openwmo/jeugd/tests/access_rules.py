from django.utils import timezone

from openwmo.accounts.models import Rol

WERK = {Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT}
# Child safety: only the social workers of the wijk (need to know).
VEILIGHEID = {Rol.SOCIAAL_WERKER}


def objecten(users, inwoner):
    """A child in the resident's household and a concept plan of the household."""
    import datetime

    from openwmo.plannen.models import Plan
    from openwmo.testing import factories as f

    f.PersoonFactory(
        geboortedatum=timezone.localdate() - datetime.timedelta(days=6 * 365),
        huishouden=inwoner.huishouden,
    )
    plan = Plan.objects.create(
        huishouden=inwoner.huishouden,
        persoon=inwoner,
        regievoerder_soort="professional",
        regievoerder_naam="Sanne",
    )
    return {"jeugd_plan": plan.pk, "jeugd_huishouden": inwoner.huishouden_id}


P = "/jeugd/plannen/{jeugd_plan}"
V = "/jeugd/veiligheid/{jeugd_huishouden}"
ACCESS = {
    "jeugd:procesregie": (f"{P}/procesregie/", WERK, "get"),
    "jeugd:overleg-nieuw": (f"{P}/overleg/", WERK, "get"),
    "jeugd:opvoedsteun-nieuw": (f"{P}/opvoedsteun/", WERK, "get"),
    "jeugd:veiligheid": (f"{V}/", VEILIGHEID, "get"),
    "jeugd:taxatie-nieuw": (f"{V}/taxatie/", VEILIGHEID, "get"),
    "jeugd:stap-nieuw": (f"{V}/stap/", VEILIGHEID, "get"),
}
