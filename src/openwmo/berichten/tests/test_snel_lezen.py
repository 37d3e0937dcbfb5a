"""The fast reader (an XSD written from our own description, libxml2's validator, then
only collecting the data) gives exactly what the detailed reader gives: the same data
(also in key order, since the content hash is taken over it), the same findings, the same
hash; whatever it is not sure of goes to the detailed reader."""

import datetime
import re

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from openwmo.berichten import schema
from openwmo.berichten.verwerking import maak_declaratie_antwoord, maak_retour

from .test_codec import REFERENTIE, VOORBEELDEN, xsd
from .test_fuzz import VOORBEELD, gemuteerd

VANDAAG = datetime.date(2026, 5, 6)


def _zelfde(raw: bytes, snel_verwacht: bool | None = None):
    snel, gedetailleerd = schema.lees(raw), schema.lees_gedetailleerd(raw)
    assert repr(snel.data) == repr(gedetailleerd.data)
    assert [f.als_dict() for f in snel.fouten] == [f.als_dict() for f in gedetailleerd.fouten]
    assert snel.sha256 == gedetailleerd.sha256
    assert snel.nr == gedetailleerd.nr
    if snel_verwacht is not None and snel.definitie is not None:
        root = schema.parse_xml(raw)
        assert (schema.snel_lezen(root, snel.definitie) is not None) == snel_verwacht
    return snel


def _varianten():
    """Examples, rewritten, their retours (full and header only), a 325, and values in
    unusual but valid forms."""
    for pad in VOORBEELDEN:
        raw = pad.read_bytes()
        yield pad.name, raw
        g = schema.lees(raw)
        yield f"{pad.name} herschreven", schema.schrijf(g.nr, g.data)
        if g.nr in schema.RETOUR:
            codes = {"Header": ["0200"], "Client": ["9019", "0200"]}
            for alleen_header in (False, True):
                yield (
                    f"{pad.name} retour {alleen_header}",
                    maak_retour(g, codes, alleen_header=alleen_header, vandaag=VANDAAG),
                )
        if g.nr == "323":
            yield f"{pad.name} 325", maak_declaratie_antwoord(g, None, VANDAAG)[0]
    raw = VOORBEELD["WMO305.xml"]
    yield "spaties", raw.replace(b">Wit<", b">  Wit &amp; co\t<")
    yield "datum met witruimte", raw.replace(b">2025-04-03<", b">\n 2025-04-03 \t<")
    yield "getal met plus en nullen", raw.replace(b">300201<", b"> +000300201 <")
    yield "CDATA", raw.replace(b">Tim<", b"><![CDATA[Tim]]><")
    yield "commentaar", raw.replace(b"<wmo305:Client>", b"<wmo305:Client><!-- x -->")
    # comments, processing instructions and CDATA inside a value: the parser joins the text
    yield "commentaar in een waarde", raw.replace(b">999900006<", b">99990<!-- x -->0006<")
    yield "instructie in een waarde", raw.replace(b">999900006<", b">99990<?pi x?>0006<")
    yield "CDATA in een waarde", raw.replace(b">999900006<", b">99990<![CDATA[00]]>06<")
    raw = VOORBEELD["WMO301.xml"]
    yield "tijd met fractie", re.sub(rb">(\d\d:\d\d:\d\d)<", rb">\1.250<", raw, count=1)


@pytest.mark.parametrize(
    "naam, raw", list(_varianten()), ids=lambda x: x if isinstance(x, str) else ""
)
def test_geldige_berichten_snel_en_gelijk(naam, raw):
    g = _zelfde(raw, snel_verwacht=True)
    assert g.fouten == []


