from django.urls import reverse
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol


def items(user) -> list[tuple[str, str]]:
    if user.rol in (Rol.BELEIDSMAKER, Rol.BEHEERDER):
        return [(_("Financiën"), reverse("financien:overzicht"))]
    if user.rol == Rol.ZORGAANBIEDER:
        return [(_("Lumpsum"), reverse("financien:herverdelingen"))]
    if user.rol == Rol.INWONER:
        return [(_("Eigen bijdrage"), reverse("financien:eigen_bijdrage"))]
    return []
