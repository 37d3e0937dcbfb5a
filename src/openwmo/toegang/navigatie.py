from django.urls import reverse
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol

from .services import MELDER_ROLLEN


def items(user) -> list[tuple[str, str]]:
    result = []
    if user.rol in MELDER_ROLLEN | {Rol.ZORGAANBIEDER}:
        result.append((_("Meldingen"), reverse("toegang:werkvoorraad")))
    if user.rol in MELDER_ROLLEN:
        result.append((_("Melding registreren"), reverse("toegang:melding-nieuw")))
    if user.rol == Rol.INWONER:
        result.append((_("Mijn meldingen"), reverse("toegang:werkvoorraad")))
        result.append((_("Hulp vragen"), reverse("toegang:online-melden")))
    return result
