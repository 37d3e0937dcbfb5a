import pytest
from django.http import Http404

from openwmo.accounts.models import Rol
from openwmo.inwoners import selectors
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db


def zichtbaar(user):
    return set(selectors.personen_in_scope(user).values_list("voornamen", flat=True))


def test_scope_per_rol(users, inwoner, inwoner_elders):
    partner = f.PersoonFactory(voornamen="Gerda", huishouden=inwoner.huishouden)
    assert zichtbaar(users[Rol.SOCIAAL_WERKER]) == {"Jelle", "Gerda"}
    assert zichtbaar(users[Rol.WMO_CONSULENT]) == {"Jelle", "Gerda", "Mariska"}
    assert zichtbaar(users[Rol.INWONER]) == {"Jelle"}  # a household member is not enough
    for rol in (
        Rol.VRIJWILLIGER,
        Rol.ZORGAANBIEDER,
        Rol.BELEIDSMAKER,
        Rol.TOEZICHTHOUDER,
        Rol.PRIVACY_FUNCTIONARIS,
        Rol.BEHEERDER,
    ):
        assert zichtbaar(users[rol]) == set(), rol
    assert partner.pk


def test_zoeken_op_naam_bsn_geboortedatum_postcode(users, inwoner):
    user = users[Rol.SOCIAAL_WERKER]
    for vraag in (
        selectors.Zoekvraag(naam="hoek"),
        selectors.Zoekvraag(bsn=inwoner.bsn),
        selectors.Zoekvraag(geboortedatum=inwoner.geboortedatum),
        selectors.Zoekvraag(postcode="9001 ab"),
        selectors.Zoekvraag(naam="Jelle Hoekstra"),
    ):
        assert selectors.zoek_personen(user, vraag, kanaal="ui") == [inwoner], vraag
    assert selectors.zoek_personen(user, selectors.Zoekvraag(naam="Visser"), kanaal="ui") == []
    assert AuditRecord.objects.filter(actie="zoeken").count() == 6


def test_dossier_toont_huishouden_mantelzorg_en_vertegenwoordiging(users, inwoner):
    d = selectors.dossier(users[Rol.SOCIAAL_WERKER], inwoner.pk, kanaal="ui")
    assert [lid.pk for lid in d.leden] == [inwoner.pk]
    assert [r.naam for r in d.mantelzorgers] == ["Sietske Hoekstra"]
    assert [r.naam for r in d.vertegenwoordigers] == ["Bewind BV"]


def test_elke_inzage_geeft_precies_een_auditregel(users, inwoner):
    user = users[Rol.WMO_CONSULENT]
    selectors.dossier(user, inwoner.pk, kanaal="ui")
    selectors.dossier(user, inwoner.pk, kanaal="api")
    records = AuditRecord.objects.filter(actie="lezen", persoon_id=inwoner.pk)
    assert [r.kanaal for r in records] == ["api", "ui"]
    assert records[0].organisatie == user.medewerker.organisatie.naam
    assert "Wmo 2015" in records[0].doel


def test_dossier_buiten_werkgebied_is_niet_te_vinden(users, inwoner_elders):
    with pytest.raises(Http404):
        selectors.dossier(users[Rol.SOCIAAL_WERKER], inwoner_elders.pk, kanaal="ui")
    assert not AuditRecord.objects.filter(actie="lezen").exists()


def test_aantal_inwoners_per_wijk(inwoner, inwoner_elders):
    assert selectors.aantal_inwoners_per_wijk() == [
        {"wijk": "Noord", "aantal": 1},
        {"wijk": "Zuid", "aantal": 1},
    ]
