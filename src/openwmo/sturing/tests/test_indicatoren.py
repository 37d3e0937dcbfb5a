"""Every starter indicator on a small hand-made data set with a known answer."""

import datetime
from decimal import Decimal

import pytest

from openwmo.accounts.models import Rol
from openwmo.sturing import bronnen
from openwmo.sturing.selectors import bereken, tabel
from openwmo.testing import factories as f

from . import factories as s

pytestmark = pytest.mark.django_db

VAN, TOT = datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)
D = datetime.date


@pytest.fixture
def vier(wijk):
    """Four residents of one wijk (and nobody else in the municipality)."""
    return [s.persoon_in(wijk) for _ in range(4)]


def test_registry_has_starter_set():
    from openwmo.sturing.models import Indicator

    codes = set(Indicator.objects.values_list("code", flat=True))
    assert {"meldingen_per_1000", "wachttijd_mediaan", "doelrealisatie"} <= codes
    assert len(codes) >= 20
    # every case-based source exists
    for bron in Indicator.objects.values_list("bron", flat=True):
        assert bron in bronnen.BRONNEN or bron in bronnen.EXTERN


def test_meldingen_per_1000(vier, andere_wijk):
    s.melding(vier[0], D(2026, 1, 10))
    s.melding(vier[1], D(2026, 3, 31))
    s.melding(vier[2], D(2026, 4, 1))  # after the period
    assert bereken("meldingen_per_1000", VAN, TOT) == Decimal("500.0")
    wijk_id = vier[0].huishouden.adres.buurt.wijk_id
    assert bereken("meldingen_per_1000", VAN, TOT, wijk_id=wijk_id) == Decimal("500.0")
    # not defined per provider
    assert bereken("meldingen_per_1000", VAN, TOT, aanbieder_id=1) is None


def test_eerste_contact_opgelost(vier):
    for persoon, uitkomst in zip(
        vier, ["informatie", "netwerk", "gesprek", "gesprek"], strict=False
    ):
        s.melding(persoon, D(2026, 2, 1), uitkomst=uitkomst)
    s.melding(vier[0], D(2026, 2, 2))  # no outcome yet: not counted
    assert bereken("eerste_contact_opgelost", VAN, TOT) == Decimal("50.0")


def test_onderzoek_binnen_6_weken(vier):
    s.melding(vier[0], D(2026, 1, 5), onderzoek_afgerond_op=D(2026, 2, 16))  # 42 days
    s.melding(vier[1], D(2026, 1, 5), onderzoek_afgerond_op=D(2026, 2, 17))  # 43 days
    s.melding(vier[2], D(2026, 3, 1), onderzoek_afgerond_op=D(2026, 4, 2))  # outside
    assert bereken("onderzoek_binnen_6_weken", VAN, TOT) == Decimal("50.0")


def test_besluit_binnen_2_weken(vier):
    for persoon, besluit in zip(
        vier, [D(2026, 2, 15), D(2026, 2, 20), D(2026, 2, 10)], strict=False
    ):
        s.melding(persoon, D(2026, 1, 20), aanvraag_op=D(2026, 2, 1), besluit_op=besluit)
    assert bereken("besluit_binnen_2_weken", VAN, TOT) == Decimal("66.7")


def test_wachttijd_mediaan_en_p90(vier):
    aanbieder, ander = f.OrganisatieFactory(), f.OrganisatieFactory()
    for persoon, wacht in zip(vier, [5, 10, 20, 40], strict=False):
        t = s.toewijzing(persoon, aanbieder, D(2026, 1, 2))
        s.levering(t, "start", D(2026, 1, 2) + datetime.timedelta(days=wacht))
    # a second start of the same toewijzing does not count again
    s.levering(t, "start", D(2026, 3, 30))
    # started after the period
    s.levering(s.toewijzing(vier[0], aanbieder, D(2026, 3, 1)), "start", D(2026, 4, 5))
    assert bereken("wachttijd_mediaan", VAN, TOT) == Decimal("15.0")
    assert bereken("wachttijd_p90", VAN, TOT) == Decimal("40")
    assert bereken("wachttijd_mediaan", VAN, TOT, aanbieder_id=aanbieder.pk) == Decimal("15.0")
    assert bereken("wachttijd_mediaan", VAN, TOT, aanbieder_id=ander.pk) is None


def test_clienten_per_pijler(vier):
    p0, p1, p2 = s.plan(vier[0], D(2025, 6, 1)), s.plan(vier[1], D(2025, 6, 1)), None
    s.regel(p0, "basis", ingang=D(2025, 6, 1))
    s.regel(p1, "basis", ingang=D(2026, 3, 1), einde=D(2026, 6, 1))
    s.regel(p1, "aanvullend", ingang=D(2026, 1, 1))
    p2 = s.plan(vier[2], D(2025, 1, 1))
    s.regel(p2, "basis", ingang=D(2025, 1, 1), einde=D(2025, 12, 1), status="beeindigd")
    s.regel(s.plan(vier[3], None, status="concept"), "basis")
    assert bereken("clienten_basis", VAN, TOT) == Decimal("500.0")
    assert bereken("clienten_aanvullend", VAN, TOT) == Decimal("250.0")
    assert bereken("clienten_sociale_basis", VAN, TOT) == Decimal("0.0")


