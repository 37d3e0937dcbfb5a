"""Quality and contracts in a real browser: a complaint walks through all four steps with
deadlines and notices to the resident; the main-contractor rule refuses a second pillar;
a quarterly review is assembled from the steering figures."""

import datetime

import pytest
from django.utils import timezone
from stappen import klik, verstuur

from openwmo.accounts.models import Rol
from openwmo.kwaliteit import services
from openwmo.kwaliteit.models import Klacht, Melding
from openwmo.organisaties.models import Organisatie
from openwmo.testing import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def login(screen, username):
    screen.page.context.clear_cookies()
    screen.goto("/inloggen/")
    screen.page.get_by_label("Gebruikersnaam").fill(username)
    screen.page.get_by_label("Wachtwoord").fill(f.PASSWORD)
    screen.page.get_by_role("button", name="Inloggen").click()
    screen.page.wait_for_load_state()


@pytest.fixture
def mensen(live_server):
    wijk = f.WijkFactory(naam="Centrum")
    postcode = f.PostcodeFactory(postcode="8921AB", buurt=f.BuurtFactory(wijk=wijk))
    jelle = f.PersoonFactory(
        voornamen="Jelle",
        achternaam="Bosveld",
        huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode)),
    )
    org = f.OrganisatieFactory(naam="Perspectief Begeleiding", soort=Organisatie.Soort.AANVULLEND)
    return {
        "jelle": jelle,
        "inwoner": f.UserFactory(rol=Rol.INWONER, persoon=jelle, username="jelle"),
        "begeleider": f.medewerker(Rol.ZORGAANBIEDER, organisatie=org, username="begeleider"),
        "toezicht": f.medewerker(Rol.TOEZICHTHOUDER, username="toezicht"),
        "beleid": f.medewerker(Rol.BELEIDSMAKER, username="beleid"),
        "org": org,
    }


def uitkomst(screen, gebruiker, tekst, klacht_pk):
    page = screen.page
    login(screen, gebruiker)
    screen.goto(f"/kwaliteit/klachten/{klacht_pk}/")
    klik(page, "Uitkomst vastleggen")
    page.get_by_label("Uitkomst van deze stap").fill(tekst)
    verstuur(page, "Uitkomst vastleggen")
    assert "de inwoner is geïnformeerd" in page.content()


def reageer(screen, klacht_pk, keuze, *, check=None):
    page = screen.page
    login(screen, "jelle")
    # the resident sees the notice on the start page and follows it to the complaint
    assert "De uitkomst van" in page.content()
    screen.goto(f"/kwaliteit/klachten/{klacht_pk}/")
    klik(page, "Reageren op de uitkomst")
    page.get_by_label("Uw reactie").fill("Dit lost het niet op.")
    page.get_by_label("Wat wilt u nu?").select_option(label=keuze)
    if check:
        screen.check(check)
    verstuur(page, "Reactie versturen")
    assert "Uw reactie is verwerkt" in page.content()


