"""Settings for the test suite: SQLite in memory unless DATABASE_URL is set."""

import os

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "openwmo-test-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_COOKIES", "false")
from .settings import *  # noqa: E402,F403
from .settings import env_bool  # noqa: E402

# Tests that need two-factor authentication switch it on with override_settings. Set here,
# not in os.environ, so a production-settings subprocess started by a test does not inherit it.
TWEESTAPS_VERPLICHT = env_bool("TWEESTAPS_VERPLICHT", False)
# A per-process cache in the test process unless OPENWMO_CACHE is set (likewise not via
# os.environ); production's database cache is tested explicitly (accounts/tests/test_cache.py).
if "OPENWMO_CACHE" not in os.environ:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The tests seed the demo municipality, so the demo add-on is installed (production leaves it out).
if "openwmo.demo" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "openwmo.demo"]  # noqa: F405

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
