"""OpenWmo settings, read from the environment.

Defaults are safe for production: DEBUG is off unless asked, cookies are secure,
HSTS and a strict Content-Security-Policy are sent. Without DATABASE_URL the
embedded SQLite database in ``var/`` is used.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("OPENWMO_VAR_DIR", Path.cwd() / "var"))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Zet SECRET_KEY in de omgeving (of DEBUG=true voor de demo).")
    SECRET_KEY = "openwmo-alleen-voor-lokale-demo-niet-in-productie-gebruiken-0123456789"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "openwmo.accounts",
    "openwmo.gebieden",
    "openwmo.organisaties",
    "openwmo.inwoners",
    "openwmo.privacy",
    "openwmo.toegang",
    "openwmo.berichten",
    "openwmo.aanbod",
    "openwmo.plannen",
    "openwmo.besluiten",
    "openwmo.financien",
    "openwmo.kwaliteit",
    "openwmo.overgang",
    "openwmo.schuldhulp",
    "openwmo.jeugd",
    "openwmo.voorzieningen",
    "openwmo.sturing",
    "openwmo.ops",
    "openwmo.portaal",
]
# The demo municipality (``openwmo seed``, ``openwmo export_demo``) is an add-on: installed
# with DEBUG or OPENWMO_DEMO=true, left out of a production installation.
DEMO = env_bool("OPENWMO_DEMO", DEBUG)
if DEMO:
    INSTALLED_APPS.append("openwmo.demo")

MIDDLEWARE = [
    "openwmo.ops.middleware.VerzoekMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "openwmo.accounts.middleware.TweeStapsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "openwmo.ops.middleware.EenmaligFormulierMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "openwmo.urls"
WSGI_APPLICATION = "openwmo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "openwmo.portaal.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'openwmo.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif "postgresql" in DATABASES["default"]["ENGINE"]:
    # PostgreSQL's JIT compiler spends more time compiling the steering aggregates (many
    # filtered counts) than it saves; the queries here are short, so it is switched off.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
# Django's cache holds the counters of the rate limits (the public melding form, the API
# throttles). They must be shared by every gunicorn worker and machine, so production keeps
# them in the database: no extra service, and the table is made by a migration
# (accounts 0005), so `openwmo migrate` is enough. OPENWMO_CACHE=locmem keeps them per
# process: for development and tests only (the default under DEBUG); `check --deploy`
# refuses it in production (openwmo.E004).
CACHE_TABEL = "openwmo_cache"
_cache = os.environ.get("OPENWMO_CACHE", "locmem" if DEBUG else "database").strip().lower()
if _cache == "database":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABEL,
        }
    }
elif _cache == "locmem":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    raise ImproperlyConfigured("Zet OPENWMO_CACHE op database of locmem.")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Reverse proxies in front of the app (nginx = 1). The client's address is read from
# X-Forwarded-For only as far as these proxies wrote it (accounts.beveiliging.client_ip);
# 0 = no proxy, REMOTE_ADDR is the client. Unset behind a proxy fails `check --deploy`.
_proxies = os.environ.get("OPENWMO_TRUSTED_PROXIES", "").strip()
OPENWMO_TRUSTED_PROXIES = int(_proxies) if _proxies else None
# Says "this installation runs behind a reverse proxy" (also implied by the USE_X_FORWARDED_*
# settings and CSRF_TRUSTED_ORIGINS); then OPENWMO_TRUSTED_PROXIES must be set.
OPENWMO_ACHTER_PROXY = env_bool("OPENWMO_ACHTER_PROXY", False)
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)
USE_X_FORWARDED_PORT = env_bool("USE_X_FORWARDED_PORT", False)
# Brute-force protection: 5 failures for a username from one client address lock that
# address out for that username for 15 minutes. Failures for a username from any addresses
# together only make the next attempts wait AXES_GEBRUIKER_WACHTTIJD seconds, so nobody
# can keep the real user out for longer than that (accounts.beveiliging.AxesHandler).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_GEBRUIKER_WACHTTIJD = int(os.environ.get("AXES_GEBRUIKER_WACHTTIJD", 60))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "openwmo.accounts.beveiliging.AxesHandler"
AXES_CLIENT_IP_CALLABLE = "openwmo.accounts.beveiliging.client_ip"
# A refused attempt during a lockout does not count again (no endless extension).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_VERBOSE = False
# Two-factor authentication (TOTP) for every staff role; residents use DigiD in production.
TWEESTAPS_VERPLICHT = env_bool("TWEESTAPS_VERPLICHT", not DEBUG)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "OpenWmo")
# An enrolment code (inschrijfcode) from a beheerder is valid this many hours.
INSCHRIJFCODE_GELDIG_UREN = int(os.environ.get("INSCHRIJFCODE_GELDIG_UREN", 72))
# API tokens expire this many hours after they were issued (0 = never; refused by
# `check --deploy`). A new token replaces the old one.
API_TOKEN_GELDIGHEID_UREN = float(os.environ.get("API_TOKEN_GELDIGHEID_UREN", 8))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "portaal:start"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
# The product speaks Dutch; strings stay translatable for a later language choice.
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Security: safe by default, relaxed only by explicit choice.
SECURE_COOKIES = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 30 * 60))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Health checks and Prometheus talk plain HTTP to the app on the machine itself.
SECURE_REDIRECT_EXEMPT = [r"^health/", r"^metrics$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

REST_FRAMEWORK = {
    # Token first: a missing, wrong or expired token is then a 401 with WWW-Authenticate.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "openwmo.accounts.beveiliging.VerlopendeTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "openwmo.api.problems.problem_exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": None,
    # DRF's own throttles read the client from X-Forwarded-For like client_ip does.
    "NUM_PROXIES": OPENWMO_TRUSTED_PROXIES or 0,
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_RATE", "20/minute"),
        # POST /api/v1/token/ per username, whatever the address.
        "token_gebruiker": os.environ.get("API_TOKEN_GEBRUIKER_RATE", "5/minute"),
        # iWmo messages per sending user; providers send in batches.
        "iwmo": os.environ.get("API_IWMO_RATE", "3000/minute"),
    },
}
# Largest iWmo message accepted (bytes; API, background pipeline and CLI). Larger ones are
# refused before parsing.
IWMO_MAX_BYTES = int(os.environ.get("IWMO_MAX_BYTES", 5 * 1024 * 1024))
if DEBUG:
    REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"].append(
        "rest_framework.renderers.BrowsableAPIRenderer"
    )
SPECTACULAR_SETTINGS = {
    "TITLE": "OpenWmo API",
    "DESCRIPTION": "API van OpenWmo: register van inwoners, huishoudens, organisaties en gebieden.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Steering dashboards read the figures computed ahead by the nightly refresh
# (`openwmo sturing_bijwerken`) while they are at most this many hours old; older or
# missing ones are computed on request (docs/sturing.md).
STURING_TUSSENSTAND_UREN = int(os.environ.get("STURING_TUSSENSTAND_UREN", "36"))

# Outgoing mail (the one-time password link): an SMTP relay of the municipality. Under
# DEBUG mail is written to the console instead, unless EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG and not EMAIL_HOST
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = EMAIL_HOST or "localhost"
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 587))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", 10))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "OpenWmo <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Operations (see docs/operations.md): JSON logs with request ids, health and metrics.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "openwmo.ops.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "openwmo.ops.logs.JsonFormatter"},
        "tekst": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "tekst" if LOG_FORMAT == "tekst" else "json",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per request comes from openwmo.verzoek (route name, no query string).
        "django.server": {"level": "WARNING"},
        "openwmo.verzoek": {"level": os.environ.get("LOG_LEVEL_VERZOEKEN", "INFO")},
    },
}
OPS_METRICS_TOKEN = os.environ.get("OPS_METRICS_TOKEN", "")
OPS_METRICS_DIR = Path(os.environ.get("OPS_METRICS_DIR", VAR_DIR / "metrics"))
OPS_MAX_WACHTRIJ_SECONDEN = int(os.environ.get("OPS_MAX_WACHTRIJ_SECONDEN", 300))
OPS_MIN_VRIJ_MB = int(os.environ.get("OPS_MIN_VRIJ_MB", 500))
OPS_TERMIJN_CACHE_SECONDEN = int(os.environ.get("OPS_TERMIJN_CACHE_SECONDEN", 60))
