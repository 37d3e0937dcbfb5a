"""Cross-message rules (level 3/4, keten.py): TR361, TR365, TR381 outside the 315, IV077;
and the 8-week term after 'in onderzoek' (TR360/TR365) on the gemeente's late list.
TR373 and OP380 are tested with the 317 grant (test_vow_toekennen.py)."""

import datetime

import pytest

from openwmo.berichten import codelijsten, schema, selectors, services
from openwmo.berichten.keten import Staat, beoordeel
from openwmo.berichten.models import Bericht, Verzoek
from openwmo.berichten.models import Uitvoeringsvariant as V
from openwmo.berichten.verwerking import Invoer, verwerk
from openwmo.testing import factories as f

from . import keten

pytestmark = pytest.mark.django_db


@pytest.fixture
def mariska():
    """With an address: a 301 needs a postcode and house number or a phone (TR006)."""
    return f.PersoonFactory(voornamen="Mariska", achternaam="Visser")


def header(nr, afzender, ontvanger, ident):
    return schema.header(
        nr, afzender=afzender, ontvanger=ontvanger, identificatie=ident, dagtekening=keten.vandaag()
    )


def client_kort(persoon) -> dict:
    return {
        "Bsn": persoon.bsn,
        "Geboortedatum": {"Datum": persoon.geboortedatum},
        "Geslacht": "2",
        "Naam": {"Geslachtsnaam": {"Achternaam": persoon.achternaam}},
    }


def bericht_315(agb, persoon, ref, *, ident="VOT1", categorie="02"):
    ap = {
        "ReferentieAanbieder": ref,
        "Product": {"Categorie": categorie},
        "ToewijzingIngangsdatum": keten.dagen(7),
        "Verwijzer": {"Type": "01", "Naam": "Gemeente"},
    }
    client = {**client_kort(persoon), "AangevraagdeProducten": {"AangevraagdProduct": [ap]}}
    return schema.schrijf(
        "315", {"Header": header("315", agb, keten.GEMEENTECODE, ident), "Client": client}
    )


def bericht_319(agb, ref, antwoord, ident):
    data = {"ReferentieAanbieder": ref, "VerzoekAntwoord": antwoord}
    if antwoord == "1":
        data["RedenAfwijzingVerzoek"] = "4"
    return schema.schrijf(
        "319", {"Header": header("319", keten.GEMEENTECODE, agb, ident), "Antwoord": data}
    )


def bericht_317(agb, persoon, ongewijzigd, nieuw, ident="VOW1"):
    verzoek = {
        "ReferentieAanbieder": "VOW-1",
        "RedenVerzoek": "1",
        "OngewijzigdeProducten": {
            "OngewijzigdProduct": [{"ToewijzingNummer": t.nummer} for t in ongewijzigd]
        },
        "NieuweProducten": {"NieuwProduct": nieuw},
    }
    return schema.schrijf(
        "317",
        {
            "Header": header("317", agb, keten.GEMEENTECODE, ident),
            "Client": {"Bsn": persoon.bsn, "Verzoek": verzoek},
        },
    )


def codes_in_set(*raws) -> list[list[str]]:
    """A set of files judged together (open world, as ``openwmo iwmo validate``)."""
    staat, codes = Staat(), codelijsten.huidige()
    uit = []
    for raw in raws:
        u = beoordeel(schema.lees(raw), staat, codes)
        uit.append(sorted({f.code for f in u.fouten}))
    return uit


# --- TR365 ---------------------------------------------------------------------------


def test_tr365_na_een_afwijzing_geen_tweede_antwoord(mariska):
    agb = "12345678"
    assert codes_in_set(
        bericht_315(agb, mariska, "REF-1"),
        bericht_319(agb, "REF-1", "1", "A1"),
        bericht_319(agb, "REF-1", "2", "A2"),
    ) == [[], [], ["9365"]]


def test_tr365_na_in_onderzoek_mag_een_afwijzing(mariska):
    agb = "12345678"
    assert codes_in_set(
        bericht_315(agb, mariska, "REF-1"),
        bericht_319(agb, "REF-1", "2", "A1"),
        bericht_319(agb, "REF-1", "1", "A2"),
    ) == [[], [], []]


