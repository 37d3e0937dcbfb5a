"""Screens, Excel exports and the API of the finance app."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol
from openwmo.financien.models import Herverdelingsverzoek, Lumpsum, Scenario, Subsidie
from openwmo.testing import factories as f

from .conftest import JAAR

pytestmark = pytest.mark.django_db


def client_voor(client, user):
    client.force_login(user)
    return client


def test_controller_ziet_lumpsum_en_exporteert(client, users, contracten, lumpsums):
    c = client_voor(client, users[Rol.BELEIDSMAKER])
    html = c.get(f"/financien/?jaar={JAAR}").content.decode()
    assert contracten["aanvullend"].naam in html
    assert "Prognose jaareinde" in html and "grafiek-lumpsum" in html
    antwoord = c.get(f"/financien/export/lumpsums/?jaar={JAAR}")
    assert antwoord["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(antwoord.content)).active
    rijen = list(ws.iter_rows(values_only=True))
    assert rijen[0][0] == "Aanbieder"
    assert sum(r[3] for r in rijen[1:]) * 100 == sum(ls.bedrag_cents for ls in lumpsums.values())
    for tabel in ("clienten", "pgb", "subsidies"):
        assert c.get(f"/financien/export/{tabel}/?jaar={JAAR}").status_code == 200
    assert c.get("/financien/export/onbekend/").status_code == 404


def test_herverdeling_via_de_schermen(client, users, contracten, lumpsums):
    basis = lumpsums[("basis", contracten["basis"].pk)]
    aanv = lumpsums[("to-db", contracten["aanvullend"].pk)]
    c = client_voor(client, users[Rol.ZORGAANBIEDER])
    fout = c.post(
        "/financien/herverdelingen/nieuw/",
        {"van_id": basis.pk, "naar_id": aanv.pk, "bedrag_cents": "12,345", "onderbouwing": "x"},
    )
    assert "Vul een bedrag in euro" in fout.content.decode()
    assert not Herverdelingsverzoek.objects.exists()
    antwoord = c.post(
        "/financien/herverdelingen/nieuw/",
        {
            "van_id": basis.pk,
            "naar_id": aanv.pk,
            "bedrag_cents": "1.250,50",
            "onderbouwing": "Meer",
        },
    )
    v = Herverdelingsverzoek.objects.get()
    assert antwoord.status_code == 302 and v.bedrag_cents == 125_050
    basis_user = f.medewerker(Rol.ZORGAANBIEDER, organisatie=contracten["basis"])
    client.force_login(basis_user)
    client.post(f"/financien/herverdelingen/{v.pk}/")
    v.refresh_from_db()
    assert v.status == "gezamenlijk"
    client.force_login(users[Rol.BELEIDSMAKER])
    client.post(f"/financien/herverdelingen/{v.pk}/", {"besluit": "toekennen", "toelichting": "Ok"})
    v.refresh_from_db()
    assert v.status == "toegekend"
    assert Lumpsum.objects.get(pk=aanv.pk).bedrag_cents == aanv.bedrag_cents + 125_050
    # another provider does not see it
    client.force_login(f.medewerker(Rol.ZORGAANBIEDER))
    assert client.get(f"/financien/herverdelingen/{v.pk}/").status_code == 404


def test_scenario_scherm_en_maatregel(client, users):
    c = client_voor(client, users[Rol.BELEIDSMAKER])
    s = Scenario.objects.get(code="leeuwarden")
    html = c.get(f"/financien/scenarios/{s.pk}/").content.decode()
    assert "€ 4.440.000,00" in html and "€ 840.000,00" in html
    fout = c.post(
        f"/financien/scenarios/{s.pk}/",
        {"naam": "Dubbel", "pijler": "basis", "bedrag_cents": "10", "percentage": "5",
         "vanaf_jaar": 2022},
    )  # fmt: skip
    assert "óf een percentage" in fout.content.decode()
    c.post(
        f"/financien/scenarios/{s.pk}/",
        {"naam": "Extra", "pijler": "basis", "bedrag_cents": "100.000", "vanaf_jaar": 2022},
    )
    html = c.get(f"/financien/scenarios/{s.pk}/").content.decode()
    assert "€ 4.540.000,00" in html
    xlsx = c.get(f"/financien/scenarios/{s.pk}/?export=xlsx")
    rijen = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert rijen[-1][3] == 940_000


def test_subsidie_en_verantwoording(client, users):
    c = client_voor(client, users[Rol.BELEIDSMAKER])
    org = users[Rol.VRIJWILLIGER].medewerker.organisatie
    c.post(
        "/financien/subsidies/",
        {"organisatie_id": org.pk, "jaar": JAAR, "bedrag_cents": "25.000", "activiteiten": "Inloop",
         "beoogd_bereik": 300},
    )  # fmt: skip
    s = Subsidie.objects.get()
    assert s.bedrag_cents == 2_500_000
    c.post(
        f"/financien/subsidies/{s.pk}/verantwoorden/",
        {"gerealiseerd_bereik": 280, "verantwoording": "Drie avonden per week open."},
    )
    s.refresh_from_db()
    assert s.gerealiseerd_bereik == 280 and s.verantwoord_op == timezone.localdate()


def test_cak_download_en_inwoner(client, users, inwoner):
    gemeente = users[Rol.BELEIDSMAKER].medewerker.organisatie
    gemeente.gemeentecode = "1999"
    gemeente.save()
    c = client_voor(client, users[Rol.BELEIDSMAKER])
    antwoord = c.get(f"/financien/cak/?jaar={JAAR}&maand=1")
    assert antwoord.content.decode().startswith(f"OWCAK;1;1999;{JAAR}-01;")
    assert "Maand" in c.get(f"/financien/cak/?jaar={JAAR}&maand=13").content.decode()
    client.force_login(users[Rol.INWONER])
    assert "geen eigen bijdrage" in client.get("/financien/eigen-bijdrage/").content.decode()


def test_api_lumpsums_vast_aantal_queries(users, contracten, lumpsums):
    from openwmo.berichten.models import Toewijzing

    for i, org in enumerate([contracten["aanvullend"], contracten["tweede"], contracten["hh"]]):
        Toewijzing.objects.create(
            nummer=i + 1, bsn="123456782", aanbieder=org, gemeentecode="1999",
            productcategorie=["02", "07", "01"][i], ingangsdatum=datetime.date(JAAR, 1, 1),
            volume=3, eenheid="04", frequentie="2", toewijzingsdatum=datetime.date(JAAR, 1, 1),
            toewijzingstijd="10:00",
        )  # fmt: skip
    api = APIClient()
    api.force_authenticate(users[Rol.BELEIDSMAKER])
    with CaptureQueriesContext(connection) as q:
        data = api.get(f"/api/v1/financien/lumpsums/?jaar={JAAR}").json()
    assert len(data) == len(lumpsums)
    assert all(
        r["besteed_cents"] > 0 for r in data if r["pijler"] == "aanvullend" and r["perceel"] != "kv"
    )
    assert len(q) == 4  # lumpsums, hour prices, basis plan lines, iWmo toewijzingen
    api.force_authenticate(users[Rol.ZORGAANBIEDER])
    eigen = api.get(f"/api/v1/financien/lumpsums/?jaar={JAAR}").json()
    assert {r["aanbieder_id"] for r in eigen} == {contracten["aanvullend"].pk}
    api.force_authenticate(users[Rol.BELEIDSMAKER])
    s = Scenario.objects.get(code="leeuwarden")
    assert api.get(f"/api/v1/financien/scenarios/{s.pk}/").json()["reserve"] == 84_000_000
