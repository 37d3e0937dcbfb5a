"""A provider reporting a start without toewijzing (taakgericht 305) types the client's data
itself: it cannot look up a resident in the register by BSN. A BSN that is not in the
register gets the same answer as a known one. The gemeente checks the stated data against
the register; only the gemeente sees the register's side (issue 19 item 4)."""

import pytest
from rest_framework.test import APIClient

from openwmo.berichten import schema, services
from openwmo.berichten.models import Bericht, Levering
from openwmo.privacy.models import AuditRecord

from . import keten

pytestmark = pytest.mark.django_db

URL = "/berichten/starts/nieuw/"
API = "/api/v1/berichten/starts/"
ONBEKEND = "111222333"  # passes the elfproef, not in the register


def _formulier(bsn, **extra):
    return {"bsn": bsn, "product_categorie": "06", "begindatum": str(keten.dagen(-2)), **extra}


def _getypt(**extra):
    gegevens = {"achternaam": "Fisser", "voorletters": "M.", "geboortedatum": "1980-05-17"}
    return {**gegevens, "geslacht": "0", **extra}


def _client_in(bericht):
    return schema.lees(bytes(bericht.inhoud)).data["Client"]


def _register_gelezen(user, persoon):
    return AuditRecord.objects.filter(
        gebruiker=user, persoon_id=persoon.pk, actie="lezen", object_type="persoon"
    ).exists()


def test_alleen_een_bsn_geeft_geen_gegevens_uit_het_register(client, aanbieder, mariska):
    org, user = aanbieder
    client.force_login(user)
    response = client.post(URL, _formulier(mariska.bsn))
    assert response.status_code == 200
    fouten = response.context["form"].errors
    assert "achternaam" in fouten and "geboortedatum" in fouten
    assert not Bericht.objects.exists()
    pagina = response.content.decode()
    assert "Visser" not in pagina and "Mariska" not in pagina
    assert not _register_gelezen(user, mariska)


@pytest.mark.parametrize("bekend", [True, False])
def test_het_bericht_draagt_wat_de_aanbieder_invult(client, aanbieder, mariska, bekend):
    org, user = aanbieder
    bsn = mariska.bsn if bekend else ONBEKEND
    client.force_login(user)
    response = client.post(URL, _formulier(bsn, **_getypt(geslacht="2")), follow=True)
    assert response.redirect_chain, response.context["form"].errors
    start = Levering.objects.get(soort=Levering.Soort.START)
    assert (start.persoon_id == mariska.pk) is bekend
    data = _client_in(start.bericht)
    assert data["Bsn"] == bsn
    assert data["Naam"]["Geslachtsnaam"]["Achternaam"] == "Fisser"
    assert data["Naam"]["Voorletters"] == "M"
    assert data["Geboortedatum"]["Datum"].isoformat() == "1980-05-17"
    assert not _register_gelezen(user, mariska)
    # the screen after submitting (the list), the list again and the message page show the
    # BSN and what the provider typed, never the register's name
    for pagina in (
        response.content.decode(),
        client.get("/berichten/toewijzingen/").content.decode(),
        client.get(f"/berichten/postvak/{start.bericht_id}/").content.decode(),
    ):
        assert bsn in pagina and "Visser" not in pagina and "Mariska" not in pagina
    # the stop (307) repeats what the provider stated, for a known and an unknown BSN alike
    r = services.meld_stop(user, start.pk, einddatum=keten.dagen(-1), reden="19")
    assert r.geaccepteerd, r.fouten
    stop = Bericht.objects.get(berichttype="WMO307")
    assert _client_in(stop)["Naam"]["Geslachtsnaam"]["Achternaam"] == "Fisser"
    assert "Visser" not in bytes(stop.inhoud).decode()


def test_api_bekend_en_onbekend_bsn_geven_hetzelfde_antwoord(aanbieder, mariska):
    org, user = aanbieder
    api = APIClient()
    api.force_authenticate(user)
    fout = api.post(API, _formulier(mariska.bsn), format="json")
    assert fout.status_code == 400
    assert fout["Content-Type"].startswith("application/problem+json")
    assert "Visser" not in fout.content.decode()
    antwoorden = []
    for bsn in (mariska.bsn, ONBEKEND):
        response = api.post(API, _formulier(bsn, **_getypt()), format="json")
        assert response.status_code == 200, response.content
        assert "Visser" not in response.content.decode()
        assert "Mariska" not in response.content.decode()
        antwoorden.append({k: v for k, v in response.json().items() if k != "bericht"})
    assert antwoorden[0] == antwoorden[1]
    assert not _register_gelezen(user, mariska)


def test_de_gemeente_controleert_tegen_het_register(client, aanbieder, mariska, consulent):
    org, user = aanbieder
    client.force_login(user)
    for bsn in (mariska.bsn, ONBEKEND):
        response = client.post(
            URL, _formulier(bsn, **_getypt(geboortedatum=str(mariska.geboortedatum)))
        )
        assert response.status_code == 302, response.context["form"].errors
    bekend, onbekend = Levering.objects.order_by("id")
    client.force_login(consulent)
    lijst = client.get("/berichten/toewijzingen/").content.decode()
    assert f"/berichten/postvak/{bekend.bericht_id}/" in lijst
    response = client.get(f"/berichten/postvak/{bekend.bericht_id}/")
    controle = {c["gegeven"]: c for c in response.context["controle"]}
    assert controle["Achternaam"]["aanbieder"] == "Fisser"
    assert controle["Achternaam"]["register"] == "Visser"
    assert not controle["Achternaam"]["klopt"]
    assert controle["Geboortedatum"]["klopt"]
    assert "Klopt niet" in response.content.decode()
    pagina = client.get(f"/berichten/postvak/{onbekend.bericht_id}/").content.decode()
    assert "geen inwoner met dit BSN" in pagina
