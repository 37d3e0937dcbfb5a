"""The resident's file: what the resident pays (eigen bijdrage), for staff who work with them."""

from django.core.exceptions import PermissionDenied

from openwmo.accounts.models import Rol
from openwmo.privacy.services import Kanaal

from . import selectors


def secties(user, persoon) -> list[dict]:
    if user.rol not in (Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT):
        return []
    try:
        uitkomst = selectors.eigen_bijdrage(user, persoon.pk, kanaal=Kanaal.UI, audit=False)
    except PermissionDenied:
        return []
    if not uitkomst["regels"]:
        return []
    return [
        {
            "template": "financien/_eigen_bijdrage_sectie.html",
            "context": {"b": uitkomst},
            "velden": ["eigen_bijdrage"],
        }
    ]
