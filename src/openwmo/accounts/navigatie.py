from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Rol


def items(user):
    if user.rol == Rol.BEHEERDER:
        return [
            (_("Gebruikersbeheer"), reverse("gebruikersbeheer:overzicht")),
            (_("Inschrijfcodes"), reverse("accounts:inschrijfcodes")),
        ]
    return []
