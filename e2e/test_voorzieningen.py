"""Fast route and household-help norms in the browser: a resident requests a collective
transport pass online, the gemeente decides within the deadline and the lead time shows in
the steering figures; a household-help assessment shows its computation to the resident."""

import datetime

import pytest
from django.utils import timezone
from stappen import klik, verstuur

from openwmo.accounts.models import Rol
from openwmo.testing import factories as f
from openwmo.voorzieningen import normen, selectors, services

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def gemeente(live_server):
    wijk = f.WijkFactory(naam="Vrijheidswijk")
    postcode = f.PostcodeFactory(postcode="8921CD", buurt=f.BuurtFactory(wijk=wijk))
    trijntje = f.PersoonFactory(
        voornamen="Trijntje",
        achternaam="Zijlstra",
        geboortedatum=datetime.date(1941, 3, 8),
        huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode)),
    )
    v = normen.VOORBEELD
    services.laad_normenkader(
        None,
        naam=v["naam"],
        bron=v["bron"],
        ingangsdatum=datetime.date(2020, 1, 1),
        inhoud=v["inhoud"],
        kanaal="ui",
    )
    return {
        "trijntje": trijntje,
        "login": f.UserFactory(rol=Rol.INWONER, persoon=trijntje, username="trijntje"),
        "consulent": f.medewerker(Rol.WMO_CONSULENT, username="consulent"),
    }


def login(screen, username):
    screen.page.context.clear_cookies()
    screen.goto("/inloggen/")
    screen.page.get_by_label("Gebruikersnaam").fill(username)
    screen.page.get_by_label("Wachtwoord").fill(f.PASSWORD)
    screen.page.get_by_role("button", name="Inloggen").click()
    screen.page.wait_for_load_state()


def test_vervoerspas_via_snelle_route_en_berekening_hh(screen, gemeente):
    page = screen.page
    vandaag = timezone.localdate()
    login(screen, "trijntje")
    klik(page, "Voorzieningen")
    klik(page, "Hulp bij het huishouden, een vervoerspas of een eenvoudige woonaanpassing")
    assert "Pas voor collectief vervoer: besluit binnen 5 dagen." in page.content()
    verstuur(page, "Aanvragen")
    assert "Het formulier is niet opgeslagen" in page.content()
    page.get_by_label("Wat vraagt u aan?").select_option(label="Pas voor collectief vervoer")
    page.get_by_label("Waarvoor heeft u het nodig?").fill("Ik kan de bus niet meer halen")
    screen.check("voorzieningen-aanvraag-inwoner")
    verstuur(page, "Aanvragen")
    assert "De aanvraag is ontvangen" in page.content()

    login(screen, "consulent")
    screen.goto("/voorzieningen/")
    klik(page, "Pas voor collectief vervoer")
    page.get_by_label("Besluit").select_option(label="Toegekend")
    page.get_by_label("Motivering").fill("Loopafstand minder dan 100 meter, geen OV mogelijk")
    screen.check("voorzieningen-besluit")
    verstuur(page, "Besluit vastleggen")
    assert "Het besluit is vastgelegd" in page.content()
    [rij] = selectors.doorlooptijden_snelle_route(vandaag, vandaag)
    assert (rij["soort"], rij["dagen"], rij["binnen_termijn"]) == ("vervoerspas", 0, True)

    # Household help: the consultant computes the hours; the resident sees how
    screen.goto(f"/inwoners/{gemeente['trijntje'].pk}/")
    klik(page, "Uren huishoudelijke hulp berekenen")
    page.get_by_label("Aantal personen in het huishouden").fill("1")
    page.get_by_label("Aantal kamers in gebruik").fill("3")
    for naam, procent in (
        ("Licht", "50%"),
        ("Zwaar", "100%"),
        ("Wasverzorging", "0%"),
        ("Bedden", "100%"),
        ("Boodschappen", "0%"),
    ):
        page.get_by_label(naam).first.select_option(label=procent)
    screen.check("voorzieningen-beoordeling-nieuw")
    verstuur(page, "Uren berekenen")
    assert "130 (2 uur 10 minuten)" in page.content()
    login(screen, "trijntje")
    klik(page, "Voorzieningen")
    klik(page, "Trijntje Zijlstra")
    inhoud = page.content()
    assert "Zo zijn de minuten per week berekend" in inhoud and "60 × 50%" in inhoud
    assert "Normenkader Huishoudelijke Ondersteuning" in inhoud
    screen.check("voorzieningen-berekening-inwoner")
