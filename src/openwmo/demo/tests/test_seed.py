"""The demo municipality generator: determinism, validity and plausible figures."""

import csv
import datetime
import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import F
from stdnum.nl import bsn as stdnum_bsn

from openwmo.accounts.models import User
from openwmo.demo import DEMO_PASSWORD, DEMO_USERS, LEGACY_FILENAME
from openwmo.demo.bsn import bsn_numbers, check_digit
from openwmo.demo.constants import LEGACY_COLUMNS, LEGACY_PRODUCTS, PEILDATUM
from openwmo.demo.export import export_register
from openwmo.demo.generator import DatabaseNotEmpty, seed
from openwmo.gebieden.models import Buurtkamer, Postcode, Wijk, postcode_validator
from openwmo.inwoners.models import Adres, Huishouden, Persoon, Relatie
from openwmo.organisaties.models import Organisatie, Team

SMALL = 600


def snapshot(directory) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def seed_and_export(tmp_path, name: str, seed_value: int) -> dict[str, bytes]:
    legacy_dir = tmp_path / f"{name}-bron"
    legacy_dir.mkdir()
    seed(SMALL, seed_value, legacy_dir=legacy_dir)
    export_register(tmp_path / name, legacy_csv=legacy_dir / LEGACY_FILENAME)
    return snapshot(tmp_path / name)


def age(geboortedatum: datetime.date) -> int:
    before = (PEILDATUM.month, PEILDATUM.day) < (geboortedatum.month, geboortedatum.day)
    return PEILDATUM.year - geboortedatum.year - before


class _Undo(Exception):
    pass


def seed_export_and_undo(tmp_path, name: str, seed_value: int) -> dict[str, bytes]:
    """Seed and export inside a savepoint that is rolled back, leaving an empty register."""
    try:
        with transaction.atomic():
            result = seed_and_export(tmp_path, name, seed_value)
            raise _Undo
    except _Undo:
        return result


@pytest.mark.django_db
def test_same_seed_gives_identical_export_and_other_seed_differs(tmp_path):
    first = seed_export_and_undo(tmp_path, "a", 2026)
    second = seed_export_and_undo(tmp_path, "b", 2026)
    other = seed_export_and_undo(tmp_path, "c", 7)

    assert set(first) >= {"personen.csv", "relaties.csv", "gebruikers.csv", LEGACY_FILENAME}
    assert first == second
    assert first["personen.csv"] != other["personen.csv"]
    assert first[LEGACY_FILENAME] != other[LEGACY_FILENAME]
    assert b"pbkdf2" not in first["gebruikers.csv"] and b"md5$" not in first["gebruikers.csv"]


@pytest.mark.django_db
def test_register_is_valid_and_plausible(tmp_path):
    out = io.StringIO()
    summary = seed(2000, 11, stdout=out, legacy_dir=tmp_path)

    assert "Gemeente Lindeveen (1999) aangemaakt" in out.getvalue()
    assert summary["aantallen"]["personen"] == Persoon.objects.count() == 2000

    bsns = list(Persoon.objects.values_list("bsn", flat=True))
    assert len(set(bsns)) == len(bsns)
    assert all(stdnum_bsn.is_valid(number) for number in bsns)
    assert all(number.startswith("999") for number in bsns)

    wijken = list(Wijk.objects.order_by("code"))
    assert len(wijken) == 6
    assert {w.soort for w in wijken} == {"wijk", "dorp"}
    assert all(w.code.startswith("WK1999") and len(w.code) == 8 for w in wijken)
    assert Buurtkamer.objects.count() == 6
    assert all(k.openingstijden.count() >= 3 for k in Buurtkamer.objects.all())

    postcodes = dict(Postcode.objects.values_list("postcode", "buurt_id"))
    for code in postcodes:
        postcode_validator(code)
    for postcode, buurt_id in Adres.objects.values_list("postcode", "buurt_id"):
        assert buurt_id is not None and postcodes[postcode] == buurt_id
    for lat, lon in Postcode.objects.values_list("latitude", "longitude"):
        assert 50.7 < lat < 53.6 and 3.3 < lon < 7.3

    ages = Counter()
    for geboortedatum in Persoon.objects.values_list("geboortedatum", flat=True):
        years = age(geboortedatum)
        ages["0-19" if years < 20 else "20-64" if years < 65 else "65+"] += 1
        ages["80+"] += years >= 80
    assert 0.15 < ages["0-19"] / 2000 < 0.27
    assert 0.50 < ages["20-64"] / 2000 < 0.68
    assert 0.14 < ages["65+"] / 2000 < 0.27
    assert 0.02 < ages["80+"] / 2000 < 0.09

    mix = Counter(Huishouden.objects.values_list("samenstelling", flat=True))
    total = sum(mix.values())
    assert 0.30 < mix["alleenstaand"] / total < 0.46
    assert 0.22 < mix["paar"] / total < 0.38
    assert 0.17 < mix["paar_kinderen"] / total < 0.33
    assert 0.03 < mix["eenouder"] / total < 0.12

    assert Relatie.objects.filter(is_mantelzorger=True, gerelateerde__isnull=False).exists()
    assert Relatie.objects.filter(is_mantelzorger=True, gerelateerde__isnull=True).exists()
    assert Relatie.objects.filter(vertegenwoordiging__in=["bewind", "mentorschap"]).exists()
    partners = Relatie.objects.filter(soort="partner", gerelateerde__isnull=False)
    same_household = partners.filter(gerelateerde__huishouden=F("persoon__huishouden"))
    assert same_household.count() == partners.count()


