"""Differential test: our level-2 rules (``regels.py``) against the official iStandaarden
validation XSLT for iWmo 3.2 (version 2.10.5, copied in ``referentie/xslt/``).

From every official example (``referentie/voorbeelden/``) the generator in ``mutanten.py``
makes mutants with a fixed seed; only mutants that the official XSD accepts are kept.
On each, the XSLT and our validator must find the same SET of rule codes, and every
finding must point at the same class (berichtklasse): ours must be one of the classes the
XSLT names for that code, and every XSLT finding must name a class where we report it.

Checks we make that the XSLT cannot, and that are therefore left out of the comparison
(keep this list short; it is repeated in ``referentie/xslt/README.md``):

- ``codelijst``: every coded value must be valid in its code list on the dagtekening
  (the XSLT does not know the code lists or their validity dates).
- System-date rules such as TR135 (dagtekening not in the future) and everything on
  levels 3 and 4: not part of ``regels.controleer`` at all, so nothing to leave out here.

There is no 325 in this test: no official 325 XSD (and so no XSD-valid mutant) exists in
the reference set, and we never receive a 325.
"""

import collections
import re
import time
from pathlib import Path

import pytest
from lxml import etree

from openwmo.berichten import codelijsten, regels, schema

from .mutanten import mutanten

REFERENTIE = Path(__file__).resolve().parent / "referentie"
RAPPORT = "{http://www.istandaarden.nl/validatie/1_1/rapport/schema}"
UITZONDERINGEN = {regels.CODELIJST}
SEED = 20261208
PER_VOORBEELD = 140  # 8 examples, the 301 (most rules) twice: 1,260 mutants
MINIMUM = 1000
BERICHTEN = {"301", "305", "307", "315", "317", "319", "323"}


@pytest.fixture(scope="module")
def xslt():
    return etree.XSLT(etree.parse(str(REFERENTIE / "xslt" / "iwmo-3.2-regels.xsl")))


@pytest.fixture(scope="module")
def xsd():
    return {
        nr: etree.XMLSchema(etree.parse(str(REFERENTIE / "xsd" / f"WMO{nr}.xsd")))
        for nr in BERICHTEN
    }


def _klassen(nr: str) -> set[str]:
    return {*schema.HEEN[nr][4], "Header"}


def _klasse(locatie: str, klassen: set[str]) -> str:
    """'/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Omvang/Eenheid' ->
    'Client/ToegewezenProducten/ToegewezenProduct[2]': the deepest class on the path."""
    delen = locatie.strip("/").split("/")[1:]  # without Bericht
    diepst = 0
    for i, deel in enumerate(delen):
        if deel.split("[")[0] in klassen:
            diepst = i + 1
    return _zonder_eerste("/".join(delen[:diepst]))


def _zonder_eerste(pad: str) -> str:
    """The XSLT writes [1] only when there are more siblings of the name, we always do for
    a repeating element: compare without [1]."""
    return pad.replace("[1]", "")


def _xslt_bevindingen(xslt, doc, klassen) -> dict[str, list[set[str]]]:
    """Per rule code: for each XSLT finding the set of classes it names."""
    per_code: dict[str, list[set[str]]] = collections.defaultdict(list)
    for fout in xslt(doc).getroot().iter(f"{RAPPORT}Fout"):
        plekken = {_klasse(loc.text, klassen) for loc in fout.iter(f"{RAPPORT}Locatie")}
        per_code[fout.findtext(f"{RAPPORT}Code")].append(plekken)
    return per_code


def _onze_bevindingen(fouten) -> dict[str, set[str]]:
    per_code: dict[str, set[str]] = collections.defaultdict(set)
    for f in fouten:
        if f.regel not in UITZONDERINGEN:
            per_code[f.regel].add(_zonder_eerste(f.pad))
    return per_code


def _verschillen(xslt_per_code, onze_per_code) -> list[str]:
    uit = []
    for code in sorted(set(xslt_per_code) | set(onze_per_code)):
        if code not in onze_per_code:
            uit.append(f"we missen {code}")
            continue
        if code not in xslt_per_code:
            uit.append(f"wij melden {code} ten onrechte ({sorted(onze_per_code[code])})")
            continue
        genoemd = set().union(*xslt_per_code[code])
        for pad in sorted(onze_per_code[code] - genoemd):
            uit.append(f"{code} op {pad}, de XSLT noemt {sorted(genoemd)}")
        for plekken in xslt_per_code[code]:
            if not plekken & onze_per_code[code]:
                uit.append(f"{code} op {sorted(plekken)} melden wij niet")
    return uit


