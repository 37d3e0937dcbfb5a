"""Operations in a real browser: a double click stores one record, and the error pages
(404, and the 503 when the database is away) are Dutch and accessible."""

import datetime
from unittest import mock

import pytest
from django.db import OperationalError

from openwmo.accounts.models import Rol
from openwmo.plannen import services as plannen
from openwmo.plannen.models import Regel
from openwmo.testing import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def plan(live_server):
    wijk = f.WijkFactory(naam="Vrijheidswijk")
    postcode = f.PostcodeFactory(postcode="8921AB", buurt=f.BuurtFactory(wijk=wijk))
    jelle = f.PersoonFactory(
        voornamen="Jelle",
        achternaam="de Boer",
        geboortedatum=datetime.date(1982, 4, 1),
        huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode)),
    )
    werker = f.medewerker(Rol.SOCIAAL_WERKER, wijken=[wijk], username="generalist")
    return plannen.maak_plan(
        werker,
        bsn=jelle.bsn,
        regievoerder_soort="professional",
        regievoerder_naam="Sanne Dijkstra",
        kanaal="ui",
    )


def login(screen, username):
    screen.page.context.clear_cookies()
    screen.goto("/inloggen/")
    screen.page.get_by_label("Gebruikersnaam").fill(username)
    screen.page.get_by_label("Wachtwoord").fill(f.PASSWORD)
    screen.page.get_by_role("button", name="Inloggen").click()
    screen.page.wait_for_load_state()


RESULTAAT = "Jelle kookt zelf op maandag"


def vul_in(page):
    page.get_by_label("Soort ondersteuning").select_option(label="Eigen kracht")
    page.get_by_label("Resultaat dat bereikt moet worden").fill(RESULTAAT)
    page.get_by_label("Wie levert dit").fill("Jelle")


def test_dubbelklik_op_versturen_maakt_een_regel(screen, plan):
    page = screen.page
    login(screen, "generalist")
    screen.goto(f"/plannen/{plan.pk}/regels/nieuw/")
    # the guard script gave the form its one-time token
    token = page.locator("form[method=post] input[name=_eenmalig]").last
    eerste_token = token.input_value()
    assert len(eerste_token) == 32
    vul_in(page)
    screen.check("ops-formulier")
    page.get_by_role("button", name="Regel toevoegen").dblclick()
    page.wait_for_url(f"**/plannen/{plan.pk}/")
    page.wait_for_load_state()
    assert "De regel is aan het arrangement toegevoegd" in page.content()
    assert Regel.objects.filter(plan=plan, resultaat=RESULTAAT).count() == 1
    # the same submission again (as a browser retry or a resend would send it) is answered
    # with the result of the first one and not stored a second time
    screen.goto(f"/plannen/{plan.pk}/regels/nieuw/")
    vul_in(page)
    token.evaluate("(veld, waarde) => { veld.value = waarde; }", eerste_token)
    page.get_by_role("button", name="Regel toevoegen").click()
    page.wait_for_url(f"**/plannen/{plan.pk}/")
    page.wait_for_load_state()
    assert "Dit formulier was al verstuurd" in page.content()
    assert Regel.objects.filter(plan=plan, resultaat=RESULTAAT).count() == 1


def verwacht(screen, status):
    """Chromium reports the page's own error status on the console: that one is expected."""
    screen.errors[:] = [e for e in screen.errors if f"status of {status}" not in e]


def test_foutpaginas_zijn_nederlands_en_toegankelijk(screen, plan):
    page = screen.page
    response = page.goto(screen.base_url + "/bestaat-niet/")
    assert response.status == 404
    assert "Deze pagina bestaat niet" in page.content()
    verwacht(screen, 404)
    screen.check("ops-404")
    login(screen, "generalist")
    with mock.patch(
        "django.contrib.sessions.backends.db.SessionStore.load",
        side_effect=OperationalError("server closed the connection unexpectedly"),
    ):
        response = page.goto(screen.base_url + "/")
    assert response.status == 503
    assert "OpenWmo is tijdelijk niet beschikbaar" in page.content()
    verwacht(screen, 503)
    screen.check("ops-503")
    # the database is back: the same session works without any restart
    screen.goto("/")
