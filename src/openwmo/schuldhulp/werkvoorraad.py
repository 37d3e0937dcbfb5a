"""Start-page section: open debt crises (same-day deadline) for the worker."""

from openwmo.accounts.models import Rol

from . import selectors


def secties(user) -> list[dict]:
    if user.rol != Rol.SOCIAAL_WERKER:
        return []
    crises = selectors.open_crises(user)
    if not crises:
        return []
    return [{"template": "schuldhulp/start/crises.html", "context": {"crises": crises}}]
