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
