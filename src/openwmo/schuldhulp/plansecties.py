from openwmo.plannen.models import PlanStatus
from openwmo.privacy.services import Kanaal

from . import selectors


def secties(user, plan) -> list[dict]:
    if user.rol not in selectors.ROLLEN:
        return []
    inzet = selectors.van_plan(user, plan.pk, kanaal=Kanaal.UI)
    return [
        {
            "template": "schuldhulp/plan.html",
            "context": {
                "plan": plan,
                "inzet": inzet,
                "wijzigbaar": plan.status != PlanStatus.BEEINDIGD,
            },
        }
    ]
