from openwmo.privacy.services import Kanaal

from . import selectors


def secties(user, persoon) -> list[dict]:
    if user.rol not in selectors.ROLLEN:
        return []
    data = selectors.van_persoon(user, persoon.pk, kanaal=Kanaal.UI)
    return [{"template": "schuldhulp/dossier.html", "context": {"persoon": persoon, **data}}]
