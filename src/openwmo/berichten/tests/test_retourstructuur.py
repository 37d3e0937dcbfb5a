"""Every retour we write has the structure of the official retour examples.

The retour XSDs (302–320, 325) are not at hand. Their content model below is derived from
the official retour examples (``referentie/retourvoorbeelden``) and the per-message XSD
summary of the standard (the derivation is written down in ``referentie/README.md``). Only
the elements in the message's own namespace are modelled, plus the basis types of the
header; the other basis types are the heen types, checked by the official heen XSDs.

Each test here fails on a retour header with ``XsdVersie`` after ``XsltVersie`` and on the
325 as it was written before (six structural differences)."""

import datetime
import re

import pytest
from lxml import etree

from openwmo.berichten import schema
from openwmo.berichten.verwerking import Invoer, verwerk

from .test_codec import REFERENTIE, RETOURVOORBEELDEN
from .test_xslt_differentieel import RAPPORT

pytestmark = pytest.mark.django_db

HEEN_HEADER = (
    "BerichtCode BerichtVersie BerichtSubversie Afzender Ontvanger BerichtIdentificatie XsdVersie"
)
RETOUR_HEADER = (
    f"{HEEN_HEADER} IdentificatieRetour DagtekeningRetour XsltVersie? XsdVersieRetour RetourCodes?"
)
GEMEEN = {
    "Header": RETOUR_HEADER,
    "BerichtIdentificatie": "Identificatie Dagtekening",
    "XsdVersie": "BasisschemaXsdVersie BerichtXsdVersie",
    "XsdVersieRetour": "BasisschemaXsdVersie BerichtXsdVersie",
    "RetourCodes": "RetourCode+",
}
KORT = "Bsn Geboortedatum Geslacht Naam"
# per retour message: element (local name) -> its children, in order; ? 0..1, + 1..n, * 0..n
MODEL = {
    "302": {
        **GEMEEN,
        "Bericht": "Header Client?",
        "Client": f"{KORT} Communicatie? JuridischeStatus? WettelijkeVertegenwoordiging? "
        "Commentaar? Relaties? Contactgegevens ToegewezenProducten RetourCodes",
        "Relaties": "Relatie+",
        "Relatie": "Nummer Volgorde? Soort Geboortedatum? Geslacht? Naam Contact RetourCodes",
        "Contactgegevens": "Contact+",
        "Contact": "Soort Adres? Organisatie? Telefoon? Emailadres? Periode? RetourCodes",
        "ToegewezenProducten": "ToegewezenProduct+",
        "ToegewezenProduct": "ToewijzingNummer ReferentieAanbieder? Product? Toewijzingsdatum "
        "Toewijzingstijd Ingangsdatum Einddatum? RedenWijziging? Omvang? Budget? Commentaar? "
        "RetourCodes",
    },
    "306": {
        **GEMEEN,
        "Bericht": "Header Client?",
        "Client": f"{KORT} StartProducten RetourCodes",
        "StartProducten": "StartProduct+",
        "StartProduct": "ToewijzingNummer? Product? ToewijzingIngangsdatum? Begindatum "
        "StatusAanlevering RetourCodes",
    },
    "308": {
        **GEMEEN,
        "Bericht": "Header Client?",
        "Client": f"{KORT} StopProducten RetourCodes",
        "StopProducten": "StopProduct+",
        "StopProduct": "ToewijzingNummer? Product? ToewijzingIngangsdatum? Begindatum "
        "RedenBeeindiging Einddatum StatusAanlevering RetourCodes",
    },
    "316": {
        **GEMEEN,
        "Bericht": "Header Client?",
        "Client": f"{KORT} Commentaar? AangevraagdeProducten RetourCodes",
        "AangevraagdeProducten": "AangevraagdProduct+",
        "AangevraagdProduct": "ReferentieAanbieder BeschikkingNummer? Product? "
        "BeschikkingIngangsdatum? ToewijzingIngangsdatum ToewijzingEinddatum? Omvang? Budget? "
        "Verwijzer Raamcontract? Commentaar? RetourCodes",
    },
    "318": {
        **GEMEEN,
        "Bericht": "Header Client?",
        "Client": "Bsn Verzoek RetourCodes",
        "Verzoek": "ReferentieAanbieder RedenVerzoek OngewijzigdeProducten? TeWijzigenProducten? "
        "NieuweProducten? RetourCodes",
        "OngewijzigdeProducten": "OngewijzigdProduct+",
        "OngewijzigdProduct": "ToewijzingNummer RetourCodes",
        "TeWijzigenProducten": "TeWijzigenProduct+",
        "TeWijzigenProduct": "ToewijzingNummer GewensteIngangsdatum Einddatum? Omvang? Budget? "
        "RetourCodes",
        "NieuweProducten": "NieuwProduct+",
        "NieuwProduct": "Product? GewensteIngangsdatum Einddatum? Omvang? Budget? RetourCodes",
    },
    "320": {
        **GEMEEN,
        "Bericht": "Header Antwoord?",
        "Antwoord": "ReferentieAanbieder VerzoekAntwoord RedenAfwijzingVerzoek? RetourCodes",
    },
    "325": {
        **GEMEEN,
        "Bericht": "Header DeclaratieAntwoord?",
        "Header": f"{HEEN_HEADER} DeclaratieIdentificatie XsltVersie? XsdVersieDeclaratie "
        "RetourCodes",
        "DeclaratieIdentificatie": "Identificatie Dagtekening",
        "XsdVersieDeclaratie": "BasisschemaXsdVersie BerichtXsdVersie",
        "DeclaratieAntwoord": "DeclaratieNummer TotaalIngediendBedrag TotaalToegekendBedrag "
        "Clienten? RetourCodes",
        "Clienten": "Client+",
        "Client": "Bsn Prestaties RetourCodes",
        "Prestaties": "Prestatie+",
        "Prestatie": "ProductReferentie ToewijzingNummer ProductCategorie ProductCode "
        "ProductPeriode GeleverdVolume Eenheid ProductTarief? IngediendBedrag RetourCodes",
    },
}
VAN = {"302": "301", "306": "305", "308": "307", "316": "315", "318": "317", "320": "319"}
VAN["325"] = "323"


