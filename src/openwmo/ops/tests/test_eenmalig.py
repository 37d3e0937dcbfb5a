"""The same form submitted twice (double click, resend) creates one record."""

import datetime

import pytest
from django.utils import timezone

from openwmo.ops import services
from openwmo.ops.models import Formuliertoken
from openwmo.plannen.models import Regel

pytestmark = pytest.mark.django_db

REGEL = {
    "soort": "eigen_kracht",
    "resultaat": "Jelle doet zelf de boodschappen op dinsdag",
    "uitvoerder": "Jelle",
}


def _post(client, plan, **extra):
    return client.post(f"/plannen/{plan.pk}/regels/nieuw/", {**REGEL, **extra})


def test_zonder_token_twee_regels_met_hetzelfde_token_een(client, werker, jelle_plan):
    client.force_login(werker)
    voor = Regel.objects.filter(plan=jelle_plan).count()
    # without the guard the service would store the line twice
    assert _post(client, jelle_plan).status_code == 302
    assert _post(client, jelle_plan).status_code == 302
    assert Regel.objects.filter(plan=jelle_plan).count() == voor + 2

    token = "a" * 32
    eerste = _post(client, jelle_plan, _eenmalig=token)
    tweede = _post(client, jelle_plan, _eenmalig=token)
    assert eerste.status_code == 302
    assert tweede.status_code == 303
    assert tweede["Location"] == eerste["Location"]  # sent where the first one went
    assert Regel.objects.filter(plan=jelle_plan).count() == voor + 3
    pagina = client.get(tweede["Location"]).content.decode()
    assert "Dit formulier was al verstuurd" in pagina


def test_formulier_met_fouten_en_dan_opnieuw_versturen(client, werker, jelle_plan):
    client.force_login(werker)
    voor = Regel.objects.filter(plan=jelle_plan).count()
    fout = _post(client, jelle_plan, resultaat="", _eenmalig="b" * 32)
    assert fout.status_code == 200  # the form with its errors
    # the resend of the same (wrong) form is answered without a second run
    herhaald = _post(client, jelle_plan, resultaat="", _eenmalig="b" * 32)
    assert herhaald.status_code == 303
    # the corrected form comes with a fresh token from the page and is stored
    assert _post(client, jelle_plan, _eenmalig="c" * 32).status_code == 302
    assert Regel.objects.filter(plan=jelle_plan).count() == voor + 1


def test_mislukte_verwerking_geeft_het_token_vrij(los_client, werker, jelle_plan, monkeypatch):
    los_client.force_login(werker)

    def kapot(*args, **kwargs):
        raise RuntimeError("fout")

    monkeypatch.setattr("openwmo.plannen.views.services.voeg_regel_toe", kapot)
    assert _post(los_client, jelle_plan, _eenmalig="d" * 32).status_code == 500
    assert not Formuliertoken.objects.filter(token="d" * 32).exists()


def test_korte_of_lange_tokens_worden_genegeerd(client, werker, jelle_plan):
    client.force_login(werker)
    voor = Regel.objects.filter(plan=jelle_plan).count()
    for _ in range(2):
        assert _post(client, jelle_plan, _eenmalig="kort").status_code == 302
    assert Regel.objects.filter(plan=jelle_plan).count() == voor + 2
    assert not Formuliertoken.objects.exists()


def test_oude_tokens_worden_opgeruimd(monkeypatch):
    oud = Formuliertoken.objects.create(token="e" * 32)
    Formuliertoken.objects.filter(pk=oud.pk).update(
        aangemaakt_op=timezone.now() - datetime.timedelta(days=2)
    )
    monkeypatch.setattr("openwmo.ops.services.random.random", lambda: 0.0)
    assert services.claim_formuliertoken("f" * 32)
    assert list(Formuliertoken.objects.values_list("token", flat=True)) == ["f" * 32]
