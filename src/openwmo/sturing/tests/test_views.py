"""Dashboards, drill-down, exports, registry editing and the survey, per role."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.privacy.models import AuditRecord
from openwmo.sturing import selectors, services
from openwmo.sturing.models import Antwoord, Indicator, IndicatorWijziging, Uitnodiging
from openwmo.testing import factories as f

from . import factories as s

pytestmark = pytest.mark.django_db

D = datetime.date
VANDAAG = timezone.localdate()
JAAR = VANDAAG.year


@pytest.fixture
def teamleider(users):
    user = users[Rol.SOCIAAL_WERKER]
    user.medewerker.is_teamleider = True
    user.medewerker.save()
    return user


@pytest.fixture
def gegevens(wijk, andere_wijk, users):
    """Waiting times at two providers, in two wijken, starting this week."""
    eigen = users[Rol.ZORGAANBIEDER].medewerker.organisatie
    ander = f.OrganisatieFactory(naam="Andere Zorg")
    hier = [s.persoon_in(wijk) for _ in range(3)]
    daar = s.persoon_in(andere_wijk)
    start = VANDAAG - datetime.timedelta(days=VANDAAG.weekday())
    for p in hier[:2]:
        s.levering(s.toewijzing(p, eigen, start - datetime.timedelta(days=10)), "start", start)
    s.levering(s.toewijzing(hier[2], ander, start - datetime.timedelta(days=3)), "start", start)
    s.levering(s.toewijzing(daar, eigen, start - datetime.timedelta(days=20)), "start", start)
    return {"eigen": eigen, "ander": ander, "hier": hier, "daar": daar, "start": start}


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx), response.content.decode()


@pytest.mark.parametrize("niveau", ["strategisch", "tactisch", "wijken"])
def test_beleidsmaker_ziet_dashboards_met_vast_aantal_queries(
    client, users, gegevens, wijk, niveau
):
    client.force_login(users[Rol.BELEIDSMAKER])
    url = f"/sturing/{niveau}/?jaar={JAAR}"
    _queries(client, url)
    voor, html = _queries(client, url)
    assert "Wachttijd toewijzing tot start" in html
    # pseudonymised: no names of residents
    assert gegevens["hier"][0].achternaam not in html
    # more cases, more wijken, more providers: the same number of queries
    for _i in range(3):
        p = s.persoon_in(f.WijkFactory())
        t = s.toewijzing(p, f.OrganisatieFactory(), VANDAAG - datetime.timedelta(days=5))
        s.levering(t, "start", VANDAAG)
        s.melding(p, VANDAAG, uitkomst="netwerk")
        s.evaluatie(s.regel(s.plan(p, VANDAAG), "basis"), VANDAAG, "bereikt")
    na, _html = _queries(client, url)
    assert na == voor


def test_wijken_onderdrukt_kleine_aantallen(client, users, gegevens):
    client.force_login(users[Rol.BELEIDSMAKER])
    html = client.get(f"/sturing/wijken/?jaar={JAAR}&indicator=wachttijd_mediaan").content
    assert "minder dan 5" in html.decode()


def test_aanbieder_ziet_alleen_eigen_organisatie(client, users, gegevens):
    user = users[Rol.ZORGAANBIEDER]
    client.force_login(user)
    response = client.get("/sturing/operationeel/")
    assert response.status_code == 200
    assert gegevens["eigen"].naam in response.content.decode()
    # three toewijzingen of the own organisation started this week, not the other one's
    g = selectors.gevallen(user, "wachttijd_mediaan", gegevens["start"], VANDAAG)
    assert g.totaal == 3
    assert {r.persoon_id for r in g.rijen} == {
        gegevens["hier"][0].pk,
        gegevens["hier"][1].pk,
        gegevens["daar"].pk,
    }
    # another organisation's cases and numbers are refused
    url = f"/sturing/gevallen/wachttijd_mediaan/?aanbieder={gegevens['ander'].pk}"
    assert client.get(url).status_code == 403
    with pytest.raises(PermissionDenied):
        selectors.gevallen(
            user, "wachttijd_mediaan", D(2020, 1, 1), VANDAAG, aanbieder_id=gegevens["ander"].pk
        )
    assert client.get("/sturing/strategisch/").status_code == 403
    assert client.get("/sturing/tactisch/export.csv").status_code == 403


def test_gevallen_zijn_precies_de_getelde(users, gegevens):
    """The drill-down lists exactly the cases behind the number, with the audit trail."""
    user = users[Rol.ZORGAANBIEDER]
    eigen = gegevens["eigen"].pk
    van, tot = gegevens["start"], VANDAAG
    g = selectors.gevallen(user, "wachttijd_mediaan", van, tot)
    assert g.totaal == selectors.aantal("wachttijd_mediaan", van, tot, aanbieder_id=eigen)
    assert len(g.rijen) == g.totaal
    assert (
        AuditRecord.objects.filter(gebruiker=user, object_type__startswith="sturing:").count() == 3
    )


def test_teamleider_ziet_eigen_team(client, teamleider, gegevens):
    client.force_login(teamleider)
    assert client.get("/sturing/operationeel/").status_code == 200
    g = selectors.gevallen(teamleider, "wachttijd_mediaan", gegevens["start"], VANDAAG)
    # only residents of the team's wijk, whatever the provider
    assert {r.persoon_id for r in g.rijen} == {p.pk for p in gegevens["hier"]}
    html = client.get(f"/sturing/gevallen/wachttijd_mediaan/?van={gegevens['start']}").content
    assert gegevens["hier"][2].achternaam in html.decode()
    assert gegevens["daar"].achternaam not in html.decode()


def test_beleidsmaker_krijgt_geen_gevallenlijst(client, users, gegevens):
    client.force_login(users[Rol.BELEIDSMAKER])
    assert client.get("/sturing/gevallen/wachttijd_mediaan/").status_code == 403


def test_sociaal_werker_zonder_teamleiding_geweigerd(client, users):
    client.force_login(users[Rol.SOCIAAL_WERKER])
    assert client.get("/sturing/operationeel/").status_code == 403


def test_onzin_in_de_adresregel_geeft_geen_fout(client, users):
    client.force_login(users[Rol.BELEIDSMAKER])
    assert client.get("/sturing/strategisch/?jaar=abc&indicator=<x>").status_code == 200
    assert client.get("/sturing/tactisch/?jaar=99999").status_code == 200
    assert client.get("/sturing/gevallen/bestaat_niet/").status_code == 403


def test_exports(client, users, gegevens):
    from openpyxl import load_workbook

    client.force_login(users[Rol.BELEIDSMAKER])
    csv = client.get(f"/sturing/tactisch/export.csv?jaar={JAAR}")
    assert csv["Content-Type"] == "text/csv"
    tekst = csv.content.decode("utf-8-sig")
    assert "Wachttijd toewijzing tot start (mediaan)" in tekst
    xlsx = client.get(f"/sturing/strategisch/export.xlsx?jaar={JAAR}")
    wb = load_workbook(io.BytesIO(xlsx.content))
    waarden = [c for rij in wb.active.iter_rows(values_only=True) for c in rij if c]
    assert str(JAAR) in [str(w) for w in waarden]
    pdf = client.get(f"/sturing/raadsrapportage/{JAAR}.pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_indicator_wijzigen(client, users):
    client.force_login(users[Rol.BELEIDSMAKER])
    url = "/sturing/indicatoren/doelrealisatie/"
    response = client.post(
        url,
        {
            "naam": "Doelen bereikt",
            "definitie": "Zie boven",
            "niveau": "outcome",
            "streefwaarde": "80,5",
        },
    )
    assert response.status_code == 302
    ind = Indicator.objects.get(code="doelrealisatie")
    assert (ind.naam, str(ind.streefwaarde), ind.niveau) == ("Doelen bereikt", "80.5", "outcome")
    w = IndicatorWijziging.objects.get(indicator=ind)
    assert w.nieuw["naam"] == "Doelen bereikt" and w.oud["naam"] == "Doelrealisatie"
    # bad input: a Dutch message and nothing written
    response = client.post(
        url, {"naam": "", "definitie": "x", "niveau": "x", "streefwaarde": "veel"}
    )
    assert response.status_code == 200
    assert "Vul een getal in" in response.content.decode()
    assert Indicator.objects.get(code="doelrealisatie").naam == "Doelen bereikt"
    assert IndicatorWijziging.objects.count() == 1
    with pytest.raises(PermissionDenied):
        services.wijzig_indicator(users[Rol.WMO_CONSULENT], "doelrealisatie", {})


def test_enquete_een_keer_beantwoorden(client, users, inwoner, inwoner_elders):
    user = users[Rol.INWONER]
    eigen = Uitnodiging.objects.create(persoon=inwoner, aanleiding="einde", bron_id=7)
    ander = Uitnodiging.objects.create(persoon=inwoner_elders, aanleiding="einde", bron_id=8)
    client.force_login(user)
    start = client.get("/").content.decode()
    assert f"/sturing/vragenlijst/{eigen.pk}/" in start
    assert client.get(f"/sturing/vragenlijst/{ander.pk}/").status_code == 404
    fout = client.post(f"/sturing/vragenlijst/{eigen.pk}/", {"toegang_wist": "9"})
    assert "Kies een antwoord van 1 tot en met 5" in fout.content.decode()
    assert not Antwoord.objects.exists()
    leeg = client.post(f"/sturing/vragenlijst/{eigen.pk}/", {})
    assert "Beantwoord minstens één vraag" in leeg.content.decode()
    ok = client.post(
        f"/sturing/vragenlijst/{eigen.pk}/", {"toegang_wist": "5", "effect_leven": "0"}
    )
    assert "Bedankt" in ok.content.decode()
    antwoord = Antwoord.objects.get(uitnodiging=eigen)
    assert (antwoord.toegang_wist, antwoord.effect_leven) == (5, None)
    client.post(f"/sturing/vragenlijst/{eigen.pk}/", {"toegang_wist": "1"})
    assert Antwoord.objects.count() == 1
    assert f"/sturing/vragenlijst/{eigen.pk}/" not in client.get("/").content.decode()
