"""Benchmark of the iWmo pipeline: parse + validate (levels 1–4) + store N messages.

Residents (BSN, names, birth dates) come from the demo municipality's generators; the
messages are a mix of 305, 307, 315 and 323 from five providers, with about 2% faulty
ones. In the same run the bare lxml XSD validation (parse + official XSD) of the same
files is timed (three runs before and three after the pipeline, the fastest counts), and
the ratio is reported (wall-clock and processor time), with the time per stage of the
pipeline. Runs on one core, on a temporary SQLite database.

    .venv/bin/python benchmarks/iwmo.py --messages 10000
    .venv/bin/python benchmarks/iwmo.py --messages 100000
"""

import argparse
import datetime
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from django.utils import timezone

ROOT = Path(__file__).resolve().parent.parent
XSD_MAP = ROOT / "src" / "openwmo" / "berichten" / "tests" / "referentie" / "xsd"  # official
XSD_HERHALINGEN = 3


def setup_django(tmp: str):
    os.environ["DEBUG"] = "1"
    os.environ["OPENWMO_VAR_DIR"] = tmp
    os.environ["DJANGO_SETTINGS_MODULE"] = "openwmo.conf.settings"
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.conf import settings

    # DEBUG=1 only to run without production secrets; production does not log every
    # query with its parameters (that alone costs ~20% with the message blobs)
    settings.DEBUG = False


def residents(n: int, rng: random.Random):
    from openwmo.demo.bsn import bsn_numbers
    from openwmo.demo.names import NamePicker
    from openwmo.demo.population import birth_date

    names = NamePicker(rng)
    numbers = bsn_numbers()
    for _ in range(n):
        culture = names.culture()
        geslacht = rng.choice("12")
        geboren = birth_date(rng, rng.randint(18, 95))
        voorvoegsel, achternaam = names.surname(names.surname_id(culture))
        yield {
            "bsn": next(numbers),
            "voornamen": names.first_name(culture, geslacht, geboren.year),
            "voorvoegsel": voorvoegsel,
            "achternaam": achternaam,
            "geboortedatum": geboren,
            "geslacht": geslacht,
        }


