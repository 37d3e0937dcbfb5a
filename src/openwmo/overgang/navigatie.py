from django.urls import reverse
from django.utils.translation import gettext as _

from .selectors import OVERZICHT_ROLLEN


def items(user) -> list[tuple[str, str]]:
    if user.rol in OVERZICHT_ROLLEN:
        return [(_("Overgang"), reverse("overgang:overzicht"))]
    return []
