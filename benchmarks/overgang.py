"""Benchmark of the transition: import an export of N clients (CSV, every row checked)
and plan a maatwerkgesprek for each with W social workers, through the services, on a
temporary SQLite database. Also times the bare greedy planner on the same clients.

    .venv/bin/python benchmarks/overgang.py --clients 2000 --workers 40
"""

import argparse
import datetime
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTEN = [
    ("TO2", "uur_per_week"),
    ("TO3", "uur_per_week"),
    ("DB2", "dagdeel_per_week"),
    ("DB5", "dagdeel_per_week"),
    ("TO4", "uur_per_week"),
    ("DB1", "dagdeel_per_week"),
]


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


def bouw(clients: int, workers: int, rng: random.Random) -> tuple:
    """Residents in eight wijken, one provider, the basis provider with its workers."""
    from openwmo.accounts.models import Rol, User
    from openwmo.demo.bsn import bsn_numbers
    from openwmo.gebieden.models import Buurt, Postcode, Wijk
    from openwmo.inwoners.models import Adres, Huishouden, Persoon
    from openwmo.organisaties.models import Medewerker, Organisatie, Team

    wijken = [Wijk.objects.create(naam=f"Wijk {i}", code=f"W{i}") for i in range(8)]
    buurten = [
        Buurt.objects.create(wijk=w, naam=f"Buurt {w.naam}", code=f"B{i}")
        for i, w in enumerate(wijken)
    ]
    postcodes = [
        Postcode.objects.create(
            postcode=f"90{i:02d}AB",
            buurt=b,
            straat="Lindelaan",
            woonplaats="Lindeveen",
            latitude="53.100000",
            longitude="5.800000",
        )
        for i, b in enumerate(buurten)
    ]
    adressen = Adres.objects.bulk_create(
        [
            Adres(
                straat="Lindelaan",
                huisnummer=i + 1,
                postcode=postcodes[i % 8].postcode,
                woonplaats="Lindeveen",
                buurt=buurten[i % 8],
            )
            for i in range(clients)
        ]
    )
    huishoudens = Huishouden.objects.bulk_create(
        [Huishouden(adres=a, samenstelling="alleenstaand") for a in adressen]
    )
    bsns = bsn_numbers()
    personen = Persoon.objects.bulk_create(
        [
            Persoon(
                bsn=next(bsns),
                voornamen="Sam",
                achternaam=f"Client{i}",
                geboortedatum=datetime.date(1960 + i % 40, 1 + i % 12, 1 + i % 28),
                geslacht="1",
                huishouden=h,
            )
            for i, h in enumerate(huishoudens)
        ]
    )
    Organisatie.objects.create(naam="Aanbieder", soort="aanvullend", agb_code="41000001")
    basis = Organisatie.objects.create(naam="Basis", soort="basis", agb_code="41000002")
    gemeente = Organisatie.objects.create(naam="Gemeente", soort="gemeente")
    teams = [Team.objects.create(organisatie=basis, naam=f"Team {w.naam}", wijk=w) for w in wijken]
    for i in range(workers):
        u = User.objects.create(username=f"werker{i}", rol=Rol.SOCIAAL_WERKER)
        Medewerker.objects.create(
            user=u, organisatie=basis, team=teams[i % 8], functie="Generalist"
        )
    consulent = User.objects.create(username="consulent", rol=Rol.WMO_CONSULENT)
    Medewerker.objects.create(user=consulent, organisatie=gemeente, functie="Consulent")
    regels = [
        "bsn,achternaam,geboortedatum,postcode,huisnummer,product,aanbieder_agb,"
        "ingangsdatum,einddatum,volume,eenheid,leveringsvorm"
    ]
    peildatum = datetime.date(2026, 10, 1)
    for p in personen:
        for product, eenheid in rng.sample(PRODUCTEN, rng.choice([1, 1, 2])):
            einde = peildatum + datetime.timedelta(days=rng.randint(1, 1000))
            regels.append(
                f"{p.bsn},{p.achternaam},{p.geboortedatum},9000AB,1,{product},"
                f"41000001,{einde - datetime.timedelta(days=364)},{einde},3,{eenheid},ZIN"
            )
    return consulent, ("\n".join(regels) + "\n").encode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(tmp)
        from openwmo.overgang import planner, selectors, services

        consulent, export = bouw(args.clients, args.workers, random.Random(2026))
        t0 = time.perf_counter()
        resultaat = services.importeer(
            consulent, bestandsnaam="export.csv", inhoud=export, kanaal="systeem"
        )
        t1 = time.perf_counter()
        clienten, werkers = selectors.te_plannen_clienten(), selectors.gesprekvoerders()
        start, golive = datetime.date(2025, 12, 1), datetime.date(2027, 1, 1)
        t2 = time.perf_counter()
        kaal = planner.plan(clienten, werkers, start=start, golive=golive, capaciteit_per_week=3)
        t3 = time.perf_counter()
        gepland = services.plan_gesprekken(
            consulent, start=start, golive=golive, capaciteit_per_week=3, kanaal="systeem"
        )
        t4 = time.perf_counter()
    print(f"import: {resultaat.regels} rows ({args.clients} clients) in {t1 - t0:.2f} s")
    print(
        f"planner alone: {len(kaal.afspraken)} planned, {len(kaal.niet_gepland)} not, "
        f"{args.workers} workers, {kaal.weken} weeks, max {kaal.per_week_max}/week "
        f"in {t3 - t2:.3f} s"
    )
    print(f"plan_gesprekken (service, stored): {len(gepland.afspraken)} in {t4 - t3:.2f} s")
    assert t4 - t3 < 60, "planning took a minute or more"


if __name__ == "__main__":
    main()
