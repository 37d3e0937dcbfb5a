import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from openwmo.accounts.models import Rol as Gebruikersrol
from openwmo.kwaliteit import selectors, services
from openwmo.kwaliteit.models import Contractpartij, Rol
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def beleid(users):
    return users[Gebruikersrol.BELEIDSMAKER]


@pytest.fixture
def basis(beleid):
    return services.maak_basisovereenkomst(
        beleid, naam="Basis 2026", ingangsdatum=D(2026, 1, 1), einddatum=D(2027, 12, 31)
    )


@pytest.fixture
def delen(beleid, basis):
    return {
        code: services.maak_deelovereenkomst(beleid, basis.pk, perceel_code=code)
        for code in ("basis", "to-db", "hh")
    }


def test_hoofdaannemer_in_basis_en_aanvullend_geweigerd(beleid, delen):
    org = f.OrganisatieFactory(naam="Samen Sterk", soort="basis")
    services.voeg_partij_toe(beleid, delen["basis"].pk, aanbieder_id=org.pk, rol=Rol.HOOFDAANNEMER)
    with pytest.raises(ValidationError) as exc:
        services.voeg_partij_toe(
            beleid, delen["to-db"].pk, aanbieder_id=org.pk, rol=Rol.HOOFDAANNEMER
        )
    bericht = exc.value.message_dict["rol"][0]
    assert "Samen Sterk is al hoofdaannemer in Basisondersteuning" in bericht
    assert "onderaannemer kan wel" in bericht
    assert not Contractpartij.objects.filter(deelovereenkomst=delen["to-db"]).exists()


def test_hoofdaannemer_in_de_ene_en_onderaannemer_in_de_andere_pijler_mag(beleid, delen):
    org = f.OrganisatieFactory(soort="aanvullend")
    hoofd = services.voeg_partij_toe(
        beleid, delen["basis"].pk, aanbieder_id=f.OrganisatieFactory().pk, rol=Rol.HOOFDAANNEMER
    )
    services.voeg_partij_toe(beleid, delen["to-db"].pk, aanbieder_id=org.pk, rol=Rol.HOOFDAANNEMER)
    onder = services.voeg_partij_toe(
        beleid,
        delen["basis"].pk,
        aanbieder_id=org.pk,
        rol=Rol.ONDERAANNEMER,
        hoofdaannemer_id=hoofd.pk,
        kleine_partij=True,
    )
    assert onder.hoofdaannemer == hoofd
    rapport = selectors.kleine_partijen_rapport(2026)
    basisregel = next(r for r in rapport if r["perceel"] == "Basisondersteuning")
    assert basisregel["voldoet"] and basisregel["kleine_partijen"] == [org.naam]
    todb = next(r for r in rapport if r["perceel"] == "Thuisondersteuning en dagbesteding")
    assert not todb["voldoet"]


def test_na_afloop_van_hoofdaannemerschap_mag_de_andere_pijler(beleid, delen):
    org = f.OrganisatieFactory()
    services.voeg_partij_toe(
        beleid,
        delen["basis"].pk,
        aanbieder_id=org.pk,
        rol=Rol.HOOFDAANNEMER,
        einddatum=D(2026, 6, 30),
    )
    services.voeg_partij_toe(
        beleid,
        delen["hh"].pk,
        aanbieder_id=org.pk,
        rol=Rol.HOOFDAANNEMER,
        ingangsdatum=D(2026, 7, 1),
    )


def test_maximum_hoofdaannemers_per_perceel(beleid, delen):
    for _ in range(2):
        services.voeg_partij_toe(
            beleid, delen["hh"].pk, aanbieder_id=f.OrganisatieFactory().pk, rol="hoofdaannemer"
        )
    with pytest.raises(ValidationError) as exc:
        services.voeg_partij_toe(
            beleid, delen["hh"].pk, aanbieder_id=f.OrganisatieFactory().pk, rol="hoofdaannemer"
        )
    assert "al 2 hoofdaannemers" in exc.value.message_dict["aanbieder"][0]


def test_onderaannemer_heeft_hoofdaannemer_nodig(beleid, delen):
    with pytest.raises(ValidationError) as exc:
        services.voeg_partij_toe(
            beleid, delen["to-db"].pk, aanbieder_id=f.OrganisatieFactory().pk, rol="onderaannemer"
        )
    assert "hoofdaannemer" in exc.value.message_dict


def test_contractpartijen_per_jaar_en_verlenging(beleid, basis, delen):
    org = f.OrganisatieFactory(naam="Thuishulp")
    services.voeg_partij_toe(beleid, delen["hh"].pk, aanbieder_id=org.pk, rol="hoofdaannemer")
    assert selectors.contractpartijen("hh", 2026) == [
        {"aanbieder_id": org.pk, "naam": "Thuishulp", "rol": "hoofdaannemer"}
    ]
    assert selectors.contractpartijen("hh", 2028) == []
    assert selectors.contractpartijen("to-db", 2026) == []
    services.verleng(beleid, basis.pk, tot=D(2028, 12, 31))
    assert len(selectors.contractpartijen("hh", 2028)) == 1
    with pytest.raises(ValidationError):
        services.verleng(beleid, basis.pk, tot=D(2028, 6, 30))
    services.verleng(beleid, basis.pk, tot=D(2029, 12, 31))
    with pytest.raises(ValidationError) as exc:
        services.verleng(beleid, basis.pk, tot=D(2030, 12, 31))
    assert "2 keer verlengd" in exc.value.message_dict["tot"][0]


def test_alleen_contractmanager(users, basis):
    with pytest.raises(PermissionDenied):
        services.maak_deelovereenkomst(
            users[Gebruikersrol.TOEZICHTHOUDER], basis.pk, perceel_code="hh"
        )


def test_onbekend_perceel_en_dubbele_deelovereenkomst(beleid, basis, delen):
    with pytest.raises(ValidationError):
        services.maak_deelovereenkomst(beleid, basis.pk, perceel_code="xx")
    with pytest.raises(ValidationError):
        services.maak_deelovereenkomst(beleid, basis.pk, perceel_code="hh")
