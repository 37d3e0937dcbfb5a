"""Two-factor authentication and brute-force lockout."""

import pytest
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from openwmo.accounts import services
from openwmo.accounts.models import Rol
from openwmo.privacy.services import Kanaal
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db


def code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def login(client, user, password=f.PASSWORD):
    return client.post("/inloggen/", {"username": user.username, "password": password})


@override_settings(TWEESTAPS_VERPLICHT=True)
def test_medewerker_moet_tweestapsverificatie_instellen_en_gebruiken(client, users):
    user = users[Rol.SOCIAAL_WERKER]
    _record, inschrijfcode = services.geef_inschrijfcode(
        users[Rol.BEHEERDER], user.pk, kanaal=Kanaal.UI
    )
    login(client, user)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/tweestaps/instellen/"
    response = client.post("/tweestaps/instellen/", {"code": inschrijfcode.lower()})
    assert response.status_code == 302
    page = client.get("/tweestaps/instellen/").content.decode()
    assert "<svg" in page and "Geheime sleutel" in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    fout = client.post("/tweestaps/instellen/", {"token": "000000"}).content.decode()
    assert "klopt niet" in fout
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code slows the next try down; skip the wait here
    response = client.post("/tweestaps/instellen/", {"token": code(device)})
    assert response.status_code == 302
    assert client.get("/").status_code == 200

    # next log-in: the code is asked, not a new enrolment
    client.logout()
    login(client, user)
    assert client.get("/inwoners/").headers["Location"].startswith("/tweestaps/controleren/")
    device.refresh_from_db()
    device.last_t = -1  # allow the same time step again in this test
    device.save()
    response = client.post("/tweestaps/controleren/", {"token": code(device), "next": "/inwoners/"})
    assert response["Location"] == "/inwoners/"


@override_settings(TWEESTAPS_VERPLICHT=True)
def test_api_sessie_zonder_tweestaps_wordt_geweigerd(client, users):
    login(client, users[Rol.WMO_CONSULENT])
    response = client.get("/api/v1/mij/")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"


@override_settings(TWEESTAPS_VERPLICHT=True)
def test_api_token_vraagt_code_voor_medewerkers(users):
    user = users[Rol.WMO_CONSULENT]
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = APIClient()
    zonder = client.post("/api/v1/token/", {"username": user.username, "password": f.PASSWORD})
    assert zonder.status_code == 400
    assert zonder.json()["invalid_params"][0]["name"] == "otp_token"
    met = client.post(
        "/api/v1/token/",
        {"username": user.username, "password": f.PASSWORD, "otp_token": code(device)},
    )
    assert met.status_code == 200 and met.json()["token"]


@override_settings(TWEESTAPS_VERPLICHT=True)
def test_inwoner_heeft_geen_tweestaps_van_openwmo(client, users):
    login(client, users[Rol.INWONER])
    assert client.get("/").status_code == 200


def test_vijf_foute_wachtwoorden_blokkeren_het_account(client, users):
    user = users[Rol.SOCIAAL_WERKER]
    for _ in range(5):
        login(client, user, password="fout-wachtwoord")
    response = login(client, user)  # even the right password is refused now
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()
    assert client.get("/").status_code == 302
