"""The same malformed iWmo message sent twice gets the identical refusal (retour), via the
HTTP endpoint and via the background pipeline, and is stored once; never an IntegrityError."""

import pytest
from rest_framework.test import APIClient

from openwmo.berichten import tasks
from openwmo.berichten.models import Bericht
from openwmo.berichten.tests import keten
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def aanbieder():
    keten.gemeente()
    org, user = keten.aanbieder_met_gebruiker(c02="inspanningsgericht")
    return org, user


def _goed(org) -> bytes:
    persoon = f.PersoonFactory(huishouden=None)
    return keten.bericht_305(org.agb_code, persoon.bsn, nummer=1234)


def kapot(org) -> dict[str, bytes]:
    goed = _goed(org)
    return {
        "geen xml": b"dit is geen iWmo-bericht",
        "afgebroken xml": goed[: len(goed) // 2],
        "onbekend bericht": b'<?xml version="1.0"?><Onbekend xmlns="urn:x"/>',
        "header kapot": goed.replace(b"<BerichtIdentificatie>", b"<BerichtIdentificatie><X/>", 1),
        "afzender te lang": goed.replace(
            org.agb_code.encode(), org.agb_code.encode() + b"123456789", 1
        ),
        "inhoud kapot": goed.replace(b"<Geslacht>2</Geslacht>", b"<Geslacht>9</Geslacht>"),
        "andere afzender": goed.replace(org.agb_code.encode(), b"87654321", 1),
        "leeg": b"",
    }


def _post(client, raw):
    return client.post("/api/v1/berichten/iwmo/", raw, content_type="application/xml")


@pytest.mark.parametrize(
    "soort",
    [
        "geen xml",
        "afgebroken xml",
        "onbekend bericht",
        "header kapot",
        "afzender te lang",
        "inhoud kapot",
        "andere afzender",
        "leeg",
    ],
)
def test_api_zelfde_kapotte_bericht_twee_keer(aanbieder, soort):
    org, user = aanbieder
    raw = kapot(org)[soort]
    client = APIClient()
    client.force_authenticate(user)
    eerste = _post(client, raw)
    aantal = Bericht.objects.count()
    tweede = _post(client, raw)
    assert eerste.status_code < 500 and tweede.status_code == eerste.status_code
    assert tweede.content == eerste.content
    assert tweede["Content-Type"] == eerste["Content-Type"]
    assert Bericht.objects.count() == aantal <= 1


@pytest.mark.parametrize("soort", ["geen xml", "afgebroken xml", "header kapot", "inhoud kapot"])
def test_pijplijn_zelfde_kapotte_bericht_twee_keer(aanbieder, soort):
    org, _user = aanbieder
    tekst = kapot(org)[soort].decode("utf-8", "replace")
    eerste = tasks.verwerk_batch.call(org.pk, [tekst])
    retour = list(Bericht.objects.values_list("retour", "retourcodes", "status"))
    tweede = tasks.verwerk_batch.call(org.pk, [tekst])
    assert eerste["afgekeurd"] == tweede["afgekeurd"] == 1
    assert tweede["herhaald"] == 1
    assert list(Bericht.objects.values_list("retour", "retourcodes", "status")) == retour
