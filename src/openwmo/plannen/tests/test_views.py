"""Screens: creating a plan, lines, scaling, evaluation, the resident's view, bad input."""

import datetime

import pytest
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.plannen.models import Plan, Regel
from openwmo.privacy.models import AuditRecord

pytestmark = pytest.mark.django_db


def test_werker_maakt_plan_via_het_scherm(client, werker, inwoner):
    client.force_login(werker)
    response = client.post(
        "/plannen/nieuw/",
        {"bsn": inwoner.bsn, "regievoerder_soort": "inwoner", "regievoerder_naam": "Jelle"},
    )
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/plannen/{plan.pk}/"
    response = client.post(
        f"/plannen/{plan.pk}/regels/nieuw/",
        {
            "soort": "netwerk",
            "resultaat": "Samen boodschappen doen",
            "uitvoerder": "Sietske (zus)",
            "uren_per_week": "1,5",
        },
    )
    assert response.status_code == 302
    assert str(Regel.objects.get().uren_per_week) == "1.5"
    assert client.post(f"/plannen/{plan.pk}/activeren/").status_code == 302
    pagina = client.get(f"/plannen/{plan.pk}/").content.decode()
    assert "Samen boodschappen doen" in pagina and "Versie 3" in pagina
    assert AuditRecord.objects.filter(
        object_type="ondersteuningsplan", actie="lezen", persoon_id=inwoner.pk
    ).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"bsn": "123"},
        {"bsn": "999999999"},
        {"bsn": "", "regievoerder_soort": "inwoner"},
        {"bsn": "<script>", "regievoerder_soort": "xx"},
    ],
)
def test_fout_plan_geeft_nederlandse_melding_en_slaat_niets_op(client, werker, data):
    client.force_login(werker)
    response = client.post("/plannen/nieuw/", data)
    assert response.status_code == 200
    assert "Het formulier is niet opgeslagen" in response.content.decode()
    assert not Plan.objects.exists()


def test_activeren_zonder_regievoerder_toont_melding(client, werker, inwoner):
    client.force_login(werker)
    client.post("/plannen/nieuw/", {"bsn": inwoner.bsn})
    plan = Plan.objects.get()
    response = client.post(f"/plannen/{plan.pk}/activeren/")
    assert response.status_code == 200
    assert "zonder regievoerder" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == "concept"


def test_fout_in_regelformulier(client, werker, jelle_plan):
    client.force_login(werker)
    voor = Regel.objects.count()
    for data in (
        {"soort": "basis", "resultaat": "x", "uitvoerder": "y", "uren_per_week": "veel"},
        {"soort": "aanvullend", "resultaat": "x", "uitvoerder": "y", "ingangsdatum": "gisteren"},
        {"soort": "basis", "resultaat": "x", "uitvoerder": "y", "uren_per_week": "-3"},
    ):
        response = client.post(f"/plannen/{jelle_plan.pk}/regels/nieuw/", data)
        assert response.status_code == 200
        assert "Het formulier is niet opgeslagen" in response.content.decode()
    assert Regel.objects.count() == voor


def test_schalen_en_evalueren_via_het_scherm(client, werker, jelle_plan):
    client.force_login(werker)
    basis = jelle_plan.regels.get(soort="basis")
    response = client.post(
        f"/plannen/regels/{basis.pk}/intensiteit/",
        {
            "uren_per_week": "4",
            "ingangsdatum": timezone.localdate().isoformat(),
            "toelichting": "Brief van de deurwaarder",
        },
    )
    assert response.status_code == 302
    morgen = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    client.post(f"/plannen/regels/{basis.pk}/evaluaties/nieuw/", {"gepland_op": morgen})
    evaluatie = basis.evaluaties.get()
    start = client.get("/").content.decode()
    assert "Evaluaties binnenkort" in start and "Jelle" in start
    response = client.post(
        f"/plannen/evaluaties/{evaluatie.pk}/",
        {"voortgang": "deels", "visie_inwoner": "Het gaat beter", "wat_verandert": ""},
    )
    assert response.status_code == 302
    pagina = client.get(f"/plannen/{jelle_plan.pk}/").content.decode()
    assert "van 3.0 naar 4.0 uur per week" in pagina.replace(",", ".")
    assert "Brief van de deurwaarder" in pagina
    assert "50% van de resultaten bereikt" in pagina
    # earlier version still shows 3 hours
    pagina = client.get(f"/plannen/{jelle_plan.pk}/versies/5/").content.decode()
    assert "3.0 uur per week" in pagina


