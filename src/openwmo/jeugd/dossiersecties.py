from openwmo.privacy.services import Kanaal

from . import selectors


def secties(user, persoon) -> list[dict]:
    """Only for the wijk's social workers, only for households with children; the read
    of the safety file is audited in the selector."""
    data = selectors.samenvatting_veiligheid(user, persoon.huishouden_id, kanaal=Kanaal.UI)
    if data is None:
        return []
    return [{"template": "jeugd/dossier.html", "context": data}]