def test_acht_weken_na_het_verzoek_in_onderzoek_staat_het_verzoek_op_de_late_lijst(
    consulent, aanbieder, mariska
):
    org, _ = aanbieder
    r = verwerk([Invoer(bericht_315(org.agb_code, mariska, "REF-8"), org)])[0]
    assert r.retourcodes == ["0200"], r.fouten
    v = Verzoek.objects.get()
    services.beantwoord_verzoek(consulent, v.pk, besluit="onderzoek")

    def late():
        return [i for i in selectors.te_laat(consulent) if i["object"] == v]

    assert late() == []
    # 8 weeks after the request's Dagtekening (OP274/OP346), not after the 319
    Bericht.objects.filter(pk=v.bericht_id).update(
        dagtekening=keten.vandaag() - datetime.timedelta(weeks=8, days=1)
    )
    [item] = late()
    assert "TR365" in item["soort"]
    services.beantwoord_verzoek(consulent, v.pk, besluit="afwijzen", reden_afwijzing="4")
    assert late() == []


# --- TR361 ---------------------------------------------------------------------------


def test_tr361_nieuw_product_overlapt_een_bestaande_toewijzing(consulent, aanbieder, mariska):
    org, _ = aanbieder
    t = keten.toewijzing(consulent, org, mariska, categorie="07")
    t.einddatum = keten.dagen(30)
    t.save()
    overlapt = {"Product": {"Categorie": "07"}, "GewensteIngangsdatum": keten.dagen(20)}
    r = verwerk([Invoer(bericht_317(org.agb_code, mariska, [t], [overlapt]), org)])[0]
    assert "9361" in r.retourcodes
    daarna = {"Product": {"Categorie": "07"}, "GewensteIngangsdatum": keten.dagen(31)}
    r = verwerk([Invoer(bericht_317(org.agb_code, mariska, [t], [daarna], "VOW2"), org)])[0]
    assert r.retourcodes == ["0200"], r.fouten


# --- TR381 ---------------------------------------------------------------------------


def test_tr381_productcode_hoort_bij_de_categorie_ook_buiten_de_315(consulent, aanbieder, mariska):
    org, _ = aanbieder
    t = keten.toewijzing(consulent, org, mariska, categorie="02")
    fout = keten.bericht_305(
        org.agb_code, mariska.bsn, nummer=t.nummer, categorie="02", code="07DB1"
    )
    r = verwerk([Invoer(fout, org)])[0]
    assert "S329" in r.retourcodes
    goed = keten.bericht_305(
        org.agb_code, mariska.bsn, nummer=t.nummer, categorie="02", code="02TO1", ident="T2"
    )
    assert verwerk([Invoer(goed, org)])[0].retourcodes == ["0200"]
    nieuw = {
        "Product": {"Categorie": "07", "Code": "01HH1"},
        "GewensteIngangsdatum": keten.dagen(9),
        "Einddatum": keten.dagen(90),
        "Omvang": {"Volume": 2, "Eenheid": "04", "Frequentie": "2"},
    }
    r = verwerk([Invoer(bericht_317(org.agb_code, mariska, [t], [nieuw]), org)])[0]
    assert "S329" in r.retourcodes, r.fouten


# --- IV077 ---------------------------------------------------------------------------


def _maand(voorwaarde) -> tuple[datetime.date, datetime.date]:
    """The latest whole month before this one that meets ``voorwaarde(begin, eind)``."""
    eind = keten.vandaag().replace(day=1) - datetime.timedelta(days=1)
    for _ in range(36):
        begin = eind.replace(day=1)
        if voorwaarde(begin, eind):
            return begin, eind
        eind = begin - datetime.timedelta(days=1)
    raise AssertionError("geen geschikte maand")


def _weken(begin, eind) -> int:
    return len(
        {
            (begin + datetime.timedelta(days=i)).isocalendar()[:2]
            for i in range((eind - begin).days + 1)
        }
    )


def _zondagen(begin, eind) -> int:
    return sum(
        (begin + datetime.timedelta(days=i)).weekday() == 6 for i in range((eind - begin).days + 1)
    )


def declaratie(org, t, periode, volume, tarief, ident):
    begin, eind = periode
    prestatie = {
        "ProductReferentie": {"ReferentieNummer": f"R{ident}"},
        "ToewijzingNummer": t.nummer,
        "ProductCategorie": t.productcategorie,
        "ProductCode": t.productcode,
        "ProductPeriode": {"Begindatum": begin, "Einddatum": eind},
        "GeleverdVolume": volume,
        "Eenheid": "04",
        "ProductTarief": tarief,
        "IngediendBedrag": {"Bedrag": volume * tarief, "DebetCredit": "D"},
    }
    return schema.schrijf(
        "323",
        {
            "Header": header("323", org.agb_code, keten.GEMEENTECODE, ident),
            "Declaratie": {
                "DeclaratieNummer": ident,
                "DeclaratiePeriode": {"Begindatum": begin, "Einddatum": eind},
                "DeclaratieDagtekening": keten.vandaag(),
                "TotaalIngediendBedrag": {"TotaalBedrag": volume * tarief, "DebetCredit": "D"},
                "Clienten": {"Client": [{"Bsn": t.bsn, "Prestaties": {"Prestatie": [prestatie]}}]},
            },
        },
    )


