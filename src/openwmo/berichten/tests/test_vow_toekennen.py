"""Granting a verzoek om wijziging (317): one 301 per grant with the VOW reference on every
product, RedenWijziging 12 on the changed ones, IV093 for an omvang the old toewijzing
cannot absorb, and OP380 (extend instead of a new toewijzing)."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from lxml import etree

from openwmo.berichten import schema, services
from openwmo.berichten.models import Bericht, Toewijzing, Verzoek
from openwmo.berichten.verwerking import Invoer, verwerk
from openwmo.testing import factories as f

from . import keten

pytestmark = pytest.mark.django_db

XSD = Path(__file__).resolve().parent / "referentie" / "xsd" / "WMO301.xsd"


@pytest.fixture
def mariska():
    """With an address: a 301 needs a postcode and house number or a phone (TR006)."""
    return f.PersoonFactory(voornamen="Mariska", achternaam="Visser")


def toewijzing(consulent, org, persoon, cat="02", ingang=-30, **kw):
    return services.maak_toewijzing(
        consulent,
        persoon=persoon,
        aanbieder=org,
        product_categorie=cat,
        ingangsdatum=keten.dagen(ingang),
        **kw,
    )


def vow(org, persoon, *, ref="VOW-1", ongewijzigd=(), te_wijzigen=(), nieuw=(), ident="VOW1"):
    verzoek = {"ReferentieAanbieder": ref, "RedenVerzoek": "1"}
    if ongewijzigd:
        verzoek["OngewijzigdeProducten"] = {
            "OngewijzigdProduct": [{"ToewijzingNummer": t.nummer} for t in ongewijzigd]
        }
    if te_wijzigen:
        verzoek["TeWijzigenProducten"] = {"TeWijzigenProduct": list(te_wijzigen)}
    if nieuw:
        verzoek["NieuweProducten"] = {"NieuwProduct": list(nieuw)}
    return schema.schrijf(
        "317",
        {
            "Header": schema.header(
                "317",
                afzender=org.agb_code,
                ontvanger=keten.GEMEENTECODE,
                identificatie=ident,
                dagtekening=keten.vandaag(),
            ),
            "Client": {"Bsn": persoon.bsn, "Verzoek": verzoek},
        },
    )


def ken_toe(consulent, org, raw, ref="VOW-1") -> dict:
    """Receive the 317, grant it; return the 301's products by number (exactly one 301)."""
    r = verwerk([Invoer(raw, org)])[0]
    assert r.retourcodes == ["0200"], r.fouten
    voor = Bericht.objects.filter(berichttype="WMO301").count()
    v = Verzoek.objects.get(referentie=ref)
    services.beantwoord_verzoek(consulent, v.pk, besluit="toewijzen")
    v.refresh_from_db()
    assert v.status == Verzoek.Status.TOEGEWEZEN
    assert Bericht.objects.filter(berichttype="WMO301").count() == voor + 1
    b = Bericht.objects.filter(berichttype="WMO301").order_by("-id").first()
    raw301 = bytes(b.inhoud)
    assert etree.XMLSchema(etree.parse(str(XSD))).validate(etree.fromstring(raw301))
    tps = schema.lees(raw301).data["Client"]["ToegewezenProducten"]["ToegewezenProduct"]
    return {tp["ToewijzingNummer"]: tp for tp in tps}


def omvang_wijzigen(consulent, org, persoon, *, volume, frequentie, wens):
    """A toewijzing of 02TO2 (hours, ending in 100 days) and a granted VOW that changes its
    omvang; ``wens(t)`` gives (GewensteIngangsdatum, Einddatum, new volume)."""
    t = toewijzing(
        consulent,
        org,
        persoon,
        product_code="02TO2",
        volume=volume,
        eenheid="04",
        frequentie=frequentie,
        einddatum=keten.dagen(100),
    )
    ingang, einde, nieuw_volume = wens(t)
    raw = vow(
        org,
        persoon,
        te_wijzigen=[
            {
                "ToewijzingNummer": t.nummer,
                "GewensteIngangsdatum": ingang,
                "Einddatum": einde,
                "Omvang": {"Volume": nieuw_volume, "Eenheid": "04", "Frequentie": frequentie},
            }
        ],
    )
    tps = ken_toe(consulent, org, raw)
    t.refresh_from_db()
    return t, tps


