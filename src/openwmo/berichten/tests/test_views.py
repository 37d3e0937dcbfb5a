"""The screens: the Mariska flow through forms, errors in Dutch on the form."""

import pytest

from openwmo.berichten.models import Levering, Toewijzing
from openwmo.testing import factories as f

from . import keten

pytestmark = pytest.mark.django_db


def test_toewijzing_via_formulier_start_en_stop(client, consulent, aanbieder, mariska):
    org, user = aanbieder
    client.force_login(consulent)
    response = client.post(
        "/berichten/toewijzingen/nieuw/",
        {
            "bsn": mariska.bsn,
            "aanbieder": org.pk,
            "product_categorie": "02",
            "ingangsdatum": str(keten.dagen(-14)),
        },
    )
    t = Toewijzing.objects.get()
    assert (
        response.status_code == 302 and response["Location"] == f"/berichten/toewijzingen/{t.pk}/"
    )
    client.force_login(user)
    assert "zonder startmelding" in client.get("/").content.decode()
    response = client.post(
        f"/berichten/toewijzingen/{t.pk}/start/", {"begindatum": str(keten.dagen(-7))}
    )
    assert response.status_code == 302
    start = Levering.objects.get()
    response = client.post(
        f"/berichten/meldingen/{start.pk}/stop/",
        {"einddatum": str(keten.dagen(-1)), "reden": "19"},
        follow=True,
    )
    assert "geaccepteerd" in response.content.decode()
    client.force_login(consulent)
    html = client.get("/berichten/sturing/").content.decode()
    assert "Volgens plan beëindigd" in html and str(t.nummer) in html
    html = client.get("/berichten/postvak/").content.decode()
    assert "WMO305" in html and "WMO307" in html and "WMO301" in html


def test_formulierfouten_in_het_nederlands(client, consulent, aanbieder):
    org, _ = aanbieder
    frank = f.PersoonFactory(voornamen="Frank", huishouden=None)
    client.force_login(consulent)
    response = client.post(
        "/berichten/pgb/nieuw/",
        {
            "bsn": frank.bsn,
            "product_categorie": "02",
            "ingangsdatum": str(keten.dagen(-5)),
        },
    )
    assert response.status_code == 302
    html = client.post(
        "/berichten/toewijzingen/nieuw/",
        {
            "bsn": frank.bsn,
            "aanbieder": org.pk,
            "product_categorie": "02",
            "ingangsdatum": str(keten.dagen(-1)),
        },
    ).content.decode()
    assert "OP043" in html and not Toewijzing.objects.exists()
    html = client.post(
        "/berichten/toewijzingen/nieuw/", {"bsn": "12", "ingangsdatum": "morgen"}
    ).content.decode()
    assert "9 cijfers" in html and "Het formulier is niet opgeslagen" in html


def test_taakgericht_via_formulier(client, aanbieder):
    _, user = aanbieder
    p = f.PersoonFactory(huishouden=None)
    client.force_login(user)
    response = client.post(
        "/berichten/starts/nieuw/",
        {
            "bsn": p.bsn,
            "achternaam": p.achternaam,
            "geboortedatum": p.geboortedatum.isoformat(),
            "geslacht": "0",
            "product_categorie": "06",
            "begindatum": str(keten.dagen(-2)),
        },
    )
    assert response.status_code == 302
    html = client.get("/berichten/toewijzingen/").content.decode()
    assert "zonder toewijzing" in html and "Stop melden" in html


def test_ander_aanbieder_ziet_toewijzing_niet(client, consulent, aanbieder, mariska):
    from openwmo.berichten import services

    org, _ = aanbieder
    t = services.maak_toewijzing(
        consulent,
        persoon=mariska,
        aanbieder=org,
        product_categorie="02",
        ingangsdatum=keten.dagen(-1),
    )
    _, ander = keten.aanbieder_met_gebruiker()
    client.force_login(ander)
    assert client.get(f"/berichten/toewijzingen/{t.pk}/").status_code == 404
    assert (
        client.post(
            f"/berichten/toewijzingen/{t.pk}/start/", {"begindatum": str(keten.vandaag())}
        ).status_code
        == 404
    )


def test_sturing_per_pagina_met_navigatie(client, consulent, aanbieder, mariska, monkeypatch):
    from openwmo.berichten import selectors

    org, _ = aanbieder
    eerste = keten.toewijzing(consulent, org, mariska, categorie="02")
    tweede = keten.toewijzing(consulent, org, mariska, categorie="07")
    monkeypatch.setattr(selectors, "STURING_PER_PAGINA", 1)
    client.force_login(consulent)
    html = client.get("/berichten/sturing/?pagina=2").content.decode()
    assert "2 toewijzingen, op nummer." in html and "Pagina 2 van 2" in html
    assert 'href="?pagina=1"' in html and "Volgende" not in html
    assert f">{tweede.nummer}<" in html and f">{eerste.nummer}<" not in html
    assert "Pagina 1 van 2" in client.get("/berichten/sturing/?pagina=nul").content.decode()
