from django.urls import reverse
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol


def items(user) -> list[tuple[str, str]]:
    if user.rol in (Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT, Rol.INWONER):
        return [(_("Voorzieningen"), reverse("voorzieningen:overzicht"))]
    if user.rol == Rol.BEHEERDER:
        return [(_("Normenkader HH"), reverse("voorzieningen:normenkaders"))]
    return []