def test_budget_wijzigen_geeft_een_301_met_het_nieuwe_budget(consulent, aanbieder, mariska):
    org, _ = aanbieder
    t = toewijzing(consulent, org, mariska, budget=50000, einddatum=keten.dagen(200))
    raw = vow(
        org,
        mariska,
        te_wijzigen=[
            {
                "ToewijzingNummer": t.nummer,
                "GewensteIngangsdatum": t.ingangsdatum,
                "Einddatum": t.einddatum,
                "Budget": 80000,
            }
        ],
    )
    tps = ken_toe(consulent, org, raw)
    t.refresh_from_db()
    assert (t.budget, t.reden_wijziging, t.referentie_aanbieder) == (80000, "12", "VOW-1")
    assert tps[t.nummer]["Budget"] == 80000
    assert tps[t.nummer]["RedenWijziging"] == "12"
    assert tps[t.nummer]["ReferentieAanbieder"] == "VOW-1"


def test_budget_later_ingaand_wordt_geweigerd_tr373(consulent, aanbieder, mariska):
    org, _ = aanbieder
    t = toewijzing(consulent, org, mariska, budget=50000, einddatum=keten.dagen(200))
    raw = vow(
        org,
        mariska,
        te_wijzigen=[
            {
                "ToewijzingNummer": t.nummer,
                "GewensteIngangsdatum": keten.dagen(10),
                "Einddatum": t.einddatum,
                "Budget": 1,
            }
        ],
    )
    r = verwerk([Invoer(raw, org)])[0]
    assert "9373" in r.retourcodes
    assert not Verzoek.objects.exists()


def test_omvang_en_einddatum_samen_iv093(consulent, aanbieder, mariska):
    """A weekly volume the old toewijzing cannot absorb: it ends the day before, a new
    number starts and keeps the requested end date."""
    org, _ = aanbieder
    t, tps = omvang_wijzigen(
        consulent,
        org,
        mariska,
        volume=3,
        frequentie="2",
        wens=lambda t: (keten.dagen(5), keten.dagen(60), 5),
    )
    nieuw = Toewijzing.objects.exclude(pk=t.pk).get()
    assert (t.einddatum, t.volume, t.reden_wijziging) == (keten.dagen(4), 3, "12")
    assert (nieuw.ingangsdatum, nieuw.einddatum, nieuw.volume) == (
        keten.dagen(5),
        keten.dagen(60),
        5,
    )
    assert nieuw.nummer != t.nummer
    assert tps[t.nummer]["ReferentieAanbieder"] == tps[nieuw.nummer]["ReferentieAanbieder"]
    assert tps[nieuw.nummer]["ReferentieAanbieder"] == "VOW-1"
    assert tps[nieuw.nummer]["Einddatum"] == keten.dagen(60)


def test_totaalvolume_wijzigt_op_hetzelfde_nummer(consulent, aanbieder, mariska):
    org, _ = aanbieder
    t, tps = omvang_wijzigen(
        consulent,
        org,
        mariska,
        volume=40,
        frequentie="6",
        wens=lambda t: (t.ingangsdatum, keten.dagen(150), 60),
    )
    assert Toewijzing.objects.count() == 1
    assert (t.volume, t.einddatum, t.reden_wijziging) == (60, keten.dagen(150), "12")
    assert tps[t.nummer]["Omvang"]["Volume"] == 60


def test_ongewijzigd_en_zelfde_einddatum_dragen_de_referentie(consulent, aanbieder, mariska):
    """The VOW reference is on the unchanged product too, and repeating the current end
    date is no reason to fail."""
    org, _ = aanbieder
    a = toewijzing(consulent, org, mariska, "02", einddatum=keten.dagen(100))
    b = toewijzing(consulent, org, mariska, "07", einddatum=keten.dagen(100))
    raw = vow(
        org,
        mariska,
        ongewijzigd=[a],
        te_wijzigen=[
            {
                "ToewijzingNummer": b.nummer,
                "GewensteIngangsdatum": keten.dagen(5),
                "Einddatum": keten.dagen(100),
            }
        ],
    )
    tps = ken_toe(consulent, org, raw)
    assert tps[a.nummer]["ReferentieAanbieder"] == "VOW-1"
    assert "RedenWijziging" not in tps[a.nummer]
    assert tps[b.nummer]["ReferentieAanbieder"] == "VOW-1"
    assert tps[b.nummer]["RedenWijziging"] == "12"
    assert tps[b.nummer]["Einddatum"] == keten.dagen(100)


