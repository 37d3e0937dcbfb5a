from django.urls import reverse
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol

from . import selectors


def items(user) -> list[tuple[str, str]]:
    result = []
    if user.rol in selectors.STAFF_ROLLEN:
        result.append((_("Sociale kaart"), reverse("aanbod:kaart")))
    if user.rol in (Rol.SOCIAAL_WERKER, Rol.VRIJWILLIGER):
        result.append((_("Vrijwilligers"), reverse("aanbod:vrijwilligers")))
    if user.rol == Rol.VRIJWILLIGER:
        result.append((_("Mijn inzet"), reverse("aanbod:matches")))
    if user.rol in selectors.BUURTKAMER_ROLLEN:
        result.append((_("Buurtkamers"), reverse("aanbod:buurtkamers")))
    if user.rol in selectors.MANTELZORG_ROLLEN:
        result.append((_("Mantelzorgers"), reverse("aanbod:mantelzorgers")))
    if user.rol == Rol.BELEIDSMAKER:
        result.append((_("Sociale basis"), reverse("aanbod:sturing")))
    return result
