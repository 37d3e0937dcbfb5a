"""Sociale kaart and volunteer matcher in the browser, on the demo municipality."""

import pytest
from stappen import klik

from openwmo.accounts.models import User
from openwmo.demo import DEMO_PASSWORD
from openwmo.demo.generator import seed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo(live_server):
    seed(residents=400, seed=7)


def login(screen, username):
    screen.goto("/inloggen/")
    screen.page.get_by_label("Gebruikersnaam").fill(username)
    screen.page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    screen.page.get_by_role("button", name="Inloggen").click()
    screen.page.wait_for_load_state()


def test_jelle_vindt_banenclub_en_vrijwilliger_voor_financien(screen, demo):
    jelle = User.objects.select_related("persoon__huishouden__adres").get(username="inwoner")
    persoon = jelle.persoon
    postcode = persoon.huishouden.adres.postcode
    login(screen, "sociaalwerker")
    page = screen.page

    klik(page, "Sociale kaart")
    page.get_by_label("Postcode van de inwoner").fill(postcode)
    page.get_by_label("Levensdomein").select_option("participatie")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("heading", name="resultaten").wait_for()
    tabel = page.locator("#kop-resultaten + .utrecht-table-container tbody").inner_text()
    assert "Werkplaats/Banenclub" in tabel
    afstanden = [
        float(r.split("\t")[-1].split()[0].replace(",", "."))
        for r in tabel.split("\n")
        if r.endswith(" km")
    ]
    assert afstanden == sorted(afstanden) and max(afstanden) <= 10  # nearest first, in limit
    screen.check("aanbod-sociale-kaart")
    page.get_by_role("link", name="Werkplaats/Banenclub").click()
    page.get_by_role("heading", name="Werkplaats/Banenclub").wait_for()
    assert "Vrije inloop" in page.content()
    screen.check("aanbod-activiteit")

    screen.goto(f"/aanbod/inwoners/{persoon.pk}/vrijwilliger-zoeken/")
    page.get_by_label("Levensdomein van de vraag").select_option("financien")
    page.get_by_label("Waar helpt de vrijwilliger bij?").fill("Hulp bij de administratie")
    page.get_by_role("button", name="Vrijwilligers zoeken").click()
    page.get_by_role("heading", name="Passende vrijwilligers").wait_for()
    eerste = page.locator("article").first
    assert "Waarom deze vrijwilliger" in eerste.inner_text()
    assert "Helpt bij Financiën (+40)" in eerste.inner_text()
    screen.check("aanbod-matcher")
    eerste.get_by_label("Afgesproken contact").fill("Belt Jelle dinsdagochtend")
    eerste.get_by_role("button").click()
    page.get_by_role("heading", name=f"Inzet voor {persoon.voornamen.split()[0]}").wait_for()
    assert "Waarom deze vrijwilliger" in page.content()
    screen.check("aanbod-match")


def test_teamleider_en_buurtkamer_rooster(screen, demo):
    login(screen, "sociaalwerker")
    page = screen.page
    klik(page, "Buurtkamers", exact=True)
    page.get_by_role("heading", name="Buurt- en dorpskamers").wait_for()
    screen.check("aanbod-buurtkamers")
    page.locator("main ul.utrecht-unordered-list a").last.click()
    page.get_by_role("heading", name="Rooster").wait_for()
    screen.check("aanbod-buurtkamer")


def test_mantelzorger_belastingcheck_en_respijt(screen, demo):
    persoon = User.objects.get(username="inwoner").persoon
    login(screen, "sociaalwerker")
    page = screen.page
    screen.goto(f"/aanbod/inwoners/{persoon.pk}/mantelzorger/")
    page.get_by_label("Naam mantelzorger").fill("Wim de Ruiter")
    page.get_by_label("Uren zorg per week").fill("5")
    page.get_by_role("button", name="Registreren").click()
    page.get_by_role("heading", name="Mantelzorger Wim de Ruiter").wait_for()
    for groep in page.locator("fieldset").all():
        groep.get_by_label("soms").check()
    page.get_by_role("button", name="Belastingcheck opslaan").click()
    page.get_by_text("score 7 van 14").wait_for()
    assert "Respijt" in page.content()
    screen.check("aanbod-mantelzorger")
    page.get_by_role("link", name="Terug naar de mantelzorgers").click()
    page.get_by_role("link", name="Blijk van waardering: uitnodigingslijst").click()
    page.get_by_label("Activiteit als blijk van waardering").select_option(index=1)
    page.get_by_role("button", name="Mantelzorgers uitnodigen").click()
    page.get_by_role("cell", name="Wim de Ruiter").wait_for()
    screen.check("aanbod-waardering")
