"""Initial lumpsums per lot and provider, and transfer requests between the pillars."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st

from openwmo.accounts.models import Rol
from openwmo.financien import selectors, services
from openwmo.financien.models import (
    Herverdelingsverzoek,
    Lumpsum,
    Lumpsummutatie,
    Perceelbudget,
    Verdeelsleutel,
)
from openwmo.organisaties.models import Perceel
from openwmo.testing import factories as f

from .conftest import GROEPEN, JAAR

pytestmark = pytest.mark.django_db


def demo_groepen():
    """The legacy client base of the demo municipality (calibrated product mix)."""
    return [
        selectors.Clientgroep("TO_PRAKTISCH", 31, 31 * 2 * 52 * 4_000),
        selectors.Clientgroep("TO1", 47, 47 * 2 * 52 * 4_800),
        selectors.Clientgroep("TO2", 100, 100 * 3 * 52 * 5_500),
        selectors.Clientgroep("TO3", 81, 81 * 5 * 52 * 6_200),
        selectors.Clientgroep("TO4", 53, 53 * 7 * 52 * 7_000),
        selectors.Clientgroep("DB1", 37, 37 * 2 * 52 * 3_000),
        selectors.Clientgroep("DB2", 30, 30 * 3 * 52 * 3_800),
        selectors.Clientgroep("DB3", 30, 30 * 4 * 52 * 4_800),
        selectors.Clientgroep("DB4", 12, 12 * 2 * 52 * 3_500),
        selectors.Clientgroep("DB5", 8, 8 * 3 * 52 * 4_500),
        selectors.Clientgroep("DB6", 2, 2 * 5 * 52 * 6_000),
        selectors.Clientgroep("HH1", 392, 392 * 2 * 52 * 2_800),
        selectors.Clientgroep("HH2", 168, 168 * 4 * 52 * 3_200),
        selectors.Clientgroep("KV", 20, 20 * 30 * 15_000),
    ]


@settings(max_examples=60, deadline=None)
@given(
    totaal=st.integers(min_value=1, max_value=10**11),
    aantallen=st.tuples(*[st.integers(min_value=1, max_value=7)] * 4),
    met_sleutel=st.booleans(),
)
def test_lumpsums_tellen_op_tot_het_ingevoerde_totaal(totaal, aantallen, met_sleutel):
    start = selectors.verdeel_clientenbestand(demo_groepen(), JAAR)
    aandelen = services.perceelaandelen(start)
    ids = iter(range(1, 100))
    hoofd = {
        p: [next(ids) for _ in range(n)] for p, n in zip(services.PERCELEN, aantallen, strict=True)
    }
    sleutels = {"to-db": {i: k + 1 for k, i in enumerate(hoofd["to-db"])}} if met_sleutel else {}
    verdeling = services.bereken_lumpsums(totaal, aandelen, hoofd, sleutels)
    assert sum(sum(p.values()) for p in verdeling.values()) == totaal
    for p, bedragen in verdeling.items():
        assert set(bedragen) == set(hoofd[p])
        if p != "to-db" or not met_sleutel:
            assert max(bedragen.values()) - min(bedragen.values()) <= 1  # equal parts


def test_demo_startverdeling_zet_driekwart_thuisondersteuning_in_de_basis():
    start = selectors.verdeel_clientenbestand(demo_groepen(), JAAR)
    to = [c for c in start.per_categorie if c.startswith("TO")]
    aantal = {g.categorie: g.aantal for g in demo_groepen()}
    aannames = selectors.aannames(JAAR)
    basis_clienten = sum(aantal[c] * aannames[c] for c in to)
    assert 0.65 < basis_clienten / sum(aantal[c] for c in to) < 0.8
    db = [c for c in aantal if c.startswith("DB")]
    assert 0.5 < sum(aantal[c] * aannames[c] for c in db) / sum(aantal[c] for c in db) < 0.6


def test_vaststellen_verdeelt_gelijk_over_hoofdaannemers(users, contracten, lumpsums):
    assert sum(ls.bedrag_cents for ls in Lumpsum.objects.filter(jaar=JAAR)) == 1_000_000_01
    a = lumpsums[("to-db", contracten["aanvullend"].pk)].bedrag_cents
    b = lumpsums[("to-db", contracten["tweede"].pk)].bedrag_cents
    assert abs(a - b) <= 1
    budget = Perceelbudget.objects.get(jaar=JAAR, perceel__code="basis")
    assert budget.bedrag_cents == lumpsums[("basis", contracten["basis"].pk)].bedrag_cents
    assert budget.verwachte_clienten == 40 + 15 + 10  # TO2, half TO3, half DB2
    assert Lumpsummutatie.objects.count() == len(lumpsums)
    with pytest.raises(ValidationError) as exc:
        services.stel_lumpsums_vast(
            users[Rol.BELEIDSMAKER], jaar=JAAR, totaal_cents=5, groepen=GROEPEN
        )
    assert "jaar" in exc.value.message_dict


def test_verdeelsleutel_per_perceel(users, contracten):
    perceel = Perceel.objects.get(code="to-db")
    Verdeelsleutel.objects.create(
        jaar=JAAR, perceel=perceel, aanbieder=contracten["aanvullend"], gewicht=3
    )
    Verdeelsleutel.objects.create(
        jaar=JAAR, perceel=perceel, aanbieder=contracten["tweede"], gewicht=1
    )
    services.stel_lumpsums_vast(
        users[Rol.BEHEERDER], jaar=JAAR, totaal_cents=10**9, groepen=GROEPEN
    )
    a = Lumpsum.objects.get(perceel=perceel, aanbieder=contracten["aanvullend"]).bedrag_cents
    b = Lumpsum.objects.get(perceel=perceel, aanbieder=contracten["tweede"]).bedrag_cents
    assert a + b == Perceelbudget.objects.get(jaar=JAAR, perceel=perceel).bedrag_cents
    assert abs(a - 3 * b) <= 4


def test_zonder_hoofdaannemer_geen_vaststelling(users):
    with pytest.raises(ValidationError):
        services.stel_lumpsums_vast(
            users[Rol.BELEIDSMAKER], jaar=JAAR, totaal_cents=10**9, groepen=GROEPEN
        )
    assert not Lumpsum.objects.exists()


def test_alleen_controller_stelt_vast(users, contracten):
    with pytest.raises(PermissionDenied):
        services.stel_lumpsums_vast(
            users[Rol.ZORGAANBIEDER], jaar=JAAR, totaal_cents=10**9, groepen=GROEPEN
        )


def _verzoek(users, contracten, lumpsums, bedrag=100_00):
    basis = lumpsums[("basis", contracten["basis"].pk)]
    aanv = lumpsums[("to-db", contracten["aanvullend"].pk)]
    return services.dien_herverdeling_in(
        users[Rol.ZORGAANBIEDER],
        van_id=basis.pk,
        naar_id=aanv.pk,
        bedrag_cents=bedrag,
        onderbouwing="Meer cliënten in de aanvullende ondersteuning dan aangenomen.",
    )


def test_herverdeling_gezamenlijk_en_besluit(users, contracten, lumpsums):
    v = _verzoek(users, contracten, lumpsums)
    assert v.status == "ingediend" and v.akkoord_naar and not v.akkoord_van
    with pytest.raises(ValidationError):  # not yet jointly filed
        services.beslis_herverdeling(users[Rol.BELEIDSMAKER], v.pk, toekennen=True, toelichting="x")
    basis_user = f.medewerker(Rol.ZORGAANBIEDER, organisatie=contracten["basis"])
    v = services.geef_akkoord(basis_user, v.pk)
    assert v.status == "gezamenlijk"
    voor = sum(Lumpsum.objects.values_list("bedrag_cents", flat=True))
    services.beslis_herverdeling(
        users[Rol.BELEIDSMAKER], v.pk, toekennen=True, toelichting="Verschuiving aangetoond."
    )
    assert sum(Lumpsum.objects.values_list("bedrag_cents", flat=True)) == voor
    assert Lumpsum.objects.get(pk=v.naar_id).bedrag_cents == v.naar.bedrag_cents + 100_00
    assert list(v.stappen.values_list("status", flat=True)) == [
        "ingediend",
        "gezamenlijk",
        "toegekend",
    ]
    assert Lumpsummutatie.objects.filter(verzoek=v).count() == 2


def test_herverdeling_weigert_fout_invoer(users, contracten, lumpsums):
    aanv = lumpsums[("to-db", contracten["aanvullend"].pk)]
    tweede = lumpsums[("to-db", contracten["tweede"].pk)]
    basis = lumpsums[("basis", contracten["basis"].pk)]
    za = users[Rol.ZORGAANBIEDER]
    with pytest.raises(ValidationError) as exc:  # both aanvullend
        services.dien_herverdeling_in(
            za, van_id=aanv.pk, naar_id=tweede.pk, bedrag_cents=1, onderbouwing="x"
        )
    assert "naar_id" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.dien_herverdeling_in(
            za,
            van_id=basis.pk,
            naar_id=aanv.pk,
            bedrag_cents=basis.bedrag_cents + 1,
            onderbouwing="x",
        )
    assert "bedrag_cents" in exc.value.message_dict
    with pytest.raises(PermissionDenied):  # not a party
        services.dien_herverdeling_in(
            f.medewerker(Rol.ZORGAANBIEDER),
            van_id=basis.pk,
            naar_id=aanv.pk,
            bedrag_cents=1,
            onderbouwing="x",
        )
    assert not Herverdelingsverzoek.objects.exists()


def test_aanbieder_ziet_alleen_eigen_verzoeken(users, contracten, lumpsums):
    _verzoek(users, contracten, lumpsums)
    assert selectors.herverdelingen_in_scope(users[Rol.ZORGAANBIEDER]).count() == 1
    assert selectors.herverdelingen_in_scope(f.medewerker(Rol.ZORGAANBIEDER)).count() == 0
    assert selectors.herverdelingen_in_scope(users[Rol.INWONER]).count() == 0
    assert selectors.herverdelingen_in_scope(users[Rol.BELEIDSMAKER]).count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks (select_for_update) need PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_herverdelingen_maken_geen_lumpsum_negatief():
    """Self-contained (no reference data needed): two lumpsums and two jointly filed
    requests that each take 60% of the basis lumpsum, decided at the same moment."""
    perceel = {
        code: Perceel.objects.get_or_create(code=code, defaults={"naam": code, "pijler": pijler})[0]
        for code, pijler in (("basis", "basis"), ("to-db", "aanvullend"))
    }
    basis_org, aanv_org = f.OrganisatieFactory(soort="basis"), f.OrganisatieFactory()
    basis = Lumpsum.objects.create(
        jaar=2026, perceel=perceel["basis"], aanbieder=basis_org, bedrag_cents=1_000_000
    )
    aanv = Lumpsum.objects.create(
        jaar=2026, perceel=perceel["to-db"], aanbieder=aanv_org, bedrag_cents=500_000
    )
    aanbieder = f.medewerker(Rol.ZORGAANBIEDER, organisatie=aanv_org)
    basis_user = f.medewerker(Rol.ZORGAANBIEDER, organisatie=basis_org)
    beleid = f.medewerker(Rol.BELEIDSMAKER)
    ids = []
    for _ in range(2):
        v = services.dien_herverdeling_in(
            aanbieder, van_id=basis.pk, naar_id=aanv.pk, bedrag_cents=600_000, onderbouwing="x"
        )
        services.geef_akkoord(basis_user, v.pk)
        ids.append(v.pk)
    start = threading.Barrier(2)
    uitkomst = []

    def beslis(pk):
        try:
            start.wait()
            services.beslis_herverdeling(beleid, pk, toekennen=True, toelichting="ok")
            uitkomst.append("toegekend")
        except ValidationError:
            uitkomst.append("geweigerd")
        finally:
            connection.close()

    threads = [threading.Thread(target=beslis, args=(pk,)) for pk in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(uitkomst) == ["geweigerd", "toegekend"]
    basis.refresh_from_db()
    aanv.refresh_from_db()
    assert basis.bedrag_cents == 400_000 and aanv.bedrag_cents == 1_100_000
    assert Lumpsummutatie.objects.filter(lumpsum=basis).count() == 1
