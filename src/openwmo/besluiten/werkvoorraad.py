"""Start-page sections of the besluiten app: the consultant's queue."""

from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.privacy.services import Kanaal

from . import selectors


def secties(user) -> list[dict]:
    if user.rol == Rol.SOCIAAL_WERKER:
        verzoeken = selectors.open_verzoeken(user)
        selectors.log_overzicht(
            user, verzoeken, kanaal=Kanaal.UI, object_type="beschikkingsverzoek"
        )
        return [{"template": "besluiten/start/verzoeken.html", "context": {"verzoeken": verzoeken}}]
    if user.rol != Rol.WMO_CONSULENT:
        return []
    adviezen = list(selectors.te_beoordelen(user)[:10])
    bezwaren = selectors.open_bezwaren(user)[:10]
    selectors.log_overzicht(
        user, [*adviezen, *bezwaren], kanaal=Kanaal.UI, object_type="besluiten_werkvoorraad"
    )
    return [
        {
            "template": "besluiten/start/consulent.html",
            "context": {
                "adviezen": adviezen,
                "bezwaren": bezwaren,
                "titel": _("Adviezen te beoordelen"),
            },
        }
    ]