@pytest.mark.django_db
def test_organisations_and_demo_users(tmp_path):
    seed(SMALL, 3)

    gemeente = Organisatie.objects.get(soort="gemeente")
    assert gemeente.gemeentecode == "1999"
    providers = Organisatie.objects.filter(soort__in=["basis", "aanvullend", "hh"])
    # 5 contracted aanvullend providers, plus 2 small ones from kwaliteit's demo data
    # (one without deliveries, one with unique support) for the contract-management flags
    assert Counter(providers.values_list("soort", flat=True)) == {
        "basis": 1,
        "aanvullend": 7,
        "hh": 2,
    }
    agb = list(providers.values_list("agb_code", flat=True))
    assert len(set(agb)) == 10 and all(len(c) == 8 and c.isdigit() for c in agb)
    assert all(len(k) == 8 for k in providers.values_list("kvk_nummer", flat=True))
    basis = providers.get(soort="basis")
    assert set(Team.objects.filter(organisatie=basis).values_list("wijk_id", flat=True)) == set(
        Wijk.objects.values_list("pk", flat=True)
    )

    first, second = Wijk.objects.order_by("code")[:2]
    assert len(DEMO_USERS) == 10
    for username, rol, description in DEMO_USERS:
        user = User.objects.get(username=username)
        assert user.rol == rol and user.is_active and description
        assert user.check_password(DEMO_PASSWORD)
        assert user.first_name and user.last_name
        assert not user.is_superuser
        assert user.is_staff == (rol == "beheerder")
    inwoner = User.objects.get(username="inwoner")
    assert inwoner.persoon.voornamen == "Jelle" and not hasattr(inwoner, "medewerker")
    sociaalwerker = User.objects.get(username="sociaalwerker")
    assert sociaalwerker.medewerker.organisatie == basis
    assert sociaalwerker.medewerker.team.wijk == first
    assert set(sociaalwerker.wijken.all()) == {first, second}
    vrijwilliger = User.objects.get(username="vrijwilliger")
    assert vrijwilliger.medewerker.organisatie.soort == "vrijwilligers"
    assert list(vrijwilliger.wijken.all()) == [first]
    assert User.objects.get(username="zorgaanbieder").medewerker.organisatie.soort == "aanvullend"
    for username in ("consulent", "beleid", "toezicht", "privacy", "beheer", "beheer2"):
        assert User.objects.get(username=username).medewerker.organisatie == gemeente

    staff = User.objects.exclude(username__in=[u for u, _, _ in DEMO_USERS])
    assert staff.filter(rol="vrijwilliger").count() >= 4 * 6
    assert not any(user.has_usable_password() for user in staff)


@pytest.mark.django_db
def test_personas(tmp_path):
    seed(SMALL, 5, legacy_dir=tmp_path)
    first_wijk = Wijk.objects.order_by("code").first()

    def persona(voornaam):
        person = Persoon.objects.select_related("huishouden__adres__buurt").get(
            voornamen=voornaam, achternaam__in=["Holtkamp", "Zandbergen", "Bosveld", "Linden"]
        )
        assert person.huishouden.adres.buurt.wijk_id == first_wijk.pk
        return person

    expected = {"Mariska": 25, "Pieter": 28, "Jelle": 44, "Frank": 32}
    people = {name: persona(name) for name in expected}
    for name, years in expected.items():
        assert age(people[name].geboortedatum) == years
    for name in ("Mariska", "Pieter", "Jelle"):
        assert people[name].huishouden.leden.count() == 1
    frank = people["Frank"]
    parents = frank.huishouden.leden.exclude(pk=frank.pk)
    assert parents.count() == 2 and frank.rol_in_huishouden == "kind"
    moeder = frank.relaties.get(gerelateerde__geslacht="2")
    assert moeder.is_mantelzorger and moeder.vertegenwoordiging == "gemachtigde"

    rows = list(csv.DictReader(open(tmp_path / LEGACY_FILENAME, encoding="utf-8")))
    products = {}
    for row in rows:
        products.setdefault(row["bsn"], []).append((row["product"], row["volume"]))
    assert sorted(products[people["Mariska"].bsn]) == [("DB5", "4"), ("TO3", "6")]
    assert sorted(p for p, _ in products[people["Pieter"].bsn]) == ["DB2", "TO2"]
    assert products[people["Jelle"].bsn] == [("TO2", "4")]
    assert frank.bsn not in products


