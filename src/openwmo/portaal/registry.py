"""How domain apps add to the shared screens without the portal knowing them.

An app may have a module ``werkvoorraad`` with ``secties(user) -> list[dict]``
(each dict: ``template`` and ``context``) for the start page, and a module
``navigatie`` with ``items(user) -> list[tuple[label, url]]`` for the main menu.
"""

from openwmo.extensions import app_modules


def werkvoorraad_secties(user) -> list[dict]:
    return [s for module in app_modules("werkvoorraad") for s in module.secties(user)]


def navigatie_items(user) -> list[tuple[str, str]]:
    return [item for module in app_modules("navigatie") for item in module.items(user)]
