"""Zicht op veiligheid in the browser: risk assessment for a household with children where
the adults are the clients, the meldcode steps in order, a report to Veilig Thuis after the
decision and the Verwijsindex as a recorded action; volunteers and providers are refused."""

import datetime

import pytest
from django.utils import timezone
from stappen import klik

from openwmo.accounts.models import Rol
from openwmo.jeugd.models import Veiligheidsstap
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def gezin(live_server):
    wijk = f.WijkFactory(naam="Heechterp")
    postcode = f.PostcodeFactory(postcode="8915AB", buurt=f.BuurtFactory(wijk=wijk))
    huishouden = f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode))
    moeder = f.PersoonFactory(
        voornamen="Marit",
        achternaam="de Vries",
        geboortedatum=datetime.date(1990, 1, 5),
        huishouden=huishouden,
    )
    vandaag = timezone.localdate()
    f.PersoonFactory(
        voornamen="Tess",
        achternaam="de Vries",
        geboortedatum=vandaag.replace(year=vandaag.year - 4, day=1),
        huishouden=huishouden,
    )
    f.medewerker(Rol.SOCIAAL_WERKER, wijken=[wijk], username="generalist")
    f.medewerker(Rol.VRIJWILLIGER, wijken=[wijk], username="vrijwilliger")
    f.medewerker(Rol.ZORGAANBIEDER, username="aanbieder")
    return moeder


def login(screen, username):
    screen.page.context.clear_cookies()
    screen.goto("/inloggen/")
    screen.page.get_by_label("Gebruikersnaam").fill(username)
    screen.page.get_by_label("Wachtwoord").fill(f.PASSWORD)
    screen.page.get_by_role("button", name="Inloggen").click()
    screen.page.wait_for_load_state()


def stap(page, soort, notitie, besluit=None):
    klik(page, "Stap vastleggen")
    page.get_by_label("Stap", exact=True).select_option(label=soort)
    if besluit:
        page.get_by_label("Besluit (stap 5)").select_option(label=besluit)
    page.get_by_label("Notitie").fill(notitie)
    page.get_by_role("button", name="Stap vastleggen").click()
    page.wait_for_load_state()


def test_meldcode_en_alleen_voor_wie_het_nodig_heeft(screen, gezin):
    page = screen.page
    login(screen, "generalist")
    screen.goto(f"/inwoners/{gezin.pk}/")
    assert "er is nog geen risicotaxatie" in page.content()
    klik(page, "Zicht op veiligheid openen")
    klik(page, "Risicotaxatie vastleggen")
    page.get_by_label("Uitkomst").select_option(label="Verhoogd risico: meldcode doorlopen")
    page.get_by_label("Risico's uit problemen van de volwassenen").fill(
        "Moeder drinkt veel sinds de scheiding"
    )
    page.get_by_label("Onderbouwing").fill("Tess komt vaak te laat en ongewassen op de opvang")
    screen.check("jeugd-taxatie")
    page.get_by_role("button", name="Taxatie vastleggen").click()
    page.wait_for_load_state()

    stap(page, "Meldcode stap 3: gesprek met de betrokkenen", "Gesprek met moeder")
    assert "Zet eerst de vorige stap van de meldcode" in page.content()
    screen.check("jeugd-stap-fout")
    page.goto(screen.base_url + f"/jeugd/veiligheid/{gezin.huishouden_id}/")
    for soort, notitie in [
        ("Meldcode stap 1: signalen in kaart brengen", "Signalen van de opvang"),
        ("Meldcode stap 2: collegiale consultatie / Veilig Thuis", "Advies Veilig Thuis"),
        ("Meldcode stap 3: gesprek met de betrokkenen", "Gesprek met moeder"),
        ("Meldcode stap 4: wegen met het afwegingskader", "Acute onveiligheid niet uit te sluiten"),
    ]:
        stap(page, soort, notitie)
    stap(
        page, "Meldcode stap 5: beslissen over hulp en melden", "Melden", "Melden bij Veilig Thuis"
    )
    stap(page, "Melding bij Veilig Thuis", "Melding gedaan, zaaknummer VT-123")
    stap(page, "Registratie in de Verwijsindex", "Geregistreerd; match met de jeugdarts")
    inhoud = page.content()
    assert "Melden bij Veilig Thuis" in inhoud and "Registratie in de Verwijsindex" in inhoud
    screen.check("jeugd-veiligheid-meldcode")
    assert Veiligheidsstap.objects.count() == 7
    assert AuditRecord.objects.filter(object_type="zicht_op_veiligheid", actie="lezen").count() >= 8

    for naam in ("vrijwilliger", "aanbieder"):
        login(screen, naam)
        response = page.goto(screen.base_url + f"/jeugd/veiligheid/{gezin.huishouden_id}/")
        assert response.status in (403, 404)
        assert "Moeder drinkt" not in page.content()