def test_inwoner_leest_eigen_plan_en_reageert(client, users, jelle_plan):
    client.force_login(users[Rol.INWONER])
    start = client.get("/").content.decode()
    assert "Mijn ondersteuningsplan bekijken" in start
    pagina = client.get(f"/plannen/{jelle_plan.pk}/").content.decode()
    assert "Jobclub in de buurtkamer" in pagina and "Regel toevoegen" not in pagina
    response = client.post(f"/plannen/{jelle_plan.pk}/", {"tekst": "Graag op dinsdag"})
    assert response.status_code == 302
    assert "Graag op dinsdag" in client.get(f"/plannen/{jelle_plan.pk}/").content.decode()
    assert client.post(f"/plannen/{jelle_plan.pk}/", {"tekst": ""}).status_code == 200


def test_andere_inwoner_en_aanbieder_zien_het_plan_niet(client, users, jelle_plan, inwoner_elders):
    from openwmo.testing import factories as f

    client.force_login(f.UserFactory(rol=Rol.INWONER, persoon=inwoner_elders))
    assert client.get(f"/plannen/{jelle_plan.pk}/").status_code == 404
    client.force_login(users[Rol.ZORGAANBIEDER])
    assert client.get(f"/plannen/{jelle_plan.pk}/").status_code == 403
    assert "Jobclub" not in client.get("/plannen/").content.decode()
    client.force_login(users[Rol.SOCIAAL_WERKER])
    assert client.post(f"/plannen/{jelle_plan.pk}/", {"tekst": "x"}).status_code == 403


def test_nieuw_plan_vanuit_een_dossier_vult_het_bsn_in(client, werker, inwoner, inwoner_elders):
    client.force_login(werker)
    assert inwoner.bsn in client.get(f"/plannen/nieuw/?persoon={inwoner.pk}").content.decode()
    pagina = client.get(f"/plannen/nieuw/?persoon={inwoner_elders.pk}").content.decode()
    assert inwoner_elders.bsn not in pagina
    assert client.get("/plannen/nieuw/?persoon=abc").status_code == 200


def test_convenant_bepaalt_welke_planregels_en_namen_een_aanbieder_ziet(
    client, users, werker, jelle_plan, aanbieder
):
    from openwmo.plannen import services
    from openwmo.privacy import services as privacy

    services.voeg_regel_toe(
        werker,
        jelle_plan.pk,
        soort="aanvullend",
        resultaat="Zelfstandig boodschappen doen",
        uitvoerder=aanbieder.naam,
        organisatie=aanbieder,
        productcategorie="thuisondersteuning",
        leveringsvorm="zin",
        ingangsdatum=timezone.localdate(),
        kanaal="ui",
    )
    client.force_login(users[Rol.ZORGAANBIEDER])
    pagina = client.get("/plannen/").content.decode()
    assert "Zelfstandig boodschappen doen" in pagina and jelle_plan.persoon.achternaam in pagina
    po = users[Rol.PRIVACY_FUNCTIONARIS]
    privacy.zet_deelafspraken(po, {("naam", aanbieder.soort): False})
    pagina = client.get("/plannen/").content.decode()
    assert "Zelfstandig boodschappen doen" in pagina
    assert jelle_plan.persoon.achternaam not in pagina
    privacy.zet_deelafspraken(po, {("plan", aanbieder.soort): False})
    pagina = client.get("/plannen/").content.decode()
    assert "Zelfstandig boodschappen doen" not in pagina and "privacyconvenant" in pagina
