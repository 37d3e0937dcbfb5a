"""A resident sees their own file and the files of persons they legally represent
(registered with a ground), never those of other members of their household."""

import datetime

import pytest
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol
from openwmo.inwoners import selectors
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(inwoner):
    return f.PersoonFactory(
        voornamen="Gerda",
        geboortedatum=datetime.date(1970, 3, 1),
        huishouden=inwoner.huishouden,
        rol_in_huishouden="partner",
    )


@pytest.fixture
def moeder(inwoner_elders, inwoner):
    """Jelle is his mother's mentor (registered on her relations, with the ground)."""
    moeder = f.PersoonFactory(voornamen="Trijntje", huishouden=inwoner_elders.huishouden)
    f.RelatieFactory(
        persoon=moeder, gerelateerde=inwoner, soort="kind", vertegenwoordiging="mentorschap"
    )
    return moeder


def test_huisgenoot_is_niet_zichtbaar(client, users, inwoner, partner):
    user = users[Rol.INWONER]
    assert list(selectors.personen_in_scope(user)) == [inwoner]
    client.force_login(user)
    assert client.get(f"/inwoners/{partner.pk}/").status_code == 404
    eigen = client.get(f"/inwoners/{inwoner.pk}/")
    assert eigen.status_code == 200
    assert "Gerda" not in eigen.content.decode()
    api = APIClient()
    api.force_login(user)
    assert api.get(f"/api/v1/personen/{partner.pk}/").status_code == 404
    assert not AuditRecord.objects.filter(persoon_id=partner.pk).exists()


def test_vertegenwoordigde_is_zichtbaar_met_dat_doel(client, users, inwoner, moeder):
    user = users[Rol.INWONER]
    assert set(selectors.personen_in_scope(user)) == {inwoner, moeder}
    client.force_login(user)
    assert client.get(f"/inwoners/{moeder.pk}/").status_code == 200
    record = AuditRecord.objects.get(persoon_id=moeder.pk)
    assert "vertegenwoordiger" in record.doel
    assert record.gebruiker == user


def test_relatie_zonder_grond_geeft_geen_toegang(users, inwoner, inwoner_elders):
    f.RelatieFactory(persoon=inwoner_elders, gerelateerde=inwoner, soort="buur")
    assert list(selectors.personen_in_scope(users[Rol.INWONER])) == [inwoner]


def test_vertegenwoordiger_van_jelle_ziet_jelle_niet_andersom(users, inwoner, inwoner_elders):
    """The direction matters: being represented gives no access to the representative."""
    f.RelatieFactory(persoon=inwoner, gerelateerde=inwoner_elders, vertegenwoordiging="bewind")
    assert list(selectors.personen_in_scope(users[Rol.INWONER])) == [inwoner]
    vertegenwoordiger = f.UserFactory(rol=Rol.INWONER, persoon=inwoner_elders)
    assert set(selectors.personen_in_scope(vertegenwoordiger)) == {inwoner_elders, inwoner}
