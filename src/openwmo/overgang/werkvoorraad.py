"""Start page: a social worker's maatwerkgesprekken (overdue and the coming two weeks)."""

from django.utils import timezone

from openwmo.privacy.services import Kanaal

from . import selectors


def secties(user) -> list[dict]:
    gesprekken = selectors.mijn_gesprekken(user)
    if not gesprekken:
        return []
    selectors.log_lijst(
        user,
        [g.persoon_id for g in gesprekken],
        kanaal=Kanaal.UI,
        object_type="overgang_gesprek",
        velden=["naam", "gepland_op"],
        toelichting=f"werkvoorraad: {len(gesprekken)} maatwerkgesprekken",
    )
    return [
        {
            "template": "overgang/start/gesprekken.html",
            "context": {"gesprekken": gesprekken, "vandaag": timezone.localdate()},
        }
    ]