def test_stromen(vier):
    p = s.plan(vier[0], D(2025, 6, 1))
    s.regel(p, "basis", ingang=D(2025, 6, 1), einde=D(2026, 1, 31), status="beeindigd")
    s.regel(p, "aanvullend", ingang=D(2026, 2, 10), einde=D(2026, 3, 1), status="beeindigd")
    s.regel(p, "netwerk", ingang=D(2026, 3, 5))
    q = s.plan(vier[1], D(2025, 6, 1))
    s.regel(q, "basis", ingang=D(2025, 6, 1), einde=D(2025, 12, 1), status="beeindigd")
    s.regel(q, "aanvullend", ingang=D(2026, 2, 10))  # more than 31 days later
    assert bereken("stroom_basis_aanvullend", VAN, TOT) == 1
    assert bereken("stroom_aanvullend_basis", VAN, TOT) == 0
    assert bereken("stroom_naar_sociale_basis", VAN, TOT) == 1


def test_plannen_beeindigd(vier):
    a = s.plan(vier[0], D(2025, 1, 1), status="beeindigd")
    s.regel(a, "basis", ingang=D(2025, 1, 1), einde=D(2026, 2, 1), status="beeindigd")
    b = s.plan(vier[1], D(2025, 1, 1), status="beeindigd")
    s.regel(b, "basis", ingang=D(2025, 1, 1), einde=D(2025, 11, 1), status="beeindigd")
    assert bereken("plannen_beeindigd", VAN, TOT) == 1


def test_beeindigd_volgens_plan(vier):
    aanbieder = f.OrganisatieFactory()
    for persoon, reden in zip(vier, ["19", "19", "22", "20"], strict=False):
        t = s.toewijzing(persoon, aanbieder, D(2025, 1, 1))
        s.levering(t, "stop", D(2025, 1, 1), einde=D(2026, 2, 1), reden=reden)
    assert bereken("beeindigd_volgens_plan", VAN, TOT) == Decimal("66.7")


def test_doelrealisatie(vier):
    r = s.regel(s.plan(vier[0], D(2025, 1, 1)), "basis", ingang=D(2025, 1, 1))
    for voortgang in ["bereikt", "deels", "niet", "bereikt"]:
        s.evaluatie(r, D(2026, 2, 1), voortgang)
    s.evaluatie(r, D(2025, 2, 1), "niet")  # before the period
    assert bereken("doelrealisatie", VAN, TOT) == Decimal("62.5")


def test_plannen_met_netwerk(vier):
    a, b, c = (s.plan(p, D(2025, 1, 1)) for p in vier[:3])
    s.regel(a, "netwerk")
    s.regel(a, "basis")
    s.regel(b, "basis")
    s.regel(c, "aanvullend")
    s.plan(vier[3], D(2026, 4, 2))  # starts after the period
    assert bereken("plannen_met_netwerk", VAN, TOT) == Decimal("33.3")


def test_tevredenheid(vier):
    s.antwoord(vier[0], D(2026, 2, 1), toegang_wist=5, toegang_snel=2, effect_leven=4)
    s.antwoord(vier[1], D(2026, 2, 1), toegang_wist=4)
    s.antwoord(vier[2], D(2025, 2, 1), toegang_wist=1)  # before the period
    assert bereken("tevredenheid_toegang", VAN, TOT) == Decimal("66.7")
    assert bereken("tevredenheid_effect", VAN, TOT) == Decimal("100.0")
    assert bereken("tevredenheid_kwaliteit", VAN, TOT) is None


def test_per_wijk_in_een_query(vier, andere_wijk, django_assert_max_num_queries):
    elders = s.persoon_in(andere_wijk)
    s.melding(vier[0], D(2026, 1, 10))
    s.melding(elders, D(2026, 1, 10))
    s.melding(elders, D(2025, 1, 10))
    perioden = [(D(2025, 1, 1), D(2025, 12, 31)), (VAN, TOT)]
    with django_assert_max_num_queries(2):
        rijen = tabel("meldingen", perioden, groep="wijk")
    wijk_id = vier[0].huishouden.adres.buurt.wijk_id
    assert rijen[wijk_id] == [(Decimal("0.0"), 0), (Decimal("250.0"), 1)]
    assert rijen[andere_wijk.pk] == [(Decimal("1000.0"), 1), (Decimal("1000.0"), 1)]


def test_klachten_per_1000_clienten(vier, users):
    from openwmo.kwaliteit.models import Klacht

    aanbieder = f.OrganisatieFactory()
    for p in vier[:2]:
        s.regel(s.plan(p, D(2025, 1, 1)), "basis", ingang=D(2025, 1, 1), organisatie=aanbieder)
    for moment in (D(2026, 2, 1), D(2026, 3, 31), D(2026, 4, 1)):
        Klacht.objects.create(
            persoon=vier[0],
            aanbieder=aanbieder,
            thema=Klacht._meta.get_field("thema").choices[0][0],
            omschrijving="Te laat",
            kanaal="online",
            ingediend_op=s.moment(moment),
            ingediend_door=users[Rol.INWONER],
        )
    # two complaints in the period, two clients with basis support
    assert bereken("klachten_per_1000", VAN, TOT) == Decimal("1000.0")
    assert bereken("klachten_per_1000", VAN, TOT, aanbieder_id=aanbieder.pk) == Decimal("1000.0")
