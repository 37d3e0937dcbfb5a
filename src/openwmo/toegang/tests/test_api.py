"""The API follows the same rules as the screens."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol
from openwmo.toegang.models import Melding

from .conftest import melding_voor

pytestmark = pytest.mark.django_db


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_melding_registreren_en_lezen(users, inwoner, hh_org, hh_medewerker):
    client = client_for(users[Rol.SOCIAAL_WERKER])
    response = client.post(
        "/api/v1/meldingen/",
        {
            "bsn": inwoner.bsn,
            "geboortedatum": str(inwoner.geboortedatum),
            "kanaal": "telefoon",
            "ontvangen_op": timezone.now().isoformat(),
            "vraag": "Ik kan niet meer stofzuigen.",
            "route": "hh",
            "hh_aanbieder": hh_org.pk,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (
        data["status"] == "bij_aanbieder" and data["termijnen"]["onderzoek"]["oordeel"] == "loopt"
    )
    aanbieder = client_for(hh_medewerker).get("/api/v1/meldingen/?lijst=alle").json()
    assert aanbieder == [
        {
            "id": data["id"],
            "naam": "Jelle Hoekstra",
            "adres": str(inwoner.huishouden.adres),
            "telefoon": "",
            "vraag": "Ik kan niet meer stofzuigen.",
        }
    ]


@pytest.mark.parametrize(
    ("wijziging", "veld"),
    [
        ({"bsn": ""}, "bsn"),
        ({"ontvangen_op": "morgen"}, "ontvangen_op"),
        ({"kanaal": "online"}, "kanaal"),
        ({"ontvangen_op": "2999-01-01T10:00:00+01:00"}, "ontvangen_op"),
    ],
)
def test_foute_melding_geeft_problem_json(users, inwoner, wijziging, veld):
    data = {
        "bsn": inwoner.bsn,
        "geboortedatum": str(inwoner.geboortedatum),
        "kanaal": "telefoon",
        "ontvangen_op": timezone.now().isoformat(),
        "vraag": "Hulp",
        **wijziging,
    }
    response = client_for(users[Rol.SOCIAAL_WERKER]).post("/api/v1/meldingen/", data, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert veld in [p["name"] for p in response.json()["invalid_params"]]
    assert not Melding.objects.exists()


def test_vrijwilliger_ziet_beperkte_velden_en_geen_gesprekken(users, inwoner, kamer):
    melding = melding_voor(
        users[Rol.VRIJWILLIGER], inwoner, kanaal="buurtkamer", buurtkamer_id=kamer.pk
    )
    client = client_for(users[Rol.VRIJWILLIGER])
    assert set(client.get(f"/api/v1/meldingen/{melding.pk}/").json()) == {
        "id",
        "naam",
        "vraag",
        "uitkomst",
        "uitkomst_toelichting",
    }
    assert client.get(f"/api/v1/meldingen/{melding.pk}/gesprekken/").status_code == 403


def test_onderzoek_met_score_buiten_bereik(users, inwoner):
    melding = melding_voor(users[Rol.SOCIAAL_WERKER], inwoner)
    client = client_for(users[Rol.SOCIAAL_WERKER])
    url = f"/api/v1/meldingen/{melding.pk}/onderzoek/"
    response = client.put(
        url, {"scores": [{"domein": "financien", "score": 6, "reden": "Schulden"}]}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["invalid_params"][0]["reason"] == "Een score ligt tussen 1 en 5."
    response = client.put(
        url,
        {
            "clientondersteuning_gemeld_op": str(timezone.localdate()),
            "scores": [{"domein": "financien", "score": 2, "reden": "Schulden"}],
        },
        format="json",
    )
    assert response.status_code == 200 and response.json()["scores"][0]["score"] == 2
    gesprek = client.post(
        f"/api/v1/meldingen/{melding.pk}/gesprekken/",
        {
            "gepland_op": (timezone.now() + datetime.timedelta(days=3)).isoformat(),
            "locatie": "Buurtkamer",
            "deelnemers": [{"soort": "clientondersteuner", "naam": "MEE"}],
        },
        format="json",
    )
    assert gesprek.status_code == 201
    lijst = client.get(f"/api/v1/meldingen/{melding.pk}/gesprekken/").json()
    assert lijst[0]["deelnemers"] == [{"soort": "clientondersteuner", "naam": "MEE"}]


def test_lijst_heeft_een_vast_aantal_queries(users, inwoner):
    client = client_for(users[Rol.WMO_CONSULENT])
    melding_voor(users[Rol.WMO_CONSULENT], inwoner)
    with CaptureQueriesContext(connection) as een:
        client.get("/api/v1/meldingen/")
    for _ in range(4):
        melding_voor(users[Rol.WMO_CONSULENT], inwoner)
    with CaptureQueriesContext(connection) as vijf:
        assert len(client.get("/api/v1/meldingen/").json()) == 5
    assert len(vijf) == len(een)


def test_signaal_via_api(users, inwoner):
    client = client_for(users[Rol.SOCIAAL_WERKER])
    response = client.post(
        "/api/v1/signalen/",
        {
            "bsn": inwoner.bsn,
            "geboortedatum": str(inwoner.geboortedatum),
            "bron": "vroegsignalering",
            "melder": "Vroegsignalering: energieleverancier",
            "zorg": "Drie maanden achterstand",
            "ontvangen_op": timezone.now().isoformat(),
        },
        format="json",
    )
    assert response.status_code == 201
    pk = response.json()["id"]
    fout = client.post(f"/api/v1/signalen/{pk}/beoordeling/", {"besluit": "geen_actie"})
    assert fout.status_code == 400
    goed = client.post(
        f"/api/v1/signalen/{pk}/beoordeling/",
        {"besluit": "casuistiek", "reden": "Bespreken", "gepland_op": str(timezone.localdate())},
    )
    assert goed.status_code == 200 and goed.json()["besluit"] == "casuistiek"
    assert client.get("/api/v1/signalen/").json() == []
