import pytest

from openwmo.accounts.models import Rol
from openwmo.testing import factories as f


@pytest.fixture
def wijk():
    return f.WijkFactory(naam="Noord")


@pytest.fixture
def andere_wijk():
    return f.WijkFactory(naam="Zuid")


@pytest.fixture
def postcode(wijk):
    return f.PostcodeFactory(postcode="9001AB", buurt=f.BuurtFactory(wijk=wijk))


@pytest.fixture
def inwoner(postcode):
    """A resident in wijk Noord with a carer and a legal representative."""
    persoon = f.PersoonFactory(
        voornamen="Jelle",
        achternaam="Hoekstra",
        huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode)),
    )
    f.RelatieFactory(
        persoon=persoon,
        naam="Sietske Hoekstra",
        soort="broer_zus",
        is_mantelzorger=True,
        mantelzorg_uren_per_week=6,
    )
    f.RelatieFactory(
        persoon=persoon, naam="Bewind BV", soort="professional", vertegenwoordiging="bewind"
    )
    return persoon


@pytest.fixture
def inwoner_elders(andere_wijk):
    pc = f.PostcodeFactory(postcode="9002CD", buurt=f.BuurtFactory(wijk=andere_wijk))
    return f.PersoonFactory(
        voornamen="Mariska",
        achternaam="Visser",
        huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=pc)),
    )


@pytest.fixture
def users(wijk, inwoner):
    """One log-in per role; the social worker works in wijk Noord."""
    made = {}
    for rol in Rol.values:
        if rol == Rol.INWONER:
            made[rol] = f.UserFactory(rol=rol, persoon=inwoner)
        else:
            wijken = [wijk] if rol in (Rol.SOCIAAL_WERKER, Rol.VRIJWILLIGER) else []
            made[rol] = f.medewerker(rol, wijken=wijken, is_staff=rol == Rol.BEHEERDER)
    return made
