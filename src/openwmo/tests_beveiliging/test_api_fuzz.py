"""Property-based fuzz of every operation in docs/openapi.yaml, as every role.

For each (operation, role) hypothesis builds requests from the operation's own schema
(parameters and body), mixed with values of the wrong type, real object ids, huge numbers
and odd text. Every answer must hold:

- never a server error (5xx);
- every refusal (4xx) is application/problem+json;
- no personal data outside the role's scope: residents in and out of each role's reach have
  distinctive names and BSNs, and no response body of a role names one it may not see.

Bounded for the suite: a few examples per (operation, role), derandomized (the same
requests on every run), no example database; it runs under pytest-xdist.
"""

import datetime
import json
import re
from pathlib import Path

import pytest
import yaml
from django.core.cache import cache
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db

SCHEMA = yaml.safe_load(
    (Path(__file__).resolve().parents[3] / "docs" / "openapi.yaml").read_text(encoding="utf-8")
)
METHODEN = ("get", "post", "put", "patch", "delete")
OPERATIES = [
    (methode, pad, op)
    for pad, ops in SCHEMA["paths"].items()
    for methode, op in ops.items()
    if methode in METHODEN
]
VOORBEELDEN = 4  # per (operation, role): 48 operations x 9 roles x 4 = about 1,700 requests

# Distinctive residents: their names and BSNs are searched for in every response.
GEHEIM = {"voornamen": "Quirijntje", "achternaam": "Zwavelmoeras"}
BINNEN = {"voornamen": "Jelle", "achternaam": "Hoekstra"}  # the `inwoner` fixture (wijk Noord)


def _ref(schema: dict) -> dict:
    while "$ref" in schema:
        schema = SCHEMA["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


ODD_TEXT = st.sampled_from(
    ["", " ", "0", "-1", "999999999999999999999", "1e309", "NaN", "null", "[]", "{}",
     "'; DROP TABLE x;--", "../../etc/passwd", "<script>x</script>", "=1+1", "\u202e", "ä" * 300,
     "2026-02-30", "9999-12-31", "0000-00-00", "2026-01-01T25:61:00", "123456782"]
)  # fmt: skip
ONZIN = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    ODD_TEXT,
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _waarde(schema: dict, ids, diepte: int = 0):
    """A strategy for a value of the schema, sometimes of the wrong kind."""
    return st.one_of(_geldig(schema, ids, diepte), ONZIN) if diepte < 3 else ONZIN


def _geldig(schema: dict, ids, diepte: int):
    schema = _ref(schema)
    for soort in ("oneOf", "anyOf", "allOf"):
        if soort in schema:
            return st.one_of([_geldig(s, ids, diepte) for s in schema[soort]])
    if "enum" in schema:
        return st.sampled_from([w for w in schema["enum"] if w is not None] or [""])
    typ = schema.get("type", "object")
    if isinstance(typ, list):
        typ = next((t for t in typ if t != "null"), "string")
    if typ == "integer":
        return st.one_of(st.sampled_from(ids["ids"]), st.integers(min_value=-10, max_value=10**6))
    if typ == "number":
        return st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
    if typ == "boolean":
        return st.booleans()
    if typ == "array":
        return st.lists(_waarde(schema.get("items", {}), ids, diepte + 1), max_size=3)
    if typ == "object":
        eigenschappen = schema.get("properties", {})
        verplicht = set(schema.get("required", []))
        return st.fixed_dictionaries(
            {k: _waarde(v, ids, diepte + 1) for k, v in eigenschappen.items() if k in verplicht},
            optional={
                k: _waarde(v, ids, diepte + 1)
                for k, v in eigenschappen.items()
                if k not in verplicht
            },
        )
    formaat = schema.get("format")
    if formaat == "date":
        return st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1)).map(str)
    if formaat == "date-time":
        return st.datetimes(datetime.datetime(2000, 1, 1), datetime.datetime(2100, 1, 1)).map(
            lambda d: d.isoformat()
        )
    return st.one_of(
        st.text(max_size=schema.get("maxLength", 40)), ODD_TEXT, st.sampled_from(ids["teksten"])
    )


def _als_tekst(waarde) -> str:
    return waarde if isinstance(waarde, str) else json.dumps(waarde)


def _verzoek(methode: str, pad: str, op: dict, ids):
    """(url, query, body, content type) for the operation."""
    parameters = op.get("parameters", [])
    pad_delen = {
        p["name"]: st.one_of(
            st.sampled_from(ids["ids"]).map(str),
            st.integers(min_value=0, max_value=2**64).map(str),
            st.sampled_from(["0", "-1", "abc", "1.5"]),
        )
        for p in parameters
        if p["in"] == "path"
    }
    query = {
        p["name"]: _waarde(p.get("schema", {}), ids).map(_als_tekst)
        for p in parameters
        if p["in"] == "query"
    }
    inhoud = op.get("requestBody", {}).get("content", {})
    if "application/json" in inhoud:
        body = st.one_of(_geldig(inhoud["application/json"]["schema"], ids, 0), ONZIN).map(
            lambda b: (json.dumps(b), "application/json")
        )
    elif "application/xml" in inhoud:
        body = st.one_of(
            st.binary(max_size=200), st.sampled_from([b"<a/>", b"<?xml version='1.0'?>"])
        ).map(lambda b: (b, "application/xml"))
    else:
        body = st.just((None, None))
    return st.tuples(
        st.fixed_dictionaries(pad_delen),
        st.fixed_dictionaries({}, optional=query),
        body,
    )


