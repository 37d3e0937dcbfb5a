import pytest

from openwmo.accounts.models import Rol
from openwmo.organisaties.models import Organisatie
from openwmo.testing import factories as f
from openwmo.testing.tijd import eerder_vandaag
from openwmo.toegang import services


@pytest.fixture
def kamer(wijk):
    return f.BuurtkamerFactory(wijk=wijk, naam="De Linde")


@pytest.fixture
def hh_org():
    return f.OrganisatieFactory(naam="Schoon Thuis", soort=Organisatie.Soort.HUISHOUDELIJKE_HULP)


@pytest.fixture
def hh_medewerker(hh_org):
    return f.medewerker(Rol.ZORGAANBIEDER, organisatie=hh_org)


@pytest.fixture
def teamleider(wijk):
    user = f.medewerker(Rol.SOCIAAL_WERKER, wijken=[wijk])
    user.medewerker.is_teamleider = True
    user.medewerker.save()
    return user


def melding_voor(user, persoon, **kwargs):
    gegevens = {
        "bsn": persoon.bsn,
        "geboortedatum": persoon.geboortedatum,
        "kanaal": "telefoon",
        "ontvangen_op": eerder_vandaag(minutes=1),
        "vraag": "Ik heb hulp nodig.",
        "naam": "Bezoeker Jelle",  # only a volunteer types it (staff: ignored)
    }
    gegevens.update(kwargs)
    return services.registreer_melding(user, services.NieuweMelding(**gegevens), kanaal="ui")


def criteria_laden():
    """Leeuwarden's criteria come from a data migration; a transactional test elsewhere
    may have flushed them, so tests load them again (idempotent)."""
    from importlib import import_module

    from django.apps import apps

    import_module("openwmo.toegang.migrations.0002_criteria_leeuwarden").laden(apps, None)


@pytest.fixture(autouse=True)
def criteria(db):
    criteria_laden()
