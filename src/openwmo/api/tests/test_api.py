import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol
from openwmo.inwoners.models import Persoon
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def nieuwe_inwoner(**kwargs):
    data = {
        "bsn": f.synthetic_bsn(700),
        "voornamen": "Frank",
        "achternaam": "Dijkstra",
        "geboortedatum": "1994-02-11",
        "straat": "Lindelaan",
        "huisnummer": 3,
        "postcode": "9001AB",
        "woonplaats": "Lindeveen",
    }
    data.update(kwargs)
    return data


def test_niet_ingelogd_geeft_problem_json():
    response = APIClient().get("/api/v1/personen/?naam=x")
    assert response.status_code in (401, 403)
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] in ("Niet ingelogd", "Geen toegang")


def test_token_login_en_mij(users):
    user = users[Rol.SOCIAAL_WERKER]
    response = APIClient().post(
        "/api/v1/token/", {"username": user.username, "password": f.PASSWORD}
    )
    assert response.status_code == 200
    token = response.json()["token"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    mij = client.get("/api/v1/mij/").json()
    assert mij["rol"] == "sociaal_werker"
    assert mij["wijken"] == ["Noord"]
    assert mij["organisatie"] == user.medewerker.organisatie.naam


def test_token_met_fout_wachtwoord(users):
    response = APIClient().post(
        "/api/v1/token/", {"username": users[Rol.SOCIAAL_WERKER].username, "password": "fout"}
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert Token.objects.count() == 0


def test_zoeken_binnen_werkgebied(users, inwoner, inwoner_elders):
    client = client_for(users[Rol.SOCIAAL_WERKER])
    data = client.get("/api/v1/personen/", {"postcode": "9001ab"}).json()
    assert [p["naam"] for p in data] == ["Jelle Hoekstra"]
    assert data[0]["adres"]["wijk"] == "Noord"
    assert client.get("/api/v1/personen/", {"naam": "Visser"}).json() == []


def test_zoeken_zonder_criterium_of_met_fout_bsn(users):
    client = client_for(users[Rol.SOCIAAL_WERKER])
    response = client.get("/api/v1/personen/")
    assert response.status_code == 400
    assert "minstens één zoekcriterium" in response.json()["invalid_params"][0]["reason"]
    response = client.get("/api/v1/personen/", {"bsn": "12ab"})
    assert response.json()["invalid_params"] == [
        {"name": "bsn", "reason": "Een BSN bestaat uit precies 9 cijfers."}
    ]


def test_rol_zonder_toegang_wordt_geweigerd(users, inwoner):
    for rol in (Rol.VRIJWILLIGER, Rol.ZORGAANBIEDER, Rol.BELEIDSMAKER, Rol.PRIVACY_FUNCTIONARIS):
        client = client_for(users[rol])
        assert client.get("/api/v1/personen/", {"naam": "Jelle"}).status_code == 403
        response = client.get(f"/api/v1/personen/{inwoner.pk}/")
        assert response.status_code == 403
        assert response.json()["title"] == "Geen toegang"
    assert not AuditRecord.objects.filter(actie="lezen").exists()


def test_dossier_via_api_wordt_gelogd(users, inwoner):
    client = client_for(users[Rol.WMO_CONSULENT])
    data = client.get(f"/api/v1/personen/{inwoner.pk}/").json()
    assert data["bsn"] == inwoner.bsn
    assert {r["naam"] for r in data["relaties"]} == {"Sietske Hoekstra", "Bewind BV"}
    assert (
        AuditRecord.objects.filter(actie="lezen", kanaal="api", persoon_id=inwoner.pk).count() == 1
    )


def test_dossier_buiten_werkgebied_geeft_404(users, inwoner_elders):
    response = client_for(users[Rol.SOCIAAL_WERKER]).get(f"/api/v1/personen/{inwoner_elders.pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_inwoner_ziet_eigen_dossier_maar_niet_dat_van_een_ander(users, inwoner, inwoner_elders):
    client = client_for(users[Rol.INWONER])
    assert client.get(f"/api/v1/personen/{inwoner.pk}/").status_code == 200
    assert client.get(f"/api/v1/personen/{inwoner_elders.pk}/").status_code == 404
    assert client.get("/api/v1/personen/", {"naam": "x"}).status_code == 403


def test_registreren(users, postcode):
    response = client_for(users[Rol.SOCIAAL_WERKER]).post(
        "/api/v1/personen/", nieuwe_inwoner(), format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["adres"]["buurt"] == postcode.buurt.naam


@pytest.mark.parametrize(
    ("wijziging", "veld", "tekst"),
    [
        ({"bsn": "999999991"}, "bsn", "elfproef"),
        ({"postcode": "12AB"}, "postcode", "geldige postcode"),
        ({"achternaam": "x" * 200}, "achternaam", "niet meer dan 120"),
        ({"voornamen": None}, "voornamen", "vereist"),
        ({"geboortedatum": "31-02-2000"}, "geboortedatum", "geldige datum"),
        ({"huisnummer": "tien"}, "huisnummer", "geldig getal"),
    ],
)
def test_registreren_met_foute_invoer(users, postcode, wijziging, veld, tekst):
    data = nieuwe_inwoner(**wijziging)
    if data[veld] is None:
        del data[veld]
    response = client_for(users[Rol.SOCIAAL_WERKER]).post("/api/v1/personen/", data, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    reasons = " ".join(p["reason"] for p in body["invalid_params"] if p["name"] == veld)
    assert tekst.lower() in reasons.lower(), body
    assert not Persoon.objects.exists() or not Persoon.objects.filter(voornamen="Frank").exists()


def test_registreren_niet_voor_vrijwilliger(users, postcode):
    response = client_for(users[Rol.VRIJWILLIGER]).post(
        "/api/v1/personen/", nieuwe_inwoner(), format="json"
    )
    assert response.status_code == 403
    assert not Persoon.objects.filter(voornamen="Frank").exists()


def test_contactgegevens_wijzigen(users, inwoner):
    client = client_for(users[Rol.SOCIAAL_WERKER])
    url = f"/api/v1/personen/{inwoner.pk}/contactgegevens/"
    assert client.patch(url, {"telefoon": "0687654321"}, format="json").status_code == 200
    response = client.patch(url, {"email": "niet-goed"}, format="json")
    assert response.status_code == 400
    assert response.json()["invalid_params"][0]["name"] == "email"
    inwoner.refresh_from_db()
    assert (inwoner.telefoon, inwoner.email) == ("0687654321", "")
    assert (
        client_for(users[Rol.ZORGAANBIEDER]).patch(url, {"telefoon": "0611111111"}).status_code
        == 403
    )


def test_organisaties_wijken_buurtkamers(users, wijk):
    f.OpeningstijdFactory(buurtkamer=f.BuurtkamerFactory(wijk=wijk, naam="De Linde"))
    client = client_for(users[Rol.BELEIDSMAKER])
    organisaties = client.get("/api/v1/organisaties/").json()["results"]
    assert {o["soort"] for o in organisaties} >= {"gemeente", "basis", "aanvullend"}
    assert client.get("/api/v1/organisaties/", {"soort": "gemeente"}).json()["count"] >= 1
    assert client.get("/api/v1/wijken/").json()["results"][0]["naam"] == "Noord"
    kamers = client.get("/api/v1/buurtkamers/").json()["results"]
    assert kamers[0]["naam"] == "De Linde"
    assert kamers[0]["openingstijden"] == [{"weekdag": 1, "van": "09:00:00", "tot": "12:00:00"}]
    assert client_for(users[Rol.INWONER]).get("/api/v1/organisaties/").status_code == 403


@pytest.mark.parametrize(
    "url", ["/api/v1/organisaties/", "/api/v1/wijken/", "/api/v1/buurtkamers/"]
)
def test_lijsten_hebben_vast_aantal_queries(users, url):
    client = client_for(users[Rol.WMO_CONSULENT])

    def run():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    wijk = f.WijkFactory()
    f.OpeningstijdFactory(buurtkamer=f.BuurtkamerFactory(wijk=wijk))
    f.BuurtFactory(wijk=wijk)
    klein = run()
    for _ in range(5):
        wijk = f.WijkFactory()
        f.OpeningstijdFactory(buurtkamer=f.BuurtkamerFactory(wijk=wijk))
        f.BuurtFactory(wijk=wijk)
        f.OrganisatieFactory()
    assert run() == klein
    assert klein <= 5


def test_zoekresultaten_vast_aantal_queries(users, wijk, postcode):
    client = client_for(users[Rol.WMO_CONSULENT])
    client.get("/api/v1/mij/")  # warm up: the user's scope is read once per request user
    for _ in range(3):
        f.PersoonFactory(
            achternaam="Smit",
            huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode)),
        )
    with CaptureQueriesContext(connection) as ctx:
        assert len(client.get("/api/v1/personen/", {"naam": "Smit"}).json()) == 3
    drie = len(ctx.captured_queries)
    for _ in range(10):
        f.PersoonFactory(
            achternaam="Smit",
            huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode)),
        )
    with CaptureQueriesContext(connection) as ctx:
        assert len(client.get("/api/v1/personen/", {"naam": "Smit"}).json()) == 13
    assert len(ctx.captured_queries) == drie
