"""Fixed facts of the demo municipality Lindeveen, shared by the generator, docs and tests.

No Django imports here: the README, Makefile and end-to-end tests import these names.
"""

import datetime

GEMEENTENAAM = "Lindeveen"
GEMEENTECODE = "1999"

# The reference date of the demo: ages, beschikkingen and persona stories are true on it.
PEILDATUM = datetime.date(2026, 10, 1)

DEFAULT_RESIDENTS = 20_000
DEFAULT_SEED = 2026
MIN_RESIDENTS = 100

DEMO_PASSWORD = "demo-openwmo-2026"

# (username, rol, description). The rol values are those of accounts.models.Rol.
DEMO_USERS = [
    ("inwoner", "inwoner", "Jelle Bosveld (44), inwoner van Centrum: eigen gegevens inzien"),
    ("vrijwilliger", "vrijwilliger", "Vrijwilliger in de buurtkamer van Centrum"),
    (
        "sociaalwerker",
        "sociaal_werker",
        "Sociaal werker en teamleider wijkteam Centrum (werkt in Centrum en Veenhoven)",
    ),
    (
        "zorgaanbieder",
        "zorgaanbieder",
        "Begeleider bij een aanbieder van aanvullende ondersteuning",
    ),
    ("consulent", "wmo_consulent", "Wmo-consulent van de gemeente"),
    ("beleid", "beleidsmaker", "Beleidsmaker / contractmanager van de gemeente"),
    ("toezicht", "toezichthouder", "Toezichthouder / klachtenfunctionaris van de gemeente"),
    ("privacy", "privacy_functionaris", "Privacyfunctionaris van de gemeente"),
    ("beheer", "beheerder", "Functioneel beheerder van de gemeente"),
    (
        "beheer2",
        "beheerder",
        "Tweede functioneel beheerder: keurt rolwijzigingen van 'beheer' goed (vier ogen)",
    ),
]

LEGACY_FILENAME = "bestaande-clienten.csv"
LEGACY_COLUMNS = [
    "bsn",
    "achternaam",
    "geboortedatum",
    "postcode",
    "huisnummer",
    "product",
    "aanbieder_agb",
    "ingangsdatum",
    "einddatum",
    "volume",
    "eenheid",
    "leveringsvorm",
]

# Legacy Wmo products of the municipal export (Leeuwarden's categories) and their units.
TO_PRODUCTS = ["TO_PRAKTISCH", "TO1", "TO2", "TO3", "TO4"]
DB_PRODUCTS = ["DB1", "DB2", "DB3", "DB4", "DB5", "DB6"]
HH_PRODUCTS = ["HH1", "HH2"]
KV_PRODUCTS = ["KV"]
LEGACY_PRODUCTS = TO_PRODUCTS + DB_PRODUCTS + HH_PRODUCTS + KV_PRODUCTS
