"""Steering dashboards in a real browser: every level for the roles that use it, the
neighbourhood map, the drill-down of a provider and the client-experience survey."""

import datetime

import pytest
import stappen
from django.apps import apps
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.sturing.models import Indicator, Uitnodiging
from openwmo.sturing.tests import factories as s
from openwmo.testing import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def gemeente(live_server):
    if not Indicator.objects.exists():
        from importlib import import_module

        import_module("openwmo.sturing.migrations.0002_startset").laden(apps, None)
    centrum = f.WijkFactory(naam="Centrum", code="WK199901")
    dorp = f.WijkFactory(naam="Oosterveen", code="WK199902")
    aanbieder = f.OrganisatieFactory(naam="Zorggroep Lindeveen")
    mensen = [s.persoon_in(centrum) for _ in range(6)] + [s.persoon_in(dorp)]
    vandaag = timezone.localdate()
    maandag = vandaag - datetime.timedelta(days=vandaag.weekday())
    for p in mensen:
        t = s.toewijzing(p, aanbieder, maandag - datetime.timedelta(days=9))
        s.levering(t, "start", maandag)
        s.melding(p, maandag, uitkomst="informatie")
        s.antwoord(p, maandag, aanbieder=aanbieder, toegang_wist=4, effect_leven=3)
    jelle = mensen[0]
    f.UserFactory(rol=Rol.INWONER, persoon=jelle, username="jelle")
    f.medewerker(Rol.BELEIDSMAKER, username="beleid")
    f.medewerker(Rol.ZORGAANBIEDER, username="contract", organisatie=aanbieder)
    uitnodiging = Uitnodiging.objects.create(
        persoon=jelle, aanleiding="einde", bron_id=999, aanbieder=aanbieder
    )
    return {"jelle": jelle, "uitnodiging": uitnodiging, "aanbieder": aanbieder}


def login(screen, username):
    screen.page.context.clear_cookies()
    screen.goto("/inloggen/")
    screen.page.get_by_label("Gebruikersnaam").fill(username)
    screen.page.get_by_label("Wachtwoord").fill(f.PASSWORD)
    screen.page.get_by_role("button", name="Inloggen").click()
    screen.page.wait_for_load_state()


def klik(page, naam):
    stappen.klik(page, naam, exact=True)


def test_beleidsmaker_ziet_alle_niveaus_en_de_kaart(screen, gemeente):
    page = screen.page
    login(screen, "beleid")
    screen.goto("/sturing/")
    screen.check("sturing-index")
    klik(page, "Strategisch")
    page.wait_for_selector("#sturing-grafiek")
    assert "Doelrealisatie" in page.content()
    screen.check("sturing-strategisch")
    klik(page, "Tactisch")
    page.get_by_label("Indicator in de grafiek").select_option(label="Meldingen per 1.000 inwoners")
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_load_state()
    assert "per aanbieder" in page.content()
    screen.check("sturing-tactisch")
    klik(page, "Per wijk")
    page.get_by_label("Indicator in de grafiek").select_option(
        label="Wachttijd toewijzing tot start (mediaan)"
    )
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_load_state()
    # the map draws the wijk shapes with the values as text; Oosterveen has one case only
    page.wait_for_selector(".ow-sturing-label")
    labels = page.locator(".ow-sturing-label").all_inner_texts()
    assert "Centrum: 9,0" in labels and "Oosterveen: minder dan 5" in labels
    screen.check("sturing-wijken")
    klik(page, "Indicatoren beheren")
    klik(page, "Doelrealisatie")
    page.get_by_label("Streefwaarde").fill("heel hoog")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert "Vul een getal in" in page.content()
    screen.check("sturing-indicator-fout")
    page.get_by_label("Streefwaarde").fill("80")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert "De indicator is bijgewerkt" in page.content()


def test_contractmanager_ziet_eigen_gevallen(screen, gemeente):
    page = screen.page
    login(screen, "contract")
    screen.goto("/sturing/")
    klik(page, "Operationeel")
    assert "Zorggroep Lindeveen" in page.content()
    screen.check("sturing-operationeel")
    # the seven starts of this week, with names (the provider's own clients)
    page.get_by_role("row", name="Wachttijd toewijzing tot start (mediaan)").get_by_role(
        "link"
    ).last.click()
    page.wait_for_load_state()
    assert "7 gevallen" in page.content()
    assert gemeente["jelle"].achternaam in page.content()
    screen.check("sturing-gevallen")


def test_inwoner_vult_vragenlijst_in(screen, gemeente):
    page = screen.page
    login(screen, "jelle")
    page.get_by_role("link", name="Vragenlijst van").first.click()
    page.wait_for_load_state()
    screen.check("sturing-vragenlijst")
    page.get_by_role("button", name="Antwoorden versturen").click()
    page.wait_for_load_state()
    assert "Beantwoord minstens één vraag" in page.content()
    page.get_by_role("group", name="1. Ik wist waar ik met mijn vraag terecht kon.").get_by_label(
        "Helemaal eens"
    ).check()
    page.get_by_role("group", name="6. Door de ondersteuning heb ik een betere").get_by_label(
        "Eens", exact=True
    ).check()
    page.get_by_role("button", name="Antwoorden versturen").click()
    page.wait_for_load_state()
    assert "Bedankt voor uw antwoorden" in page.content()
    screen.check("sturing-vragenlijst-klaar")
    assert gemeente["uitnodiging"].antwoord.toegang_wist == 5
