"""Rate limits count in a cache shared by every worker (issue 19 leftover).

With Django's default per-process cache each gunicorn worker counted apart, so the limit
of the public melding form and the API throttles grew with the number of workers.
Production now keeps the counters in the database (accounts migration 0005 makes the
table; `check --deploy` refuses a per-process cache, openwmo.E004)."""

import os
import subprocess
import sys

import pytest
from django.db import connection
from django.test import override_settings

from openwmo.accounts.checks import gedeelde_cache
from openwmo.toegang.views import ONLINE_MAX

from .test_deploy_checks import WEG, check_deploy

pytestmark = pytest.mark.django_db

DATABASE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "openwmo_cache",
    }
}


def test_migrate_maakt_de_cachetabel():
    assert "openwmo_cache" in connection.introspection.table_names()


def test_productie_gebruikt_de_databasecache(tmp_path):
    """Production settings (no OPENWMO_CACHE): the database cache, and check --deploy passes."""
    assert check_deploy(tmp_path).returncode == 0
    env = {k: v for k, v in os.environ.items() if k not in WEG}
    env.update(
        DJANGO_SETTINGS_MODULE="openwmo.conf.settings",
        DEBUG="false",
        SECRET_KEY="k8#Vq2!zP0rT9wXy4bN6mL1cJ3hG5fD7sA2eR8tY0uI4oP6aS9dF1gH3jK5lZ7xC",
        ALLOWED_HOSTS="wmo.gemeente.example",
        OPENWMO_VAR_DIR=str(tmp_path),
    )
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "c = settings.CACHES['default']; print(c['BACKEND'], c['LOCATION'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == [
        "django.core.cache.backends.db.DatabaseCache",
        "openwmo_cache",
    ]


def test_check_deploy_weigert_een_cache_per_proces(tmp_path):
    result = check_deploy(tmp_path, OPENWMO_CACHE="locmem")
    assert result.returncode != 0
    assert "openwmo.E004" in result.stderr + result.stdout


def test_de_controle_geldt_alleen_buiten_debug(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.DEBUG = False
    assert [e.id for e in gedeelde_cache(None)] == ["openwmo.E004"]
    settings.DEBUG = True
    assert gedeelde_cache(None) == []
    settings.DEBUG = False
    settings.CACHES = DATABASE
    assert gedeelde_cache(None) == []


def _meld(client):
    return client.post("/toegang/melden/", {}, REMOTE_ADDR="203.0.113.9").status_code


def test_limiet_van_het_meldformulier_geldt_over_werkers_heen(client):
    """A new cache connection (another worker) sees the count of the first one."""
    with override_settings(CACHES=DATABASE):
        assert [_meld(client) for _ in range(ONLINE_MAX)] == [200] * ONLINE_MAX
    with override_settings(CACHES=DATABASE):  # fresh cache handlers: the next worker
        assert _meld(client) == 429


def test_zo_telde_een_cache_per_proces(client):
    """The same steps with a per-process cache per worker: the second worker starts at 0."""
    eerste = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    tweede = {"default": {**eerste["default"], "LOCATION": "werker-2"}}
    with override_settings(CACHES=eerste):
        assert [_meld(client) for _ in range(ONLINE_MAX)] == [200] * ONLINE_MAX
    with override_settings(CACHES=tweede):
        assert _meld(client) == 200
