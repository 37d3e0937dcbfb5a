"""Screens: the public form, what each role sees, bad input, PDF and the start page."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.privacy.models import AuditRecord
from openwmo.toegang.models import Melding, OnlineMelding

from .conftest import melding_voor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lege_cache():
    cache.clear()


def _online_data(inwoner, **kwargs):
    data = {
        "naam": "Jelle Hoekstra",
        "bsn": inwoner.bsn,
        "geboortedatum": inwoner.geboortedatum.isoformat(),
        "postcode": "9001AB",
        "telefoon": "0612345678",
        "vraag": "Ik wil hulp bij mijn administratie.",
        "website": "",
    }
    data.update(kwargs)
    return data


def test_online_formulier_zegt_hetzelfde_met_of_zonder_match(client, inwoner):
    gevonden = client.post("/toegang/melden/", _online_data(inwoner))
    onbekend = client.post("/toegang/melden/", _online_data(inwoner, postcode="9002CD"))
    assert gevonden.status_code == onbekend.status_code == 302
    assert gevonden["Location"] == onbekend["Location"] == "/toegang/melden/ontvangen/"
    assert Melding.objects.get().kanaal == "online"
    assert OnlineMelding.objects.count() == 1


def test_online_formulier_honeypot_slaat_niets_op(client, inwoner):
    response = client.post("/toegang/melden/", _online_data(inwoner, website="http://spam"))
    assert response.status_code == 302
    assert not Melding.objects.exists() and not OnlineMelding.objects.exists()


def test_online_formulier_per_ip_begrensd(client, inwoner):
    for _ in range(5):
        assert client.post("/toegang/melden/", _online_data(inwoner, vraag="")).status_code == 200
    response = client.post("/toegang/melden/", _online_data(inwoner))
    assert response.status_code == 429
    assert "te vaak" in response.content.decode()
    assert not Melding.objects.exists()


def test_online_formulier_vereist_csrf(inwoner):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/toegang/melden/", _online_data(inwoner)).status_code == 403
    assert not Melding.objects.exists()


def test_online_formulier_foute_invoer_met_foutoverzicht(client, inwoner):
    response = client.post(
        "/toegang/melden/", _online_data(inwoner, bsn="123456789", geboortedatum="2999-01-01")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "niet opgeslagen" in html and "elfproef" in html and "toekomst" in html
    assert 'href="#id_bsn"' in html
    assert not Melding.objects.exists() and not OnlineMelding.objects.exists()


def test_vrijwilliger_ziet_alleen_naam_vraag_en_uitkomst(client, users, inwoner, kamer):
    melding = melding_voor(
        users[Rol.VRIJWILLIGER], inwoner, kanaal="buurtkamer", buurtkamer_id=kamer.pk
    )
    client.force_login(users[Rol.VRIJWILLIGER])
    html = client.get(f"/toegang/meldingen/{melding.pk}/").content.decode()
    # the name the volunteer typed, never the register's (tests_beveiliging)
    assert "Bezoeker Jelle" in html and "Ik heb hulp nodig." in html
    assert "Hoekstra" not in html
    assert (
        inwoner.bsn not in html and "Lindelaan" not in html and "Wettelijke termijnen" not in html
    )
    start = client.get("/").content.decode()
    assert "Bezoekers van vandaag" in start and "Bezoeker Jelle" in start
    assert "Hoekstra" not in start


def test_aanbieder_ziet_naam_adres_telefoon_en_vraag(client, users, inwoner, hh_org, hh_medewerker):
    inwoner.telefoon = "0611111111"
    inwoner.save()
    melding = melding_voor(
        users[Rol.SOCIAAL_WERKER], inwoner, route="hh", hh_aanbieder_id=hh_org.pk
    )
    client.force_login(hh_medewerker)
    start = client.get("/").content.decode()
    assert "Nieuwe meldingen huishoudelijke hulp" in start and "Jelle Hoekstra" in start
    html = client.get(f"/toegang/meldingen/{melding.pk}/").content.decode()
    assert "0611111111" in html and "Lindelaan" in html
    assert inwoner.bsn not in html and "Wettelijke termijnen" not in html
    client.force_login(users[Rol.ZORGAANBIEDER])  # another provider
    assert client.get(f"/toegang/meldingen/{melding.pk}/").status_code == 404


def test_melding_registreren_met_foute_invoer_geeft_nederlandse_melding(client, users, inwoner):
    client.force_login(users[Rol.SOCIAAL_WERKER])
    morgen = timezone.localtime() + datetime.timedelta(days=1)
    response = client.post(
        "/toegang/meldingen/nieuw/",
        {
            "bsn": inwoner.bsn,
            "geboortedatum": inwoner.geboortedatum.isoformat(),
            "kanaal": "telefoon",
            "ontvangen_op": morgen.strftime("%Y-%m-%dT%H:%M"),
            "vraag": "Hulp",
            "urgentie": "normaal",
            "route": "breed",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and "ligt in de toekomst" in html
    assert not Melding.objects.exists()


def test_score_buiten_1_tot_5_via_het_scherm(client, users, inwoner):
    melding = melding_voor(users[Rol.SOCIAAL_WERKER], inwoner)
    client.force_login(users[Rol.SOCIAAL_WERKER])
    response = client.post(
        f"/toegang/meldingen/{melding.pk}/onderzoek/",
        {"score_financien": "9", "reden_financien": "Schulden"},
    )
    assert "Een score ligt tussen 1 en 5" in response.content.decode()
    assert not hasattr(Melding.objects.get(pk=melding.pk), "onderzoek")


def test_verslag_pdf_wordt_gelogd_en_inwoner_kan_reageren(client, users, inwoner):
    from openwmo.toegang.models import Onderzoek, Status

    melding = melding_voor(users[Rol.SOCIAAL_WERKER], inwoner)
    Onderzoek.objects.create(melding=melding, gewenst_resultaat="Weer meedoen")
    client.force_login(users[Rol.INWONER])
    assert client.get(f"/toegang/meldingen/{melding.pk}/verslag/").status_code == 404  # not ready
    Melding.objects.filter(pk=melding.pk).update(
        status=Status.ONDERZOEK_AFGEROND, onderzoek_afgerond_op=timezone.localdate()
    )
    response = client.get(f"/toegang/meldingen/{melding.pk}/verslag.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response).startswith(b"%PDF")
    assert AuditRecord.objects.filter(kanaal="pdf", actie="export", persoon_id=inwoner.pk).exists()
    client.post(f"/toegang/meldingen/{melding.pk}/verslag/", {"tekst": "Klopt, dank u."})
    assert melding.reacties.get().tekst == "Klopt, dank u."


def test_sociaal_werker_startpagina_en_teamleider(client, users, inwoner, teamleider):
    melding_voor(users[Rol.SOCIAAL_WERKER], inwoner)
    client.force_login(users[Rol.SOCIAAL_WERKER])
    html = client.get("/").content.decode()
    assert "Mijn meldingen" in html and "Mijn gesprekken" in html and "Niet toegewezen" not in html
    client.force_login(teamleider)
    html = client.get("/").content.decode()
    assert "Niet toegewezen" in html and "Termijn verlopen" in html and "Jelle Hoekstra" in html


def test_triage_toont_advies_en_vraagt_bevestiging(client, users, inwoner):
    from openwmo.toegang.models import Criteriaset

    melding = melding_voor(users[Rol.SOCIAAL_WERKER], inwoner)
    to = Criteriaset.objects.get(naam="Thuisondersteuning")
    client.force_login(users[Rol.SOCIAAL_WERKER])
    data = {"criteriaset": to.pk, **{f"criterium_{c.pk}": "basis" for c in to.criteria.all()}}
    html = client.post(
        f"/toegang/meldingen/{melding.pk}/triage/", {**data, "stap": "advies"}
    ).content.decode()
    assert "Advies: Basisondersteuning" in html and not melding.triages.exists()
    html = client.post(
        f"/toegang/meldingen/{melding.pk}/triage/",
        {**data, "stap": "vastleggen", "besluit": "aanvullend"},
    ).content.decode()
    assert "U wijkt af van het advies" in html and not melding.triages.exists()


def test_beheerder_past_criteria_aan_in_beheer(client, users):
    beheerder = users[Rol.BEHEERDER]
    client.force_login(beheerder)
    assert client.get("/beheer/toegang/criteriaset/").status_code == 200
    client.force_login(users[Rol.SOCIAAL_WERKER])
    assert client.get("/beheer/toegang/criteriaset/").status_code in (302, 403)