def _regex(spec: str) -> re.Pattern:
    delen = []
    for token in spec.split():
        naam, teken = (token[:-1], token[-1]) if token[-1] in "?+*" else (token, "")
        delen.append(f"(?:{naam},){teken}")
    return re.compile("".join(delen))


def afwijkingen(doc, model: dict) -> list[str]:
    """Where the document differs from the content model: an element whose children are
    not in the model's order and cardinality (checked for every modelled element)."""
    fouten = []
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        naam = etree.QName(el).localname
        spec = model.get(naam)
        kinderen = [etree.QName(k).localname for k in el if isinstance(k.tag, str)]
        if spec is None:
            continue
        if not _regex(spec).fullmatch("".join(f"{k}," for k in kinderen)):
            fouten.append(f"{naam} (regel {el.sourceline}): {' '.join(kinderen)} ≠ {spec}")
    return fouten


def volgorde(doc) -> dict[str, list[str]]:
    """Per element name: the names of its children in the order of first appearance."""
    per: dict[str, list[str]] = {}
    for el in doc.iter():
        if isinstance(el.tag, str) and len(el):
            lijst = per.setdefault(etree.QName(el).localname, [])
            for k in el:
                naam = etree.QName(k).localname
                if naam not in lijst:
                    lijst.append(naam)
    return per


def nr_van(doc) -> str:
    return re.search(r"wmo(\d{3})/schema", doc.tag).group(1)


@pytest.mark.parametrize("pad", RETOURVOORBEELDEN, ids=lambda p: p.name)
def test_officiele_retourvoorbeelden_volgen_het_afgeleide_model(pad):
    doc = etree.fromstring(pad.read_bytes())
    assert afwijkingen(doc, MODEL[nr_van(doc)]) == []


@pytest.mark.parametrize("nr", sorted(MODEL))
def test_onze_beschrijving_van_de_retour_is_het_model(nr):
    """``schema.DEFINITIES`` (what we read and write) has exactly the modelled sequences."""
    model = MODEL[nr]
    ns = schema.namespace(nr)
    gezien = set()

    def spec(ctype) -> str:
        tokens = []
        for v in ctype.velden:
            teken = {(1, 1): "", (0, 1): "?", (1, 0): "+", (0, 0): "*"}[(v.minimum, v.maximum)]
            tokens.append(v.naam + teken)
        return " ".join(tokens)

    def loop(naam, ctype):
        if naam in model and (naam, id(ctype)) not in gezien:
            gezien.add((naam, id(ctype)))
            assert spec(ctype) == model[naam], naam
            for v in ctype.velden:
                if isinstance(v.type, schema.Complex) and (v.tag.startswith(f"{{{ns}}}")):
                    loop(v.naam, v.type)

    loop("Bericht", schema.DEFINITIES[nr].root)
    assert {naam for naam, _ in gezien} >= {n for n in model if n not in GEMEEN} | {"Header"}


def _officieel(nr: str):
    return etree.parse(str(REFERENTIE / "retourvoorbeelden" / f"WMO{nr}.xml")).getroot()


def _heen(nr: str) -> bytes:
    return (REFERENTIE / "voorbeelden" / f"WMO{nr}.xml").read_bytes()


def _retour(raw: bytes) -> bytes:
    r = verwerk([Invoer(raw)], opslaan=False, gesloten=False, vandaag=datetime.date(2026, 1, 5))[0]
    assert r.retour is not None, [f.als_dict() for f in r.fouten]
    return r.retour


