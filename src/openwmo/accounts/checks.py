"""`openwmo check --deploy`: the log-in protection must be on in production."""

from django.conf import settings
from django.core.checks import Error, Tags, register


def achter_proxy() -> bool:
    """Whether the settings say the app runs behind a reverse proxy."""
    return bool(
        getattr(settings, "OPENWMO_ACHTER_PROXY", False)
        or getattr(settings, "USE_X_FORWARDED_HOST", False)
        or getattr(settings, "USE_X_FORWARDED_PORT", False)
        or getattr(settings, "CSRF_TRUSTED_ORIGINS", [])
    )


@register(Tags.security, deploy=True)
def inlogbeveiliging(app_configs, **kwargs):
    fouten = []
    if achter_proxy() and getattr(settings, "OPENWMO_TRUSTED_PROXIES", None) is None:
        fouten.append(
            Error(
                "OpenWmo draait achter een proxy, maar OPENWMO_TRUSTED_PROXIES is niet gezet.",
                hint=(
                    "Zet OPENWMO_TRUSTED_PROXIES op het aantal proxy's voor de app (nginx: 1), "
                    "of 0 als er geen proxy is. Anders komt iedereen van hetzelfde adres."
                ),
                id="openwmo.E001",
            )
        )
    if not getattr(settings, "TWEESTAPS_VERPLICHT", False):
        fouten.append(
            Error(
                "Tweestapsverificatie voor medewerkers staat uit (TWEESTAPS_VERPLICHT).",
                hint="Haal TWEESTAPS_VERPLICHT=false weg uit de omgeving.",
                id="openwmo.E002",
            )
        )
    if not float(getattr(settings, "API_TOKEN_GELDIGHEID_UREN", 0) or 0) > 0:
        fouten.append(
            Error(
                "API-tokens verlopen niet (API_TOKEN_GELDIGHEID_UREN is 0).",
                hint="Zet API_TOKEN_GELDIGHEID_UREN op een aantal uren, bijvoorbeeld 8.",
                id="openwmo.E003",
            )
        )
    return fouten


# Backends whose counters live in one process (or on one machine's disk): a rate limit kept
# there is per gunicorn worker, so n workers allow n times as many attempts.
PER_PROCES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
)


@register(Tags.security, Tags.caches, deploy=True)
def gedeelde_cache(app_configs, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if settings.DEBUG or backend not in PER_PROCES:
        return []
    return [
        Error(
            "De cache met de tellers van de limieten (meldformulier, API) is per proces "
            f"({backend}): elke werker telt dan apart.",
            hint="Haal OPENWMO_CACHE=locmem weg uit de omgeving; de standaard is database.",
            id="openwmo.E004",
        )
    ]
