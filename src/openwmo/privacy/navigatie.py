from django.urls import reverse
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol


def items(user):
    if user.rol == Rol.PRIVACY_FUNCTIONARIS:
        return [
            (_("Auditlog"), reverse("privacy:auditlog")),
            (_("Doorbraken"), reverse("privacy:doorbraken")),
            (_("Correctieverzoeken"), reverse("privacy:correctieverzoeken")),
            (_("Inzageverzoek"), reverse("privacy:inzage")),
            (_("Bewaartermijnen"), reverse("privacy:bewaren")),
            (_("Convenant"), reverse("privacy:convenant")),
            (_("Gegevensregister"), reverse("privacy:gegevensregister")),
        ]
    return []
