import pytest

from openwmo.accounts.models import Rol
from openwmo.berichten.models import Uitvoeringsvariant as V
from openwmo.testing import factories as f

from . import keten


@pytest.fixture
def gem():
    return keten.gemeente()


@pytest.fixture
def consulent(gem):
    return f.medewerker(Rol.WMO_CONSULENT, organisatie=gem)


@pytest.fixture
def aanbieder(gem):
    """(organisatie, zorgaanbieder-user): 02/07 inspanningsgericht, 01 outputgericht with a
    tarief, 06 taakgericht, 03 lumpsum met toewijzing (Leeuwarden)."""
    org, user = keten.aanbieder_met_gebruiker(
        c02=V.INSPANNINGSGERICHT,
        c07=V.INSPANNINGSGERICHT,
        c06=V.TAAKGERICHT,
        c03=V.LUMPSUM_TOEWIJZING,
    )
    keten.contract(org, "01", V.OUTPUTGERICHT, tarief=3000)
    return org, user


@pytest.fixture
def mariska():
    """With a home address: a 301 needs a postcode or a telephone number (CD034, TR006)."""
    return f.PersoonFactory(voornamen="Mariska", achternaam="Visser")
