"""API tokens expire, a new one replaces the old, and they can be revoked (issue 19.7)."""

import datetime

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lege_cache():
    cache.clear()
    yield
    cache.clear()


def token_voor(user) -> str:
    response = APIClient().post(
        "/api/v1/token/", {"username": user.username, "password": f.PASSWORD}
    )
    assert response.status_code == 200, response.content
    return response.json()["token"]


def mij(token: str):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client.get("/api/v1/mij/")


@override_settings(API_TOKEN_GELDIGHEID_UREN=8)
def test_token_verloopt_na_de_ingestelde_uren(users):
    user = users[Rol.WMO_CONSULENT]
    antwoord = (
        APIClient()
        .post("/api/v1/token/", {"username": user.username, "password": f.PASSWORD})
        .json()
    )
    verloopt = datetime.datetime.fromisoformat(antwoord["verloopt_op"])
    over = verloopt - timezone.now()
    assert datetime.timedelta(hours=7, minutes=59) < over <= datetime.timedelta(hours=8)
    assert mij(antwoord["token"]).status_code == 200
    Token.objects.filter(key=antwoord["token"]).update(
        created=timezone.now() - datetime.timedelta(hours=8, seconds=1)
    )
    response = mij(antwoord["token"])
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert "verlopen" in response.json()["detail"]


def test_nieuw_token_vervangt_het_oude(users):
    user = users[Rol.BELEIDSMAKER]
    eerste = token_voor(user)
    tweede = token_voor(user)
    assert eerste != tweede
    assert mij(eerste).status_code == 401
    assert mij(tweede).status_code == 200
    assert AuditRecord.objects.filter(object_type="authtoken.token", gebruiker=user).count() == 2
    assert not AuditRecord.objects.filter(nieuwe_waarden__icontains=tweede).exists()


def test_gebruiker_trekt_eigen_token_in_via_de_api(users):
    user = users[Rol.ZORGAANBIEDER]
    token = token_voor(user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.delete("/api/v1/token/").status_code == 204
    assert mij(token).status_code == 401
    assert AuditRecord.objects.filter(
        object_type="authtoken.token", nieuwe_waarden__token="ingetrokken", gebruiker=user
    ).exists()
    assert APIClient().delete("/api/v1/token/").status_code == 401


def test_gebruiker_trekt_eigen_token_in_op_het_scherm(client, users):
    user = users[Rol.INWONER]
    token = token_voor(user)
    client.force_login(user)
    page = client.get("/tweestaps/api-tokens/").content.decode()
    assert "verloopt op" in page
    # someone else's token is not his to revoke
    ander = token_voor(users[Rol.WMO_CONSULENT])
    van_ander = {"gebruiker": users[Rol.WMO_CONSULENT].pk}
    assert client.post("/tweestaps/api-tokens/", van_ander).status_code == 403
    assert mij(ander).status_code == 200
    response = client.post("/tweestaps/api-tokens/", {"gebruiker": user.pk})
    assert response.status_code == 302
    assert mij(token).status_code == 401


def test_beheerder_trekt_token_van_een_ander_in(client, users):
    beheerder = users[Rol.BEHEERDER]
    consulent = users[Rol.WMO_CONSULENT]
    token = token_voor(consulent)
    client.force_login(beheerder)
    assert consulent.username in client.get("/tweestaps/api-tokens/").content.decode()
    client.post("/tweestaps/api-tokens/", {"gebruiker": consulent.pk})
    assert mij(token).status_code == 401
    audit = AuditRecord.objects.get(nieuwe_waarden__token="ingetrokken")
    assert audit.gebruiker == beheerder and audit.object_id == str(consulent.pk)
