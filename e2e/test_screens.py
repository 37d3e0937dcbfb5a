"""Every main screen, for every demo role, in a real browser with an accessibility check."""

import pytest

from openwmo.demo import DEMO_PASSWORD, DEMO_USERS
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


def test_inlogpagina_en_foute_inlog(screen, demo):
    screen.goto("/inloggen/")
    screen.check("inloggen")
    screen.page.get_by_label("Gebruikersnaam").fill("consulent")
    screen.page.get_by_label("Wachtwoord").fill("verkeerd-wachtwoord")
    screen.page.get_by_role("button", name="Inloggen").click()
    assert "klopt niet" in screen.page.content()
    screen.check("inloggen-fout")


@pytest.mark.parametrize("username", [u[0] for u in DEMO_USERS])
def test_startpagina_per_rol(screen, demo, username):
    login(screen, username)
    assert screen.page.url.endswith("/"), screen.page.url
    heading = screen.page.get_by_role("heading", level=1).inner_text()
    assert heading.startswith("Goedendag")
    screen.check(f"start-{username}")


def test_zoeken_dossier_en_registreren(screen, demo):
    login(screen, "sociaalwerker")
    page = screen.page
    page.get_by_role("link", name="Inwoners zoeken").click()
    page.get_by_label("Naam").fill("Jelle")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("heading", name="inwoner gevonden").or_(
        page.get_by_role("heading", name="inwoners gevonden")
    ).wait_for()
    screen.check("zoeken")
    page.locator("#resultaten a").first.click()
    page.get_by_role("heading", name="Huishouden", exact=False).first.wait_for()
    assert "Netwerk, mantelzorgers" in page.content()
    screen.check("dossier")

    page.get_by_role("link", name="Inwoner registreren").click()
    page.get_by_label("BSN").fill("123456789")
    page.get_by_role("button", name="Registreren").click()
    page.get_by_role("alert").wait_for()
    assert "elfproef" in page.content()
    screen.check("registreren-fout")


def test_inwoner_ziet_eigen_gegevens(screen, demo):
    login(screen, "inwoner")
    screen.page.get_by_role("link", name="Mijn gegevens").first.click()
    screen.page.get_by_role("heading", name="Persoonsgegevens").wait_for()
    screen.check("mijn-gegevens")


def test_api_documentatie(screen, demo):
    login(screen, "consulent")
    screen.goto("/api/v1/docs/")
    screen.page.get_by_text("OpenWmo API").first.wait_for()
    screen.page.screenshot(path="e2e-artifacts/api-docs.png")
    assert not screen.errors, screen.errors
