"""The codec: our own structure description against the official XSDs (read only in tests,
from ``referentie/`` in this repository)."""

import datetime
from pathlib import Path

import pytest
from lxml import etree

from openwmo.berichten import schema, services
from openwmo.berichten.models import Bericht

from . import keten

REFERENTIE = Path(__file__).resolve().parent / "referentie"  # official files, see README
VOORBEELDEN = sorted((REFERENTIE / "voorbeelden").glob("*.xml"))
RETOURVOORBEELDEN = sorted((REFERENTIE / "retourvoorbeelden").glob("*.xml"))
pytestmark = pytest.mark.django_db


def xsd(nr):
    return etree.XMLSchema(etree.parse(str(REFERENTIE / "xsd" / f"WMO{nr}.xsd")))


def xsd_geldig(raw: bytes, nr: str) -> bool:
    return xsd(nr).validate(etree.fromstring(raw))


@pytest.mark.parametrize("pad", VOORBEELDEN, ids=lambda p: p.name)
def test_voorbeelden_structuur_en_terugschrijven(pad):
    g = schema.lees(pad.read_bytes())
    assert g.fouten == []
    opnieuw = schema.schrijf(g.nr, g.data)
    assert xsd_geldig(opnieuw, g.nr)
    assert schema.lees(opnieuw).data == g.data


@pytest.mark.parametrize("pad", VOORBEELDEN, ids=lambda p: p.name)
def test_tekstschrijver_geeft_dezelfde_bytes_als_lxml(pad):
    g = schema.lees(pad.read_bytes())
    assert schema.schrijf(g.nr, g.data) == schema.schrijf_lxml(g.nr, g.data)
    if g.nr in schema.RETOUR:
        nr = schema.RETOUR[g.nr][0]
        retour = {"IdentificatieRetour": "R1", "DagtekeningRetour": datetime.date(2026, 1, 5)}
        data = {
            **g.data,
            "Header": {**g.header, **retour, "XsdVersieRetour": g.header["XsdVersie"]},
        }
        codes = {"Header": ["0001"], "Client": ["9019", "0200"]}
        assert schema.schrijf(nr, data, codes) == schema.schrijf_lxml(nr, data, codes)


def test_tekstschrijver_escapet_en_weigert_zoals_lxml():
    g = schema.lees((REFERENTIE / "voorbeelden" / "WMO305.xml").read_bytes())
    naam = g.data["Client"]["Naam"]["Geslachtsnaam"]
    naam["Achternaam"] = "Jansen & <Zn> \"'\r\n\té"
    assert schema.schrijf(g.nr, g.data) == schema.schrijf_lxml(g.nr, g.data)
    assert (
        schema.lees(schema.schrijf(g.nr, g.data)).data
        == schema.lees(schema.schrijf_lxml(g.nr, g.data)).data
    )
    for fout in ("a\x01b", "\ufffe"):
        naam["Achternaam"] = fout
        with pytest.raises(ValueError):
            schema.schrijf_lxml(g.nr, g.data)
        with pytest.raises(ValueError):
            schema.schrijf(g.nr, g.data)
    del g.data["Client"]["Naam"]
    with pytest.raises(ValueError, match="verplicht"):
        schema.schrijf(g.nr, g.data)


def _toewijzing(consulent, aanbieder, persoon, **kw):
    org, _ = aanbieder
    return services.maak_toewijzing(
        consulent,
        persoon=persoon,
        aanbieder=org,
        product_categorie=kw.pop("cat", "02"),
        ingangsdatum=kw.pop("ingang", keten.dagen(-30)),
        **kw,
    )


def test_gegenereerde_301_is_xsd_geldig(consulent, aanbieder, mariska):
    _toewijzing(consulent, aanbieder, mariska, einddatum=keten.dagen(300))
    b = Bericht.objects.get(berichttype="WMO301")
    assert xsd_geldig(bytes(b.inhoud), "301")


def test_gegenereerde_301_met_adres_en_omvang_is_xsd_geldig(consulent, aanbieder, inwoner):
    inwoner.telefoon = "06-12345678"
    inwoner.email = "jelle@example.org"
    inwoner.save()
    _toewijzing(
        consulent,
        aanbieder,
        inwoner,
        product_code="02TO2",
        volume=3,
        eenheid="04",
        frequentie="2",
        einddatum=keten.dagen(200),
    )
    assert xsd_geldig(bytes(Bericht.objects.get(berichttype="WMO301").inhoud), "301")


