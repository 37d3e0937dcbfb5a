import pytest

from openwmo.accounts.models import Rol
from openwmo.inwoners.models import Persoon
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db

EXPECTED_ON_START = {
    Rol.INWONER: "Wie heeft mijn gegevens bekeken",
    Rol.VRIJWILLIGER: "Buurtkamers vandaag",
    Rol.SOCIAAL_WERKER: "Recent geopende dossiers",
    Rol.WMO_CONSULENT: "Recent geopende dossiers",
    Rol.ZORGAANBIEDER: "Uw organisatie",
    Rol.BELEIDSMAKER: "Inwoners per wijk",
    Rol.TOEZICHTHOUDER: "Aanbieders onder toezicht",
    Rol.PRIVACY_FUNCTIONARIS: "Laatste inzages en wijzigingen",
    Rol.BEHEERDER: "Accounts die nog ingericht moeten worden",
}


def test_login_met_fout_wachtwoord_geeft_nederlandse_melding(client, users):
    response = client.post(
        "/inloggen/", {"username": users[Rol.SOCIAAL_WERKER].username, "password": "fout"}
    )
    assert "klopt niet" in response.content.decode()


def test_login_en_startpagina(client, users):
    response = client.post(
        "/inloggen/",
        {"username": users[Rol.SOCIAAL_WERKER].username, "password": f.PASSWORD},
        follow=True,
    )
    assert "Recent geopende dossiers" in response.content.decode()


@pytest.mark.parametrize("rol", sorted(Rol.values))
def test_startpagina_per_rol(client, users, rol):
    client.force_login(users[rol])
    html = client.get("/").content.decode()
    assert EXPECTED_ON_START[rol] in html
    assert users[rol].get_rol_display() in html


def test_startpagina_sociaal_werker_toont_recente_dossiers_en_buurtkamers(
    client, users, inwoner, wijk
):
    f.OpeningstijdFactory(buurtkamer=f.BuurtkamerFactory(wijk=wijk, naam="De Linde"))
    client.force_login(users[Rol.SOCIAAL_WERKER])
    assert "U heeft nog geen dossiers geopend" in client.get("/").content.decode()
    client.get(f"/inwoners/{inwoner.pk}/")
    html = client.get("/").content.decode()
    assert "Jelle Hoekstra" in html
    assert "De Linde" in html


def test_beleidsmaker_ziet_geen_kleine_aantallen(client, users, inwoner):
    client.force_login(users[Rol.BELEIDSMAKER])
    html = client.get("/").content.decode()
    assert "&lt; 5" in html
    assert "Jelle" not in html


def test_zoeken_en_htmx_fragment(client, users, inwoner):
    client.force_login(users[Rol.SOCIAAL_WERKER])
    html = client.get("/inwoners/", {"naam": "hoekstra"}).content.decode()
    assert "1 inwoner gevonden" in html and "<html" in html
    fragment = client.get("/inwoners/", {"bsn": inwoner.bsn}, HTTP_HX_REQUEST="true")
    assert "Jelle Hoekstra" in fragment.content.decode()
    assert "<html" not in fragment.content.decode()
    assert "Vul minstens één zoekveld in" in client.get("/inwoners/?naam=").content.decode()
    assert "9 cijfers" in client.get("/inwoners/?bsn=123").content.decode()


def test_dossier_toont_huishouden_en_netwerk(client, users, inwoner):
    client.force_login(users[Rol.SOCIAAL_WERKER])
    html = client.get(f"/inwoners/{inwoner.pk}/").content.decode()
    for text in (
        "Jelle Hoekstra",
        inwoner.bsn,
        "Sietske Hoekstra",
        "6 uur per week",
        "Beschermingsbewindvoerder",
        "Noord",
    ):
        assert text in html
    assert AuditRecord.objects.filter(actie="lezen", kanaal="ui").count() == 1


def test_inwoner_ziet_wie_zijn_gegevens_bekeek(client, users, inwoner):
    client.force_login(users[Rol.SOCIAAL_WERKER])
    client.get(f"/inwoners/{inwoner.pk}/")
    client.force_login(users[Rol.INWONER])
    html = client.get(f"/inwoners/{inwoner.pk}/").content.decode()
    assert users[Rol.SOCIAAL_WERKER].medewerker.organisatie.naam in html
    assert "Sociaal werker / generalist" in html


def test_registreren_via_formulier(client, users, postcode):
    client.force_login(users[Rol.SOCIAAL_WERKER])
    data = {
        "bsn": f.synthetic_bsn(800),
        "voornamen": "Pieter",
        "achternaam": "de Boer",
        "geboortedatum": "1998-01-02",
        "geslacht": "1",
        "straat": "Lindelaan",
        "huisnummer": "4",
        "postcode": "9001 AB",
        "woonplaats": "Lindeveen",
    }
    response = client.post("/inwoners/registreren/", data, follow=True)
    assert "Pieter de Boer is geregistreerd" in response.content.decode()
    assert Persoon.objects.filter(achternaam="de Boer").count() == 1


@pytest.mark.parametrize(
    ("wijziging", "tekst"),
    [
        ({"bsn": "999999991"}, "elfproef"),
        ({"postcode": "AB1234"}, "geldige postcode"),
        ({"achternaam": "x" * 121}, "niet meer dan 120"),
        ({"voornamen": ""}, "Dit veld is vereist"),
        ({"postcode": "9999ZZ"}, "niet in de gemeente"),
    ],
)
def test_registreren_met_foute_invoer_slaat_niets_op(client, users, postcode, wijziging, tekst):
    client.force_login(users[Rol.SOCIAAL_WERKER])
    data = {
        "bsn": f.synthetic_bsn(801),
        "voornamen": "Pieter",
        "achternaam": "de Boer",
        "geboortedatum": "1998-01-02",
        "geslacht": "1",
        "straat": "Lindelaan",
        "huisnummer": "4",
        "postcode": "9001AB",
        "woonplaats": "Lindeveen",
    }
    data.update(wijziging)
    response = client.post("/inwoners/registreren/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "niet opgeslagen" in html
    assert tekst in html
    assert not Persoon.objects.filter(voornamen="Pieter").exists()


def test_beveiligingsheaders(client, users):
    client.force_login(users[Rol.SOCIAAL_WERKER])
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_statische_bestanden_met_beveiligingsheaders(client):
    response = client.get("/static/openwmo/app.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
