"""The demo municipality's message history: every message the product wrote validates
against the official iWmo 3.2 XSDs (``referentie/xsd``, read only in tests). The retour XSDs
(302–325) are not published with the standard we have, so retours are checked against the
official retour examples elsewhere (``test_retourstructuur.py``)."""

import re

import pytest
from lxml import etree

from openwmo.berichten.models import Bericht, Levering, Toewijzing, Verzoek
from openwmo.demo.generator import seed

from .test_codec import REFERENTIE, xsd
from .test_xslt_differentieel import RAPPORT

pytestmark = pytest.mark.django_db


def _nr(raw: bytes) -> str:
    return re.search(rb"iwmo/3_2/wmo(\d{3})/schema", raw).group(1).decode()


def test_demo_berichten_voldoen_aan_de_xsds():
    seed(600, 2026)
    berichten = list(Bericht.objects.all())
    soorten = {b.berichttype for b in berichten}
    # the whole chain is there: request, assignment, rejection, start and stop
    assert {"WMO315", "WMO301", "WMO319", "WMO305", "WMO307"} <= soorten
    assert Levering.objects.filter(soort=Levering.Soort.STOP).exists()
    assert Levering.objects.filter(toewijzing__isnull=True).exists()  # taakgericht
    assert Verzoek.objects.filter(status=Verzoek.Status.AFGEWEZEN).exists()
    assert Toewijzing.objects.exists()
    schemas = {}
    gecontroleerd = 0
    for b in berichten:
        for raw in (bytes(b.inhoud), bytes(b.retour) if b.retour else None):
            if raw is None:
                continue
            nr = _nr(raw)
            if not (REFERENTIE / "xsd" / f"WMO{nr}.xsd").exists():
                continue
            schema = schemas.setdefault(nr, xsd(nr))
            assert schema.validate(etree.fromstring(raw)), (nr, schema.error_log.last_error)
            gecontroleerd += 1
    assert all(b.status == Bericht.Status.GEACCEPTEERD for b in berichten if b.richting == "in")
    assert gecontroleerd == len(berichten)  # every message itself has an official XSD


def test_demo_heenberichten_zonder_bevinding_van_de_officiele_xslt():
    """Every message the demo chain wrote (the gemeente's 301/319 and the providers' 305, 307,
    315, 317, 323) passes the official validation XSLT with no finding."""
    seed(600, 2026)
    xslt = etree.XSLT(etree.parse(str(REFERENTIE / "xslt" / "iwmo-3.2-regels.xsl")))
    per_soort: dict[str, int] = {}
    for b in Bericht.objects.exclude(berichttype__in=["WMO325"]):
        raw = bytes(b.inhoud)
        rapport = xslt(etree.fromstring(raw)).getroot()
        fouten = [
            (fout.findtext(f"{RAPPORT}Code"), [loc.text for loc in fout.iter(f"{RAPPORT}Locatie")])
            for fout in rapport.iter(f"{RAPPORT}Fout")
        ]
        assert not fouten, (b.berichttype, b.identificatie, fouten)
        per_soort[b.berichttype] = per_soort.get(b.berichttype, 0) + 1
    assert {"WMO301", "WMO305", "WMO307", "WMO315", "WMO319"} <= set(per_soort)
