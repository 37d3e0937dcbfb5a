"""Computing household-help minutes from a norm framework (pure functions, no database).

A framework (``Normenkader.inhoud``) is JSON::

    {"activiteiten": [{"code", "naam", "minuten", "per_extra_persoon", "kamers_inbegrepen",
                       "per_extra_kamer"}],
     "toeslagen": [{"code", "naam", "minuten"}]}

Per activity: standard minutes per week, plus minutes per household member beyond the
first, plus minutes per room in use beyond those included; of that subtotal only the share
the resident and usual help cannot do themselves (``overname``, 0–100 %) counts, rounded
half up to whole minutes. Supplements for limitations are added as whole minutes.
"""

from django.conf import settings
from django.utils.translation import gettext as _

# Fast-route deadlines in calendar days and the validity of a household-help decision;
# a municipality overrides them with the setting OPENWMO_SNELLE_ROUTE.
STANDAARD_ROUTE = {
    "hh": {"beslistermijn": 14, "levertijd": 14},
    "vervoerspas": {"beslistermijn": 5, "levertijd": 10},
    "woonaanpassing": {"beslistermijn": 14, "levertijd": 42},
    "geldigheid_maanden": 24,
    "geldigheid_lang_maanden": 60,
    "leeftijd_lang": 80,
}


def route_instellingen() -> dict:
    return {**STANDAARD_ROUTE, **getattr(settings, "OPENWMO_SNELLE_ROUTE", {})}


def controleer_inhoud(inhoud) -> list[str]:
    """Messages for a framework that cannot be used; empty when it is fine."""
    if not isinstance(inhoud, dict) or not isinstance(inhoud.get("activiteiten"), list):
        return [_("Het normenkader heeft een lijst 'activiteiten' nodig.")]
    fouten = []
    codes = set()
    for i, a in enumerate(inhoud["activiteiten"] + inhoud.get("toeslagen", []), start=1):
        if not isinstance(a, dict) or not a.get("code") or not a.get("naam"):
            fouten.append(_("Onderdeel %(i)s mist een code of naam.") % {"i": i})
            continue
        if a["code"] in codes:
            fouten.append(_("De code %(c)s komt twee keer voor.") % {"c": a["code"]})
        codes.add(a["code"])
        for veld in ("minuten", "per_extra_persoon", "kamers_inbegrepen", "per_extra_kamer"):
            waarde = a.get(veld, 0)
            if not isinstance(waarde, int) or isinstance(waarde, bool) or not 0 <= waarde <= 600:
                fouten.append(
                    _("%(naam)s: %(veld)s moet een heel getal van 0 tot 600 zijn.")
                    % {"naam": a["naam"], "veld": veld}
                )
    return fouten


def bereken(inhoud: dict, *, personen: int, kamers: int, overname: dict, toeslagen=()) -> tuple:
    """Returns (minutes per week, computation lines shown to the resident)."""
    regels = []
    totaal = 0
    for a in inhoud["activiteiten"]:
        extra_personen = max(0, personen - 1) * a.get("per_extra_persoon", 0)
        extra_kamers = max(0, kamers - a.get("kamers_inbegrepen", 0)) * a.get("per_extra_kamer", 0)
        subtotaal = a["minuten"] + extra_personen + extra_kamers
        procent = overname.get(a["code"], 0)
        minuten = (subtotaal * procent + 50) // 100
        totaal += minuten
        regels.append(
            {
                "code": a["code"],
                "naam": a["naam"],
                "norm": a["minuten"],
                "extra_personen": extra_personen,
                "extra_kamers": extra_kamers,
                "subtotaal": subtotaal,
                "overname": procent,
                "minuten": minuten,
            }
        )
    for t in inhoud.get("toeslagen", []):
        if t["code"] in toeslagen:
            totaal += t["minuten"]
            regels.append(
                {"code": t["code"], "naam": t["naam"], "toeslag": True, "minuten": t["minuten"]}
            )
    return totaal, regels


# A worked example shipped as demo configuration. Its structure (activities with standard
# minutes and frequencies, corrections for household size and rooms in use, own capacity
# and usual help, supplements for limitations) follows the "Normenkader Huishoudelijke
# Ondersteuning" by HHM (2019, with KPMG data from more than 50 gemeenten); the minutes
# are an example modelled on it, not the published figures.
VOORBEELD = {
    "naam": "Voorbeeld naar het Normenkader Huishoudelijke Ondersteuning (HHM)",
    "bron": (
        "Opbouw volgens het Normenkader Huishoudelijke Ondersteuning van HHM (2019, "
        "op basis van KPMG-gegevens van meer dan 50 gemeenten); de minuten zijn een "
        "voorbeeld dat daarop is gemodelleerd, niet de gepubliceerde normtijden."
    ),
    "inhoud": {
        "activiteiten": [
            {
                "code": "licht",
                "naam": "Licht huishoudelijk werk (opruimen, afwas, stof)",
                "minuten": 60,
                "per_extra_persoon": 10,
            },
            {
                "code": "zwaar",
                "naam": "Zwaar huishoudelijk werk (stofzuigen, dweilen, sanitair)",
                "minuten": 90,
                "kamers_inbegrepen": 3,
                "per_extra_kamer": 15,
            },
            {
                "code": "was",
                "naam": "Wasverzorging (wassen, drogen, vouwen)",
                "minuten": 30,
                "per_extra_persoon": 15,
            },
            {"code": "bed", "naam": "Bedden verschonen", "minuten": 10, "per_extra_persoon": 5},
            {"code": "boodschappen", "naam": "Boodschappen doen", "minuten": 30},
        ],
        "toeslagen": [
            {
                "code": "hygiene",
                "naam": "Extra schoonmaak bij medisch noodzakelijke hygiëne",
                "minuten": 30,
            },
            {
                "code": "bedlegerig",
                "naam": "Extra verschonen bij bedlegerigheid of incontinentie",
                "minuten": 20,
            },
        ],
    },
}
