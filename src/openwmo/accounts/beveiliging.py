"""Log-in protection: the real client address, lockout, API throttles and token expiry.

Behind a reverse proxy every request comes from the proxy's address. The client's own
address is then in ``X-Forwarded-For``, but only the entries that our own proxies added
can be trusted: a client can send the header itself. ``OPENWMO_TRUSTED_PROXIES`` says how
many proxies stand in front of the app; the client is the entry that many places from
the right. Without proxies (0, the default) only ``REMOTE_ADDR`` counts.
"""

import datetime
import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle


def _geldig_adres(waarde: str) -> str | None:
    try:
        return str(ipaddress.ip_address(waarde.strip()))
    except ValueError:
        return None


def proxy_aantal() -> int:
    return int(getattr(settings, "OPENWMO_TRUSTED_PROXIES", None) or 0)


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or the address our own proxies put in
    X-Forwarded-For (counted from the right, so a forged entry on the left is ignored)."""
    meta = getattr(request, "META", {})
    remote = meta.get("REMOTE_ADDR", "") or ""
    aantal = proxy_aantal()
    if aantal <= 0:
        return remote
    adressen = [a for a in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if len(adressen) < aantal:
        # The request did not pass all our proxies: there is no trustworthy entry.
        return remote
    return _geldig_adres(adressen[-aantal]) or remote


def gebruikersnaam_wachttijd() -> datetime.timedelta:
    return datetime.timedelta(seconds=int(getattr(settings, "AXES_GEBRUIKER_WACHTTIJD", 60)))


class AxesHandler(AxesDatabaseHandler):
    """django-axes, counted per username + client address (AXES_LOCKOUT_PARAMETERS), plus a
    short back-off per username on its own.

    Too many wrong passwords from one address lock that address out for that username for
    AXES_COOLOFF_TIME. Too many wrong passwords for a username from any addresses together
    only make every next attempt for that username wait AXES_GEBRUIKER_WACHTTIJD after the
    last failure: an attacker elsewhere slows the guessing down, but can never keep the
    real user out for longer than that short wait."""

    def is_locked(self, request, credentials=None) -> bool:
        if super().is_locked(request, credentials):
            return True
        username = get_client_username(request, credentials)
        if not username or not settings.AXES_LOCK_OUT_AT_FAILURE:
            return False
        nu = timezone.now()
        pogingen = AccessAttempt.objects.filter(
            username=username, attempt_time__gte=nu - settings.AXES_COOLOFF_TIME
        ).aggregate(totaal=Sum("failures_since_start"), laatste=Max("attempt_time"))
        if (pogingen["totaal"] or 0) < get_failure_limit(request, credentials):
            return False
        return pogingen["laatste"] > nu - gebruikersnaam_wachttijd()


class ClientIpThrottle(AnonRateThrottle):
    """The anonymous rate per real client address (see ``client_ip``)."""

    def get_ident(self, request):
        return client_ip(request)


class GebruikersnaamThrottle(SimpleRateThrottle):
    """Token requests per username, from whatever address they come."""

    scope = "token_gebruiker"

    def get_cache_key(self, request, view):
        data = request.data if hasattr(request.data, "get") else {}
        naam = str(data.get("username", "")).strip().lower()
        if not naam:
            return None
        return self.cache_format % {"scope": self.scope, "ident": naam[:150]}


def token_geldigheid() -> datetime.timedelta | None:
    """How long an API token stays valid; None when expiry is switched off (0 hours)."""
    uren = float(getattr(settings, "API_TOKEN_GELDIGHEID_UREN", 8) or 0)
    return datetime.timedelta(hours=uren) if uren > 0 else None


def token_verloopt_op(token) -> datetime.datetime | None:
    geldigheid = token_geldigheid()
    return token.created + geldigheid if geldigheid else None


class VerlopendeTokenAuthentication(TokenAuthentication):
    """DRF's token authentication, refusing a token older than API_TOKEN_GELDIGHEID_UREN."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        verloopt = token_verloopt_op(token)
        if verloopt is not None and verloopt <= timezone.now():
            raise exceptions.AuthenticationFailed(
                "Uw token is verlopen. Vraag een nieuw token aan met POST /api/v1/token/.",
                code="token_verlopen",
            )
        return user, token