@pytest.mark.parametrize(
    "naam, raw",
    [
        (
            "xsi op de root",
            VOORBEELD["WMO305.xml"].replace(
                b"<wmo305:Bericht ",
                b'<wmo305:Bericht xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                b'xsi:schemaLocation="x y" ',
            ),
        ),
        (
            "xsi op een enkel element",
            VOORBEELD["WMO305.xml"].replace(
                b"<wmo305:Bsn>",
                b'<wmo305:Bsn xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                b'xsi:nil="false">',
            ),
        ),
        ("datum met tijdzone", VOORBEELD["WMO305.xml"].replace(b">2025-04-03<", b">2025-04-03Z<")),
        ("niet bestaande datum", VOORBEELD["WMO305.xml"].replace(b">2025-04-03<", b">2025-02-30<")),
        (
            "tijd 24 uur",
            re.sub(rb">\d\d:\d\d:\d\d<", b">24:00:00<", VOORBEELD["WMO301.xml"], count=1),
        ),
        (
            "tijd met zone",
            re.sub(rb">(\d\d:\d\d:\d\d)<", rb">\1+01:00<", VOORBEELD["WMO301.xml"], count=1),
        ),
        ("lege naam", VOORBEELD["WMO305.xml"].replace(b">Wit<", b">  <")),
        ("naam over regels", VOORBEELD["WMO305.xml"].replace(b">Wit<", b">W\nit<")),
        (
            "versie als 03",
            VOORBEELD["WMO305.xml"].replace(
                b">3</wmo305:BerichtVersie", b">03</wmo305:BerichtVersie"
            ),
        ),
        (
            "versie met spatie",
            VOORBEELD["WMO305.xml"].replace(
                b">3</wmo305:BerichtVersie", b"> 3 </wmo305:BerichtVersie"
            ),
        ),
        ("code met spatie", VOORBEELD["WMO305.xml"].replace(b">418<", b"> 418<")),
        (
            "onbekend element",
            VOORBEELD["WMO305.xml"].replace(b"<wmo305:Bsn>", b"<wmo305:X/><wmo305:Bsn>"),
        ),
        (
            "tekst tussen elementen",
            VOORBEELD["WMO305.xml"].replace(b"<wmo305:Bsn>", b"x<wmo305:Bsn>"),
        ),
        ("voorletters", VOORBEELD["WMO305.xml"].replace(b">T<", b">T.<")),
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_twijfel_gaat_naar_de_gedetailleerde_lezer(naam, raw):
    _zelfde(raw)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(gemuteerd())
def test_gemuteerde_berichten_gelijk(raw):
    _zelfde(raw)


@pytest.mark.parametrize("nr", sorted(schema.DEFINITIES))
def test_eigen_xsd_voor_elk_bericht(nr):
    """Written from DEFINITIES for every message (retours and 325 too), at first use."""
    bericht, basis = schema.xsd_teksten(nr)
    assert "referentie" not in bericht + basis and "shared" not in bericht + basis
    schema._xsd(nr)  # compiles


@pytest.mark.parametrize("pad", VOORBEELDEN, ids=lambda p: p.name)
def test_eigen_xsd_en_officiele_xsd_eens_over_voorbeelden(pad):
    doc = etree.fromstring(pad.read_bytes())
    nr = schema.PER_TAG[doc.tag].nr
    assert schema._xsd(nr).validate(doc) and xsd(nr).validate(doc)
    assert REFERENTIE.exists()


@pytest.mark.parametrize(
    "naam, raw", list(_varianten()), ids=lambda x: x if isinstance(x, str) else ""
)
def test_gegenereerde_schrijver_geeft_dezelfde_bytes_als_lxml(naam, raw):
    g = schema.lees(raw)
    assert schema.schrijf(g.nr, g.data) == schema.schrijf_lxml(g.nr, g.data)


@pytest.mark.parametrize(
    "getal",
    [
        b"0000000000000000000000000000000000000300201",
        b"99999999999999999999999999999",
        b"1000000000",
        b"999999999",
        b"+0",
        b"-0",
        b"-1",
        b"1e3",
        b"1.0",
        b" 300201\n",
    ],
)
def test_getallen_aan_de_randen(getal):
    _zelfde(VOORBEELD["WMO305.xml"].replace(b">300201<", b">" + getal + b"<"))


def test_lezen_en_schrijven_in_threads(monkeypatch):
    """Validators are per thread, generated writers are published only when complete."""
    from concurrent.futures import ThreadPoolExecutor

    berichten = [raw for _, raw in _varianten()]
    verwacht = []
    for raw in berichten:
        g = schema.lees_gedetailleerd(raw)
        verwacht.append((repr(g.data), schema.schrijf_lxml(g.nr, g.data)))
    monkeypatch.setattr(schema, "_SCHRIJVERS", {})  # every writer generated anew, in threads
    monkeypatch.setattr(schema, "_PLANNEN", {})

    def werk(_):
        uit = []
        for raw in berichten:
            g = schema.lees(raw)
            uit.append((repr(g.data), schema.schrijf(g.nr, g.data)))
        return uit

    with ThreadPoolExecutor(8) as pool:
        for uitkomst in pool.map(werk, range(8)):
            assert uitkomst == verwacht
