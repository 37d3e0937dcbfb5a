"""The planner's schedule satisfies every constraint (each checked separately)."""

import datetime
import math
import random
from collections import Counter

import pytest

from openwmo.accounts.models import Rol
from openwmo.demo.demodata import overgang as demodata
from openwmo.overgang import planner, services
from openwmo.overgang.models import Gesprek

from .factories import GesprekFactory


def demo_clienten(n, seed=1):
    """Clients like the demo export: beschikkingen end after the reference date, within
    one to three years; about half are vulnerable (TO3/TO4/DB2/DB3/DB5/DB6)."""
    rng = random.Random(seed)
    clienten = []
    for i in range(n):
        einde = datetime.date(2026, 10, 1) + datetime.timedelta(days=rng.randint(1, 1000))
        kwetsbaar = rng.random() < 0.5
        clienten.append(
            planner.Client(i + 1, einde, kwetsbaar, rng.choice([None, 7, 8, 9]), rng.randint(1, 8))
        )
    return clienten


def controleer(clienten, werkers, resultaat, *, start, golive, capaciteit):
    per_id = {c.id: c for c in clienten}
    afspraken = resultaat.afspraken
    weken = resultaat.weken
    # every client is planned exactly once or reported
    ids = [a.client_id for a in afspraken] + [c for c, _ in resultaat.niet_gepland]
    assert sorted(ids) == sorted(per_id)
    # before go-live, not before the start, on a weekday
    assert all(start <= a.datum < golive and a.datum.weekday() < 5 for a in afspraken)
    # a running beschikking is respected: the conversation is held before it ends
    assert all(
        per_id[a.client_id].einddatum is None or a.datum <= per_id[a.client_id].einddatum
        for a in afspraken
    )
    # weekly cap per worker
    per_werker_week = Counter((a.werker_id, planner.maandag(a.datum)) for a in afspraken)
    assert max(per_werker_week.values()) <= capaciteit
    assert {a.werker_id for a in afspraken} <= {w.id for w in werkers}
    # even spread: no week above its share of the transition year
    per_week = Counter(planner.maandag(a.datum) for a in afspraken)
    assert max(per_week.values()) <= math.ceil(len(clienten) / weken)
    # earliest-ending beschikking first: deadline order never runs backwards in weeks
    volgorde = sorted(afspraken, key=lambda a: a.uiterlijk)
    for eerder, later in zip(volgorde, volgorde[1:], strict=False):
        if eerder.uiterlijk < later.uiterlijk:
            assert planner.maandag(eerder.datum) <= planner.maandag(later.datum)
    # the most vulnerable with their current provider present
    for a in afspraken:
        c = per_id[a.client_id]
        assert a.aanbieder_id == (c.aanbieder_id if c.kwetsbaar else None)


def test_demo_schaal_voldoet_aan_alle_eisen():
    clienten = demo_clienten(2000)
    werkers = [planner.Werker(i, i % 8 + 1) for i in range(1, 41)]
    resultaat = planner.plan(
        clienten,
        werkers,
        start=demodata.START,
        golive=demodata.GOLIVE,
        capaciteit_per_week=demodata.CAPACITEIT,
    )
    assert not resultaat.niet_gepland
    controleer(
        clienten,
        werkers,
        resultaat,
        start=demodata.START,
        golive=demodata.GOLIVE,
        capaciteit=demodata.CAPACITEIT,
    )
    # the spread uses the whole year rather than the first weeks only
    weken = {planner.maandag(a.datum) for a in resultaat.afspraken}
    assert len(weken) >= resultaat.weken - 2
    # own wijk team first: with room everywhere nobody leaves their wijk
    wijk = {w.id: w.wijk_id for w in werkers}
    per_id = {c.id: c for c in clienten}
    assert all(wijk[a.werker_id] == per_id[a.client_id].wijk_id for a in resultaat.afspraken)


def test_te_weinig_capaciteit_en_te_vroeg_eindigende_beschikking_worden_gemeld():
    start, golive = datetime.date(2026, 1, 5), datetime.date(2026, 3, 2)  # 8 weeks
    clienten = [planner.Client(i, None) for i in range(1, 31)]
    clienten.append(planner.Client(99, datetime.date(2026, 1, 1)))  # ended before start
    werkers = [planner.Werker(1), planner.Werker(2)]
    resultaat = planner.plan(clienten, werkers, start=start, golive=golive, capaciteit_per_week=1)
    assert len(resultaat.afspraken) == 16
    redenen = dict(resultaat.niet_gepland)
    assert redenen[99] == planner.TE_LAAT
    assert sum(1 for r in redenen.values() if r == planner.GEEN_CAPACITEIT) == 14
    controleer(clienten, werkers, resultaat, start=start, golive=golive, capaciteit=1)


@pytest.mark.django_db
def test_service_plant_elke_to_db_client_en_laat_bestaande_staan(users, export, basis, clienten):
    services.importeer(users[Rol.WMO_CONSULENT], bestandsnaam="e.csv", inhoud=export, kanaal="ui")
    start, golive = datetime.date(2026, 6, 1), datetime.date(2027, 1, 1)
    bestaand = GesprekFactory(
        persoon=clienten["mariska"], medewerker=basis[1][0].medewerker, gepland_op=start
    )
    resultaat = services.plan_gesprekken(
        users[Rol.WMO_CONSULENT], start=start, golive=golive, capaciteit_per_week=2, kanaal="ui"
    )
    assert [a.client_id for a in resultaat.afspraken] == [clienten["pieter"].pk]
    pieter = Gesprek.objects.get(persoon=clienten["pieter"])
    # Pieter's TO2 ends 30 September: the conversation is before it; DB2 makes him
    # vulnerable, so his provider attends
    assert pieter.uiterlijk_op == datetime.date(2026, 9, 30)
    assert start <= pieter.gepland_op <= pieter.uiterlijk_op
    assert pieter.kwetsbaar and pieter.aanbieder.agb_code == "41000001"
    assert Gesprek.objects.get(pk=bestaand.pk).gepland_op == start
    # running again plans nobody twice
    opnieuw = services.plan_gesprekken(
        users[Rol.WMO_CONSULENT], start=start, golive=golive, capaciteit_per_week=2, kanaal="ui"
    )
    assert opnieuw.afspraken == [] and Gesprek.objects.count() == 2


@pytest.mark.django_db
def test_planning_controleert_invoer(users, basis):
    consulent = users[Rol.WMO_CONSULENT]
    with pytest.raises(services.ValidationError) as fout:
        services.plan_gesprekken(
            consulent,
            start=datetime.date(2026, 6, 1),
            golive=datetime.date(2026, 6, 3),
            capaciteit_per_week=2,
            kanaal="ui",
        )
    assert "golive" in fout.value.message_dict
    with pytest.raises(services.ValidationError) as fout:
        services.plan_gesprekken(
            consulent,
            start=datetime.date(2026, 6, 1),
            golive=datetime.date(2027, 1, 1),
            capaciteit_per_week=0,
            kanaal="ui",
        )
    assert "capaciteit_per_week" in fout.value.message_dict
    with pytest.raises(services.PermissionDenied):
        services.plan_gesprekken(
            users[Rol.SOCIAAL_WERKER],
            start=datetime.date(2026, 6, 1),
            golive=datetime.date(2027, 1, 1),
            capaciteit_per_week=2,
            kanaal="ui",
        )