def test_klacht_door_alle_vier_stappen_met_termijnen_en_berichten(screen, mensen):
    page = screen.page
    login(screen, "jelle")
    klik(page, "Een klacht indienen")
    page.get_by_label("Over wie gaat uw klacht?").select_option(label="Perspectief Begeleiding")
    page.get_by_label("Waar gaat de klacht over?").select_option(label="Bejegening")
    page.get_by_label("Beschrijf uw klacht").fill("Mijn begeleider kwam drie keer niet opdagen.")
    screen.check("kwaliteit-klacht-nieuw")
    verstuur(page, "Klacht indienen")
    assert "De klacht is ingediend" in page.content()
    klacht = Klacht.objects.get()
    termijn = (timezone.localdate() + datetime.timedelta(days=14)).strftime("%d-%m-%Y")
    assert f"termijn {termijn}" in page.content()
    assert "Gesprek met de medewerker" in page.locator("#klacht-status").inner_text()
    screen.check("kwaliteit-klacht")

    uitkomst(screen, "begeleider", "Excuses aangeboden, vaste begeleider.", klacht.pk)
    reageer(
        screen, klacht.pk, "Verder naar: Gesprek met de leidinggevende", check="kwaliteit-reactie"
    )
    uitkomst(screen, "begeleider", "Leidinggevende heeft rooster aangepast.", klacht.pk)
    reageer(screen, klacht.pk, "Verder naar: Klachtenfunctionaris van de aanbieder")
    uitkomst(screen, "begeleider", "Bemiddeling: extra evaluatiegesprek.", klacht.pk)
    reageer(screen, klacht.pk, "Verder naar: Externe klachtencommissie")
    # the external committee's outcome is recorded by the gemeente's complaints officer
    login(screen, "begeleider")
    screen.goto(f"/kwaliteit/klachten/{klacht.pk}/")
    assert page.get_by_role("link", name="Uitkomst vastleggen").count() == 0
    uitkomst(screen, "toezicht", "De commissie verklaart de klacht gegrond.", klacht.pk)
    screen.check("kwaliteit-klacht-toezicht")
    reageer(screen, klacht.pk, "Klacht afsluiten")
    assert "Afgesloten" in page.locator("#klacht-status").inner_text()
    # every step, outcome and the closure reached the resident
    assert Melding.objects.filter(klacht=klacht).count() == 9
    screen.goto("/")
    assert "Uw klacht is afgesloten" in page.content()
    screen.check("kwaliteit-start-inwoner")


def test_hoofdaannemer_in_beide_pijlers_geweigerd_en_kwartaalgesprek(screen, mensen):
    beleid, org = mensen["beleid"], mensen["org"]
    vandaag = timezone.localdate()
    basis = services.maak_basisovereenkomst(
        beleid,
        naam="Basisovereenkomst Wmo",
        ingangsdatum=datetime.date(vandaag.year, 1, 1),
        einddatum=datetime.date(vandaag.year + 3, 12, 31),
    )
    basisdeel = services.maak_deelovereenkomst(beleid, basis.pk, perceel_code="basis")
    services.maak_deelovereenkomst(beleid, basis.pk, perceel_code="to-db")
    services.voeg_partij_toe(beleid, basisdeel.pk, aanbieder_id=org.pk, rol="hoofdaannemer")
    page = screen.page
    login(screen, "beleid")
    klik(page, "Contracten")
    klik(page, "Contractpartij toevoegen")
    page.get_by_label("Perceel").select_option(
        label="Thuisondersteuning en dagbesteding — Basisovereenkomst Wmo"
    )
    page.get_by_label("Aanbieder", exact=True).select_option(label="Perspectief Begeleiding")
    page.get_by_label("Rol").select_option(label="Hoofdaannemer")
    verstuur(page, "Toevoegen")
    assert "is al hoofdaannemer in Basisondersteuning" in page.content()
    screen.check("kwaliteit-partij-geweigerd")
    klik(page, "Kwartaalgesprekken")
    klik(page, "Kwartaalgesprek voorbereiden")
    page.get_by_label("Aanbieder").select_option(label="Perspectief Begeleiding")
    verstuur(page, "Cijfers ophalen")
    assert "Het kwartaalgesprek is voorbereid" in page.content()
    assert page.get_by_role("rowheader", name="Doelrealisatie (%)").count() == 1
    page.get_by_label("Nieuwe afgesproken actie").fill("Wachttijd halveren")
    page.get_by_label("Eigenaar van de actie").fill("Perspectief Begeleiding")
    page.get_by_label("Uiterlijk").fill((vandaag + datetime.timedelta(days=60)).isoformat())
    verstuur(page, "Verslag bewaren")
    assert "Wachttijd halveren" in page.content()
    screen.check("kwaliteit-kwartaalgesprek")