def prepare(n_messages: int, rng: random.Random):
    """Register, providers, contracts, toewijzingen, and the messages (bytes)."""
    from openwmo.berichten import schema, services
    from openwmo.berichten.models import Contract, Toewijzing, Uitvoeringsvariant
    from openwmo.demo.constants import GEMEENTECODE, GEMEENTENAAM
    from openwmo.inwoners.models import Persoon
    from openwmo.organisaties.models import Organisatie

    Organisatie.objects.create(
        naam=f"Gemeente {GEMEENTENAAM}", soort="gemeente", gemeentecode=GEMEENTECODE
    )
    aanbieders = [
        Organisatie.objects.create(
            naam=f"Aanbieder {i}", soort="aanvullend", agb_code=f"7510000{i}"
        )
        for i in range(5)
    ]
    for org in aanbieders:
        for cat, variant, tarief in [
            ("02", Uitvoeringsvariant.INSPANNINGSGERICHT, 6000),
            ("01", Uitvoeringsvariant.OUTPUTGERICHT, 3000),
            ("06", Uitvoeringsvariant.TAAKGERICHT, None),
        ]:
            Contract.objects.create(
                aanbieder=org,
                productcategorie=cat,
                uitvoeringsvariant=variant,
                tarief=tarief,
                ingangsdatum=datetime.date(2020, 1, 1),
            )
    clients = n_messages // 4 + 1
    personen = Persoon.objects.bulk_create(
        [Persoon(**r) for r in residents(clients, rng)], batch_size=2000
    )
    vandaag = timezone.localdate()
    maand_eind = vandaag.replace(day=1) - datetime.timedelta(days=1)
    maand_begin = maand_eind.replace(day=1)
    begin = maand_begin - datetime.timedelta(days=60)
    toewijzingen = []
    for i, p in enumerate(personen):
        cat = "01" if i % 2 else "02"
        toewijzingen.append(
            Toewijzing(
                nummer=10_000 + i,
                persoon=p,
                bsn=p.bsn,
                aanbieder=aanbieders[i % 5],
                gemeentecode=GEMEENTECODE,
                productcategorie=cat,
                productcode="01HH1" if cat == "01" else "02TO2",
                ingangsdatum=begin,
                volume=20,
                eenheid="04",
                frequentie="4",
                toewijzingsdatum=begin,
                toewijzingstijd=datetime.time(9, 0),
            )
        )
    Toewijzing.objects.bulk_create(toewijzingen, batch_size=2000)

    def header(nr, agb, ident, dag=vandaag):
        return schema.header(
            nr, afzender=agb, ontvanger=GEMEENTECODE, identificatie=ident, dagtekening=dag
        )

    berichten = []
    soorten = ["305", "307", "315", "323"]
    for i, (p, t) in enumerate(zip(personen, toewijzingen, strict=True)):
        agb = t.aanbieder.agb_code
        client = services.client_kort(p)
        start = begin + datetime.timedelta(days=rng.randint(0, 20))
        for soort in soorten:
            if len(berichten) >= n_messages:
                break
            ident = f"{soort}{i:09d}"
            product = {"Categorie": t.productcategorie, "Code": t.productcode}
            if soort == "305":
                body = {
                    **client,
                    "StartProducten": {
                        "StartProduct": [
                            {
                                "ToewijzingNummer": t.nummer,
                                "Product": product,
                                "ToewijzingIngangsdatum": t.ingangsdatum,
                                "Begindatum": start,
                                "StatusAanlevering": "1",
                            }
                        ]
                    },
                }
                data = {"Header": header(soort, agb, ident, start), "Client": body}
            elif soort == "307":
                body = {
                    **client,
                    "StopProducten": {
                        "StopProduct": [
                            {
                                "ToewijzingNummer": t.nummer,
                                "Product": product,
                                "ToewijzingIngangsdatum": t.ingangsdatum,
                                "Begindatum": start,
                                "RedenBeeindiging": rng.choice(["19", "20", "21", "23", "31"]),
                                "Einddatum": start + datetime.timedelta(days=rng.randint(5, 40)),
                                "StatusAanlevering": "1",
                            }
                        ]
                    },
                }
                data = {"Header": header(soort, agb, ident), "Client": body}
            elif soort == "315":
                body = {
                    **client,
                    "AangevraagdeProducten": {
                        "AangevraagdProduct": [
                            {
                                "ReferentieAanbieder": f"V{i}",
                                "Product": {"Categorie": "02", "Code": "02TO3"},
                                "ToewijzingIngangsdatum": vandaag + datetime.timedelta(days=14),
                                "ToewijzingEinddatum": vandaag + datetime.timedelta(days=200),
                                "Omvang": {"Volume": 3, "Eenheid": "04", "Frequentie": "2"},
                                "Verwijzer": {"Type": "01", "Naam": "Gemeente"},
                            }
                        ]
                    },
                }
                data = {"Header": header(soort, agb, ident), "Client": body}
            else:
                tarief = 3000 if t.productcategorie == "01" else 6000
                volume = rng.randint(1, 20)
                data = {
                    "Header": header(soort, agb, ident),
                    "Declaratie": {
                        "DeclaratieNummer": f"D{i}",
                        "DeclaratiePeriode": {"Begindatum": maand_begin, "Einddatum": maand_eind},
                        "DeclaratieDagtekening": vandaag,
                        "TotaalIngediendBedrag": {
                            "TotaalBedrag": volume * tarief,
                            "DebetCredit": "D",
                        },
                        "Clienten": {
                            "Client": [
                                {
                                    "Bsn": p.bsn,
                                    "Prestaties": {
                                        "Prestatie": [
                                            {
                                                "ProductReferentie": {"ReferentieNummer": f"R{i}"},
                                                "ToewijzingNummer": t.nummer,
                                                "ProductCategorie": t.productcategorie,
                                                "ProductCode": t.productcode,
                                                "ProductPeriode": {
                                                    "Begindatum": maand_begin,
                                                    "Einddatum": maand_eind,
                                                },
                                                "GeleverdVolume": volume,
                                                "Eenheid": "04",
                                                "ProductTarief": tarief,
                                                "IngediendBedrag": {
                                                    "Bedrag": volume * tarief,
                                                    "DebetCredit": "D",
                                                },
                                            }
                                        ]
                                    },
                                }
                            ]
                        },
                    },
                }
            raw = schema.schrijf(soort, data)
            if rng.random() < 0.02:  # a faulty message: BSN that fails the 11-check
                raw = raw.replace(p.bsn.encode(), b"123456789", 1)
            berichten.append((soort, raw))
    return berichten


