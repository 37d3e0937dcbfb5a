"""Fixtures for plan tests (plannen and besluiten): a worker, a consultant and plans."""

import pytest
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.plannen import services
from openwmo.testing import factories as f

UI = "ui"


@pytest.fixture
def werker(users):
    return users[Rol.SOCIAAL_WERKER]


@pytest.fixture
def consulent(users):
    return users[Rol.WMO_CONSULENT]


@pytest.fixture
def jelle_plan(werker, inwoner):
    """Jelle's plan: a basis worker 3 h/week flexibly, a volunteer 2 h/week for his
    finances, the job club in the buurtkamer; the worker coordinates."""
    plan = services.maak_plan(
        werker,
        bsn=inwoner.bsn,
        regievoerder_soort="professional",
        regievoerder_naam=werker.get_full_name(),
        kanaal=UI,
    )
    services.voeg_regel_toe(
        werker,
        plan.pk,
        soort="basis",
        resultaat="Jelle heeft weer ritme in zijn week",
        uitvoerder=werker.get_full_name(),
        uren_per_week="3",
        flexibel=True,
        kanaal=UI,
    )
    services.voeg_regel_toe(
        werker,
        plan.pk,
        soort="sociale_basis",
        resultaat="Overzicht over zijn financiën, schuldregeling voorbereid",
        uitvoerder="Vrijwilliger Henk",
        omschrijving="Vrijwilliger thuisadministratie, 2 uur per week",
        uren_per_week="2",
        kanaal=UI,
    )
    services.voeg_regel_toe(
        werker,
        plan.pk,
        soort="sociale_basis",
        resultaat="Weer contact met anderen en zicht op werk",
        uitvoerder="Buurtkamer De Linde",
        omschrijving="Jobclub in de buurtkamer",
        kanaal=UI,
    )
    return services.activeer(werker, plan.pk, kanaal=UI)


@pytest.fixture
def aanbieder(users):
    return users[Rol.ZORGAANBIEDER].medewerker.organisatie


@pytest.fixture
def vandaag():
    return timezone.localdate()


@pytest.fixture
def gezin(postcode):
    return f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode))