def _vergelijk(retour: bytes, nr: str):
    doc = etree.fromstring(retour)
    assert nr_van(doc) == nr
    assert afwijkingen(doc, MODEL[nr]) == []
    # element by element: where our retour and the official example have the same children
    # under the same element, they come in the same order
    ons, officieel = volgorde(doc), volgorde(_officieel(nr))
    for naam in ons.keys() & officieel.keys():
        a = [k for k in ons[naam] if k in officieel[naam]]
        b = [k for k in officieel[naam] if k in ons[naam]]
        assert a == b, naam
    return doc


@pytest.mark.parametrize("nr", sorted(MODEL))
def test_retour_uit_de_keten_heeft_de_officiele_structuur(nr):
    """A retour from the pipeline for the official heenbericht: accepted (codes 0200)."""
    doc = _vergelijk(_retour(_heen(VAN[nr])), nr)
    assert doc.find(f"{{{schema.namespace(nr)}}}Header") is not None


@pytest.mark.parametrize("nr", ["302", "306", "308", "316", "318", "320"])
def test_retour_met_afkeur_in_de_keten_heeft_de_officiele_structuur(nr):
    """A heenbericht that fails a chain rule (an unknown gemeente, S300): header codes."""
    raw = _heen(VAN[nr])
    heen_header = etree.fromstring(raw).find(f"{{{schema.namespace(VAN[nr])}}}Header")
    gemeente = "Afzender" if schema.DEFINITIES[VAN[nr]].gemeente_afzender else "Ontvanger"
    oud = heen_header.find(f"{{{schema.namespace(VAN[nr])}}}{gemeente}").text
    doc = _vergelijk(_retour(raw.replace(f">{oud}<".encode(), b">9999<", 1)), nr)
    codes = doc.find(f"{{{schema.namespace(nr)}}}Header/{{{schema.namespace(nr)}}}RetourCodes")
    assert codes is not None and len(codes)


def test_325_met_afgewezen_prestatie_heeft_de_officiele_structuur():
    """A second 323 that claims the same prestaties again (TR314, 8021 per prestatie): the
    325 lists them, each Client with its own RetourCodes after Prestaties, and the
    DeclaratieAntwoord its codes last."""
    raw = _heen("323")
    tweede = raw.replace(b">765432198<", b">765432199<").replace(b">DN001<", b">DN002<")
    r = verwerk(
        [Invoer(raw), Invoer(tweede)],
        opslaan=False,
        gesloten=False,
        vandaag=datetime.date(2026, 1, 5),
    )
    assert "8021" in r[1].retourcodes, [f.als_dict() for f in r[1].fouten]
    doc = _vergelijk(r[1].retour, "325")
    ns = schema.namespace("325")
    assert doc.find(f".//{{{ns}}}Client/{{{ns}}}RetourCodes") is not None
    decl = doc.find(f"{{{ns}}}Header/{{{ns}}}DeclaratieIdentificatie")
    assert [etree.QName(k).localname for k in decl] == ["Identificatie", "Dagtekening"]
    assert [k.text for k in decl] == ["765432199", "2023-05-06"]
    # both 325s (all approved, and one with rejected prestaties) pass the official XSLT
    xslt = etree.XSLT(etree.parse(str(REFERENTIE / "xslt" / "iwmo-3.2-regels.xsl")))
    for antwoord in (r[0].retour, r[1].retour):
        rapport = xslt(etree.fromstring(antwoord)).getroot()
        assert not [etree.tostring(f) for f in rapport.iter(f"{RAPPORT}Fout")]


@pytest.mark.parametrize("heen", ["301", "305", "307", "315"])
def test_retours_van_de_demogemeente_hebben_de_officiele_structuur(heen):
    """The city preset writes its history with the same writer: its retours too."""
    from openwmo.demo.city_messages import Writer

    g = schema.lees(_heen(heen))
    agb = g.header["Ontvanger" if g.definitie.gemeente_afzender else "Afzender"]
    _, retour, _, _ = Writer().message(heen, g.data["Client"], agb=agb, dag=g.dagtekening)
    _vergelijk(retour, schema.RETOUR[heen][0])


def test_325_van_de_demogemeente_heeft_de_officiele_structuur():
    from openwmo.demo.city_messages import Writer

    dag = datetime.date(2026, 2, 3)
    _, retour, ident, _ = Writer().declaratie(
        bsn="999900006",
        agb="65656055",
        dag=dag,
        maand_begin=datetime.date(2026, 1, 1),
        maand_eind=datetime.date(2026, 1, 31),
        referentie="RN1",
        toewijzing=20072,
        categorie="01",
        code="01A03",
        begin=datetime.date(2026, 1, 1),
        eind=datetime.date(2026, 1, 31),
        volume=4,
        eenheid="04",
        tarief=1250,
    )
    doc = _vergelijk(retour, "325")
    ns = schema.namespace("325")
    decl = doc.find(f"{{{ns}}}Header/{{{ns}}}DeclaratieIdentificatie")
    assert [k.text for k in decl] == [ident, dag.isoformat()]