def run(n: int, batch: int, seed: int):
    from lxml import etree

    from openwmo.berichten.models import Bericht
    from openwmo.berichten.verwerking import Invoer, verwerk

    rng = random.Random(seed)
    t0 = time.perf_counter()
    berichten = prepare(n, rng)
    print(f"voorbereid: {len(berichten)} berichten in {time.perf_counter() - t0:.1f} s")
    # process per kind in dates order: starts, requests, stops, declaraties
    volgorde = {"305": 0, "315": 1, "307": 2, "323": 3}
    berichten.sort(key=lambda b: volgorde[b[0]])

    schemas = {nr: etree.XMLSchema(etree.parse(str(XSD_MAP / f"WMO{nr}.xsd"))) for nr in volgorde}
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    xsd_stand = {"tijd": float("inf"), "cpu": float("inf"), "geldig": 0}

    def kale_xsd():
        """On a shared machine one run can be slowed down by others: three runs before
        and three after the pipeline, the fastest counts (the strictest comparison)."""
        for _ in range(XSD_HERHALINGEN):
            t0, c0 = time.perf_counter(), time.process_time()
            geldig = 0
            for soort, raw in berichten:
                geldig += schemas[soort].validate(etree.fromstring(raw, parser))
            xsd_stand["tijd"] = min(xsd_stand["tijd"], time.perf_counter() - t0)
            xsd_stand["cpu"] = min(xsd_stand["cpu"], time.process_time() - c0)
            xsd_stand["geldig"] = geldig

    kale_xsd()

    from openwmo.berichten import codelijsten, regels, schema

    codes = codelijsten.huidige()
    t0 = time.perf_counter()
    for _, raw in berichten:
        g = schema.lees(raw)
        if not g.fouten:
            regels.controleer(g, codes)
    codec_tijd = time.perf_counter() - t0

    t0, c0 = time.perf_counter(), time.process_time()
    geaccepteerd = 0
    meting: dict = {}
    for start in range(0, len(berichten), batch):
        resultaten = verwerk(
            [Invoer(raw) for _, raw in berichten[start : start + batch]], meting=meting
        )
        geaccepteerd += sum(r.geaccepteerd for r in resultaten)
    tijd, cpu = time.perf_counter() - t0, time.process_time() - c0
    kale_xsd()
    xsd_tijd, xsd_cpu, xsd_geldig = xsd_stand["tijd"], xsd_stand["cpu"], xsd_stand["geldig"]

    opgeslagen = Bericht.objects.count()
    print(f"berichten: {len(berichten)}  geaccepteerd: {geaccepteerd}  opgeslagen: {opgeslagen}")
    print(
        f"pijplijn (lezen + niveau 1-4 + opslaan, SQLite): {tijd:.2f} s = "
        f"{len(berichten) / tijd:,.0f} berichten/s"
    )
    print(
        f"kale lxml XSD-validatie (parse + XSD) van dezelfde berichten, snelste van "
        f"{2 * XSD_HERHALINGEN} (voor en na): {xsd_tijd:.2f} s = "
        f"{len(berichten) / xsd_tijd:,.0f} berichten/s  (XSD-geldig: {xsd_geldig})"
    )
    print(f"verhouding pijplijn / kale XSD-validatie: {tijd / xsd_tijd:.1f}x")
    # on a busy machine the processor time of this process is the steadier comparison
    print(
        f"processortijd: pijplijn {cpu:.2f} s, kale XSD-validatie {xsd_cpu:.2f} s, "
        f"verhouding {cpu / xsd_cpu:.1f}x"
    )
    print(
        f"alleen lezen + niveau 1-2 (eigen structuur- en berichtregels, zonder database): "
        f"{codec_tijd:.2f} s = {len(berichten) / codec_tijd:,.0f} berichten/s, "
        f"{codec_tijd / xsd_tijd:.1f}x de kale XSD-validatie"
    )
    print("pijplijn per stap (µs per bericht, en als veelvoud van de kale XSD-validatie):")
    for stap, sec in [*meting.items(), ("overig", tijd - sum(meting.values()))]:
        print(
            f"  {stap:<24} {sec:6.2f} s  {sec / len(berichten) * 1e6:6.1f} µs  "
            f"{sec / xsd_tijd:5.1f}x"
        )
    ondergrens(berichten, batch, xsd_tijd)


