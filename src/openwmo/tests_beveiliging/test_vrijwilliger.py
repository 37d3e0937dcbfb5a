"""A volunteer in the buurtkamer types the visitor's name, BSN and birth date and learns
nothing from the register: not the name, not even whether the BSN and birth date match."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol
from openwmo.testing import factories as f
from openwmo.toegang.models import Melding, OnlineMelding

pytestmark = pytest.mark.django_db

ONBEKEND_BSN = f.synthetic_bsn(900)  # valid, but nobody in the register has it
GETYPT = "Bezoeker Zonnebloem"


@pytest.fixture
def kamer(wijk):
    return f.BuurtkamerFactory(wijk=wijk, postcode="9001AB")


def _gegevens(kamer, bsn, geboortedatum):
    return {
        "naam": GETYPT,
        "bsn": bsn,
        "geboortedatum": geboortedatum.isoformat(),
        "kanaal": "buurtkamer",
        "buurtkamer": kamer.pk,
        "ontvangen_op": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "vraag": "Hulp bij de boodschappen",
        "urgentie": "normaal",
        "route": "breed",
    }


def _registreer_in_scherm(client, kamer, bsn, geboortedatum) -> str:
    antwoord = client.post(
        "/toegang/meldingen/nieuw/", _gegevens(kamer, bsn, geboortedatum), follow=True
    )
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def _geheim(inwoner) -> list[str]:
    return [inwoner.achternaam, inwoner.voornamen, inwoner.huishouden.adres.straat]


def test_vrijwilliger_leert_geen_naam_uit_bsn_en_geboortedatum(client, users, kamer, inwoner):
    client.force_login(users[Rol.VRIJWILLIGER])
    html = _registreer_in_scherm(client, kamer, inwoner.bsn, inwoner.geboortedatum)
    melding = Melding.objects.get()
    assert melding.persoon == inwoner  # the social team gets the right resident
    paginas = [
        html,
        client.get("/toegang/").content.decode(),
        client.get("/").content.decode(),
        client.get(f"/toegang/meldingen/{melding.pk}/").content.decode(),
        client.get(f"/toegang/meldingen/{melding.pk}/eerste-contact/").content.decode(),
    ]
    for pagina in paginas:
        for tekst in _geheim(inwoner):
            assert tekst not in pagina
    assert GETYPT in paginas[3]


def test_vrijwilliger_krijgt_hetzelfde_antwoord_of_het_bsn_klopt_of_niet(
    client, users, kamer, inwoner
):
    client.force_login(users[Rol.VRIJWILLIGER])
    klopt = client.post(
        "/toegang/meldingen/nieuw/", _gegevens(kamer, inwoner.bsn, inwoner.geboortedatum)
    )
    onbekend = client.post(
        "/toegang/meldingen/nieuw/", _gegevens(kamer, ONBEKEND_BSN, inwoner.geboortedatum)
    )
    verkeerde_datum = client.post(
        "/toegang/meldingen/nieuw/",
        _gegevens(kamer, inwoner.bsn, inwoner.geboortedatum - datetime.timedelta(days=1)),
    )
    assert klopt.status_code == onbekend.status_code == verkeerde_datum.status_code == 302
    assert klopt["Location"] == onbekend["Location"] == verkeerde_datum["Location"]
    # the unmatched questions wait for the social team of the wijk, with what was typed; for
    # the volunteer they are meldingen like the matched one (without a resident until matched)
    assert Melding.objects.count() == 3
    assert Melding.objects.filter(persoon=inwoner).count() == 1
    assert sorted(OnlineMelding.objects.values_list("bsn", flat=True)) == sorted(
        [ONBEKEND_BSN, inwoner.bsn]
    )
    assert set(OnlineMelding.objects.values_list("naam", "wijk_id")) == {(GETYPT, kamer.wijk_id)}
    assert not OnlineMelding.objects.filter(bezoek__persoon__isnull=False).exists()


def test_vrijwilliger_via_de_api(users, kamer, inwoner):
    api = APIClient()
    api.force_authenticate(users[Rol.VRIJWILLIGER])
    klopt = api.post(
        "/api/v1/meldingen/", _gegevens(kamer, inwoner.bsn, inwoner.geboortedatum), format="json"
    )
    onbekend = api.post(
        "/api/v1/meldingen/", _gegevens(kamer, ONBEKEND_BSN, inwoner.geboortedatum), format="json"
    )
    assert klopt.status_code == onbekend.status_code == 202
    assert klopt.content == onbekend.content
    lijst = api.get("/api/v1/meldingen/")
    detail = api.get(f"/api/v1/meldingen/{Melding.objects.get(persoon=inwoner).pk}/")
    for antwoord in (klopt, lijst, detail):
        for tekst in _geheim(inwoner):
            assert tekst not in antwoord.content.decode()
    assert detail.json()["naam"] == GETYPT


def test_vrijwilliger_moet_de_naam_zelf_typen(client, users, kamer, inwoner):
    client.force_login(users[Rol.VRIJWILLIGER])
    gegevens = _gegevens(kamer, inwoner.bsn, inwoner.geboortedatum) | {"naam": ""}
    antwoord = client.post("/toegang/meldingen/nieuw/", gegevens)
    assert antwoord.status_code == 200
    assert not Melding.objects.exists() and not OnlineMelding.objects.exists()
