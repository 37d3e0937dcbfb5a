"""Start-page sections of the kwaliteit app, per role."""

from django.utils import timezone

from openwmo.accounts.models import Rol

from . import selectors


def secties(user) -> list[dict]:
    if user.rol == Rol.INWONER:
        meldingen = selectors.eigen_meldingen(user)
        return [{"template": "kwaliteit/start/meldingen.html", "context": {"meldingen": meldingen}}]
    if user.rol == Rol.TOEZICHTHOUDER:
        return [
            {"template": "kwaliteit/start/toezicht.html", "context": selectors.toezicht_telling()}
        ]
    if user.rol == Rol.BELEIDSMAKER:
        rijen = selectors.signalering_inactief(timezone.localdate())
        gesignaleerd = [r for r in rijen if r["gesignaleerd"]]
        return [
            {
                "template": "kwaliteit/start/contractbeheer.html",
                "context": {"gesignaleerd": gesignaleerd},
            }
        ]
    return []
