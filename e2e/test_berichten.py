"""iWmo message exchange in the browser: toewijzing → start → stop, taakgericht, PGB."""

import datetime
import re

import pytest
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.berichten.models import Contract, Uitvoeringsvariant
from openwmo.organisaties.models import Organisatie
from openwmo.testing import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def dag(n):
    return str(timezone.localdate() + datetime.timedelta(days=n))


@pytest.fixture
def keten(live_server):
    gemeente = f.OrganisatieFactory(
        naam="Gemeente Lindeveen",
        soort=Organisatie.Soort.GEMEENTE,
        agb_code="",
        gemeentecode="1999",
    )
    aanbieder = f.OrganisatieFactory(naam="Thuiszorg De Linde", soort=Organisatie.Soort.AANVULLEND)
    for cat, variant in [
        ("02", Uitvoeringsvariant.INSPANNINGSGERICHT),
        ("06", Uitvoeringsvariant.TAAKGERICHT),
    ]:
        Contract.objects.create(
            aanbieder=aanbieder,
            productcategorie=cat,
            uitvoeringsvariant=variant,
            ingangsdatum=datetime.date(2020, 1, 1),
        )
    return {
        "consulent": f.medewerker(Rol.WMO_CONSULENT, organisatie=gemeente, first_name="Carla"),
        "aanbieder": f.medewerker(Rol.ZORGAANBIEDER, organisatie=aanbieder, first_name="Bram"),
        "beleid": f.medewerker(Rol.BELEIDSMAKER, organisatie=gemeente, first_name="Bea"),
        "org": aanbieder,
        "mariska": f.PersoonFactory(voornamen="Mariska", achternaam="Visser"),
        "frank": f.PersoonFactory(voornamen="Frank", achternaam="de Boer"),
        "ahmed": f.PersoonFactory(voornamen="Ahmed", achternaam="Yilmaz"),
    }


def login(screen, user):
    page = screen.page
    screen.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(f.PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def logout(screen):
    screen.page.get_by_role("button", name="Uitloggen").click()
    screen.page.wait_for_load_state()


def test_toewijzing_start_stop_en_sturing(screen, keten):
    page = screen.page
    login(screen, keten["consulent"])
    screen.menu("Toewijzingen")
    page.get_by_role("link", name="Nieuwe toewijzing").click()
    page.get_by_label("BSN van de cliënt").fill(keten["mariska"].bsn)
    page.get_by_label("Aanbieder").select_option(label="Thuiszorg De Linde")
    page.get_by_label("Productcategorie").select_option("02")
    page.get_by_label("Ingangsdatum").fill(dag(-14))
    screen.check("berichten-toewijzing-formulier")
    page.get_by_role("button", name="Versturen").click()
    page.get_by_role("heading", name="Toewijzing", exact=False).first.wait_for()
    assert "is verstuurd aan Thuiszorg De Linde" in page.content()
    screen.check("berichten-toewijzing")

    # Frank has a PGB for the same product: no toewijzing, and an overlap is refused
    screen.menu("Toewijzingen")
    page.get_by_role("link", name="Pgb vastleggen").click()
    page.get_by_label("BSN van de cliënt").fill(keten["frank"].bsn)
    page.get_by_label("Productcategorie").select_option("02")
    page.get_by_label("Ingangsdatum").fill(dag(-30))
    page.get_by_role("button", name="Versturen").click()
    assert "Het pgb is vastgelegd" in page.content()
    page.get_by_role("link", name="Nieuwe toewijzing").click()
    page.get_by_label("BSN van de cliënt").fill(keten["frank"].bsn)
    page.get_by_label("Aanbieder").select_option(label="Thuiszorg De Linde")
    page.get_by_label("Productcategorie").select_option("02")
    page.get_by_label("Ingangsdatum").fill(dag(-1))
    page.get_by_role("button", name="Versturen").click()
    assert "OP043" in page.content()
    screen.check("berichten-pgb-overlap")
    logout(screen)

    login(screen, keten["aanbieder"])
    assert "1 toewijzing zonder startmelding" in page.content()
    page.get_by_role("link", name=re.compile(r"^Toewijzing \d+$")).click()
    page.get_by_role("link", name="Start melden", exact=True).click()
    page.get_by_label("Werkelijke begindatum").fill(dag(-7))
    page.get_by_role("button", name="Versturen").click()
    assert "WMO305" in page.content() and "geaccepteerd" in page.content()
    page.get_by_role("link", name="Stop melden", exact=False).click()
    page.get_by_label("Werkelijke einddatum").fill(dag(-1))
    page.get_by_label("Reden beëindiging").select_option("19")
    screen.check("berichten-stop-formulier")
    page.get_by_role("button", name="Versturen").click()
    assert "WMO307" in page.content() and "geaccepteerd" in page.content()
    screen.check("berichten-toewijzing-gestopt")

    # taakgericht: no toewijzing, start and stop are still recorded
    screen.menu("Toewijzingen")
    page.get_by_role("link", name="Start melden zonder toewijzing (taakgericht)").click()
    page.get_by_label("BSN van de cliënt").fill(keten["ahmed"].bsn)
    page.get_by_label("Achternaam van de cliënt").fill("Yilmaz")
    page.get_by_label("Geboortedatum van de cliënt").fill(keten["ahmed"].geboortedatum.isoformat())
    page.get_by_label("Productcategorie").select_option("06")
    page.get_by_label("Werkelijke begindatum").fill(dag(-3))
    page.get_by_role("button", name="Versturen").click()
    assert "zonder toewijzing" in page.content()
    page.get_by_role("link", name="Stop melden", exact=True).click()
    page.get_by_label("Werkelijke einddatum").fill(dag(0))
    page.get_by_label("Reden beëindiging").select_option("20")
    page.get_by_role("button", name="Versturen").click()
    assert "geaccepteerd" in page.content()
    screen.menu("Berichten")
    screen.check("berichten-overzicht-aanbieder")
    logout(screen)

    login(screen, keten["consulent"])
    screen.menu("iWmo-sturing")
    html = page.content()
    assert "Volgens plan beëindigd" in html and "Wachttijd" in html
    screen.check("berichten-sturing")
    logout(screen)
    login(screen, keten["beleid"])
    screen.menu("iWmo-sturing")
    assert "Thuiszorg De Linde" in page.content() and "Per toewijzing" not in page.content()
    screen.check("berichten-sturing-beleid")
