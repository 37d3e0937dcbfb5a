"""Start-page section: survey invitations for residents."""

from . import selectors


def secties(user) -> list[dict]:
    uitnodigingen = selectors.open_uitnodigingen(user)
    if not uitnodigingen:
        return []
    return [{"template": "sturing/start/enquete.html", "context": {"uitnodigingen": uitnodigingen}}]
