from django.urls import reverse
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol


def items(user) -> list[tuple[str, str]]:
    result = []
    if user.rol in (Rol.ZORGAANBIEDER, Rol.WMO_CONSULENT):
        result += [
            (_("Toewijzingen"), reverse("berichten:toewijzingen")),
            (_("Verzoeken"), reverse("berichten:verzoeken")),
            (_("Berichten"), reverse("berichten:overzicht")),
        ]
    if user.rol in (Rol.WMO_CONSULENT, Rol.BELEIDSMAKER):
        result.append((_("iWmo-sturing"), reverse("berichten:sturing")))
    return result