@pytest.mark.django_db
def test_legacy_export_has_plausible_rates(tmp_path):
    residents = 5000
    seed(residents, 2026, legacy_dir=tmp_path)
    with open(tmp_path / LEGACY_FILENAME, encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == LEGACY_COLUMNS
        rows = list(reader)

    agb_codes = set(
        Organisatie.objects.filter(soort__in=["basis", "aanvullend", "hh"]).values_list(
            "agb_code", flat=True
        )
    )
    people = {
        p.bsn: p
        for p in Persoon.objects.filter(bsn__in={r["bsn"] for r in rows}).select_related(
            "huishouden__adres"
        )
    }
    hh_clients, todb_clients = set(), set()
    for row in rows:
        person = people[row["bsn"]]
        assert row["achternaam"] == person.achternaam
        assert row["postcode"] == person.huishouden.adres.postcode
        assert age(person.geboortedatum) >= 18
        assert row["product"] in LEGACY_PRODUCTS
        assert row["leveringsvorm"] in ("ZIN", "PGB")
        assert (row["aanbieder_agb"] in agb_codes) == (row["leveringsvorm"] == "ZIN")
        assert row["ingangsdatum"] <= PEILDATUM.isoformat()
        assert not row["einddatum"] or row["einddatum"] > PEILDATUM.isoformat()
        assert int(row["volume"]) > 0
        if row["product"].startswith("HH"):
            hh_clients.add(row["bsn"])
        if row["product"].startswith(("TO", "DB")):
            todb_clients.add(row["bsn"])

    assert 15 <= len(hh_clients) * 1000 / residents <= 45
    assert 8 <= len(todb_clients) * 1000 / residents <= 28
    pgb_share = sum(r["leveringsvorm"] == "PGB" for r in rows) / len(rows)
    assert 0.03 < pgb_share < 0.18
    hh_ages = [age(people[b].geboortedatum) for b in hh_clients]
    assert sum(a >= 75 for a in hh_ages) / len(hh_ages) > 0.5


@pytest.mark.django_db
def test_seeding_a_filled_database_is_refused(tmp_path):
    seed(SMALL, 1)
    with pytest.raises(DatabaseNotEmpty):
        seed(SMALL, 1)
    with pytest.raises(CommandError, match="De database bevat al gegevens"):
        call_command("seed", residents=SMALL, export_dir=tmp_path, stdout=io.StringIO())


@pytest.mark.django_db
def test_commands_seed_and_export(tmp_path):
    out = io.StringIO()
    call_command("seed", residents=SMALL, seed=4, export_dir=tmp_path / "bron", stdout=out)
    assert "demo-openwmo-2026" in out.getvalue() and "sociaalwerker" in out.getvalue()
    assert (tmp_path / "bron" / LEGACY_FILENAME).exists()
    call_command(
        "export_demo",
        str(tmp_path / "export"),
        bestaande_clienten=tmp_path / "bron" / LEGACY_FILENAME,
        stdout=io.StringIO(),
    )
    names = {p.name for p in (tmp_path / "export").iterdir()}
    assert {
        "wijken.csv",
        "buurten.csv",
        "postcodes.csv",
        "buurtkamers.csv",
        "openingstijden.csv",
        "organisaties.csv",
        "teams.csv",
        "gebruikers.csv",
        "adressen.csv",
        "huishoudens.csv",
        "personen.csv",
        "relaties.csv",
        LEGACY_FILENAME,
    } <= names
    header = (tmp_path / "export" / "personen.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "aangemaakt_op" not in header and "gewijzigd_op" not in header


def test_bsn_sequence_walks_down_and_skips_prefixes_without_check_digit():
    numbers = [number for _, number in zip(range(200), bsn_numbers(), strict=False)]
    assert numbers[:2] == ["999999990", "999999989"]
    assert all(stdnum_bsn.is_valid(n) for n in numbers)
    prefixes = [int(n[:8]) for n in numbers]
    assert prefixes == sorted(prefixes, reverse=True)
    skipped = set(range(prefixes[-1], prefixes[0] + 1)) - set(prefixes)
    assert skipped and all(check_digit(f"{p:08d}") is None for p in skipped)