def test_alles_samen_in_een_301(consulent, aanbieder, mariska):
    """Budget, end date and a new product in one grant: one 301, every product with the
    reference."""
    org, _ = aanbieder
    a = toewijzing(consulent, org, mariska, "02", budget=50000, einddatum=keten.dagen(200))
    b = toewijzing(consulent, org, mariska, "07", einddatum=keten.dagen(100))
    raw = vow(
        org,
        mariska,
        te_wijzigen=[
            {
                "ToewijzingNummer": a.nummer,
                "GewensteIngangsdatum": a.ingangsdatum,
                "Einddatum": a.einddatum,
                "Budget": 9,
            },
            {
                "ToewijzingNummer": b.nummer,
                "GewensteIngangsdatum": keten.dagen(3),
                "Einddatum": keten.dagen(30),
            },
        ],
        nieuw=[{"Product": {"Categorie": "03"}, "GewensteIngangsdatum": keten.dagen(7)}],
    )
    tps = ken_toe(consulent, org, raw)
    assert len(tps) == 3
    assert {tp["ReferentieAanbieder"] for tp in tps.values()} == {"VOW-1"}
    assert tps[a.nummer]["Budget"] == 9 and tps[b.nummer]["Einddatum"] == keten.dagen(30)
    nieuw = Toewijzing.objects.get(productcategorie="03")
    assert nieuw.verzoek.referentie == "VOW-1" and "RedenWijziging" not in tps[nieuw.nummer]


def test_op380_verlengen_in_plaats_van_nieuwe_toewijzing(consulent, aanbieder, mariska):
    org, _ = aanbieder
    kw = dict(product_code="02TO2", volume=3, eenheid="04", frequentie="2")
    t = toewijzing(consulent, org, mariska, einddatum=keten.dagen(20), **kw)
    vervolg = toewijzing(consulent, org, mariska, ingang=21, einddatum=keten.dagen(90), **kw)
    t.refresh_from_db()
    assert vervolg.pk == t.pk and Toewijzing.objects.count() == 1
    assert (t.einddatum, t.reden_wijziging) == (keten.dagen(90), "04")
    # another volume is a new toewijzing
    ander = toewijzing(
        consulent, org, mariska, ingang=91, einddatum=keten.dagen(120), **{**kw, "volume": 4}
    )
    assert ander.pk != t.pk


def test_nieuw_product_in_vow_is_een_nieuwe_toewijzing(consulent, aanbieder, mariska):
    """IV093: a NieuwProduct (also the same product after the current end) gets a new
    number without RedenWijziging; the unchanged one keeps its data and loses its old
    RedenWijziging."""
    org, _ = aanbieder
    t = toewijzing(consulent, org, mariska, "07", einddatum=keten.dagen(20))
    services.wijzig_einddatum(consulent, t.pk, einddatum=keten.dagen(25))
    t.refresh_from_db()
    versie = (t.toewijzingsdatum, t.toewijzingstijd)
    assert t.reden_wijziging == "04"
    raw = vow(
        org,
        mariska,
        ongewijzigd=[t],
        nieuw=[{"Product": {"Categorie": "07"}, "GewensteIngangsdatum": keten.dagen(26)}],
    )
    tps = ken_toe(consulent, org, raw)
    t.refresh_from_db()
    nieuw = Toewijzing.objects.exclude(pk=t.pk).get()
    assert (nieuw.ingangsdatum, nieuw.einddatum) == (keten.dagen(26), None)
    assert "RedenWijziging" not in tps[nieuw.nummer]
    assert "RedenWijziging" not in tps[t.nummer]
    assert tps[t.nummer]["Einddatum"] == keten.dagen(25)
    assert (t.toewijzingsdatum, t.toewijzingstijd) == versie


def test_zonder_adres_een_duidelijke_fout(consulent, aanbieder):
    """A 301 always carries the client's address with postcode (IV047, CD034): a clear
    Dutch error, nothing stored."""
    org, _ = aanbieder
    zonder = f.PersoonFactory(huishouden=None, telefoon="06 12345678")
    with pytest.raises(ValidationError) as exc:
        toewijzing(consulent, org, zonder)
    assert "geen adres bekend" in str(exc.value)
    assert not Toewijzing.objects.exists() and not Bericht.objects.exists()


def test_nieuwe_weekomvang_vanaf_het_begin_verwijdert_de_oude(consulent, aanbieder, mariska):
    """A new weekly omvang from the toewijzing's own start leaves nothing of the old one:
    it is removed (13) and the new number takes its place, in one 301."""
    org, _ = aanbieder
    t, tps = omvang_wijzigen(
        consulent,
        org,
        mariska,
        volume=3,
        frequentie="2",
        wens=lambda t: (t.ingangsdatum, keten.dagen(100), 4),
    )
    nieuw = Toewijzing.objects.exclude(pk=t.pk).get()
    assert (t.reden_wijziging, t.einddatum) == ("13", t.ingangsdatum)
    assert (nieuw.ingangsdatum, nieuw.volume) == (t.ingangsdatum, 4)
    assert tps[t.nummer]["RedenWijziging"] == "13"
