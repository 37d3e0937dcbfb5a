from django.urls import reverse
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol


def items(user) -> list[tuple[str, str]]:
    if user.rol in (Rol.INWONER, Rol.VRIJWILLIGER):
        return [(_("Klachten"), reverse("kwaliteit:klachten"))]
    if user.rol == Rol.TOEZICHTHOUDER:
        return [
            (_("Klachten"), reverse("kwaliteit:klachten")),
            (_("Calamiteiten"), reverse("kwaliteit:calamiteiten")),
            (_("Kwaliteitskader"), reverse("kwaliteit:kader")),
        ]
    if user.rol == Rol.ZORGAANBIEDER:
        return [
            (_("Klachten"), reverse("kwaliteit:klachten")),
            (_("Calamiteiten"), reverse("kwaliteit:calamiteiten")),
            (_("Kwaliteit"), reverse("kwaliteit:kader")),
        ]
    if user.rol == Rol.BELEIDSMAKER:
        return [
            (_("Contracten"), reverse("kwaliteit:contracten")),
            (_("Kwartaalgesprekken"), reverse("kwaliteit:kwartaalgesprekken")),
            (_("Overleggen"), reverse("kwaliteit:overleggen")),
        ]
    return []
