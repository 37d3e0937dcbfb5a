"""Lockout and throttles count per real client and per username, not per proxy address."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.test import RequestFactory, override_settings
from django.utils import timezone
from rest_framework.test import APIClient

from openwmo.accounts.beveiliging import client_ip
from openwmo.accounts.models import Rol
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"  # nginx on the same machine, as in deploy/nginx/openwmo.conf


@pytest.fixture(autouse=True)
def lege_cache():
    cache.clear()
    yield
    cache.clear()


def via_proxy(client_adres: str) -> dict:
    """What gunicorn sees behind nginx: the proxy's address, the client in X-Forwarded-For."""
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": client_adres}


def inloggen(client, user, password=f.PASSWORD, **meta):
    return client.post("/inloggen/", {"username": user.username, "password": password}, **meta)


@pytest.mark.parametrize(
    ("proxies", "meta", "verwacht"),
    [
        (0, {"REMOTE_ADDR": "198.51.100.7", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}, "198.51.100.7"),
        (1, via_proxy("203.0.113.9"), "203.0.113.9"),
        # a client-sent (forged) entry on the left is ignored; nginx appends the real one
        (1, via_proxy("10.9.9.9, 203.0.113.9"), "203.0.113.9"),
        (2, via_proxy("1.2.3.4, 203.0.113.9, 10.0.0.2"), "203.0.113.9"),
        # fewer entries than proxies, or garbage: nothing trustworthy, the direct peer counts
        (2, via_proxy("203.0.113.9"), PROXY),
        (1, via_proxy("geen-adres"), PROXY),
        (1, {"REMOTE_ADDR": PROXY}, PROXY),
    ],
)
def test_client_ip_vertrouwt_alleen_de_eigen_proxies(proxies, meta, verwacht):
    request = RequestFactory().get("/", **meta)
    with override_settings(OPENWMO_TRUSTED_PROXIES=proxies):
        assert client_ip(request) == verwacht


@override_settings(OPENWMO_TRUSTED_PROXIES=1)
def test_foute_wachtwoorden_achter_de_proxy_blokkeren_niet_iedereen(client, users):
    """Issue 19.2: behind nginx everyone was 127.0.0.1, so five wrong passwords locked
    every user out."""
    aanvaller = "203.0.113.66"
    for _ in range(5):
        inloggen(client, users[Rol.SOCIAAL_WERKER], "fout-wachtwoord", **via_proxy(aanvaller))
    assert inloggen(client, users[Rol.SOCIAAL_WERKER], **via_proxy(aanvaller)).status_code == 429
    # another user behind the same proxy logs in normally
    collega = inloggen(client, users[Rol.WMO_CONSULENT], **via_proxy("198.51.100.20"))
    assert collega.status_code == 302
    assert AccessAttempt.objects.get().ip_address == aanvaller


@override_settings(OPENWMO_TRUSTED_PROXIES=1, AXES_GEBRUIKER_WACHTTIJD=60)
def test_blokkade_van_een_gebruikersnaam_elders_is_alleen_een_korte_wachttijd(client, users):
    user = users[Rol.SOCIAAL_WERKER]
    for i in range(5):  # spread over addresses, one wrong password each
        inloggen(client, user, "fout-wachtwoord", **via_proxy(f"203.0.113.{i + 1}"))
    elders = via_proxy("198.51.100.20")
    # right after the failures the username waits the short back-off, from anywhere ...
    assert inloggen(client, user, **elders).status_code == 429
    # ... and not longer: the refused attempt did not extend it
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(seconds=61))
    assert inloggen(client, user, **elders).status_code == 302


@override_settings(OPENWMO_TRUSTED_PROXIES=1, AXES_GEBRUIKER_WACHTTIJD=60)
def test_het_adres_van_de_aanvaller_blijft_een_kwartier_geblokkeerd(client, users):
    user = users[Rol.SOCIAAL_WERKER]
    aanvaller = via_proxy("203.0.113.66")
    for _ in range(5):
        inloggen(client, user, "fout-wachtwoord", **aanvaller)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=10))
    assert inloggen(client, user, **aanvaller).status_code == 429
    assert inloggen(client, user, **via_proxy("198.51.100.20")).status_code == 302


def test_api_token_drempel_niet_te_omzeilen_met_x_forwarded_for(users):
    """Issue 19.2: DRF read X-Forwarded-For, so a new made-up address per request
    skipped the anonymous rate (20/minute) of POST /api/v1/token/."""
    client = APIClient()
    statussen = [
        client.post(
            "/api/v1/token/",
            {"username": f"niemand{i}", "password": "fout"},
            REMOTE_ADDR="203.0.113.5",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{i}",
        ).status_code
        for i in range(21)
    ]
    assert statussen[:20] == [400] * 20
    assert statussen[20] == 429


@override_settings(OPENWMO_TRUSTED_PROXIES=1, AXES_ENABLED=False)
def test_api_token_drempel_per_gebruikersnaam(users):
    user = users[Rol.WMO_CONSULENT]
    client = APIClient()
    statussen = [
        client.post(
            "/api/v1/token/",
            {"username": user.username.upper(), "password": "fout"},
            **via_proxy(f"203.0.113.{i + 1}"),
        ).status_code
        for i in range(6)
    ]
    assert statussen == [400] * 5 + [429]
    response = client.post(
        "/api/v1/token/",
        {"username": user.username, "password": f.PASSWORD},
        **via_proxy("198.51.100.20"),
    )
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    # another username from the same addresses is not held back
    ander = client.post(
        "/api/v1/token/",
        {"username": users[Rol.BELEIDSMAKER].username, "password": f.PASSWORD},
        **via_proxy("203.0.113.1"),
    )
    assert ander.status_code == 200


@override_settings(OPENWMO_TRUSTED_PROXIES=1)
def test_openbaar_meldformulier_telt_per_echte_client(client):
    """Issue 19.2: the public form counted per REMOTE_ADDR, so behind the proxy five
    submissions per 10 minutes were shared by the whole municipality."""
    for i in range(8):
        response = client.post("/toegang/melden/", {}, **via_proxy(f"198.51.100.{i + 1}"))
        assert response.status_code == 200, i
    for _ in range(5):
        assert client.post("/toegang/melden/", {}, **via_proxy("203.0.113.7")).status_code == 200
    assert client.post("/toegang/melden/", {}, **via_proxy("203.0.113.7")).status_code == 429


@pytest.mark.parametrize("body", ["[]", '"tekst"', "{niet-json", '{"username": ["a"]}'])
def test_token_aanvraag_met_rare_invoer_is_400_en_geen_500(users, body):
    response = APIClient().post("/api/v1/token/", body, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
