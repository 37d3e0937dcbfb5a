"""Start page sections: a provider's new toewijzingen and late items; the gemeente's open
requests and late items."""

from openwmo.accounts.models import Rol

from . import selectors
from .models import Verzoek


def secties(user) -> list[dict]:
    if user.rol not in (Rol.ZORGAANBIEDER, Rol.WMO_CONSULENT):
        return []
    context = {"te_laat": selectors.te_laat(user)[:20]}
    if user.rol == Rol.ZORGAANBIEDER:
        context["nieuwe_toewijzingen"] = list(
            selectors.toewijzingen_in_scope(user)
            .exclude(reden_wijziging="13")
            .filter(leveringen__isnull=True)
            .order_by("ingangsdatum")[:20]
        )
    else:
        context["open_verzoeken"] = (
            selectors.verzoeken_in_scope(user)
            .filter(status__in=[Verzoek.Status.OPEN, Verzoek.Status.IN_ONDERZOEK])
            .count()
        )
    return [{"template": "berichten/_werkvoorraad.html", "context": context}]
