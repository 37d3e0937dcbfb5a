from django.urls import reverse
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol


def items(user) -> list[tuple[str, str]]:
    if user.rol in (Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT):
        return [(_("Besluiten en bezwaar"), reverse("besluiten:overzicht"))]
    if user.rol == Rol.INWONER:
        return [(_("Mijn besluiten"), reverse("besluiten:overzicht"))]
    return []
