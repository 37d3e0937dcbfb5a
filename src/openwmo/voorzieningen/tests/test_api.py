import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f
from openwmo.voorzieningen.models import Aanvraag

pytestmark = pytest.mark.django_db


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_inwoner_vraagt_vervoerspas_aan_via_api(users, inwoner):
    client = _client(users[Rol.INWONER])
    fout = client.post("/api/v1/voorzieningen/aanvragen/", {"soort": "fiets"}, format="json")
    assert fout.status_code == 400 and fout["content-type"] == "application/problem+json"
    assert not Aanvraag.objects.exists()
    antwoord = client.post(
        "/api/v1/voorzieningen/aanvragen/",
        {"soort": "vervoerspas", "toelichting": "Kan niet meer fietsen"},
        format="json",
    )
    assert antwoord.status_code == 201
    assert antwoord.json()["persoon"] == inwoner.pk
    dubbel = client.post(
        "/api/v1/voorzieningen/aanvragen/",
        {"soort": "vervoerspas", "toelichting": "Nog eens"},
        format="json",
    )
    assert dubbel.status_code == 400
    werker = _client(users[Rol.SOCIAAL_WERKER])
    assert (
        werker.post(
            "/api/v1/voorzieningen/aanvragen/", {"soort": "hh", "toelichting": "x"}, format="json"
        ).status_code
        == 403
    )


def test_lijst_vast_aantal_queries_en_gelogd(users, inwoner, inwoner_elders):
    for persoon in [inwoner] * 3 + [inwoner_elders]:
        Aanvraag.objects.create(
            persoon=persoon,
            soort="woonaanpassing",
            toelichting="Drempel",
            ingediend_op="2026-10-01",
            beslissen_uiterlijk="2026-10-15",
        )
    werker = users[Rol.SOCIAAL_WERKER]
    client = _client(werker)
    client.get("/api/v1/voorzieningen/aanvragen/")
    with CaptureQueriesContext(connection) as ctx:
        data = client.get("/api/v1/voorzieningen/aanvragen/").json()
    aantal = len(ctx)
    assert len(data) == 3  # the other wijk is outside the worker's scope
    for _ in range(5):
        Aanvraag.objects.create(
            persoon=f.PersoonFactory(huishouden=inwoner.huishouden),
            soort="hh",
            toelichting="x",
            ingediend_op="2026-10-01",
            beslissen_uiterlijk="2026-10-15",
        )
    with CaptureQueriesContext(connection) as ctx:
        data = client.get("/api/v1/voorzieningen/aanvragen/").json()
    assert len(data) == 8 and len(ctx) == aantal
    assert AuditRecord.objects.filter(gebruiker=werker, kanaal="api").exists()
