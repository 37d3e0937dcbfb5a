"""Bounded fuzzing: no crash and no 500, whatever the input; our structure check agrees
with the official XSD on mutations of valid messages."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from openwmo.berichten import schema
from openwmo.berichten.verwerking import Invoer, verwerk

from .test_codec import REFERENTIE, VOORBEELDEN, xsd

pytestmark = pytest.mark.django_db
VOORBEELD = {p.name: p.read_bytes() for p in VOORBEELDEN}
XSD = {}
TEKENS = st.one_of(
    st.sampled_from(list("0123456789-:+Z \t\nAaé.")),
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
)


def _xsd(nr):
    if nr not in XSD:
        XSD[nr] = xsd(nr)
    return XSD[nr]


@st.composite
def gemuteerd(draw):
    naam = draw(st.sampled_from(sorted(VOORBEELD)))
    raw = VOORBEELD[naam]
    soort = draw(st.sampled_from(["tekst", "verwijder", "knip", "bytes", "dubbel"]))
    if soort == "bytes":
        pos = draw(st.integers(0, len(raw) - 1))
        return raw[:pos] + draw(st.binary(max_size=8)) + raw[pos + 1 :]
    if soort == "knip":
        return raw[: draw(st.integers(0, len(raw)))]
    root = etree.fromstring(raw)
    elementen = list(root.iter())[1:]
    el = elementen[draw(st.integers(0, len(elementen) - 1))]
    if soort == "tekst" and len(el) == 0:
        el.text = draw(st.text(TEKENS, max_size=14))
    elif soort == "verwijder":
        el.getparent().remove(el)
    elif soort == "dubbel":
        el.addnext(etree.fromstring(etree.tostring(el)))
    return etree.tostring(root)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(gemuteerd())
def test_structuurcontrole_volgt_de_xsd(raw):
    g = schema.lees(raw)
    try:
        doc = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        assert g.definitie is None
        return
    if g.definitie is None:
        return
    assert (not g.fouten) == _xsd(g.nr).validate(doc), [f.als_dict() for f in g.fouten]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(gemuteerd(), st.binary(max_size=300)))
def test_pijplijn_crasht_nooit(raw):
    r = verwerk([Invoer(raw)], opslaan=False, gesloten=False)[0]
    assert r.retourcodes


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(raw=gemuteerd())
def test_endpoint_geeft_nooit_500(api_aanbieder, raw):
    response = api_aanbieder.post("/api/v1/berichten/iwmo/", raw, content_type="application/xml")
    assert response.status_code in (200, 400)


@pytest.fixture
def api_aanbieder(aanbieder):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(aanbieder[1])
    return client


def test_referentie_is_beschikbaar():
    assert (REFERENTIE / "xsd" / "WMO305.xsd").exists()
