from django.urls import reverse
from django.utils.translation import gettext as _

from . import selectors


def items(user) -> list[tuple[str, str]]:
    if user.rol in selectors.ROLLEN:
        return [(_("Schuldhulp"), reverse("schuldhulp:overzicht"))]
    return []