def test_gegenereerde_305_307_315_319_zijn_xsd_geldig(consulent, aanbieder, mariska):
    org, user = aanbieder
    t = _toewijzing(consulent, aanbieder, mariska)
    start = services.meld_start(user, t.pk, begindatum=keten.dagen(-20))
    services.meld_stop(
        user, start.bericht.leveringen.get().pk, einddatum=keten.dagen(-2), reden="19"
    )
    v = services.vraag_toewijzing_aan(
        user,
        bsn=mariska.bsn,
        achternaam=mariska.achternaam,
        voorletters="M",
        geboortedatum=mariska.geboortedatum,
        geslacht="2",
        product_categorie="07",
        ingangsdatum=keten.dagen(5),
        einddatum=keten.dagen(100),
        volume=2,
        eenheid="16",
        frequentie="2",
        product_code="07DB1",
    ).bericht.verzoeken.get()
    services.beantwoord_verzoek(consulent, v.pk, besluit="afwijzen", reden_afwijzing="4")
    for b in Bericht.objects.all():
        nr = b.berichttype[3:]
        assert xsd_geldig(bytes(b.inhoud), nr), b.berichttype
    assert {b.berichttype for b in Bericht.objects.all()} >= {
        "WMO301",
        "WMO305",
        "WMO307",
        "WMO315",
        "WMO319",
    }


def test_gegenereerde_317_en_323_zijn_xsd_geldig():
    """The product writes these for providers (API clients, benchmark): also XSD-valid."""
    header = dict(
        afzender="12345678",
        ontvanger="1999",
        identificatie="X1",
        dagtekening=datetime.date(2026, 5, 6),
    )
    v317 = schema.schrijf(
        "317",
        {
            "Header": schema.header("317", **header),
            "Client": {
                "Bsn": "999900006",
                "Verzoek": {
                    "ReferentieAanbieder": "R1",
                    "RedenVerzoek": "1",
                    "OngewijzigdeProducten": {"OngewijzigdProduct": [{"ToewijzingNummer": 5}]},
                    "NieuweProducten": {
                        "NieuwProduct": [
                            {
                                "Product": {"Categorie": "07"},
                                "GewensteIngangsdatum": datetime.date(2026, 6, 1),
                            }
                        ]
                    },
                },
            },
        },
    )
    assert xsd_geldig(v317, "317")
    prestatie = {
        "ProductReferentie": {"ReferentieNummer": "R1"},
        "ToewijzingNummer": 5,
        "ProductCategorie": "01",
        "ProductCode": "01HH1",
        "ProductPeriode": {
            "Begindatum": datetime.date(2026, 4, 1),
            "Einddatum": datetime.date(2026, 4, 30),
        },
        "GeleverdVolume": 4,
        "Eenheid": "04",
        "ProductTarief": 1250,
        "IngediendBedrag": {"Bedrag": 5000, "DebetCredit": "D"},
    }
    v323 = schema.schrijf(
        "323",
        {
            "Header": schema.header("323", **header),
            "Declaratie": {
                "DeclaratieNummer": "D1",
                "DeclaratiePeriode": {
                    "Begindatum": datetime.date(2026, 4, 1),
                    "Einddatum": datetime.date(2026, 4, 30),
                },
                "DeclaratieDagtekening": datetime.date(2026, 5, 6),
                "TotaalIngediendBedrag": {"TotaalBedrag": 5000, "DebetCredit": "D"},
                "Clienten": {
                    "Client": [{"Bsn": "999900006", "Prestaties": {"Prestatie": [prestatie]}}]
                },
            },
        },
    )
    assert xsd_geldig(v323, "323")


def test_retour_is_kopie_met_retourcodes():
    from openwmo.berichten.verwerking import maak_retour

    g = schema.lees((REFERENTIE / "voorbeelden" / "WMO305.xml").read_bytes())
    retour = maak_retour(
        g,
        {"Client/StartProducten/StartProduct[2]": ["9019"]},
        alleen_header=False,
        vandaag=datetime.date(2025, 4, 6),
    )
    r = schema.lees(retour)
    assert r.nr == "306" and r.fouten == []
    assert r.header["Afzender"] == "65656055"  # copied unchanged
    sp = r.data["Client"]["StartProducten"]["StartProduct"]
    assert sp[0]["RetourCodes"]["RetourCode"] == ["0200"]
    assert sp[1]["RetourCodes"]["RetourCode"] == ["9019"]


@pytest.mark.parametrize(
    "inhoud, melding",
    [
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "DTD"),
        (b'<!DOCTYPE x SYSTEM "http://example.org/x.dtd"><x/>', "DTD"),
        (b"<wmo305:Bericht xmlns:wmo305='urn:x'><wmo305:Header>", "Geen geldige XML"),
        (b"", "leeg"),
        (b"<a>" * 300 + b"</a>" * 300, "Geen geldige XML"),
        (b"<x/>" + b" " * (schema.MAX_BYTES + 1), "groter dan"),
        (b"<Bericht xmlns='http://example.org/wmo305'/>", "onbekend bericht"),
    ],
)
def test_vijandige_xml(inhoud, melding):
    g = schema.lees(inhoud)
    assert g.definitie is None and melding in g.fouten[0].melding
