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


@pytest.mark.parametrize("pad", VOORBEELDEN, ids=lambda p: p.name)
def test_elk_voorbeeld_is_los_geldig(capsys, pad):
    regels, fout = valideer(capsys, pad)
    assert fout is None and regels[0]["valid"] is True, regels
    assert regels[0]["file"] == str(pad) and regels[0]["message"].startswith("WMO")


def test_voorbeelden_samen_307_breekt_tr382_met_305(capsys):
    regels, fout = valideer(capsys, *VOORBEELDEN)
    ongeldig = {Path(r["file"]).name: r for r in regels if not r["valid"]}
    assert list(ongeldig) == ["WMO307.xml"]
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
