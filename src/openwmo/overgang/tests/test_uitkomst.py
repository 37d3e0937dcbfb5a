import datetime
from fractions import Fraction

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.financien.selectors import aannames, jaarkosten_cents
from openwmo.overgang import selectors, services
from openwmo.overgang.models import BestaandeBeschikking, Uitkomst
from openwmo.testing import factories as f

from .factories import BestaandeBeschikkingFactory, GesprekFactory

pytestmark = pytest.mark.django_db
GOLIVE = datetime.date(2027, 1, 1)


@pytest.fixture
def gesprekken(users, export, clienten):
    services.importeer(users[Rol.WMO_CONSULENT], bestandsnaam="e.csv", inhoud=export, kanaal="ui")
    werker = users[Rol.SOCIAAL_WERKER].medewerker
    return {k: GesprekFactory(persoon=p, medewerker=werker) for k, p in clienten.items()}


def vastleggen(user, gesprek, **kwargs):
    waarden = {
        "gehouden_op": datetime.date(2026, 6, 10),
        "route": "basis",
        "aandeel_basis_procent": None,
        "wijzigingsdatum": GOLIVE,
        "overgangsperiode_maanden": 3,
        "kanaal": "ui",
    }
    waarden.update(kwargs)
    return services.leg_uitkomst_vast(user, gesprek.pk, **waarden)


def test_mariska_blijft_aanvullend_en_pieter_gaat_met_drie_maanden_naar_basis(users, gesprekken):
    werker = users[Rol.SOCIAAL_WERKER]
    m = vastleggen(
        werker,
        gesprekken["mariska"],
        route="aanvullend",
        overgangsperiode_maanden=0,
        criteria={"Thuisondersteuning: Benodigde deskundigheid": "aanvullend"},
    )
    p = vastleggen(werker, gesprekken["pieter"], gehouden_op=datetime.date(2026, 9, 15))
    assert (m.route, m.aandeel_basis_procent, m.overgangsperiode_maanden) == ("aanvullend", 0, 0)
    assert (p.route, p.aandeel_basis_procent, p.overgangsperiode_maanden) == ("basis", 100, 3)


def test_overgangsperiode_moet_passen_voor_de_wijziging(users, gesprekken):
    with pytest.raises(ValidationError) as fout:
        vastleggen(
            users[Rol.SOCIAAL_WERKER], gesprekken["pieter"], gehouden_op=datetime.date(2026, 11, 1)
        )
    assert "wijzigingsdatum" in fout.value.message_dict
    assert not Uitkomst.objects.exists()


@pytest.mark.parametrize(
    "velden, veld",
    [
        ({"route": "mix", "aandeel_basis_procent": None}, "aandeel_basis_procent"),
        ({"route": "mix", "aandeel_basis_procent": 100}, "aandeel_basis_procent"),
        ({"route": "onbekend"}, "route"),
        ({"maatwerk": True, "toelichting": " "}, "toelichting"),
        ({"gehouden_op": timezone.localdate() + datetime.timedelta(days=1)}, "gehouden_op"),
        ({"overgangsperiode_maanden": 13}, "overgangsperiode_maanden"),
        ({"criteria": {"x": "misschien"}}, "criteria"),
    ],
)
def test_foute_uitkomst_schrijft_niets(users, gesprekken, velden, veld):
    with pytest.raises(ValidationError) as fout:
        vastleggen(users[Rol.SOCIAAL_WERKER], gesprekken["pieter"], **velden)
    assert veld in fout.value.message_dict
    assert not Uitkomst.objects.exists()


def test_correctie_voegt_toe_en_de_laatste_telt(users, gesprekken):
    werker = users[Rol.SOCIAAL_WERKER]
    vastleggen(werker, gesprekken["pieter"])
    vastleggen(werker, gesprekken["pieter"], route="mix", aandeel_basis_procent=40)
    assert Uitkomst.objects.count() == 2
    dossier = selectors.gesprek(werker, gesprekken["pieter"].pk, kanaal="ui")
    assert dossier.uitkomst.route == "mix" and len(dossier.uitkomsten) == 2


def test_maatwerk_wordt_vastgelegd(users, gesprekken):
    u = vastleggen(
        users[Rol.SOCIAAL_WERKER],
        gesprekken["pieter"],
        maatwerk=True,
        toelichting="Geen groep in de wijk: huidige dagbesteding blijft.",
    )
    assert u.maatwerk and "huidige dagbesteding" in u.toelichting


def test_sociaal_werker_buiten_de_wijk_mag_niet(users, gesprekken, andere_wijk):
    ander = f.medewerker(Rol.SOCIAAL_WERKER, wijken=[andere_wijk])
    with pytest.raises(PermissionDenied):
        vastleggen(ander, gesprekken["pieter"])
    with pytest.raises(PermissionDenied):
        vastleggen(users[Rol.ZORGAANBIEDER], gesprekken["pieter"])


def test_brief_noemt_wat_verandert_en_wanneer(users, gesprekken):
    from openwmo.besluiten.tests.pdftekst import tekst
    from openwmo.overgang import brieven

    werker = users[Rol.SOCIAAL_WERKER]
    vastleggen(werker, gesprekken["pieter"], gehouden_op=datetime.date(2026, 9, 15))
    pdf = brieven.brief_pdf(selectors.gesprek(werker, gesprekken["pieter"].pk, kanaal="ui"))
    inhoud = " ".join(tekst(pdf).split())
    assert "vanaf 1 januari 2027 van de basisondersteuning" in inhoud
    assert "3 maanden de tijd" in inhoud


def test_herberekening_is_de_som_van_de_uitkomsten_tot_op_de_cent(users, gesprekken, clienten):
    werker = users[Rol.SOCIAAL_WERKER]
    # a third client with household help (not re-assessed) and one without an outcome
    hh = BestaandeBeschikkingFactory(product="HH1", volume=3, voorlopige_pijler="aanvullend")
    open_ = BestaandeBeschikkingFactory(product="DB5", eenheid="dagdeel_per_week", volume=3)
    vastleggen(werker, gesprekken["mariska"], route="aanvullend", overgangsperiode_maanden=0)
    vastleggen(werker, gesprekken["pieter"], route="mix", aandeel_basis_procent=37)
    h = selectors.herberekening(2027)

    aandeel = {"mariska": Fraction(0), "pieter": Fraction(37, 100)}
    config = aannames(2027)
    verwacht = Fraction(0)
    totaal = 0
    for b in BestaandeBeschikking.objects.select_related("persoon"):
        kosten = jaarkosten_cents(b.product, b.volume, b.eenheid, 2027)
        totaal += kosten
        if b.pk in (hh.pk, open_.pk):
            verwacht += kosten * config.get(b.product, 0)
        else:
            sleutel = "mariska" if b.persoon_id == clienten["mariska"].pk else "pieter"
            verwacht += kosten * aandeel[sleutel]
    basis = int(verwacht + Fraction(1, 2))  # round half up to the cent
    assert h.definitief.basis_cents == basis
    assert h.definitief.basis_cents + h.definitief.aanvullend_cents == totaal
    assert h.voorlopig.basis_cents + h.voorlopig.aanvullend_cents == totaal
    assert h.verschil_basis_cents == h.definitief.basis_cents - h.voorlopig.basis_cents
    assert h.met_uitkomst == 4 and h.beschikkingen == 6
