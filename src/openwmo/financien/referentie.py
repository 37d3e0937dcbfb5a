"""Default configuration shipped with the product (loaded by a data migration; a
municipality changes it in the admin). No Django imports: migrations use these lists."""

import datetime

# Price per unit of the legacy products (municipal tariffs of the old contracts) and the
# normative hour price per lot used to value delivered support against the lumpsum.
# (code, eenheid, vanaf_jaar, cents)
TARIEVEN = [
    ("TO_PRAKTISCH", "uur_per_week", 2020, 4_000),
    ("TO1", "uur_per_week", 2020, 4_800),
    ("TO2", "uur_per_week", 2020, 5_500),
    ("TO3", "uur_per_week", 2020, 6_200),
    ("TO4", "uur_per_week", 2020, 7_000),
    ("DB1", "dagdeel_per_week", 2020, 3_000),
    ("DB2", "dagdeel_per_week", 2020, 3_800),
    ("DB3", "dagdeel_per_week", 2020, 4_800),
    ("DB4", "dagdeel_per_week", 2020, 3_500),
    ("DB5", "dagdeel_per_week", 2020, 4_500),
    ("DB6", "dagdeel_per_week", 2020, 6_000),
    ("HH1", "uur_per_week", 2020, 2_800),
    ("HH2", "uur_per_week", 2020, 3_200),
    ("KV", "etmaal_per_jaar", 2020, 15_000),
    ("basis", "uur_per_week", 2020, 5_000),
    ("to-db", "uur_per_week", 2020, 6_000),
    ("hh", "uur_per_week", 2020, 3_000),
    ("kv", "uur_per_week", 2020, 6_500),
]

# Units per year of each legacy unit.
EENHEDEN_PER_JAAR = {"uur_per_week": 52, "dagdeel_per_week": 52, "etmaal_per_jaar": 1}

# Share (basis points) of each legacy category expected in basisondersteuning: light home
# support fully, half of TO3 and of DB2/DB5, specialist support none (Leeuwarden §7.1:
# about 75% of home support and 55% of day activities).
AANNAMES = {
    "TO_PRAKTISCH": 10_000,
    "TO1": 10_000,
    "TO2": 10_000,
    "TO3": 5_000,
    "TO4": 0,
    "DB1": 10_000,
    "DB2": 5_000,
    "DB3": 0,
    "DB4": 10_000,
    "DB5": 5_000,
    "DB6": 0,
    "HH1": 0,
    "HH2": 0,
    "KV": 0,
}
AANNAMES_VANAF = 2020

# Which lot pays a legacy category once it is aanvullend.
PERCEEL_VAN_CATEGORIE = {
    **{c: "to-db" for c in ["TO_PRAKTISCH", "TO1", "TO2", "TO3", "TO4"]},
    **{c: "to-db" for c in ["DB1", "DB2", "DB3", "DB4", "DB5", "DB6"]},
    "HH1": "hh",
    "HH2": "hh",
    "KV": "kv",
}

# The national abonnementstarief: (valid from, cents, period).
ABONNEMENTSTARIEVEN = [
    (datetime.date(2019, 1, 1), 1_750, "4_weken"),
    (datetime.date(2020, 1, 1), 1_900, "maand"),
    (datetime.date(2024, 1, 1), 2_060, "maand"),
    (datetime.date(2025, 1, 1), 2_100, "maand"),
    (datetime.date(2026, 1, 1), 2_180, "maand"),
]

# Leeuwarden, Plan Wmo §7.2: measures from 2021 filling the structural target of € 3.6 M.
# (name, pillar, fixed cents or None, percentage in basis points or None, base cents, year)
LEEUWARDEN = {
    "code": "leeuwarden",
    "naam": "Leeuwarden: invulling taakstelling € 3,6 miljoen",
    "taakstelling_cents": 360_000_000,
    "taakstelling_vanaf": 2020,
    "toelichting": "Voorbeeld uit het Plan Wmo van Leeuwarden (financiële paragraaf, §7.2).",
    "maatregelen": [
        ("Afschaling dagbesteding 2018 door de eerste lijn", "basis", 60_000_000, None, None, 2018),
        ("Opdracht afschaling 2019 aan de eerste lijn", "basis", 65_000_000, None, None, 2019),
        ("Opdracht afschaling 2020 aan de eerste lijn", "basis", 65_000_000, None, None, 2020),
        (
            "Huishoudelijke hulp / algemene schoonmaakvoorziening 2020",
            "aanvullend",
            65_000_000,
            None,
            None,
            2020,
        ),
        (
            "Minder administratieve lasten basisondersteuning (1.800 beschikkingen minder)",
            "basis",
            16_000_000,
            None,
            None,
            2021,
        ),
        (
            "Minder administratieve lasten zorgaanbieders: 1% van de omzet",
            "aanvullend",
            None,
            100,
            1_500_000_000,
            2021,
        ),
        (
            "Besparing totale begeleiding/thuisondersteuning 10%",
            "aanvullend",
            None,
            1_000,
            560_000_000,
            2021,
        ),
        ("Besparing totale dagbesteding 10%", "aanvullend", None, 1_000, 240_000_000, 2021),
        ("Besparing huishoudelijke hulp", "aanvullend", 20_000_000, None, None, 2021),
        (
            "Minder kosten pgb: 10% van de begrote uitgaven thuisondersteuning",
            "aanvullend",
            None,
            1_000,
            300_000_000,
            2021,
        ),
        (
            "5% op het resterende budget aanvullende ondersteuning",
            "aanvullend",
            None,
            500,
            560_000_000,
            2021,
        ),
    ],
}
