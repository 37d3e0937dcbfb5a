"""``openwmo iwmo validate`` and ``export``."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from openwmo.berichten import services

from . import keten
from .test_codec import REFERENTIE, VOORBEELDEN

pytestmark = pytest.mark.django_db


def valideer(capsys, *bestanden, extra=()):
    fout = None
    try:
        call_command("iwmo", "validate", *map(str, bestanden), *extra)
    except CommandError as exc:
        fout = exc
    regels = [json.loads(r) for r in capsys.readouterr().out.splitlines()]
    return regels, fout


# the official XSLT finds TR380 in both 317 examples too: GewensteIngangsdatum not after
# the dagtekening
MET_TR380 = {"WMO317.xml", "WMO317-2.xml"}


@pytest.mark.parametrize("pad", VOORBEELDEN, ids=lambda p: p.name)
def test_elk_voorbeeld_is_los_geldig(capsys, pad):
    regels, fout = valideer(capsys, pad)
    assert regels[0]["file"] == str(pad) and regels[0]["message"].startswith("WMO")
    if pad.name in MET_TR380:
        assert regels[0]["retourcodes"] == ["0001"], regels
        assert all("(TR380)" in f["melding"] for f in regels[0]["errors"]), regels
        return
    assert fout is None and regels[0]["valid"] is True, regels


def test_voorbeelden_samen_307_breekt_tr382_met_305(capsys):
    regels, fout = valideer(capsys, *VOORBEELDEN)
    ongeldig = {Path(r["file"]).name: r for r in regels if not r["valid"]}
    assert sorted(ongeldig) == sorted({"WMO307.xml", *MET_TR380})
    assert ongeldig["WMO307.xml"]["retourcodes"] == ["9069"]
    assert fout is not None and fout.returncode == 1


def test_ongeldig_bestand_en_ontbrekend_bestand(capsys, tmp_path):
    slecht = tmp_path / "slecht.xml"
    slecht.write_bytes(
        (REFERENTIE / "voorbeelden" / "WMO305.xml").read_bytes().replace(b"999900006", b"123456789")
    )
    regels, fout = valideer(capsys, slecht, tmp_path / "bestaat-niet.xml")
    assert [r["valid"] for r in regels] == [False, False]
    assert regels[0]["retourcodes"] == ["0001"] and "elfproef" in regels[0]["errors"][0]["melding"]
    assert fout.returncode == 1


def test_database_modus_kent_de_aanbieder_niet(capsys):
    regels, fout = valideer(capsys, REFERENTIE / "voorbeelden" / "WMO305.xml", extra=["--database"])
    assert set(regels[0]["retourcodes"]) == {"S300", "0001"}


def test_export(consulent, aanbieder, mariska, tmp_path, capsys):
    org, user = aanbieder
    t = keten.toewijzing(consulent, org, mariska, begin=-5)
    services.meld_start(user, t.pk, begindatum=keten.dagen(-2))
    call_command("iwmo", "export", "--since", str(keten.dagen(-1)), str(tmp_path))
    namen = sorted(p.name.split("_")[0] for p in tmp_path.iterdir())
    assert namen == ["WMO301", "WMO306"]
    with pytest.raises(CommandError):
        call_command("iwmo", "export", "--since", "gisteren", str(tmp_path))


def test_codelijsten_bijwerken(tmp_path, capsys):
    from openwmo.berichten.codelijsten import huidige

    csv = tmp_path / "extra.csv"
    csv.write_text(
        "lijst,code,omschrijving,ingangsdatum,einddatum,categorie\n"
        "PRODUCT,02X01,Nieuw product,2026-01-01,,02\n",
        encoding="utf-8",
    )
    call_command("iwmo", "codelijsten", str(csv))
    assert huidige().categorie_van("02X01") == {"02"}


def test_retourbericht_krijgt_een_eigen_antwoord_en_de_batch_gaat_door(capsys):
    """A retour message (302–325) in the batch: a clear answer for it, the others checked."""
    retour = REFERENTIE / "retourvoorbeelden" / "WMO302.xml"
    heen = REFERENTIE / "voorbeelden" / "WMO305.xml"
    regels, fout = valideer(capsys, retour, heen, REFERENTIE / "retourvoorbeelden" / "WMO325.xml")
    assert [Path(r["file"]).name for r in regels] == ["WMO302.xml", "WMO305.xml", "WMO325.xml"]
    assert regels[0]["retourbericht"] is True and regels[0]["message"] == "WMO302"
    assert "Dit is een retourbericht" in regels[0]["melding"] and regels[0]["valid"] is True
    assert regels[1]["valid"] is True and "retourbericht" not in regels[1]
    assert regels[2]["retourbericht"] is True and regels[2]["message"] == "WMO325"
    assert fout is None


def test_elke_bevinding_heeft_regel_pad_en_regelnummer(capsys, tmp_path):
    raw = (REFERENTIE / "voorbeelden" / "WMO305.xml").read_bytes()
    elfproef = tmp_path / "elfproef.xml"
    elfproef.write_bytes(raw.replace(b"999900006", b"123456789"))
    xsd = tmp_path / "xsd.xml"
    xsd.write_bytes(raw.replace(b"<wmo305:Geslacht>1</wmo305:Geslacht>", b"", 1))
    assert xsd.read_bytes() != raw
    regels, _ = valideer(capsys, elfproef, xsd)
    cs002 = regels[0]["errors"][0]
    assert cs002["regel"] == "CS002" and cs002["code"] == "0001" and cs002["pad"]
    regel_client = raw[: raw.index(b"<wmo305:Client>")].count(b"\n") + 1
    assert cs002["regelnummer"] == regel_client
    structuur = regels[1]["errors"][0]
    assert structuur["regel"] == "XSD" and "Geslacht" in structuur["melding"]
    assert structuur["pad"] == "Client" and structuur["regelnummer"] == regel_client


def test_onleesbare_bestanden_stoppen_de_batch_niet(capsys, tmp_path):
    utf16 = tmp_path / "utf16.xml"
    utf16.write_bytes('<?xml version="1.0" encoding="UTF-16"?><x/>'.encode("utf-16"))
    leeg = tmp_path / "leeg.xml"
    leeg.write_bytes(b"")
    heen = REFERENTIE / "voorbeelden" / "WMO319.xml"
    regels, fout = valideer(capsys, utf16, leeg, heen, tmp_path / "weg.xml")
    assert [r["valid"] for r in regels] == [False, False, True, False]
    assert "alleen UTF-8" in regels[0]["errors"][0]["melding"]
    assert regels[0]["errors"][0]["regelnummer"] is None
    assert fout.returncode == 1
