"""Production settings pass Django's deployment checks without warnings."""

import os
import subprocess
import sys


def test_check_deploy_is_clean(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "openwmo.conf.settings",
        "DEBUG": "false",
        "SECRET_KEY": "k8#Vq2!zP0rT9wXy4bN6mL1cJ3hG5fD7sA2eR8tY0uI4oP6aS9dF1gH3jK5lZ7xC",
        "ALLOWED_HOSTS": "wmo.gemeente.example",
        "OPENWMO_VAR_DIR": str(tmp_path),
    }
    for key in (
        "SECURE_SSL_REDIRECT",
        "SECURE_COOKIES",
        "SECURE_HSTS_SECONDS",
        "DATABASE_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the e2e tests for Playwright
    ):
        env.pop(key, None)
    result = subprocess.run(
        [sys.executable, "-m", "openwmo", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "openwmo.conf.settings",
        "DEBUG": "false",
        "SECRET_KEY": "",
        "OPENWMO_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "openwmo", "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
