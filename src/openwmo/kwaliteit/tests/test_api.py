import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol
from openwmo.kwaliteit import services
from openwmo.kwaliteit.models import Klacht

pytestmark = pytest.mark.django_db
URL = "/api/v1/kwaliteit/klachten/"


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_inwoner_dient_klacht_in_via_api_en_ziet_stappen(users):
    org = users[Rol.ZORGAANBIEDER].medewerker.organisatie
    client = _client(users[Rol.INWONER])
    antwoord = client.post(
        URL,
        {"aanbieder": org.pk, "thema": "wachttijd", "omschrijving": "Al zes weken geen start."},
        format="json",
    )
    assert antwoord.status_code == 201, antwoord.json()
    data = antwoord.json()
    assert data["kanaal"] == "online" and data["stappen"][0]["soort"] == "medewerker"
    assert [k["id"] for k in client.get(URL).json()] == [data["id"]]
    assert len(_client(users[Rol.ZORGAANBIEDER]).get(URL).json()) == 1
    assert _client(users[Rol.BELEIDSMAKER]).get(URL).status_code == 403


def test_ongeldige_klacht_geeft_problem_json_en_schrijft_niets(users):
    antwoord = _client(users[Rol.INWONER]).post(
        URL, {"thema": "overig", "omschrijving": "kort"}, format="json"
    )
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"].startswith("application/problem+json")
    assert "omschrijving" in str(antwoord.json())
    assert not Klacht.objects.exists()


def test_lijst_met_vast_aantal_queries(users):
    toezicht = _client(users[Rol.TOEZICHTHOUDER])
    org = users[Rol.ZORGAANBIEDER].medewerker.organisatie

    def klacht():
        services.dien_klacht_in(
            users[Rol.INWONER],
            thema="kwaliteit",
            omschrijving="De hulp was niet goed.",
            aanbieder_id=org.pk,
            kanaal="ui",
        )

    klacht()
    toezicht.get(URL)  # warm up per-process caches (content types, code lists)
    with CaptureQueriesContext(connection) as een:
        assert len(toezicht.get(URL).json()) == 1
    for _ in range(3):
        klacht()
    with CaptureQueriesContext(connection) as vier:
        assert len(toezicht.get(URL).json()) == 4
    assert len(vier) == len(een)


def test_contractpartijen(users):
    client = _client(users[Rol.BELEIDSMAKER])
    assert client.get("/api/v1/kwaliteit/contractpartijen/?perceel=hh&jaar=2026").json() == []
    fout = client.get("/api/v1/kwaliteit/contractpartijen/?perceel=hh&jaar=abc")
    assert fout.status_code == 400
    assert (
        _client(users[Rol.ZORGAANBIEDER])
        .get("/api/v1/kwaliteit/contractpartijen/?perceel=hh")
        .status_code
        == 403
    )
