import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.berichten.models import Toewijzing
from openwmo.financien.models import Lumpsum
from openwmo.kwaliteit import selectors, services
from openwmo.organisaties.models import Perceel
from openwmo.plannen.models import Evaluatie, Plan, Regel
from openwmo.sturing.selectors import aantal, bereken
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def beleid(users):
    return users[Rol.BELEIDSMAKER]


@pytest.fixture
def todb(beleid):
    vandaag = timezone.localdate()
    basis = services.maak_basisovereenkomst(
        beleid,
        naam="Basis",
        ingangsdatum=datetime.date(vandaag.year - 1, 1, 1),
        einddatum=datetime.date(vandaag.year + 2, 12, 31),
    )
    return services.maak_deelovereenkomst(beleid, basis.pk, perceel_code="to-db")


@pytest.fixture
def aanbieder(users, beleid, todb):
    org = users[Rol.ZORGAANBIEDER].medewerker.organisatie
    services.voeg_partij_toe(beleid, todb.pk, aanbieder_id=org.pk, rol="hoofdaannemer")
    return org


def _kwartaal(d):
    return d.year, (d.month - 1) // 3 + 1


def _levering(users, inwoner, org, begin):
    plan = Plan.objects.create(
        huishouden=inwoner.huishouden,
        persoon=inwoner,
        status="actief",
        regievoerder_soort="professional",
        regievoerder_naam="Sanne",
        versie=1,
        aangemaakt_door=users[Rol.SOCIAAL_WERKER],
        geactiveerd_op=begin,
    )
    regel = Regel.objects.create(
        plan=plan,
        soort="aanvullend",
        resultaat="Dagritme",
        uitvoerder=org.naam,
        organisatie=org,
        productcategorie="dagbesteding",
        leveringsvorm="zin",
        ingangsdatum=begin,
        status="loopt",
    )
    Evaluatie.objects.create(regel=regel, gepland_op=begin, uitgevoerd_op=begin, voortgang="deels")
    return regel


def test_kwartaalgesprek_komt_uit_de_sturingsindicatoren(users, inwoner, beleid, aanbieder):
    vandaag = timezone.localdate()
    jaar, kwartaal = _kwartaal(vandaag)
    van, tot = selectors.kwartaal_periode(jaar, kwartaal)
    _levering(users, inwoner, aanbieder, van)
    services.dien_klacht_in(
        users[Rol.INWONER],
        thema="wachttijd",
        omschrijving="Het duurde lang voor de start.",
        aanbieder_id=aanbieder.pk,
        kanaal="ui",
    )
    Lumpsum.objects.create(
        jaar=jaar,
        perceel=Perceel.objects.get(code="to-db"),
        aanbieder=aanbieder,
        bedrag_cents=12_000_000,
    )
    gesprek = services.genereer_kwartaalgesprek(
        beleid, aanbieder_id=aanbieder.pk, jaar=jaar, kwartaal=kwartaal
    )
    cijfers = {c["sleutel"]: c for c in gesprek.cijfers}
    assert {c["sleutel"] for c in gesprek.cijfers} >= {
        "clienten", "starts", "stops", "wachttijd", "doelrealisatie", "klachten",
        "tevredenheid", "lumpsum", "lumpsum_cents",
    }  # fmt: skip
    for c in gesprek.cijfers:
        if not c["indicator"]:
            continue
        functie = aantal if c["soort"] == "aantal" else bereken
        verwacht = functie(c["indicator"], van, tot, aanbieder_id=aanbieder.pk)
        assert c["waarde"] == (None if verwacht is None else str(verwacht)), c["sleutel"]
    # the data made it into the numbers: not a review of empty values
    assert cijfers["clienten"]["waarde"] == "1"
    assert cijfers["klachten"]["waarde"] == "1"
    assert cijfers["doelrealisatie"]["waarde"] == str(
        bereken("doelrealisatie", van, tot, aanbieder_id=aanbieder.pk)
    )
    assert cijfers["doelrealisatie"]["waarde"] is not None
    assert cijfers["lumpsum_cents"]["waarde"] == "12000000"
    with pytest.raises(ValidationError):
        services.genereer_kwartaalgesprek(
            beleid, aanbieder_id=aanbieder.pk, jaar=jaar, kwartaal=kwartaal
        )
    services.bewaar_gespreksverslag(
        beleid,
        gesprek.pk,
        notities="Wachttijd besproken",
        actie="Extra capaciteit dagbesteding",
        eigenaar="Aanbieder",
        uiterlijk=tot,
    )
    assert gesprek.acties.count() == 1
    assert list(selectors.kwartaalgesprekken_in_scope(users[Rol.ZORGAANBIEDER])) == [gesprek]
    assert not selectors.kwartaalgesprekken_in_scope(f.medewerker(Rol.ZORGAANBIEDER)).exists()


def test_aanbieder_zonder_levering_gesignaleerd_behalve_unieke_ondersteuning(
    users, inwoner, beleid, todb, aanbieder
):
    vandaag = timezone.localdate()
    hoofd = todb.partijen.get()
    toewijzing = Toewijzing.objects.create(
        nummer=1,
        persoon=inwoner,
        bsn=inwoner.bsn,
        aanbieder=aanbieder,
        gemeentecode="1999",
        productcategorie="02",
        ingangsdatum=vandaag - datetime.timedelta(days=10),
        toewijzingsdatum=vandaag - datetime.timedelta(days=12),
        toewijzingstijd=datetime.time(9, 0),
    )
    stil = f.OrganisatieFactory(naam="Stil BV")
    uniek = f.OrganisatieFactory(naam="Zorgboerderij")
    for org, is_uniek in ((stil, False), (uniek, True)):
        services.voeg_partij_toe(
            beleid,
            todb.pk,
            aanbieder_id=org.pk,
            rol="onderaannemer",
            hoofdaannemer_id=hoofd.pk,
            unieke_ondersteuning=is_uniek,
        )
    rijen = {r["aanbieder"].naam: r for r in selectors.signalering_inactief(vandaag)}
    assert set(rijen) == {"Stil BV", "Zorgboerderij"}
    assert rijen["Stil BV"]["gesignaleerd"] is True
    assert rijen["Zorgboerderij"]["gesignaleerd"] is False
    # a delivery long ago does not count: the period is configurable on the contract
    todb.basisovereenkomst.inactief_na_dagen = 30
    todb.basisovereenkomst.save()
    Toewijzing.objects.filter(pk=toewijzing.pk).update(
        ingangsdatum=vandaag - datetime.timedelta(days=90),
        einddatum=vandaag - datetime.timedelta(days=60),
    )
    rijen = {r["aanbieder"].naam: r for r in selectors.signalering_inactief(vandaag)}
    assert rijen[aanbieder.naam]["gesignaleerd"] is True
