"""Finance in a real browser: a provider files a transfer between lumpsums, the basis
provider agrees, the controller sees lumpsum, spending, forecast and client shift, exports
it and decides; the Leeuwarden scenario; a resident sees the eigen bijdrage."""

import datetime
from importlib import import_module

import pytest
from django.apps import apps
from django.utils import timezone
from openpyxl import load_workbook
from stappen import klik

from openwmo.accounts.models import Rol
from openwmo.financien import selectors, services
from openwmo.kwaliteit import services as kwaliteit
from openwmo.testing import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
JAAR = timezone.localdate().year


@pytest.fixture
def gemeente(live_server):
    # Tariffs, assumptions and the Leeuwarden scenario after an earlier test's flush.
    import_module("openwmo.financien.migrations.0001_initial").laden(apps, None)
    beleid = f.medewerker(Rol.BELEIDSMAKER, username="controller")
    basis_org = f.OrganisatieFactory(naam="Stichting Samen", soort="basis")
    aanv_org = f.OrganisatieFactory(naam="Begeleiding Veenland", soort="aanvullend")
    hh_org = f.OrganisatieFactory(naam="Thuishulp Noord", soort="hh")
    contract = kwaliteit.maak_basisovereenkomst(
        beleid,
        naam="Wmo",
        ingangsdatum=datetime.date(JAAR, 1, 1),
        einddatum=datetime.date(JAAR + 2, 12, 31),
    )
    for code, org in (("basis", basis_org), ("to-db", aanv_org), ("hh", hh_org)):
        deel = kwaliteit.maak_deelovereenkomst(beleid, contract.pk, perceel_code=code)
        kwaliteit.voeg_partij_toe(beleid, deel.pk, aanbieder_id=org.pk, rol="hoofdaannemer")
    groepen = [
        selectors.Clientgroep("TO2", 40, 40 * 3 * 52 * 5_500),
        selectors.Clientgroep("TO4", 30, 30 * 7 * 52 * 7_000),
        selectors.Clientgroep("HH1", 50, 50 * 2 * 52 * 2_800),
    ]
    services.stel_lumpsums_vast(beleid, jaar=JAAR, totaal_cents=150_000_000, groepen=groepen)
    inwoner = f.PersoonFactory(voornamen="Jelle")
    return {
        "aanbieder": f.medewerker(Rol.ZORGAANBIEDER, organisatie=aanv_org, username="veenland"),
        "basis": f.medewerker(Rol.ZORGAANBIEDER, organisatie=basis_org, username="samen"),
        "inwoner": f.UserFactory(rol=Rol.INWONER, persoon=inwoner, username="jelle"),
    }


def login(screen, username):
    screen.page.context.clear_cookies()
    screen.goto("/inloggen/")
    screen.page.get_by_label("Gebruikersnaam").fill(username)
    screen.page.get_by_label("Wachtwoord").fill(f.PASSWORD)
    screen.page.get_by_role("button", name="Inloggen").click()
    screen.page.wait_for_load_state()


def knop(page, naam):
    page.get_by_role("button", name=naam).click()
    page.wait_for_load_state()


def test_herverdeling_en_overzicht_voor_de_controller(screen, gemeente, tmp_path):
    page = screen.page
    login(screen, "veenland")
    screen.goto("/financien/herverdelingen/")
    assert "Begeleiding Veenland" in page.content()
    screen.check("financien-aanbieder")
    klik(page, "Herverdeling aanvragen")
    page.get_by_label("Van lumpsum").select_option(
        label=page.get_by_label("Van lumpsum")
        .locator("option", has_text="Stichting Samen")
        .inner_text()
    )
    page.get_by_label("Naar lumpsum").select_option(index=1)
    page.get_by_label("Bedrag (euro)").fill("veel")
    knop(page, "Verzoek indienen")
    assert "Vul een bedrag in euro" in page.content()
    page.get_by_label("Bedrag (euro)").fill("25.000")
    page.get_by_label("Onderbouwing").fill(
        "Twaalf cliënten kwamen in de aanvullende ondersteuning."
    )
    screen.check("financien-herverdeling-nieuw")
    knop(page, "Verzoek indienen")
    assert "de andere aanbieder moet nog akkoord geven" in page.content()

    login(screen, "samen")
    screen.goto("/financien/herverdelingen/")
    klik(page, "Verzoek")
    knop(page, "Akkoord geven en gezamenlijk indienen")
    assert "Gezamenlijk ingediend" in page.locator("#status").inner_text()

    login(screen, "controller")
    screen.goto("/financien/")
    assert (
        "Prognose jaareinde" in page.content() and "Cliënten per pijler per maand" in page.content()
    )
    page.locator("canvas.financien-grafiek").first.wait_for()
    screen.check("financien-overzicht")
    with page.expect_download() as download:
        klik(page, "Exporteer lumpsums naar Excel")
    pad = tmp_path / "lumpsums.xlsx"
    download.value.save_as(pad)
    rijen = list(load_workbook(pad).active.iter_rows(values_only=True))
    assert sum(r[3] for r in rijen[1:]) == 1_500_000
    klik(page, "Herverdelingen")
    klik(page, "Verzoek")
    page.get_by_label("Besluit").select_option(label="Toekennen")
    page.get_by_label("Toelichting").fill("Verschuiving past binnen de totale lumpsum.")
    screen.check("financien-besluit")
    knop(page, "Besluit vastleggen")
    assert "Toegekend" in page.locator("#status").inner_text()


def test_scenario_leeuwarden_en_eigen_bijdrage(screen, gemeente):
    page = screen.page
    login(screen, "controller")
    screen.goto("/financien/scenarios/")
    klik(page, "Leeuwarden: invulling taakstelling € 3,6 miljoen")
    assert page.locator("#totaal").inner_text() == "€ 4.440.000,00"
    assert page.locator("#reserve").inner_text() == "€ 840.000,00"
    screen.check("financien-scenario")

    login(screen, "jelle")
    screen.goto("/financien/eigen-bijdrage/")
    assert "geen eigen bijdrage" in page.locator("#eigen-bijdrage-bedrag").inner_text()
    screen.check("financien-eigen-bijdrage")
