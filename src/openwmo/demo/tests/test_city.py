"""The city preset at a small scale: proportions, consistency and valid iWmo messages."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, F, Q

from openwmo.berichten import schema
from openwmo.berichten.models import Bericht, Levering, Prestatie, Toewijzing, ToewijzingVersie
from openwmo.demo.city import END, START, seed_city
from openwmo.plannen.models import Evaluatie, Plan, Regel
from openwmo.toegang.models import DIRECT_OPGELOST, Melding

SCALE = 0.004  # 3,600 residents
REDENEN_588 = {"02", "19", "21", "22", "23", "31", "36", "37", "38", "39"}


@pytest.fixture(scope="module")
def city(django_db_setup, django_db_blocker):
    """One small city for the module, rolled back afterwards; returns a row filter."""
    with django_db_blocker.unblock(), transaction.atomic():
        summary = seed_city(SCALE)
        vanaf = summary["stad"]["vanaf"]

        def mine(model):
            return model.objects.filter(pk__gt=vanaf[model._meta.model_name])

        mine.summary = summary
        yield mine
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def near(value: float, target: float, tolerance: float) -> bool:
    return abs(value - target) <= tolerance * target


def test_proportions_follow_the_scale(city):
    assert city.summary["inwoners"] == round(900_000 * SCALE)
    active = Plan.objects.filter(status="actief").values("persoon").distinct().count()
    assert near(active, SCALE * 60_000, 0.3), active
    berichten = city(Bericht).count()
    assert near(berichten, SCALE * 2_000_000, 0.3), berichten
    assert city.summary["stad"]["berichten"] == berichten
    meldingen = city(Melding)
    direct = meldingen.filter(uitkomst__in=DIRECT_OPGELOST).count() / meldingen.count()
    assert 0.5 < direct < 0.7
    soorten = set(city(Regel).values_list("soort", flat=True))
    assert soorten == {"eigen_kracht", "netwerk", "sociale_basis", "basis", "aanvullend"}
    aanvullend = city(Regel).filter(soort="aanvullend")
    assert set(aanvullend.values_list("leveringsvorm", flat=True)) == {"zin", "pgb"}


def test_every_delivery_belongs_to_its_toewijzing(city):
    met_nummer = city(Levering).filter(toewijzingnummer__isnull=False)
    assert met_nummer.exists()
    assert not met_nummer.filter(
        Q(toewijzing__isnull=True)
        | ~Q(toewijzing__nummer=F("toewijzingnummer"))
        | ~Q(toewijzing__persoon=F("persoon"))
        | Q(begindatum__lt=F("toewijzing__ingangsdatum"))
    ).exists()
    toewijzingen = city(Toewijzing)
    # a start for every toewijzing (but the last week's), a stop with a WMO588 reason for
    # every ended one, and the 301 that ended it says why
    zonder_start = toewijzingen.annotate(n=Count("leveringen")).filter(n=0)
    assert not zonder_start.filter(ingangsdatum__lte=END - datetime.timedelta(days=10)).exists()
    stops = city(Levering).filter(soort="stop")
    assert stops.exists()
    assert set(stops.values_list("reden_beeindiging", flat=True)) <= REDENEN_588
    assert not toewijzingen.filter(einddatum__isnull=False, reden_wijziging="").exists()
    prestaties = city(Prestatie)
    assert prestaties.exists()
    assert not prestaties.exclude(toewijzing__aanbieder=F("aanbieder")).exists()
    assert not prestaties.filter(begindatum__gte=datetime.date(2026, 1, 1)).exists()
    assert not city(ToewijzingVersie).exclude(bericht__berichttype="WMO301").exists()


def test_plans_are_consistent(city):
    plannen = city(Plan)
    assert not plannen.filter(regievoerder_soort="").exists()
    assert not plannen.filter(
        regievoerder_soort="professional", regievoerder_gebruiker__isnull=True
    ).exists()
    regels = city(Regel)
    assert not regels.filter(plan__status="beeindigd").exclude(status="beeindigd").exists()
    assert not regels.filter(einddatum__lt=F("ingangsdatum")).exists()
    assert not plannen.annotate(n=Count("versies")).filter(n__lt=2).exists()
    beeindigd = plannen.filter(versies__reden="Plan beëindigd").count()
    assert beeindigd == plannen.filter(status="beeindigd").count() > 0
    done = city(Evaluatie).filter(uitgevoerd_op__isnull=False)
    assert not done.filter(voortgang="").exists()
    assert set(done.values_list("voortgang", flat=True)) == {"bereikt", "deels", "niet"}


def test_dates_stay_inside_the_five_years(city):
    meldingen = city(Melding)
    assert not meldingen.filter(Q(ontvangen_op__date__lt=START) | Q(ontvangen_op__date__gt=END))
    assert not meldingen.filter(geregistreerd_op__date__gt=END).exists()
    plannen = city(Plan)
    assert not plannen.filter(Q(geactiveerd_op__lt=START) | Q(geactiveerd_op__gt=END)).exists()
    assert not city(Bericht).filter(dagtekening__gt=END).exists()
    assert not city(Regel).filter(einddatum__gt=END).exists()
    onderzocht = meldingen.filter(onderzoek_afgerond_op__isnull=False)
    within = sum(
        (afgerond - ontvangen.date()).days <= 42
        for ontvangen, afgerond in onderzocht.values_list("ontvangen_op", "onderzoek_afgerond_op")
    )
    assert 0.75 < within / onderzocht.count() < 0.99


def test_messages_are_valid_iwmo_with_their_retour(city):
    for soort in ["WMO301", "WMO305", "WMO307", "WMO315", "WMO323"]:
        berichten = city(Bericht).filter(berichttype=soort).order_by("pk")[:20]
        assert berichten, soort
        for bericht in berichten:
            heen = schema.lees(bytes(bericht.inhoud))
            assert heen.fouten == [], (soort, heen.fouten)
            assert heen.identificatie == bericht.identificatie
            assert schema.lees(bytes(bericht.retour)).fouten == []
    keys = city(Bericht).values("afzender", "berichttype", "identificatie").distinct().count()
    assert keys == city(Bericht).count()


def test_seed_command_checks_its_options():
    with pytest.raises(CommandError, match="--scale"):
        call_command("seed", "--preset", "city", "--residents", "1000")
    with pytest.raises(CommandError, match="schaal"):
        call_command("seed", "--preset", "city", "--scale", "0")


def test_household_help_route_is_finished_by_the_provider(city):
    # the history ends 60 days before its last melding: every fast-route case was
    # reported done by the provider, so none shows as overdue in the work queues
    hh = city(Melding).filter(route="hh")
    assert hh.exists()
    assert not hh.exclude(status="onderzoek_afgerond").exists()
    for ontvangen, afgerond in hh.values_list("hh_ontvangen_op", "onderzoek_afgerond_op"):
        assert 0 <= (afgerond - ontvangen.date()).days <= 6
