"""Start-page sections of the plannen app, per role."""

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor
from openwmo.privacy import services as audit

from . import selectors


def secties(user) -> list[dict]:
    if user.rol == Rol.SOCIAAL_WERKER:
        evaluaties = selectors.evaluaties_binnenkort(user)
        audit.log_lijst(
            user,
            [e.regel.plan.persoon_id for e in evaluaties],
            kanaal=audit.Kanaal.UI,
            doel=doel_voor(user),
            object_type="evaluatie",
            toelichting=f"herinnering: {len(evaluaties)} evaluaties binnenkort",
        )
        return [
            {"template": "plannen/start/evaluaties.html", "context": {"evaluaties": evaluaties}}
        ]
    if user.rol == Rol.INWONER:
        plan = selectors.eigen_plan(user)
        return [{"template": "plannen/start/eigen_plan.html", "context": {"plan": plan}}]
    return []
