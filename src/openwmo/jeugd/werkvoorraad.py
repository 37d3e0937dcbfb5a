"""Start-page section: households with children in the worker's wijk without a risk
assessment (names are not shown, only the address, and only to the wijk's workers)."""

from openwmo.accounts.models import Rol

from . import selectors


def secties(user) -> list[dict]:
    if user.rol != Rol.SOCIAAL_WERKER:
        return []
    huishoudens = selectors.zonder_taxatie(user, limit=10)
    if not huishoudens:
        return []
    return [
        {"template": "jeugd/start/zonder_taxatie.html", "context": {"huishoudens": huishoudens}}
    ]
