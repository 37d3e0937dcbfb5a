"""Health and metrics endpoints for the load balancer, systemd and Prometheus."""

import hmac
import ipaddress

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import metrics, selectors


@never_cache
@require_GET
def live(request):
    """The process answers: nothing else is checked (a restart will not fix the database)."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def ready(request):
    """Ready for traffic: database, task queue lag and free disk for letters."""
    controles = selectors.gereedheid()
    goed = all(c.goed for c in controles)
    return JsonResponse(
        {
            "status": "ok" if goed else "niet gereed",
            "controles": {c.naam: {"goed": c.goed, "detail": c.detail} for c in controles},
        },
        status=200 if goed else 503,
    )


def _mag_metrics_lezen(request) -> bool:
    token = settings.OPS_METRICS_TOKEN
    if token:
        kop = request.headers.get("Authorization", "")
        return kop.startswith("Bearer ") and hmac.compare_digest(kop[7:].strip(), token)
    try:  # without a token: only from this machine (a local Prometheus or node agent)
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback and not (
            request.headers.get("X-Forwarded-For")
        )
    except ValueError:
        return False


def _regel(naam: str, waarde, labels: dict | None = None) -> str:
    if labels:
        tekst = ",".join(f'{k}="{v}"' for k, v in labels.items())
        return f"{naam}{{{tekst}}} {waarde}"
    return f"{naam} {waarde}"


@never_cache
@require_GET
def prometheus(request):
    if not _mag_metrics_lezen(request):
        return HttpResponse(
            "Geen toegang: stuur het metrics-token (Authorization: Bearer …).\n",
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    regels = metrics.histogram_regels()
    w = selectors.wachtrij()
    regels += [
        "# HELP openwmo_taken_wachtend Achtergrondtaken die klaarstaan.",
        "# TYPE openwmo_taken_wachtend gauge",
        _regel("openwmo_taken_wachtend", w["wachtend"]),
        "# HELP openwmo_taken_bezig Achtergrondtaken die een worker nu uitvoert.",
        "# TYPE openwmo_taken_bezig gauge",
        _regel("openwmo_taken_bezig", w["bezig"]),
        "# HELP openwmo_taken_oudste_wachtend_seconden Leeftijd van de oudste wachtende taak.",
        "# TYPE openwmo_taken_oudste_wachtend_seconden gauge",
        _regel("openwmo_taken_oudste_wachtend_seconden", f"{w['oudste_seconden']:.1f}"),
        "# HELP openwmo_iwmo_berichten iWmo-berichten in de database per richting en status.",
        "# TYPE openwmo_iwmo_berichten gauge",
    ]
    for richting, status, aantal in sorted(selectors.iwmo_tellingen()):
        regels.append(
            _regel("openwmo_iwmo_berichten", aantal, {"richting": richting, "status": status})
        )
    regels += [
        "# HELP openwmo_termijnoverschrijdingen Verlopen wettelijke en iWmo-termijnen per soort.",
        "# TYPE openwmo_termijnoverschrijdingen gauge",
    ]
    for soort, aantal in sorted(selectors.termijnoverschrijdingen().items()):
        regels.append(_regel("openwmo_termijnoverschrijdingen", aantal, {"soort": soort}))
    return HttpResponse(
        "\n".join(regels) + "\n", content_type="text/plain; version=0.0.4; charset=utf-8"
    )
