from django.urls import reverse
from django.utils.translation import gettext as _

from . import selectors


def items(user) -> list[tuple[str, str]]:
    if selectors.niveaus_voor(user):
        return [(_("Sturing"), reverse("sturing:index"))]
    return []