def ondergrens(berichten, batch: int, xsd_tijd: float):
    """What any pipeline of this kind costs at least, in the same process: the bare XSD
    validation, one Python look at every element (tag and text, nothing checked), and
    storing the very rows just stored (message and retour) with sqlite3 itself, without
    Django, into a copy of the table with its indexes, a commit per batch."""
    import sqlite3

    from django.db import connection
    from lxml import etree

    from openwmo.berichten.models import Bericht

    n = len(berichten)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    bomen = [etree.fromstring(raw, parser) for _, raw in berichten]
    t0 = time.perf_counter()
    for root in bomen:
        [(el.tag, el.text) for el in root.iter()]
    kijken = time.perf_counter() - t0
    del bomen
    tabel = Bericht._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = %s AND sql IS NOT NULL", [tabel]
        )
        ddl = [r[0] for r in cursor.fetchall()]
        cursor.execute(f"SELECT * FROM {tabel} ORDER BY id")
        rijen = [r[1:] for r in cursor.fetchall()]  # without the id: the copy numbers them
    pad = Path(connection.settings_dict["NAME"]).with_name("ondergrens.sqlite3")
    kaal = sqlite3.connect(pad, isolation_level=None)
    kaal.execute("PRAGMA journal_mode=WAL")
    kaal.execute("PRAGMA synchronous=NORMAL")
    for sql in ddl:
        kaal.execute(sql)
    kolommen = ", ".join(["?"] * len(rijen[0]))
    namen = [c[1] for c in kaal.execute(f"PRAGMA table_info({tabel})")][1:]
    insert = f"INSERT INTO {tabel} ({', '.join(namen)}) VALUES ({kolommen})"
    t0 = time.perf_counter()
    for start in range(0, len(rijen), batch):
        kaal.execute("BEGIN")
        kaal.executemany(insert, rijen[start : start + batch])
        kaal.execute("COMMIT")
    opslag = time.perf_counter() - t0
    kaal.close()
    grootte = sum(
        len(r[namen.index("inhoud")]) + len(r[namen.index("retour")] or b"") for r in rijen
    )
    print(
        "ondergrens (wat elke pijplijn van deze soort minstens kost, µs per bericht en als "
        "veelvoud van de kale XSD-validatie):"
    )
    for stap, sec in [
        ("kale XSD-validatie", xsd_tijd),
        ("elk element één keer bekijken (Python)", kijken),
        (f"opslaan met sqlite3 zelf ({grootte // n:,} bytes/bericht)", opslag),
    ]:
        print(f"  {stap:<48} {sec / n * 1e6:6.1f} µs  {sec / xsd_tijd:5.1f}x")
    totaal = xsd_tijd + kijken + opslag
    print(f"  {'samen':<48} {totaal / n * 1e6:6.1f} µs  {totaal / xsd_tijd:5.1f}x")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(tmp)
        run(args.messages, args.batch, args.seed)


if __name__ == "__main__":
    main()
