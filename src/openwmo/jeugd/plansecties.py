from openwmo.plannen.models import PlanStatus
from openwmo.privacy.services import Kanaal

from . import selectors


def secties(user, plan) -> list[dict]:
    if user.rol not in selectors.PLAN_ROLLEN:
        return []
    data = selectors.jeugd_van_plan(user, plan, kanaal=Kanaal.UI)
    return [
        {
            "template": "jeugd/plan.html",
            "context": {
                "plan": plan,
                **data,
                "wijzigbaar": plan.status != PlanStatus.BEEINDIGD,
                "veiligheid": user.rol in selectors.VEILIGHEID_ROLLEN
                and selectors.heeft_kinderen(plan.huishouden_id),
            },
        }
    ]
