"""The Excel/CSV upload of the transition (/overgang/import/): a small file that unpacks
to gigabytes or claims a million rows is refused before it is parsed, with a clear Dutch
error, and nothing is stored."""

import io
import time
import tracemalloc
import zipfile

import openpyxl
import pytest
from django.test import override_settings

from openwmo.accounts.models import Rol
from openwmo.overgang import importer
from openwmo.overgang.models import BestaandeBeschikking, Importbestand
from openwmo.privacy.models import AuditRecord

pytestmark = pytest.mark.django_db

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
KOP = ",".join(importer.KOLOMMEN)


def _werkboek() -> dict[str, bytes]:
    """The parts of a valid workbook with the header row, as openpyxl writes them."""
    boek = openpyxl.Workbook()
    boek.active.append(importer.KOLOMMEN)
    uit = io.BytesIO()
    boek.save(uit)
    with zipfile.ZipFile(uit) as z:
        return {n: z.read(n) for n in z.namelist()}


def xlsx(**vervang: bytes) -> bytes:
    """A workbook with some parts replaced (or added); stored with deflate."""
    delen = _werkboek()
    delen.update(vervang)
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, inhoud in delen.items():
            z.writestr(naam, inhoud)
    return uit.getvalue()


def blad(rijen: bytes, dimensie: str = "A1:L1") -> bytes:
    kop = "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{k}</t></is></c>'
        for i, k in enumerate(importer.KOLOMMEN)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><dimension ref="{dimensie}"/>'
        f'<sheetData><row r="1">{kop}</row>'.encode()
        + rijen
        + b"</sheetData></worksheet>"
    )


def post(client, users, naam: str, inhoud: bytes):
    client.force_login(users[Rol.WMO_CONSULENT])
    bestand = io.BytesIO(inhoud)
    bestand.name = naam
    return client.post("/overgang/import/", {"bestand": bestand})


def niets_opgeslagen():
    assert not Importbestand.objects.exists()
    assert not BestaandeBeschikking.objects.exists()
    assert not AuditRecord.objects.filter(object_type="overgang_import").exists()


def test_uitpakbom_van_400_kb_wordt_geweigerd_zonder_te_parsen(client, users):
    """About 350 KB that unpacks to 114 MB of worksheet: refused fast and small."""
    cellen = b'<c t="inlineStr"><is><t>x</t></is></c>' * 2_000
    rij = b"<row>" + cellen + b"</row>"
    bom = xlsx(**{"xl/worksheets/sheet1.xml": blad(rij * 1_500)})
    assert len(bom) < 400_000
    begin = time.perf_counter()
    antwoord = post(client, users, "export.xlsx", bom)
    assert time.perf_counter() - begin < 5
    tracemalloc.start()
    try:
        with pytest.raises(importer.Bestandsfout):
            importer.lees("export.xlsx", bom)
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert piek < 60 * 1024 * 1024
    assert antwoord.status_code == 200
    assert "uitgepakt groter dan 100 MB" in antwoord.content.decode()
    niets_opgeslagen()


@override_settings(OVERGANG_IMPORT_MAX_REGELS=50)
def test_blad_dat_een_regel_ver_weg_noemt_wordt_geweigerd(client, users):
    """A sheet that claims XFD1048576: openpyxl would pad every row up to it."""
    ver = b'<row r="5000"><c r="A5000"><v>1</v></c></row>'
    bom = xlsx(**{"xl/worksheets/sheet1.xml": blad(ver, dimensie="A1:XFD1048576")})
    antwoord = post(client, users, "export.xlsx", bom)
    assert "Het bestand heeft meer dan 50 regels." in antwoord.content.decode()
    niets_opgeslagen()


@override_settings(OVERGANG_IMPORT_MAX_REGELS=50)
def test_te_veel_lege_regels_in_excel(client, users):
    bom = xlsx(**{"xl/worksheets/sheet1.xml": blad(b"<row/>" * 200)})
    antwoord = post(client, users, "export.xlsx", bom)
    assert "meer dan 50 regels" in antwoord.content.decode()
    niets_opgeslagen()


@override_settings(OVERGANG_IMPORT_MAX_KOLOMMEN=30)
def test_regel_met_te_veel_cellen(client, users):
    rij = b'<row r="2">' + b"<c><v>1</v></c>" * 31 + b"</row>"
    antwoord = post(client, users, "export.xlsx", xlsx(**{"xl/worksheets/sheet1.xml": blad(rij)}))
    assert "Een regel in het bestand heeft meer dan 30 cellen." in antwoord.content.decode()
    niets_opgeslagen()


@override_settings(OVERGANG_IMPORT_MAX_CELLEN=100)
def test_te_veel_cellen_in_het_blad(client, users):
    rijen = b"".join(
        b'<row r="%d">' % n + b"<c><v>1</v></c>" * 10 + b"</row>" for n in range(2, 12)
    )
    antwoord = post(client, users, "export.xlsx", xlsx(**{"xl/worksheets/sheet1.xml": blad(rijen)}))
    assert "Het bestand heeft meer dan 100 cellen." in antwoord.content.decode()
    niets_opgeslagen()


@override_settings(OVERGANG_IMPORT_MAX_DEEL=1024 * 1024)
def test_te_grote_gedeelde_teksten(client, users):
    teksten = (
        b'<?xml version="1.0"?><sst '
        + NS.encode()
        + b">"
        + b"<si><t>ab</t></si>" * 100_000
        + b"</sst>"
    )
    bom = xlsx(**{"xl/sharedStrings.xml": teksten})
    antwoord = post(client, users, "export.xlsx", bom)
    assert "uitgepakt groter dan" in antwoord.content.decode()
    niets_opgeslagen()


@override_settings(OVERGANG_IMPORT_MAX_DELEN=20)
def test_te_veel_onderdelen(client, users):
    bom = xlsx(**{f"xl/media/plaatje{n}.bin": b"x" for n in range(30)})
    antwoord = post(client, users, "export.xlsx", bom)
    assert "te veel onderdelen" in antwoord.content.decode()
    niets_opgeslagen()


def test_entiteiten_worden_geweigerd(client, users):
    lach = (
        b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst ' + NS.encode() + b">"
        b"<si><t>&b;</t></si></sst>"
    )
    antwoord = post(client, users, "export.xlsx", xlsx(**{"xl/sharedStrings.xml": lach}))
    assert "Het Excel-bestand is niet te lezen." in antwoord.content.decode()
    niets_opgeslagen()


@override_settings(OVERGANG_IMPORT_MAX_REGELS=50)
def test_csv_met_te_veel_lege_regels(client, users):
    antwoord = post(client, users, "export.csv", (KOP + "\n" * 500).encode())
    assert "meer dan 50 regels" in antwoord.content.decode()
    niets_opgeslagen()


@override_settings(OVERGANG_IMPORT_MAX_REGELLENGTE=1000)
def test_csv_met_een_eindeloze_regel(client, users):
    antwoord = post(client, users, "export.csv", (KOP + "\n" + "a," * 5_000).encode())
    assert "langer dan 1.000 tekens" in antwoord.content.decode()
    niets_opgeslagen()


def test_csv_met_nul_teken_geeft_een_nette_fout(client, users):
    antwoord = post(client, users, "export.csv", (KOP + "\n1\x00,2\n").encode())
    assert antwoord.status_code == 200
    assert "niet te lezen" in antwoord.content.decode() or "fouten" in antwoord.content.decode()
    niets_opgeslagen()
