"""The deterministic demo municipality "Gemeente Lindeveen" (CBS code 1999).

``seed()`` fills an empty database: wijken and buurten with postcodes, buurtkamers with
opening hours, the gemeente and its providers, teams, staff and volunteers, the demo
log-ins, and a realistic population with households, carers and representatives.
The municipality's existing beschikkingen go to a CSV "municipal export" instead.

Only ``random.Random`` streams derived from the seed are used, rows get explicit primary
keys and are inserted in chunks: the same arguments give the same data, and a million
residents fit in a few minutes and modest memory.
"""

import os
import random
from pathlib import Path

from django.core.management.color import no_style
from django.db import connection, transaction

from openwmo.accounts.models import User
from openwmo.gebieden.models import Buurt, Buurtkamer, Openingstijd, Postcode, Wijk
from openwmo.inwoners.models import Adres, Huishouden, Persoon, Relatie
from openwmo.organisaties.models import Medewerker, Organisatie, Team

from .aanbod import build_aanbod
from .constants import (
    DEFAULT_RESIDENTS,
    DEFAULT_SEED,
    DEMO_USERS,
    GEMEENTECODE,
    GEMEENTENAAM,
    LEGACY_FILENAME,
    LEGACY_PRODUCTS,
    MIN_RESIDENTS,
)
from .contracts import build_contracts
from .demodata import vul_alles
from .geography import Geography
from .legacy import LegacyClients
from .organisations import build_organisations, build_staff
from .personas import add_personas
from .plannen import build_persona_plans
from .residents import Residents

MAX_RESIDENTS = 5_000_000

# Models the generator fills, in insert order; all get explicit primary keys.
SEEDED_MODELS = [
    ("wijken", Wijk),
    ("buurten", Buurt),
    ("postcodes", Postcode),
    ("buurtkamers", Buurtkamer),
    ("openingstijden", Openingstijd),
    ("organisaties", Organisatie),
    ("teams", Team),
    ("adressen", Adres),
    ("huishoudens", Huishouden),
    ("personen", Persoon),
    ("relaties", Relatie),
    ("gebruikers", User),
    ("medewerkers", Medewerker),
]


class DatabaseNotEmpty(Exception):
    """The database already holds register data; the demo needs an empty one."""


def seed(
    residents: int = DEFAULT_RESIDENTS,
    seed: int = DEFAULT_SEED,
    stdout=None,
    *,
    legacy_dir: str | os.PathLike | None = None,
) -> dict:
    """Fill an empty database with Gemeente Lindeveen; return a summary.

    With ``legacy_dir`` the existing clients are written to ``bestaande-clienten.csv``
    there (only when the whole seed succeeds).
    """
    if not MIN_RESIDENTS <= residents <= MAX_RESIDENTS:
        raise ValueError(
            f"Het aantal inwoners moet tussen {MIN_RESIDENTS} en {MAX_RESIDENTS} liggen."
        )
    ensure_empty()
    legacy_path = Path(legacy_dir) / LEGACY_FILENAME if legacy_dir is not None else None
    partial = legacy_path.with_suffix(".csv.deel") if legacy_path else None
    try:
        with transaction.atomic():
            output = open(partial, "w", encoding="utf-8", newline="") if partial else None
            try:
                summary = build_town(residents, seed, stdout, output)
            finally:
                if output:
                    output.close()
            reset_sequences()
            summary["ondersteuningsplannen"] = build_persona_plans()
            # The product apps' demo data (``demodata/<app>.py``), in a fixed order.
            summary.update(vul_alles(seed))
    except BaseException:
        if partial and partial.exists():
            partial.unlink()
        raise
    if partial:
        partial.replace(legacy_path)
        summary["bestand_bestaande_clienten"] = str(legacy_path)
    if stdout is not None:
        stdout.write(report(summary) + "\n")
    return summary


def ensure_empty() -> None:
    filled = [
        label for label, model in SEEDED_MODELS if model is not User and model.objects.exists()
    ]
    demo_names = [username for username, _, _ in DEMO_USERS]
    if User.objects.filter(username__in=demo_names).exists():
        filled.append("demo-gebruikers")
    if filled:
        raise DatabaseNotEmpty(
            "De database bevat al gegevens; gebruik een lege database (bijvoorbeeld een nieuw "
            "SQLite-bestand of na 'openwmo flush'). Al gevuld: " + ", ".join(filled) + "."
        )


