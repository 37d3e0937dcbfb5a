from openwmo.accounts.models import Rol
from openwmo.privacy.services import Kanaal

from . import selectors


def secties(user, persoon) -> list[dict]:
    if user.rol not in (Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT):
        return []
    data = selectors.van_persoon(user, persoon.pk, kanaal=Kanaal.UI)
    return [
        {
            "template": "voorzieningen/dossier.html",
            "context": {
                "persoon": persoon,
                **data,
                "kader": selectors.geldend_normenkader() is not None,
                "werker": user.rol == Rol.SOCIAAL_WERKER,
            },
        }
    ]
