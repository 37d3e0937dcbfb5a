"""How domain apps add to the shared screens without the portal knowing them.

An app may have a module ``werkvoorraad`` with ``secties(user) -> list[dict]``
(each dict: ``template`` and ``context``) for the start page, and a module
``navigatie`` with ``items(user) -> list[tuple[label, url]]`` for the main menu.
The resident's file and the support plan page take extra sections the same way:
a module ``dossiersecties`` with ``secties(user, persoon) -> list[dict]`` and a module
``plansecties`` with ``secties(user, plan) -> list[dict]``. A section reads its data
through its own app's selectors, so scope rules stay with that app. Resident-file sections
do not write audit records themselves: they list the data they show in ``velden`` and
the file's one read record names them (one record per read of a file).
"""

from openwmo.extensions import app_modules


def werkvoorraad_secties(user) -> list[dict]:
    return [s for module in app_modules("werkvoorraad") for s in module.secties(user)]


def navigatie_items(user) -> list[tuple[str, str, str]]:
    """(label, url, app label) for every menu item of every app."""
    return [
        (label, url, module.__name__.split(".")[1])
        for module in app_modules("navigatie")
        for label, url in module.items(user)
    ]


def dossier_secties(user, persoon) -> list[dict]:
    return [s for module in app_modules("dossiersecties") for s in module.secties(user, persoon)]


def plan_secties(user, plan) -> list[dict]:
    return [s for module in app_modules("plansecties") for s in module.secties(user, plan)]
