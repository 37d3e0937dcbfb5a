from openwmo.accounts.models import Rol

from . import selectors


def secties(user):
    if user.rol == Rol.PRIVACY_FUNCTIONARIS:
        return [
            {
                "template": "privacy/_werkvoorraad.html",
                "context": {
                    "doorbraken": list(selectors.te_beoordelen_doorbraken()[:20]),
                    "verzoeken": selectors.correctieverzoeken()[:20],
                },
            }
        ]
    if user.rol == Rol.INWONER and user.persoon_id:
        return [{"template": "privacy/_rechten.html", "context": {}}]
    return []
