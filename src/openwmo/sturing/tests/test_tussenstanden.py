"""Figures computed ahead: the dashboards show exactly what a live computation gives,
in a handful of queries, only while fresh, and never another organisation's figures."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.demo.generator import seed
from openwmo.gebieden.models import Wijk
from openwmo.sturing import dashboards, selectors, services
from openwmo.sturing.models import Tussenstand
from openwmo.testing import factories as f

from . import factories as s

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


def _cijfers(overzicht) -> list:
    return [
        (t.titel, r.label, [(c.waarde, c.n, c.onderdrukt) for c in r.cellen])
        for t in overzicht.tabellen
        for r in t.rijen
    ]


@pytest.fixture
def demo():
    seed(600, 2026)
    teamleider = f.medewerker(Rol.SOCIAAL_WERKER, wijken=list(Wijk.objects.all())[:2])
    teamleider.medewerker.is_teamleider = True
    teamleider.medewerker.save()
    return {
        "beleid": f.medewerker(Rol.BELEIDSMAKER),
        "teamleider": teamleider,
        "aanbieders": [
            u for u in services._operationele_gebruikers() if u.rol == Rol.ZORGAANBIEDER
        ],
    }


def _alle_views(demo):
    beleid = demo["beleid"]
    for jaar in (VANDAAG.year, VANDAAG.year - 1):
        yield "strategisch", lambda jaar=jaar: dashboards.strategisch(beleid, jaar)
        yield "wijken", lambda jaar=jaar: dashboards.wijken(beleid, jaar, "wachttijd_p90")
        for code in ("doelrealisatie", "klachten_per_1000", "clienten_aanvullend"):
            yield "tactisch", lambda jaar=jaar, c=code: dashboards.tactisch(beleid, jaar, c)
    for user in [demo["teamleider"], *demo["aanbieders"]]:
        yield "operationeel", lambda u=user: dashboards.operationeel(u, VANDAAG)


def test_vooraf_berekend_is_gelijk_aan_live(demo):
    live = [(naam, _cijfers(bouw())) for naam, bouw in _alle_views(demo)]
    assert demo["aanbieders"], "the demo has provider accounts"
    uitkomst = services.tussenstanden_bijwerken()
    assert uitkomst["tabellen"] == Tussenstand.objects.count() > 0
    for (naam, verwacht), (_n, bouw) in zip(live, _alle_views(demo), strict=True):
        with selectors.gebruikte_stand() as gebruikt:
            assert _cijfers(bouw()) == verwacht, naam
        assert gebruikt, f"{naam} read the stored figures"


def test_dashboard_uit_tussenstand_in_weinig_queries(client, demo):
    services.tussenstanden_bijwerken()
    client.force_login(demo["beleid"])
    for niveau in ("strategisch", "tactisch", "wijken"):
        url = f"/sturing/{niveau}/?jaar={VANDAAG.year}"
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(url).content.decode()
        assert "Cijfers van" in html
        # one read per table, no aggregation over the case tables
        gelezen = [q["sql"] for q in ctx.captured_queries]
        assert not any("toegang_melding" in q or "plannen_regel" in q for q in gelezen), niveau
        assert len(gelezen) < 60, niveau


def test_oude_of_ontbrekende_stand_wordt_live_berekend(client, demo, settings):
    services.tussenstanden_bijwerken()
    beleid = demo["beleid"]
    voor = dashboards.strategisch(beleid, VANDAAG.year)
    # a new melding after the refresh: the stored figure does not know it yet
    from openwmo.inwoners.models import Persoon

    p = Persoon.objects.filter(huishouden__isnull=False).first()
    for _i in range(5):
        s.melding(p, VANDAAG, uitkomst="netwerk")
    assert _cijfers(dashboards.strategisch(beleid, VANDAAG.year)) == _cijfers(voor)
    # once older than the allowed age, the dashboard computes live again
    Tussenstand.objects.update(
        berekend_op=timezone.now()
        - datetime.timedelta(hours=settings.STURING_TUSSENSTAND_UREN, minutes=1)
    )
    with selectors.gebruikte_stand() as gebruikt:
        na = dashboards.strategisch(beleid, VANDAAG.year)
    assert not gebruikt
    assert _cijfers(na) != _cijfers(voor)
    client.force_login(beleid)
    assert "Actuele cijfers" in client.get("/sturing/strategisch/").content.decode()


def test_aanbieder_leest_alleen_eigen_tussenstand(demo):
    services.tussenstanden_bijwerken()
    eerste, tweede = demo["aanbieders"][:2]
    eigen = _cijfers(dashboards.operationeel(eerste, VANDAAG))
    ander = _cijfers(dashboards.operationeel(tweede, VANDAAG))
    # the stored figures of a provider are keyed by its organisation
    Tussenstand.objects.all().delete()
    assert _cijfers(dashboards.operationeel(eerste, VANDAAG)) == eigen
    assert _cijfers(dashboards.operationeel(tweede, VANDAAG)) == ander


def test_beleidsmaker_vraagt_bijwerken_aan(client, demo, django_capture_on_commit_callbacks):
    client.force_login(demo["beleid"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/sturing/bijwerken/", {"niveau": "tactisch"})
    assert response.status_code == 302
    assert response["Location"] == "/sturing/tactisch/"
    # the test settings run tasks immediately: the figures are there
    assert Tussenstand.objects.exists()
    assert "Cijfers van" in client.get("/sturing/tactisch/").content.decode()
    client.force_login(demo["teamleider"])
    assert client.post("/sturing/bijwerken/").status_code == 403


def test_opdracht_berekent_vooraf(demo):
    from django.core.management import call_command

    call_command("sturing_bijwerken")
    assert Tussenstand.objects.exists()
