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
from openwmo.sturing.models import Feitenstand, Geval, Tussenstand
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
    oud = timezone.now() - datetime.timedelta(hours=settings.STURING_TUSSENSTAND_UREN, minutes=1)
    Tussenstand.objects.update(berekend_op=oud)
    # while the case table is fresh, the figures still come from that refresh
    assert _cijfers(dashboards.strategisch(beleid, VANDAAG.year)) == _cijfers(voor)
    Feitenstand.objects.update(berekend_op=oud)
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


def _vormen(demo):
    from openwmo.accounts.selectors import scope_of

    wijk_ids = sorted(scope_of(demo["teamleider"]).wijk_ids)
    jaar = (datetime.date(VANDAAG.year, 1, 1), datetime.date(VANDAAG.year, 12, 31))
    return {
        "jaren": {"perioden": dashboards.jaren(VANDAAG.year)},
        "maanden": {"perioden": dashboards.maanden(VANDAAG.year)},
        "wijk": {"perioden": [jaar], "groep": "wijk"},
        "aanbieder": {"perioden": dashboards.maanden(VANDAAG.year), "groep": "aanbieder"},
        "team": {"perioden": dashboards.weken(VANDAAG), "wijk_ids": wijk_ids},
        "aanbieder_eigen": {
            "perioden": dashboards.weken(VANDAAG),
            "aanbieder_id": selectors.vaste_aanbieder(demo["aanbieders"][0]),
        },
    }


def test_feitentabel_geeft_dezelfde_cijfers_als_de_bronnen(demo):
    from openwmo.sturing import bronnen

    uitkomst = services.feiten_bijwerken()
    assert uitkomst["gevallen"] == Geval.objects.count() > 0
    assert Feitenstand.objects.count() == 1
    inwoners = selectors._inwoners()
    gevuld = set()
    for code in bronnen.BRONNEN:
        for naam, kw in _vormen(demo).items():
            live = selectors.tabel(code, inwoners=inwoners, **kw)
            uit_feiten = selectors.tabel(code, inwoners=inwoners, feiten=True, **kw)
            assert uit_feiten == live, (code, naam)
            if any(n for rij in live.values() for _w, n in rij):
                gevuld.add(code)
    # the demo has cases for nearly every source, so the comparison means something
    assert len(gevuld) >= len(bronnen.BRONNEN) - 3, set(bronnen.BRONNEN) - gevuld
    # a second refresh replaces the table rather than adding to it
    assert services.feiten_bijwerken()["gevallen"] == uitkomst["gevallen"]
    assert Feitenstand.objects.count() == 2


def test_gevallen_uit_feitentabel_zijn_dezelfde_als_live(demo):
    from openwmo.sturing import bronnen

    van, tot = datetime.date(VANDAAG.year - 1, 1, 1), VANDAAG
    gebruikers = [demo["teamleider"], demo["aanbieders"][0]]
    codes = [i.code for i in selectors.indicatoren() if i.bron in bronnen.BRONNEN]
    live = {
        (u.pk, c): selectors.gevallen(u, c, van, tot)
        for u in gebruikers
        for c in codes
        if u.rol != Rol.ZORGAANBIEDER or bronnen.BRONNEN[selectors.bron_van(c)].aanbieder
    }
    services.feiten_bijwerken()
    for (pk, code), verwacht in live.items():
        user = next(u for u in gebruikers if u.pk == pk)
        uit_feiten = selectors.gevallen(user, code, van, tot)
        assert uit_feiten.totaal == verwacht.totaal, code
        assert uit_feiten.rijen == verwacht.rijen, code


def test_bijwerkpagina_toont_de_laatste_berekeningen(client, demo):
    client.force_login(demo["beleid"])
    assert "nog niet vooraf gerekend" in client.get("/sturing/bijwerken/").content.decode()
    services.feiten_bijwerken()
    html = client.get("/sturing/bijwerken/").content.decode()
    assert str(Geval.objects.count()) in html
    assert "Cijfers nu bijwerken" in html