@pytest.fixture
def gegevens(users, inwoner, andere_wijk):
    """Residents in and out of each role's scope, with a melding each."""
    from openwmo.toegang import services as toegang

    pc = f.PostcodeFactory(postcode="9003EF", buurt=f.BuurtFactory(wijk=andere_wijk))
    geheim = f.PersoonFactory(
        **GEHEIM, huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=pc))
    )
    meldingen = []
    for user, persoon in ((users[Rol.WMO_CONSULENT], geheim), (users[Rol.SOCIAAL_WERKER], inwoner)):
        meldingen.append(
            toegang.registreer_melding(
                user,
                toegang.NieuweMelding(
                    bsn=persoon.bsn,
                    geboortedatum=persoon.geboortedatum,
                    kanaal="telefoon",
                    ontvangen_op=timezone.now() - datetime.timedelta(minutes=5),
                    vraag="Hulp in huis",
                ),
                kanaal="api",
            )
        )
    ids = sorted({1, 2, 3, inwoner.pk, geheim.pk, *(m.pk for m in meldingen)})
    # probes: a role that may not see a resident looks them up by BSN and birth date
    teksten = [geheim.bsn, inwoner.bsn, str(geheim.geboortedatum), "9003EF", "9001AB"]
    return {"geheim": geheim, "binnen": inwoner, "context": {"ids": ids, "teksten": teksten}}


def _verboden(rol: str, gegevens: dict) -> list:
    """The residents a role may not see anything of."""
    zichtbaar = {
        Rol.WMO_CONSULENT: {"geheim", "binnen"},
        Rol.SOCIAAL_WERKER: {"binnen"},
        Rol.INWONER: {"binnen"},
    }.get(rol, set())
    return [gegevens[k] for k in ("geheim", "binnen") if k not in zichtbaar]


@pytest.mark.parametrize("rol", Rol.values)
@pytest.mark.parametrize(
    ("methode", "pad", "op"), OPERATIES, ids=[f"{m} {p}" for m, p, _ in OPERATIES]
)
def test_api_fuzz(users, gegevens, rol, methode, pad, op):
    client = APIClient()
    client.force_authenticate(users[rol])
    verboden = _verboden(rol, gegevens)

    @settings(
        max_examples=VOORBEELDEN,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(_verzoek(methode, pad, op, gegevens["context"]))
    def eigenschap(verzoek):
        pad_waarden, query, (body, soort) = verzoek
        cache.clear()  # throttles count per test, not across the whole run
        url = re.sub(r"\{(\w+)\}", lambda m: pad_waarden[m.group(1)], pad)
        kwargs = {"QUERY_STRING": "&".join(f"{k}={_quote(v)}" for k, v in query.items())}
        if body is not None:
            kwargs.update(data=body, content_type=soort)
        antwoord = client.generic(methode.upper(), url, **kwargs)
        beschrijving = f"{rol} {methode.upper()} {url}?{kwargs['QUERY_STRING']} {body!r:.300}"
        assert antwoord.status_code < 500, beschrijving
        if 400 <= antwoord.status_code < 500:
            assert antwoord["Content-Type"].startswith("application/problem+json"), (
                f"{antwoord.status_code} {antwoord['Content-Type']}: {beschrijving}"
            )
        tekst = antwoord.content.decode("utf-8", "replace")
        verzonden = f"{url} {kwargs['QUERY_STRING']} {body!r}"
        for persoon in verboden:
            for geheim in (persoon.achternaam, persoon.voornamen, persoon.bsn):
                if geheim in verzonden:
                    continue  # an echo of what the caller sent is no leak
                assert geheim not in tekst, f"{geheim} in het antwoord op {beschrijving}"

    eigenschap()


def _quote(waarde: str) -> str:
    from urllib.parse import quote

    return quote(waarde, safe="")


@pytest.mark.parametrize(
    "url", ["/api/v1/personen/abc/", "/api/v1/personen/-1/", "/api/v1/bestaat-niet/"]
)
def test_onbekend_pad_onder_de_api_is_problem_json(users, url):
    client = APIClient()
    client.force_authenticate(users[Rol.WMO_CONSULENT])
    antwoord = client.get(url)
    assert antwoord.status_code == 404
    assert antwoord["Content-Type"].startswith("application/problem+json")
    assert antwoord.json()["title"] == "Niet gevonden"
