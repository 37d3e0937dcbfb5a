"""The two screens that change security data, /tweestaps/api-tokens/ (revoke a token) and
/tweestaps/inschrijfcodes/ (issue an enrolment code), refuse a POST without the CSRF token
and change nothing on a GET (issue 19 leftover: checked, guarded here)."""

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from openwmo.accounts import services
from openwmo.accounts.models import Inschrijfcode, Rol

pytestmark = pytest.mark.django_db


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_api_token_intrekken_vraagt_csrf(csrf_client, users):
    beheerder, consulent = users[Rol.BEHEERDER], users[Rol.WMO_CONSULENT]
    services.nieuw_token(consulent, kanaal="api")
    csrf_client.force_login(beheerder)
    assert csrf_client.get("/tweestaps/api-tokens/", {"gebruiker": consulent.pk}).status_code == 200
    assert (
        csrf_client.post("/tweestaps/api-tokens/", {"gebruiker": consulent.pk}).status_code == 403
    )
    assert Token.objects.filter(user=consulent).exists()
    # with the token from the page it works
    csrf_client.get("/tweestaps/api-tokens/")
    token = csrf_client.cookies["csrftoken"].value
    antwoord = csrf_client.post(
        "/tweestaps/api-tokens/", {"gebruiker": consulent.pk, "csrfmiddlewaretoken": token}
    )
    assert antwoord.status_code == 302
    assert not Token.objects.filter(user=consulent).exists()


def test_inschrijfcode_uitgeven_vraagt_csrf(csrf_client, users):
    beheerder, consulent = users[Rol.BEHEERDER], users[Rol.WMO_CONSULENT]
    csrf_client.force_login(beheerder)
    assert (
        csrf_client.get("/tweestaps/inschrijfcodes/", {"gebruiker": consulent.pk}).status_code
        == 200
    )
    assert not Inschrijfcode.objects.exists()
    antwoord = csrf_client.post("/tweestaps/inschrijfcodes/", {"gebruiker": consulent.pk})
    assert antwoord.status_code == 403
    assert not Inschrijfcode.objects.exists()
    token = csrf_client.cookies["csrftoken"].value
    antwoord = csrf_client.post(
        "/tweestaps/inschrijfcodes/", {"gebruiker": consulent.pk, "csrfmiddlewaretoken": token}
    )
    assert antwoord.status_code == 302
    assert Inschrijfcode.objects.filter(gebruiker=consulent).count() == 1
