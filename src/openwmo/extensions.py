"""Find a named module in every OpenWmo app, so shared features can ask each app.

Used for start-page sections (``werkvoorraad``), menu items (``navigatie``) and the
resident's data export (``inzage``). Apps are asked in INSTALLED_APPS order.
"""

from functools import cache
from importlib import import_module

from django.apps import apps


@cache
def app_modules(name: str) -> tuple:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("openwmo."):
            continue
        try:
            found.append(import_module(f"{config.name}.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
    return tuple(found)