def build_town(residents: int, seed: int, stdout, output) -> dict:
    """Create every row, in foreign-key order, with one random stream per part."""

    def stream(part: str) -> random.Random:
        return random.Random(f"lindeveen:{seed}:{part}")

    geography = Geography(stream("gebieden"), residents)
    Wijk.objects.bulk_create(geography.wijk_models())
    Buurt.objects.bulk_create(geography.buurt_models(), batch_size=500)
    kamers, tijden = geography.buurtkamers()
    Postcode.objects.bulk_create(geography.take_new_postcodes(), batch_size=500)
    Buurtkamer.objects.bulk_create(kamers, batch_size=500)
    Openingstijd.objects.bulk_create(tijden, batch_size=500)

    orgs = build_organisations(stream("organisaties"), geography)
    build_contracts(orgs)
    legacy = LegacyClients(stream("bestaande-clienten"), orgs.agb_codes())
    if output is not None:
        legacy.start(output)
    people = Residents(stream("inwoners"), geography, legacy, stdout)
    if stdout is not None:
        stdout.write(f"Inwoners aanmaken: {residents:,}\n".replace(",", "."))
    people.populate(add_personas)

    first_user_pk = (User.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    taken = set(User.objects.values_list("username", flat=True))
    build_staff(
        stream("medewerkers"), geography, orgs, people.names, people.jelle, first_user_pk, taken
    )
    build_aanbod(stream("aanbod"))
    return summarise(residents, seed, legacy)


def reset_sequences() -> None:
    """Let the database hand out ids after the explicit ones (PostgreSQL sequences)."""
    models = [model for _, model in SEEDED_MODELS] + [User.wijken.through]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def summarise(residents: int, seed: int, legacy: LegacyClients) -> dict:
    counts = {label: model.objects.count() for label, model in SEEDED_MODELS}
    clients = legacy.summary()
    per_1000 = 1000 / residents
    return {
        "gemeente": GEMEENTENAAM,
        "gemeentecode": GEMEENTECODE,
        "inwoners": residents,
        "seed": seed,
        "aantallen": counts,
        "bestaande_clienten": {
            "per_product": clients["producten"],
            "hh": clients["clienten_hh"],
            "to_db": clients["clienten_to_db"],
            "hh_per_1000": round(clients["clienten_hh"] * per_1000, 1),
            "to_db_per_1000": round(clients["clienten_to_db"] * per_1000, 1),
            "regels": clients["regels"],
        },
    }


def report(summary: dict) -> str:
    """A short Dutch summary for the console."""

    def number(value) -> str:
        return f"{value:,}".replace(",", ".")

    counts = summary["aantallen"]
    clients = summary["bestaande_clienten"]
    lines = [
        f"Gemeente {summary['gemeente']} ({summary['gemeentecode']}) aangemaakt "
        f"met seed {summary['seed']}:",
        f"  {number(counts['personen'])} inwoners in {number(counts['huishoudens'])} "
        f"huishoudens op {number(counts['adressen'])} adressen",
        f"  {counts['wijken']} wijken en dorpen, {counts['buurten']} buurten, "
        f"{number(counts['postcodes'])} postcodes, {counts['buurtkamers']} buurt- en dorpskamers",
        f"  {counts['organisaties']} organisaties, {counts['teams']} teams, "
        f"{number(counts['gebruikers'])} gebruikers, {number(counts['relaties'])} relaties",
        f"  Bestaande cliënten: {number(clients['hh'])} met huishoudelijke hulp "
        f"({clients['hh_per_1000']} per 1.000), {number(clients['to_db'])} met "
        f"thuisondersteuning of dagbesteding ({clients['to_db_per_1000']} per 1.000)",
        "  Per product: "
        + ", ".join(
            f"{p} {number(clients['per_product'][p])}"
            for p in LEGACY_PRODUCTS
            if clients["per_product"][p]
        ),
    ]
    if summary.get("bestand_bestaande_clienten"):
        lines.append(f"  Export bestaande cliënten: {summary['bestand_bestaande_clienten']}")
    return "\n".join(lines)