def test_niveau_2_volgt_de_officiele_xslt(xslt, xsd):
    start = time.perf_counter()
    codes = codelijsten.Codes(codelijsten.lees_csv())
    voorbeelden = {p.name: p.read_bytes() for p in (REFERENTIE / "voorbeelden").glob("*.xml")}

    def xsd_geldig(raw: bytes) -> bool:
        root = etree.fromstring(raw)
        return xsd[schema.PER_TAG[root.tag].nr].validate(root)

    aantal: collections.Counter = collections.Counter()
    gevonden: collections.Counter = collections.Counter()
    problemen = []
    voorbeelden["WMO301-b.xml"] = voorbeelden["WMO301.xml"]
    for naam, raw, beschrijving in mutanten(voorbeelden, PER_VOORBEELD, SEED, xsd_geldig):
        g = schema.lees(raw)
        aantal[g.nr] += 1
        if g.fouten:  # XSD-valid, so our level 1 must accept it too
            problemen.append(f"{naam} [{beschrijving}]: niveau 1 weigert: {g.fouten[:2]}")
            continue
        xslt_per_code = _xslt_bevindingen(xslt, etree.fromstring(raw), _klassen(g.nr))
        gevonden.update(xslt_per_code.keys())
        verschil = _verschillen(xslt_per_code, _onze_bevindingen(regels.controleer(g, codes)))
        if verschil:
            problemen.append(f"{naam} [{beschrijving}]: {'; '.join(verschil)}")
    duur = time.perf_counter() - start

    assert set(aantal) == BERICHTEN, aantal
    assert sum(aantal.values()) >= MINIMUM, aantal
    assert not problemen, f"{len(problemen)} verschillen, bijvoorbeeld:\n" + "\n".join(
        problemen[:15]
    )
    # the mutants reach the rules: most of the XSLT's codes for these messages were found
    assert len(gevonden) >= 50, sorted(gevonden)
    print(f"{sum(aantal.values())} mutanten in {duur:.1f} s; XSLT-regels geraakt: {gevonden}")


def test_vergelijking_ziet_een_verschil():
    """The comparison itself: a finding we miss, one we add, one at another class."""
    klassen = _klassen("301")
    xslt_per_code = {"CS003": [{"Client/ToegewezenProducten/ToegewezenProduct[2]", "Header"}]}
    assert _verschillen(xslt_per_code, {}) == ["we missen CS003"]
    assert _verschillen(xslt_per_code, {"CS003": {"Header"}}) == []
    assert _verschillen({}, {"TR101": {"Client"}})[0].startswith("wij melden TR101")
    assert _verschillen(xslt_per_code, {"CS003": {"Client"}}) == [
        "CS003 op Client, de XSLT noemt ['Client/ToegewezenProducten/ToegewezenProduct[2]', "
        "'Header']",
        "CS003 op ['Client/ToegewezenProducten/ToegewezenProduct[2]', 'Header'] melden wij niet",
    ]
    locatie = "/Bericht/Client/Relaties/Relatie[2]/Contact/Adres/Postcode"
    assert _klasse(locatie, klassen) == "Client/Relaties/Relatie[2]/Contact"


def _vervang(naam: str, *paren: tuple[bytes, bytes]) -> bytes:
    """An official example with the first match of each pattern (regex) replaced."""
    raw = (REFERENTIE / "voorbeelden" / naam).read_bytes()
    for patroon, nieuw in paren:
        raw, n = re.subn(patroon, nieuw, raw, count=1, flags=re.S)
        assert n == 1, patroon
    return raw


GEMELD = [
    # CS339 only holds for Eenheid 83: another tarief is not a level-2 matter
    (
        "WMO323.xml",
        [(b"<wmo323:ProductTarief>1250<", b"<wmo323:ProductTarief>1300<")],
        set(),
    ),
    # TR134 is not about DeclaratieDagtekening
    (
        "WMO323.xml",
        [(b"DeclaratieDagtekening>2023-05-06<", b"DeclaratieDagtekening>2023-05-20<")],
        set(),
    ),
    # TR134 in a 307 is about the Einddatum
    ("WMO307.xml", [(b"Einddatum>2025-07-18<", b"Einddatum>2025-07-22<")], {"TR134"}),
    # an address (of a relation, with a telephone) without postcode: CD005, CD034
    ("WMO301.xml", [(b"<iwmo:Postcode>9999XX</iwmo:Postcode>", b"")], {"CD005", "CD034"}),
    # the client's address without Huis, and no telephone: TR006
    ("WMO301.xml", [(rb"<iwmo:Huis>\s*<iwmo:Huisnummer>100<.*?</iwmo:Huis>", b"")], {"TR006"}),
    # Communicatievorm tolk without a language: CD007
    ("WMO301.xml", [(b"<iwmo:Taal>Deens</iwmo:Taal>", b"")], {"CD007"}),
    # two relations with the same Nummer: TR101
    ("WMO301.xml", [(b"<wmo301:Nummer>2<", b"<wmo301:Nummer>1<")], {"TR101"}),
]


@pytest.mark.parametrize(("naam", "paren", "verwacht"), GEMELD)
def test_gemelde_verschillen(xslt, xsd, naam, paren, verwacht):
    """The cases from the issue, each on one edit of an official example."""
    raw = _vervang(naam, *paren)
    root = etree.fromstring(raw)
    g = schema.lees(raw)
    assert xsd[g.nr].validate(root) and g.fouten == []
    assert set(_xslt_bevindingen(xslt, root, _klassen(g.nr))) == verwacht
    codes = codelijsten.Codes(codelijsten.lees_csv())
    assert set(_onze_bevindingen(regels.controleer(g, codes))) == verwacht
