"""How domain apps add to the shared screens without the portal knowing them.

An app may have a module ``werkvoorraad`` with ``secties(user) -> list[dict]``
(each dict: ``template`` and ``context``) for the start page, and a module
``navigatie`` with ``items(user) -> list[tuple[label, url]]`` for the main menu.
Apps are asked in INSTALLED_APPS order.
"""

from functools import cache
from importlib import import_module

from django.apps import apps


@cache
def _modules(name: str) -> tuple:
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


def werkvoorraad_secties(user) -> list[dict]:
    return [s for module in _modules("werkvoorraad") for s in module.secties(user)]


def navigatie_items(user) -> list[tuple[str, str]]:
    return [item for module in _modules("navigatie") for item in module.items(user)]
