import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from openwmo.accounts.models import Rol
from openwmo.inwoners import services
from openwmo.inwoners.models import Adres, Huishouden, Persoon
from openwmo.privacy.models import AuditRecord
from openwmo.testing.factories import synthetic_bsn

pytestmark = pytest.mark.django_db


def gegevens(**kwargs):
    data = dict(
        bsn=synthetic_bsn(500),
        voornamen="Pieter",
        achternaam="Jansen",
        geboortedatum=datetime.date(1997, 3, 1),
        straat="Lindelaan",
        huisnummer=12,
        postcode="9001 ab",
        woonplaats="Lindeveen",
    )
    data.update(kwargs)
    return services.NieuweInwoner(**data)


def counts():
    return (
        Persoon.objects.count(),
        Huishouden.objects.count(),
        Adres.objects.count(),
        AuditRecord.objects.count(),
    )


def test_registreer_inwoner_maakt_huishouden_in_de_buurt_van_de_postcode(users, postcode):
    persoon = services.registreer_inwoner(users[Rol.SOCIAAL_WERKER], gegevens(), kanaal="ui")
    assert persoon.huishouden.adres.postcode == "9001AB"
    assert persoon.huishouden.adres.buurt == postcode.buurt
    assert persoon.huishouden.samenstelling == Huishouden.Samenstelling.ALLEENSTAAND
    record = AuditRecord.objects.get(actie="aanmaken")
    assert record.persoon_id == persoon.pk
    assert record.gebruikersnaam == users[Rol.SOCIAAL_WERKER].username


@pytest.mark.parametrize(
    ("wijziging", "veld", "tekst"),
    [
        ({"bsn": "999999991"}, "bsn", "elfproef"),
        ({"bsn": "12345"}, "bsn", "9 cijfers"),
        ({"postcode": "0123AB"}, "postcode", "geldige postcode"),
        ({"postcode": "1234 SS"}, "postcode", "geldige postcode"),
        ({"postcode": "9999ZZ"}, "postcode", "niet in de gemeente"),
        ({"achternaam": "x" * 121}, "achternaam", "niet meer dan 120"),
        ({"voornamen": ""}, "voornamen", "niet leeg"),
        ({"geboortedatum": datetime.date(2100, 1, 1)}, "geboortedatum", "toekomst"),
        ({"telefoon": "bel me"}, "telefoon", "telefoonnummer"),
        ({"huisletter": "AB"}, "huisletter", "één letter"),
    ],
)
def test_foute_invoer_geeft_nederlandse_melding_en_slaat_niets_op(
    users, postcode, wijziging, veld, tekst
):
    voor = counts()
    with pytest.raises(ValidationError) as exc:
        services.registreer_inwoner(users[Rol.SOCIAAL_WERKER], gegevens(**wijziging), kanaal="ui")
    assert tekst in " ".join(exc.value.message_dict[veld])
    assert counts() == voor


def test_dubbel_bsn_wordt_geweigerd(users, inwoner):
    with pytest.raises(ValidationError) as exc:
        services.registreer_inwoner(
            users[Rol.WMO_CONSULENT],
            gegevens(bsn=inwoner.bsn, postcode=inwoner.huishouden.adres.postcode),
            kanaal="ui",
        )
    assert "al een inwoner" in exc.value.message_dict["bsn"][0]


def test_sociaal_werker_registreert_niet_buiten_eigen_werkgebied(users, inwoner_elders):
    pc = inwoner_elders.huishouden.adres.postcode
    with pytest.raises(ValidationError) as exc:
        services.registreer_inwoner(users[Rol.SOCIAAL_WERKER], gegevens(postcode=pc), kanaal="ui")
    assert "buiten uw werkgebied" in exc.value.message_dict["postcode"][0]
    # the municipal consultant works municipality-wide
    assert services.registreer_inwoner(users[Rol.WMO_CONSULENT], gegevens(postcode=pc), kanaal="ui")


@pytest.mark.parametrize(
    "rol", [Rol.VRIJWILLIGER, Rol.ZORGAANBIEDER, Rol.BELEIDSMAKER, Rol.INWONER]
)
def test_andere_rollen_registreren_geen_inwoners(users, postcode, rol):
    with pytest.raises(PermissionDenied):
        services.registreer_inwoner(users[rol], gegevens(), kanaal="ui")
    assert Persoon.objects.count() == 1


def test_wijzig_contactgegevens_bewaart_oude_en_nieuwe_waarde(users, inwoner):
    services.wijzig_contactgegevens(
        users[Rol.SOCIAAL_WERKER], inwoner.pk, kanaal="ui", telefoon="0612345678"
    )
    inwoner.refresh_from_db()
    assert inwoner.telefoon == "0612345678"
    record = AuditRecord.objects.get(actie="wijzigen")
    assert record.oude_waarden == {"telefoon": ""}
    assert record.nieuwe_waarden == {"telefoon": "0612345678"}
    assert record.velden == ["telefoon"]


def test_wijzig_contactgegevens_met_fout_wijzigt_niets(users, inwoner):
    with pytest.raises(ValidationError):
        services.wijzig_contactgegevens(
            users[Rol.SOCIAAL_WERKER], inwoner.pk, kanaal="ui", email="geen-adres"
        )
    inwoner.refresh_from_db()
    assert inwoner.email == ""
    assert not AuditRecord.objects.filter(actie="wijzigen").exists()


def test_wijzig_contactgegevens_buiten_werkgebied_geweigerd(users, inwoner_elders):
    with pytest.raises(PermissionDenied):
        services.wijzig_contactgegevens(
            users[Rol.SOCIAAL_WERKER], inwoner_elders.pk, kanaal="ui", telefoon="0612345678"
        )


def test_inwoner_wijzigt_eigen_contactgegevens(users, inwoner):
    services.wijzig_contactgegevens(
        users[Rol.INWONER], inwoner.pk, kanaal="ui", email="j@example.nl"
    )
    inwoner.refresh_from_db()
    assert inwoner.email == "j@example.nl"
