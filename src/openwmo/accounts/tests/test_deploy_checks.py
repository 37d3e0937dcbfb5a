"""`openwmo check --deploy` refuses production settings without the log-in protection."""

import os
import subprocess
import sys

import pytest

from openwmo.accounts.checks import inlogbeveiliging

WEG = (
    "SECURE_SSL_REDIRECT",
    "SECURE_COOKIES",
    "SECURE_HSTS_SECONDS",
    "DATABASE_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "TWEESTAPS_VERPLICHT",
    "API_TOKEN_GELDIGHEID_UREN",
    "OPENWMO_TRUSTED_PROXIES",
    "OPENWMO_ACHTER_PROXY",
    "USE_X_FORWARDED_HOST",
    "USE_X_FORWARDED_PORT",
    "CSRF_TRUSTED_ORIGINS",
    "OPENWMO_CACHE",
)


def check_deploy(tmp_path, **extra) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in WEG}
    env.update(
        DJANGO_SETTINGS_MODULE="openwmo.conf.settings",
        DEBUG="false",
        SECRET_KEY="k8#Vq2!zP0rT9wXy4bN6mL1cJ3hG5fD7sA2eR8tY0uI4oP6aS9dF1gH3jK5lZ7xC",
        ALLOWED_HOSTS="wmo.gemeente.example",
        OPENWMO_VAR_DIR=str(tmp_path),
        **extra,
    )
    return subprocess.run(
        [sys.executable, "-m", "openwmo", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_achter_proxy_met_aantal_proxies_is_goed(tmp_path):
    result = check_deploy(
        tmp_path,
        CSRF_TRUSTED_ORIGINS="https://wmo.gemeente.example",
        OPENWMO_TRUSTED_PROXIES="1",
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("extra", "fout"),
    [
        ({"CSRF_TRUSTED_ORIGINS": "https://wmo.gemeente.example"}, "openwmo.E001"),
        ({"OPENWMO_ACHTER_PROXY": "true"}, "openwmo.E001"),
        ({"USE_X_FORWARDED_HOST": "true"}, "openwmo.E001"),
        ({"TWEESTAPS_VERPLICHT": "false"}, "openwmo.E002"),
        ({"API_TOKEN_GELDIGHEID_UREN": "0"}, "openwmo.E003"),
    ],
)
def test_check_deploy_faalt_zonder_inlogbeveiliging(tmp_path, extra, fout):
    result = check_deploy(tmp_path, **extra)
    assert result.returncode != 0
    assert fout in result.stderr + result.stdout


def test_de_controle_noemt_precies_de_onveilige_instellingen(settings):
    """In development (without --deploy) the same settings are fine; the check itself
    reports exactly the unsafe ones."""
    settings.TWEESTAPS_VERPLICHT = False
    settings.API_TOKEN_GELDIGHEID_UREN = 0
    settings.OPENWMO_TRUSTED_PROXIES = None
    settings.OPENWMO_ACHTER_PROXY = True
    assert {e.id for e in inlogbeveiliging(None)} == {
        "openwmo.E001",
        "openwmo.E002",
        "openwmo.E003",
    }
    settings.OPENWMO_TRUSTED_PROXIES = 0
    settings.TWEESTAPS_VERPLICHT = True
    settings.API_TOKEN_GELDIGHEID_UREN = 8
    assert inlogbeveiliging(None) == []
