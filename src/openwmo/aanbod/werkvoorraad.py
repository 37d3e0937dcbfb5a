"""Start-page sections of the aanbod app."""

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import scope_of

from . import selectors


def secties(user) -> list[dict]:
    medewerker = getattr(user, "medewerker", None)
    if user.rol == Rol.SOCIAAL_WERKER and medewerker and medewerker.is_teamleider:
        signalen = selectors.bezettingssignalen(scope_of(user).wijk_ids)
        return [{"template": "aanbod/start/bezetting.html", "context": {"signalen": signalen}}]
    if user.rol == Rol.VRIJWILLIGER:
        return [
            {
                "template": "aanbod/start/aanbod.html",
                "context": {"matches": selectors.matches_lijst(user)},
            }
        ]
    if user.rol == Rol.BELEIDSMAKER:
        return [
            {
                "template": "aanbod/start/sturing.html",
                "context": {"rijen": selectors.gebruik_per_wijk()},
            }
        ]
    return []