def _weektoewijzing(consulent, org, persoon, cat, code, begin):
    return services.maak_toewijzing(
        consulent,
        persoon=persoon,
        aanbieder=org,
        product_categorie=cat,
        product_code=code,
        ingangsdatum=begin,
        einddatum=keten.vandaag() + datetime.timedelta(days=60),
        volume=2,
        eenheid="04",
        frequentie="2",
    )


def test_iv077_huishoudelijke_hulp_inspanningsgericht_zes_keer_het_weekvolume(consulent, mariska):
    org, _ = keten.aanbieder_met_gebruiker(c01=V.INSPANNINGSGERICHT)
    maand = _maand(lambda b, e: _weken(b, e) == 5)
    t = _weektoewijzing(consulent, org, mariska, "01", "01HH1", maand[0])
    r = verwerk([Invoer(declaratie(org, t, maand, 13, 1000, "D1"), org)])[0]
    assert "9321" in r.retourcodes
    r = verwerk([Invoer(declaratie(org, t, maand, 12, 1000, "D2"), org)])[0]
    assert r.retourcodes == ["8001"], r.fouten


def test_iv077_outputgericht_telt_de_zondagen(consulent, aanbieder, mariska):
    org, _ = aanbieder  # 01 outputgericht, tarief 3000
    maand = _maand(lambda b, e: _zondagen(b, e) < _weken(b, e))
    t = _weektoewijzing(consulent, org, mariska, "01", "01HH1", maand[0])
    zondagen = _zondagen(*maand)
    r = verwerk([Invoer(declaratie(org, t, maand, 2 * zondagen + 1, 3000, "D1"), org)])[0]
    assert "9321" in r.retourcodes
    r = verwerk([Invoer(declaratie(org, t, maand, 2 * zondagen, 3000, "D2"), org)])[0]
    assert r.retourcodes == ["8001"], r.fouten


def test_tr381_in_de_declaratie(consulent, mariska):
    """A declaratie under a toewijzing without code names the code delivered (IV075); that
    code must belong to the category."""
    org, _ = keten.aanbieder_met_gebruiker(c02=V.INSPANNINGSGERICHT)
    maand = _maand(lambda b, e: True)
    t = services.maak_toewijzing(
        consulent, persoon=mariska, aanbieder=org, product_categorie="02", ingangsdatum=maand[0]
    )
    t.productcode = "07DB1"  # the code the provider claims, not of category 02
    r = verwerk([Invoer(declaratie(org, t, maand, 3, 1000, "D1"), org)])[0]
    assert "S329" in r.retourcodes
    t.productcode = "02TO1"
    r = verwerk([Invoer(declaratie(org, t, maand, 3, 1000, "D2"), org)])[0]
    assert r.retourcodes == ["8001"], r.fouten


def test_iv077_totaal_over_de_toewijzing(consulent, mariska):
    """A week split over two months counts in both months but once in the total."""
    org, _ = keten.aanbieder_met_gebruiker(c02=V.INSPANNINGSGERICHT)
    m2 = _maand(lambda b, e: (b - datetime.timedelta(days=1)).weekday() != 6)
    m1_eind = m2[0] - datetime.timedelta(days=1)
    m1 = (m1_eind.replace(day=1), m1_eind)
    t = services.maak_toewijzing(
        consulent,
        persoon=mariska,
        aanbieder=org,
        product_categorie="02",
        product_code="02TO1",
        ingangsdatum=m1[0],
        einddatum=m2[1],
        volume=2,
        eenheid="04",
        frequentie="2",
    )
    r = verwerk([Invoer(declaratie(org, t, m1, 2 * _weken(*m1), 1000, "D1"), org)])[0]
    assert r.retourcodes == ["8001"], r.fouten
    r = verwerk([Invoer(declaratie(org, t, m2, 2 * _weken(*m2), 1000, "D2"), org)])[0]
    assert "9322" in r.retourcodes
    r = verwerk([Invoer(declaratie(org, t, m2, 2 * _weken(*m2) - 2, 1000, "D3"), org)])[0]
    assert r.retourcodes == ["8001"], r.fouten
