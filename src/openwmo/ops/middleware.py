"""Request id, access log and latency metrics; a Dutch 503 page when the database or the
disk fails; one-time form tokens against double submission."""

import errno
import logging
import time
from urllib.parse import urlparse

from django.conf import settings
from django.contrib import messages
from django.core.signals import got_request_exception
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from . import metrics, services
from .context import nieuw_of_overgenomen, request_id
from .models import Formuliertoken

logger = logging.getLogger("openwmo.verzoek")
TOKEN_VELD = "_eenmalig"
ZONDER_DOORVERWIJZING = "-"
FORMULIER_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _onthoud_fout(sender, request=None, **kwargs):
    import sys

    if request is not None:
        request._ops_fout = sys.exc_info()[1]


got_request_exception.connect(_onthoud_fout, dispatch_uid="openwmo-ops-fout")


def storingsreden(fout: BaseException | None) -> str | None:
    """'schijf' for a full disk, 'database' for a lost database, None otherwise."""
    gezien = set()
    while fout is not None and id(fout) not in gezien:
        gezien.add(id(fout))
        if isinstance(fout, OSError) and fout.errno == errno.ENOSPC:
            return "schijf"
        if type(fout).__name__ == "DiskFull":  # psycopg.errors.DiskFull
            return "schijf"
        fout = fout.__cause__ or fout.__context__
    return None


def _storing(fout) -> str | None:
    reden = storingsreden(fout)
    if reden:
        return reden
    if isinstance(fout, OperationalError | InterfaceError):
        return "database"
    if isinstance(fout, DatabaseError) and "connection" in str(fout).lower():
        return "database"
    return None


def storingspagina(request, reden: str) -> HttpResponse:
    """503 without touching the database or the session: plain template, no context
    processors, no personal data."""
    if request.path.startswith("/api/"):
        detail = (
            _("De opslag is vol; er is niets opgeslagen. Probeer het later opnieuw.")
            if reden == "schijf"
            else _("De database is tijdelijk niet bereikbaar. Probeer het later opnieuw.")
        )
        response = JsonResponse(
            {
                "type": "about:blank",
                "title": _("Tijdelijk niet beschikbaar"),
                "status": 503,
                "detail": detail,
            },
            status=503,
            content_type="application/problem+json",
        )
    else:
        response = HttpResponse(render_to_string("503.html", {"reden": reden}), status=503)
    response["Retry-After"] = "30"
    return response


class VerzoekMiddleware:
    """First in MIDDLEWARE: everything inside it is timed, logged and can turn into a 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rid = nieuw_of_overgenomen(request.headers.get("X-Request-ID"))
        token = request_id.set(rid)
        request.request_id = rid
        start = time.perf_counter()
        try:
            response = self.get_response(request)
            fout = getattr(request, "_ops_fout", None)
            if response.status_code == 500 and fout is not None:
                reden = _storing(fout)
                if reden:
                    response = storingspagina(request, reden)
            duur = time.perf_counter() - start
            match = getattr(request, "resolver_match", None)
            if match and match.view_name:
                route = match.view_name
            elif request.path.startswith(settings.STATIC_URL):
                route = "static"  # served by whitenoise before URL resolving
            else:
                route = "onbekend"
            metrics.registreer(route, request.method, response.status_code, duur)
            logger.info(
                "%s %s %s",
                request.method,
                route,
                response.status_code,
                extra={
                    "route": route,
                    "method": request.method,
                    "status": response.status_code,
                    "duur_ms": round(duur * 1000, 1),
                },
            )
            response["X-Request-ID"] = rid
            return response
        finally:
            request_id.reset(token)


def _veilige_terugweg(request) -> str:
    verwijzer = request.headers.get("Referer", "")
    if verwijzer:
        deel = urlparse(verwijzer)
        if deel.netloc in ("", request.get_host()) and deel.path.startswith("/"):
            return deel.path + (f"?{deel.query}" if deel.query else "")
    return "/"


class EenmaligFormulierMiddleware:
    """A POST form carrying ``_eenmalig`` (added by static/ops/eenmalig.js) is handled
    once. A repeat (double click, back-button resubmit, a browser retry) does not reach
    the view: it is sent where the first submission went, with a message."""

    WACHT_SECONDEN = 5.0

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = None
        if request.method == "POST" and request.content_type in FORMULIER_TYPES:
            waarde = request.POST.get(TOKEN_VELD, "")
            if 16 <= len(waarde) <= 64:
                token = waarde
        if token is None:
            return self.get_response(request)
        if not services.claim_formuliertoken(token):
            return self._herhaald(request, token)
        response = self.get_response(request)
        if response.status_code >= 500:
            services.rond_formuliertoken_af(token, mislukt=True)
        elif 300 <= response.status_code < 400 and response.has_header("Location"):
            services.rond_formuliertoken_af(token, locatie=response["Location"])
        else:  # handled without a redirect (e.g. the form came back with errors)
            services.rond_formuliertoken_af(token, locatie=ZONDER_DOORVERWIJZING)
        return response

    def _herhaald(self, request, token):
        # The first submission may still be running: wait briefly for where it went.
        einde = time.monotonic() + self.WACHT_SECONDEN
        locatie = ""
        while time.monotonic() < einde:
            locatie = (
                Formuliertoken.objects.filter(token=token).values_list("locatie", flat=True).first()
            ) or ""
            if locatie:
                break
            time.sleep(0.1)
        if hasattr(request, "_messages"):
            messages.info(request, _("Dit formulier was al verstuurd. Het is één keer verwerkt."))
        if locatie in ("", ZONDER_DOORVERWIJZING):
            locatie = _veilige_terugweg(request)
        return HttpResponseRedirect(locatie, status=303)
