"""A canonical CSV export of the seeded register, for comparing two runs byte by byte.

One file per table, rows ordered by primary key, without timestamps (aangemaakt_op,
gewijzigd_op, date_joined, last_login) and without password hashes. The legacy client
export written by ``seed`` is copied along when it exists.
"""

import csv
import datetime
import os
import shutil
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from openwmo.aanbod.models import (
    Activiteit,
    ActiviteitDomein,
    Beschikbaarheid,
    Bezetting,
    Dienst,
    Tijdslot,
    VrijwilligerDomein,
    Vrijwilligersprofiel,
)
from openwmo.accounts.models import User
from openwmo.berichten.models import Contract
from openwmo.gebieden.models import Buurt, Buurtkamer, Openingstijd, Postcode, Wijk
from openwmo.inwoners.models import Adres, Huishouden, Persoon, Relatie
from openwmo.organisaties.models import Organisatie, Team

from .constants import LEGACY_FILENAME

# (file name, model, fields); fields may follow foreign keys.
TABLES = [
    ("wijken", Wijk, ["id", "code", "naam", "soort"]),
    ("buurten", Buurt, ["id", "code", "naam", "wijk_id"]),
    (
        "postcodes",
        Postcode,
        ["id", "postcode", "buurt_id", "straat", "woonplaats", "latitude", "longitude"],
    ),
    (
        "buurtkamers",
        Buurtkamer,
        [
            "id",
            "naam",
            "soort",
            "wijk_id",
            "straat",
            "huisnummer",
            "postcode",
            "woonplaats",
            "telefoon",
        ],
    ),
    ("openingstijden", Openingstijd, ["id", "buurtkamer_id", "weekdag", "van", "tot"]),
    (
        "contracten",
        Contract,
        ["aanbieder_id", "productcategorie", "productcode", "uitvoeringsvariant", "ingangsdatum"],
    ),
    (
        "organisaties",
        Organisatie,
        [
            "id",
            "naam",
            "soort",
            "agb_code",
            "kvk_nummer",
            "gemeentecode",
            "email",
            "telefoon",
            "actief",
        ],
    ),
    ("teams", Team, ["id", "organisatie_id", "naam", "wijk_id"]),
    (
        "adressen",
        Adres,
        [
            "id",
            "straat",
            "huisnummer",
            "huisletter",
            "huisnummertoevoeging",
            "postcode",
            "woonplaats",
            "buurt_id",
        ],
    ),
    ("huishoudens", Huishouden, ["id", "adres_id", "samenstelling"]),
    (
        "personen",
        Persoon,
        [
            "id",
            "bsn",
            "voornamen",
            "voorvoegsel",
            "achternaam",
            "geboortedatum",
            "geslacht",
            "huishouden_id",
            "rol_in_huishouden",
            "telefoon",
            "email",
        ],
    ),
    (
        "relaties",
        Relatie,
        [
            "id",
            "persoon_id",
            "gerelateerde_id",
            "naam",
            "soort",
            "telefoon",
            "is_mantelzorger",
            "mantelzorg_uren_per_week",
            "vertegenwoordiging",
            "sinds",
        ],
    ),
    (
        "activiteiten",
        Activiteit,
        [
            "id",
            "organisatie_id",
            "titel",
            "soort",
            "wijk_id",
            "buurtkamer_id",
            "locatie",
            "postcode",
            "latitude",
            "longitude",
            "kosten",
            "aanmelding",
            "status",
        ],
    ),
    ("activiteit_domeinen", ActiviteitDomein, ["id", "activiteit_id", "domein"]),
    ("activiteit_tijden", Tijdslot, ["id", "activiteit_id", "weekdag", "van", "tot"]),
    (
        "vrijwilligersprofielen",
        Vrijwilligersprofiel,
        ["id", "user_id", "organisatie_id", "wijk_id", "postcode", "vog_datum", "max_matches"],
    ),
    ("vrijwilliger_domeinen", VrijwilligerDomein, ["id", "profiel_id", "domein"]),
    ("beschikbaarheid", Beschikbaarheid, ["id", "profiel_id", "weekdag", "dagdeel"]),
    ("bezetting", Bezetting, ["id", "buurtkamer_id", "minimum"]),
    ("diensten", Dienst, ["id", "buurtkamer_id", "weekdag", "van", "tot", "soort", "naam"]),
]
USER_FIELDS = [
    "id",
    "username",
    "first_name",
    "last_name",
    "email",
    "rol",
    "is_active",
    "is_staff",
    "is_superuser",
    "persoon_id",
    "medewerker__organisatie__naam",
    "medewerker__team__naam",
    "medewerker__functie",
    "medewerker__telefoon",
]
USER_HEADER = [
    "id",
    "username",
    "first_name",
    "last_name",
    "email",
    "rol",
    "is_active",
    "is_staff",
    "is_superuser",
    "persoon_id",
    "organisatie",
    "team",
    "functie",
    "telefoon",
    "wijken",
]
CHUNK = 5_000


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def write_table(path: Path, header: list[str], rows) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as output:
        writer = csv.writer(output, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([cell(value) for value in row])
            count += 1
    return count


def user_rows():
    werkgebied: dict[int, list[str]] = {}
    through = User.wijken.through.objects.order_by("user_id", "wijk__code")
    for user_id, code in through.values_list("user_id", "wijk__code").iterator(chunk_size=CHUNK):
        werkgebied.setdefault(user_id, []).append(code)
    users = User.objects.order_by("pk").values_list(*USER_FIELDS).iterator(chunk_size=CHUNK)
    for row in users:
        yield [*row, ";".join(werkgebied.get(row[0], []))]


def export_register(
    directory: str | os.PathLike, legacy_csv: str | os.PathLike | None = None
) -> list[tuple[Path, int]]:
    """Write the canonical export to ``directory``; return (file, data rows) per file."""
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model, fields in TABLES:
        rows = model.objects.order_by("pk").values_list(*fields).iterator(chunk_size=CHUNK)
        path = target / f"{name}.csv"
        written.append((path, write_table(path, fields, rows)))
    path = target / "gebruikers.csv"
    written.append((path, write_table(path, USER_HEADER, user_rows())))
    if legacy_csv is not None and not Path(legacy_csv).exists():
        raise FileNotFoundError(f"Export van bestaande cliënten niet gevonden: {legacy_csv}")
    source = Path(legacy_csv) if legacy_csv else Path(settings.VAR_DIR) / "demo" / LEGACY_FILENAME
    if source.exists():
        path = target / LEGACY_FILENAME
        if source.resolve() != path.resolve():
            shutil.copyfile(source, path)
        with open(path, encoding="utf-8") as legacy:
            written.append((path, sum(1 for _ in legacy) - 1))
    return written
