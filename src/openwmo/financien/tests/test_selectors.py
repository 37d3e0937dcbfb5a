"""The initial split, tariffs, scenario totals and lumpsum overview."""

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openwmo.financien import selectors as s
from openwmo.financien.models import Lumpsum, Perceelbudget, Scenario
from openwmo.organisaties.models import Perceel
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db


def test_leeuwarden_scenario_geeft_de_totalen_van_het_plan():
    uitkomst = s.scenario_uitkomst(Scenario.objects.get(code="leeuwarden"))
    assert uitkomst["measures_total"] == 444_000_000
    assert uitkomst["target"] == 360_000_000
    assert uitkomst["reserve"] == 84_000_000
    per_jaar = {r["jaar"]: r for r in uitkomst["per_jaar"]}
    assert per_jaar[2020]["effect_cents"] == 255_000_000  # subtotal of §7.3
    assert per_jaar[2020]["saldo_cents"] == -105_000_000  # the € 1.05 M gap of 2020
    assert per_jaar[2021]["saldo_cents"] == 84_000_000


@given(
    st.integers(min_value=0, max_value=10**12),
    st.lists(st.integers(min_value=1, max_value=1000), min_size=1, max_size=12),
)
def test_verdeel_telt_op_tot_het_totaal(totaal, gewichten):
    delen = s.verdeel(totaal, gewichten)
    assert sum(delen) == totaal
    assert all(d >= 0 for d in delen)
    for d, g in zip(delen, gewichten, strict=True):
        assert abs(Fraction(d) - Fraction(totaal * g, sum(gewichten))) < 1


def test_gelijke_delen_verschillen_hoogstens_een_cent():
    assert s.verdeel(100, [1, 1, 1]) == [34, 33, 33]


def test_jaarkosten_uit_de_tarieftabel():
    # TO3: € 62 per hour, 4 hours a week, 52 weeks
    assert s.jaarkosten_cents("TO3", 4, "uur_per_week", 2026) == 4 * 52 * 6_200
    assert s.jaarkosten_cents("KV", Decimal("14"), "etmaal_per_jaar", 2026) == 14 * 15_000
    with pytest.raises(LookupError):
        s.jaarkosten_cents("TO3", 4, "uur_per_week", 2010)


def test_startverdeling_volgt_de_aannames():
    groepen = [
        s.Clientgroep("TO2", 10, 1_000_001),
        s.Clientgroep("TO3", 10, 1_000_001),
        s.Clientgroep("TO4", 5, 333),
        s.Clientgroep("DB5", 3, 7, aandeel_basis=Fraction(1, 3)),
    ]
    v = s.verdeel_clientenbestand(groepen, 2026)
    assert v.basis_cents + v.aanvullend_cents == 1_000_001 + 1_000_001 + 333 + 7
    assert v.per_categorie["TO2"] == (1_000_001, 0)
    assert v.per_categorie["TO4"] == (0, 333)
    assert sum(b for b, _ in v.per_categorie.values()) == v.basis_cents
    assert v.basis_cents == 1_000_001 + 500_001 + 2  # 500,000.5 + 2.33 rounds to 500,003


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["TO1", "TO3", "DB2", "DB5", "HH1", "XX"]), st.integers(0, 10**10)
        ),
        max_size=10,
    )
)
def test_startverdeling_is_exact(rijen):
    v = s.verdeel_clientenbestand([s.Clientgroep(c, 1, k) for c, k in rijen], 2026)
    assert v.basis_cents + v.aanvullend_cents == sum(k for _, k in rijen)
    assert all(b >= 0 and a >= 0 for b, a in v.per_categorie.values())


def test_lumpsum_overzicht_met_besteding_en_prognose(users):
    from openwmo.berichten.models import Toewijzing
    from openwmo.plannen.models import Plan, Regel

    aanbieder = f.OrganisatieFactory(soort="aanvullend")
    basis = f.OrganisatieFactory(soort="basis")
    perceel = Perceel.objects.get(code="to-db")
    Perceelbudget.objects.create(jaar=2026, perceel=perceel, bedrag_cents=10_000_000)
    Lumpsum.objects.create(jaar=2026, perceel=perceel, aanbieder=aanbieder, bedrag_cents=1_000_000)
    Lumpsum.objects.create(
        jaar=2026, perceel=Perceel.objects.get(code="basis"), aanbieder=basis, bedrag_cents=500_000
    )
    inwoner = f.PersoonFactory()
    Toewijzing.objects.create(
        nummer=1,
        persoon=inwoner,
        bsn=inwoner.bsn,
        aanbieder=aanbieder,
        gemeentecode="1999",
        productcategorie="07",
        ingangsdatum=datetime.date(2026, 1, 1),
        volume=7,
        eenheid="04",
        frequentie="2",
        toewijzingsdatum=datetime.date(2026, 1, 1),
        toewijzingstijd="10:00",
    )
    plan = Plan.objects.create(
        huishouden=inwoner.huishouden,
        persoon=inwoner,
        status="actief",
        versie=1,
        regievoerder_soort="professional",
        geactiveerd_op=datetime.date(2026, 12, 1),
    )
    Regel.objects.create(
        plan=plan,
        soort="basis",
        resultaat="Grip",
        uitvoerder="x",
        organisatie=basis,
        uren_per_week=Decimal("3.5"),
        einddatum=datetime.date(2026, 12, 14),
    )
    rijen = {r["perceel"]: r for r in s.lumpsum_overzicht(2026, vandaag=datetime.date(2026, 1, 10))}
    # 7 hours a week at € 60 = € 60 a day, from 1 January
    assert rijen["to-db"]["besteed_cents"] == 10 * 6_000
    assert rijen["to-db"]["prognose_cents"] == 365 * 6_000
    assert rijen["to-db"]["uitputting_pct"] == Decimal("219.0")
    assert rijen["to-db"]["lumpsum_cents"] == 1_000_000
    assert rijen["to-db"]["pijler"] == "aanvullend"
    # basis: 3.5 hours at € 50 = € 25 a day, 1–14 December, nothing spent yet on 10 January
    assert (rijen["basis"]["besteed_cents"], rijen["basis"]["prognose_cents"]) == (0, 14 * 2_500)
    assert s.lumpsum_overzicht(2026, aanbieder_id=aanbieder.pk + 1000) == []
