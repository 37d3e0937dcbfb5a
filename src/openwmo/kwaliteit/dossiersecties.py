"""The resident's complaints in their file (resident and social worker who registered)."""

from openwmo.privacy.services import Kanaal

from . import selectors


def secties(user, persoon) -> list[dict]:
    klachten = selectors.klachten_van_persoon(user, persoon, kanaal=Kanaal.UI)
    if not klachten:
        return []
    return [{"template": "kwaliteit/dossier/klachten.html", "context": {"klachten": klachten}}]
