"""factory_boy factories for tests: synthetic data only (BSNs from the 999 test range)."""

import datetime

import factory
from stdnum.nl import bsn as stdnum_bsn

from openwmo.accounts.models import Rol, User
from openwmo.gebieden.models import Buurt, Buurtkamer, Openingstijd, Postcode, Wijk
from openwmo.inwoners.models import Adres, Huishouden, Persoon, Relatie
from openwmo.organisaties.models import Medewerker, Organisatie

PASSWORD = "test-wachtwoord-2026"


def synthetic_bsn(n: int) -> str:
    """The n-th valid BSN counting down from 999999999 (the BRP test range)."""
    prefix = 99999999
    while True:
        digits = [int(c) for c in f"{prefix:08d}"]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            if n == 0:
                value = f"{prefix:08d}{check}"
                assert stdnum_bsn.is_valid(value)
                return value
            n -= 1
        prefix -= 1


class WijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijk

    code = factory.Sequence(lambda n: f"WK99{n:04d}")
    naam = factory.Sequence(lambda n: f"Wijk {n}")


class BuurtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Buurt

    code = factory.Sequence(lambda n: f"BU99{n:06d}")
    naam = factory.Sequence(lambda n: f"Buurt {n}")
    wijk = factory.SubFactory(WijkFactory)


class PostcodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Postcode

    postcode = factory.Sequence(lambda n: f"{9000 + n // 26:04d}A{chr(65 + n % 26)}")
    buurt = factory.SubFactory(BuurtFactory)
    straat = "Lindelaan"
    woonplaats = "Lindeveen"
    latitude = "53.100000"
    longitude = "5.800000"


class BuurtkamerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Buurtkamer

    naam = factory.Sequence(lambda n: f"Buurtkamer {n}")
    wijk = factory.SubFactory(WijkFactory)
    straat = "Dorpsplein"
    huisnummer = 1
    postcode = "9000AA"
    woonplaats = "Lindeveen"


class OpeningstijdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Openingstijd

    buurtkamer = factory.SubFactory(BuurtkamerFactory)
    weekdag = 1
    van = datetime.time(9, 0)
    tot = datetime.time(12, 0)


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie

    naam = factory.Sequence(lambda n: f"Organisatie {n}")
    soort = Organisatie.Soort.AANVULLEND
    agb_code = factory.Sequence(lambda n: f"7{n:07d}")
    kvk_nummer = factory.Sequence(lambda n: f"6{n:07d}")


class AdresFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Adres

    straat = "Lindelaan"
    huisnummer = factory.Sequence(lambda n: n + 1)
    postcode = factory.LazyAttribute(lambda o: o.buurt_postcode.postcode)
    woonplaats = "Lindeveen"
    buurt = factory.LazyAttribute(lambda o: o.buurt_postcode.buurt)

    class Params:
        buurt_postcode = factory.SubFactory(PostcodeFactory)


class HuishoudenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Huishouden

    adres = factory.SubFactory(AdresFactory)
    samenstelling = Huishouden.Samenstelling.ALLEENSTAAND


class PersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persoon

    bsn = factory.Sequence(synthetic_bsn)
    voornamen = factory.Sequence(lambda n: f"Anne{n}")
    achternaam = factory.Sequence(lambda n: f"de Vries{n}")
    geboortedatum = datetime.date(1950, 5, 17)
    geslacht = Persoon.Geslacht.VROUW
    huishouden = factory.SubFactory(HuishoudenFactory)


class RelatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Relatie

    persoon = factory.SubFactory(PersoonFactory)
    naam = "Kees Jansen"
    soort = Relatie.Soort.KIND


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"Bakker{n}")
    rol = Rol.SOCIAAL_WERKER
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def wijken(self, create, extracted, **kwargs):
        if create and extracted:
            self.wijken.set(extracted)
        if create:
            self.save()


class MedewerkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medewerker

    user = factory.SubFactory(UserFactory)
    organisatie = factory.SubFactory(OrganisatieFactory)
    functie = "Generalist"


def medewerker(rol: str, *, wijken=(), organisatie=None, **kwargs) -> User:
    """A log-in with a role, an organisation and (optionally) neighbourhoods."""
    soort = {
        Rol.SOCIAAL_WERKER: Organisatie.Soort.BASISONDERSTEUNING,
        Rol.VRIJWILLIGER: Organisatie.Soort.VRIJWILLIGERS,
        Rol.ZORGAANBIEDER: Organisatie.Soort.AANVULLEND,
    }.get(rol, Organisatie.Soort.GEMEENTE)
    organisatie = organisatie or OrganisatieFactory(soort=soort)
    user = UserFactory(rol=rol, wijken=list(wijken), **kwargs)
    MedewerkerFactory(user=user, organisatie=organisatie)
    return user
