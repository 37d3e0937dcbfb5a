"""The demo transition on a small town: Mariska and Pieter are imported, get their
conversation and the outcomes of the plan's examples; the schedule keeps every rule."""

import datetime
import math
import random
from collections import Counter

import pytest
from django.db.models import Min

from openwmo.accounts.models import Rol
from openwmo.demo.demodata import overgang as demodata
from openwmo.demo.personas import MARISKA, PIETER
from openwmo.organisaties.models import Organisatie
from openwmo.overgang import importer, planner, selectors
from openwmo.overgang.models import BestaandeBeschikking, Gesprek, Overstap
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def stad(wijk, postcode):
    f.medewerker(Rol.WMO_CONSULENT, username="consulent")
    basis = f.OrganisatieFactory(soort=Organisatie.Soort.BASISONDERSTEUNING)
    team = basis.teams.create(naam="Wijkteam", wijk=wijk)
    for _ in range(4):
        u = f.medewerker(Rol.SOCIAAL_WERKER, wijken=[wijk], organisatie=basis)
        u.medewerker.team = team
        u.medewerker.save()
    for _ in range(5):
        org = f.OrganisatieFactory(soort=Organisatie.Soort.AANVULLEND)
        for _ in range(2):
            f.medewerker(Rol.ZORGAANBIEDER, organisatie=org)
    for _ in range(2):
        f.OrganisatieFactory(soort=Organisatie.Soort.HUISHOUDELIJKE_HULP)
    for p in (MARISKA, PIETER):
        f.PersoonFactory(
            voornamen=p.voornamen,
            achternaam=p.achternaam,
            geboortedatum=p.geboortedatum,
            huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode)),
        )
    rng = random.Random(3)
    for _ in range(400):
        f.PersoonFactory(
            geboortedatum=datetime.date(rng.randint(1930, 2000), 3, 1),
            huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode)),
        )


def laatste(persona):
    g = Gesprek.objects.get(
        persoon__voornamen=persona.voornamen, persoon__achternaam=persona.achternaam
    )
    return g, selectors.laatste_uitkomst(g)


def test_demo_overgang_mariska_en_pieter(stad):
    samenvatting = demodata.vul(random.Random(1))
    assert samenvatting["overgang_gesprekken"] > 2
    producten = {
        p.voornamen: sorted(
            BestaandeBeschikking.objects.filter(
                persoon__voornamen=p.voornamen, persoon__achternaam=p.achternaam
            ).values_list("product", flat=True)
        )
        for p in (MARISKA, PIETER)
    }
    assert producten == {"Mariska": ["DB5", "TO3"], "Pieter": ["DB2", "TO2"]}

    g, u = laatste(MARISKA)
    assert g.kwetsbaar and g.aanbieder is not None  # her regular provider attends
    assert (u.route, u.overgangsperiode_maanden, u.maatwerk) == ("aanvullend", 0, False)
    g, u = laatste(PIETER)
    assert (u.route, u.overgangsperiode_maanden) == ("basis", 3)
    assert u.wijzigingsdatum == demodata.GOLIVE
    # his regular support worker moves with him to the basis provider
    begeleider = g.persoon.vaste_begeleiders.get().medewerker
    assert Overstap.objects.get(medewerker=begeleider).naar.soort == "basis"
    assert selectors.client_werkerrelaties().totaal == samenvatting["overgang_begeleiders"]


def test_demo_planning_voldoet_aan_elke_eis(stad):
    demodata.vul(random.Random(2))
    clienten = set(
        BestaandeBeschikking.objects.filter(product__in=importer.HERBEOORDELEN).values_list(
            "persoon_id", flat=True
        )
    )
    gesprekken = list(Gesprek.objects.all())
    # everyone with TO or DB has exactly one conversation
    assert sorted(g.persoon_id for g in gesprekken) == sorted(clienten)
    einde = dict(
        BestaandeBeschikking.objects.filter(product__in=importer.HERBEOORDELEN)
        .values("persoon_id")
        .annotate(e=Min("einddatum"))
        .values_list("persoon_id", "e")
    )
    for g in gesprekken:
        # before go-live, in the window, before the running beschikking ends
        assert demodata.START <= g.gepland_op < demodata.GOLIVE
        assert g.gepland_op <= g.uiterlijk_op <= einde[g.persoon_id]
    # weekly cap per worker and an even spread over the weeks
    per_werker = Counter((g.medewerker_id, planner.maandag(g.gepland_op)) for g in gesprekken)
    assert max(per_werker.values()) <= demodata.CAPACITEIT
    weken = ((demodata.GOLIVE - planner.maandag(demodata.START)).days + 6) // 7
    per_week = Counter(planner.maandag(g.gepland_op) for g in gesprekken)
    assert max(per_week.values()) <= math.ceil(len(gesprekken) / weken)
    # earliest-ending first
    volgorde = sorted(gesprekken, key=lambda g: g.uiterlijk_op)
    for a, b in zip(volgorde, volgorde[1:], strict=False):
        if a.uiterlijk_op < b.uiterlijk_op:
            assert planner.maandag(a.gepland_op) <= planner.maandag(b.gepland_op)
    # vulnerable clients with a provider have that provider present
    aanbieders = dict(
        BestaandeBeschikking.objects.filter(
            product__in=importer.KWETSBAAR, aanbieder__isnull=False
        ).values_list("persoon_id", "aanbieder_id")
    )
    for g in gesprekken:
        if g.persoon_id in aanbieders:
            assert g.kwetsbaar and g.aanbieder_id is not None
