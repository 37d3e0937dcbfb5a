"""Eigen bijdrage: each exemption, the 6-month and 5-contact boundaries, and the CAK file."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from openwmo.accounts.models import Rol
from openwmo.financien import selectors, services
from openwmo.financien.eigenbijdrage import (
    Feiten,
    Periode,
    Voorziening,
    beoordeel,
    cak_bestand,
    periodes,
    plus_maanden,
)
from openwmo.financien.models import Abonnementstarief
from openwmo.inwoners.models import Huishouden
from openwmo.plannen.models import Plan, Regel
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db
START = datetime.date(2026, 1, 31)


def tarief(datum=START):
    return selectors.abonnementstarief_op(datum)


def feiten(**kw):
    return Feiten(**{"voorziening": Voorziening.BEGELEIDING, "ingangsdatum": START, **kw})


def test_tarieven_met_geldigheidsdatum():
    assert (
        tarief(datetime.date(2019, 6, 1)).bedrag_cents,
        tarief(datetime.date(2019, 6, 1)).periode,
    ) == (
        1_750,
        "4_weken",
    )
    assert tarief(datetime.date(2023, 12, 31)).bedrag_cents == 1_900
    assert tarief(datetime.date(2024, 1, 1)).bedrag_cents == 2_060
    assert tarief(datetime.date(2025, 5, 1)).bedrag_cents == 2_100
    assert tarief(datetime.date(2026, 12, 1)).bedrag_cents == 2_180
    assert tarief(datetime.date(2018, 12, 31)) is None


def test_duurzame_begeleiding_betaalt_het_abonnementstarief():
    u = beoordeel(feiten(), tarief())
    assert u.verschuldigd and u.bedrag_cents == 2_180 and u.periode == "per maand"


def test_grens_van_zes_maanden():
    grens = plus_maanden(START, 6)
    assert grens == datetime.date(2026, 7, 31)
    assert not beoordeel(
        feiten(verwachte_einddatum=grens - datetime.timedelta(days=1)), tarief()
    ).verschuldigd
    assert beoordeel(feiten(verwachte_einddatum=grens), tarief()).verschuldigd
    assert plus_maanden(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)


def test_grens_van_vijf_contactmomenten():
    assert not beoordeel(feiten(contactmomenten=4), tarief()).verschuldigd
    assert beoordeel(feiten(contactmomenten=5), tarief()).verschuldigd


@pytest.mark.parametrize(
    "voorziening",
    [Voorziening.INLOOP, Voorziening.PREVENTIE, Voorziening.INFORMATIE_ADVIES],
)
def test_geen_duurzame_relatie(voorziening):
    u = beoordeel(feiten(voorziening=voorziening), tarief())
    assert not u.verschuldigd and "duurzame" in u.reden


def test_vrijstellingen():
    t = tarief()
    assert not beoordeel(feiten(meerpersoons_onder_aow=True), t).verschuldigd
    assert not beoordeel(feiten(leeftijd=17), t).verschuldigd
    assert beoordeel(feiten(leeftijd=18), t).verschuldigd
    # under 18 does pay for a home adaptation
    assert beoordeel(feiten(voorziening=Voorziening.WONINGAANPASSING, leeftijd=12), t).verschuldigd
    assert not beoordeel(feiten(voorziening=Voorziening.ROLSTOEL), t).verschuldigd
    assert "eigen regeling" in beoordeel(feiten(voorziening=Voorziening.BESCHERMD_WONEN), t).reden
    assert not beoordeel(feiten(voorziening=Voorziening.OPVANG), t).verschuldigd


def test_collectief_vervoer_is_een_keuze_van_de_gemeente():
    t = tarief()
    assert not beoordeel(feiten(voorziening=Voorziening.VERVOER), t).verschuldigd
    t.vervoer_vrijgesteld = False
    assert beoordeel(feiten(voorziening=Voorziening.VERVOER), t).verschuldigd


def test_inkomensafhankelijke_regel_vanaf_2027():
    t = Abonnementstarief.objects.create(
        geldig_vanaf=datetime.date(2027, 1, 1),
        bedrag_cents=0,
        periode="maand",
        inkomensafhankelijk=True,
    )
    u = beoordeel(feiten(ingangsdatum=datetime.date(2027, 2, 1)), t)
    assert u.verschuldigd and u.bedrag_cents is None and "CAK" in u.reden


def test_periodes_per_persoon():
    d = datetime.date
    p = periodes(
        [
            (1, "111", d(1950, 1, 1), d(2026, 3, 1), d(2026, 12, 31)),
            (1, "111", d(1950, 1, 1), d(2026, 1, 15), d(2026, 9, 30)),
            (2, "222", d(1960, 1, 1), d(2026, 2, 1), None),
            (2, "222", d(1960, 1, 1), d(2026, 1, 1), d(2026, 6, 30)),
        ]
    )
    assert p[0] == Periode(1, "111", d(1950, 1, 1), d(2026, 1, 15), d(2026, 12, 31))
    assert p[1].start == d(2026, 1, 1) and p[1].stop is None


def test_cak_bestand_formaat():
    d = datetime.date
    tekst = cak_bestand(
        [
            Periode(7, "123456782", d(1950, 1, 2), d(2026, 10, 5), None),
            Periode(8, "111222333", d(1940, 3, 4), d(2025, 1, 1), d(2026, 10, 31)),
            Periode(9, "999999999", d(1940, 3, 4), d(2026, 9, 1), None),
        ],
        gemeentecode="1999",
        jaar=2026,
        maand=10,
        aangemaakt=d(2026, 11, 1),
    )
    assert tekst == (
        "OWCAK;1;1999;2026-10;2026-11-01;2\n"
        "START;123456782;19500102;20261005;OW0000000007\n"
        "STOP;111222333;19400304;20261031;OW0000000008\n"
    )


def _plan(persoon, **regel):
    plan = Plan.objects.create(
        huishouden=persoon.huishouden,
        persoon=persoon,
        status="actief",
        versie=1,
        regievoerder_soort="professional",
        geactiveerd_op=datetime.date(2026, 1, 1),
    )
    defaults = {"soort": "basis", "resultaat": "Grip", "uitvoerder": "Sanne", "uren_per_week": 2}
    return Regel.objects.create(plan=plan, **{**defaults, **regel})


def test_inwoner_ziet_eigen_bijdrage_en_inzage_wordt_gelogd(users, inwoner):
    _plan(inwoner, ingangsdatum=datetime.date(2026, 2, 1))
    inwoner.geboortedatum = datetime.date(1950, 1, 1)
    inwoner.save()
    uit = selectors.eigen_bijdrage(
        users[Rol.INWONER], inwoner.pk, kanaal="ui", vandaag=datetime.date(2026, 3, 1)
    )
    assert uit["verschuldigd"] and uit["bedrag_cents"] == 2_180
    assert AuditRecord.objects.filter(
        persoon_id=inwoner.pk, object_type="financien.eigen_bijdrage"
    ).exists()
    ander = f.PersoonFactory()
    with pytest.raises(PermissionDenied):
        selectors.eigen_bijdrage(users[Rol.INWONER], ander.pk, kanaal="ui")
    with pytest.raises(PermissionDenied):
        selectors.eigen_bijdrage(users[Rol.BELEIDSMAKER], inwoner.pk, kanaal="ui")


def test_meerpersoonshuishouden_onder_aow_is_vrijgesteld(users, inwoner):
    inwoner.huishouden.samenstelling = Huishouden.Samenstelling.PAAR
    inwoner.huishouden.save()
    f.PersoonFactory(huishouden=inwoner.huishouden, geboortedatum=datetime.date(1990, 1, 1))
    _plan(inwoner, ingangsdatum=datetime.date(2026, 2, 1))
    uit = selectors.eigen_bijdrage(
        users[Rol.INWONER], inwoner.pk, kanaal="ui", vandaag=datetime.date(2026, 3, 1)
    )
    assert not uit["verschuldigd"]
    assert "AOW" in uit["regels"][0]["uitkomst"].reden


def test_cak_levering_voor_een_maand(users, inwoner):
    gemeente = users[Rol.BELEIDSMAKER].medewerker.organisatie
    gemeente.gemeentecode = "1999"
    gemeente.save()
    inwoner.geboortedatum = datetime.date(1950, 1, 1)
    inwoner.save()
    _plan(inwoner, ingangsdatum=datetime.date(2026, 10, 5))
    kort = f.PersoonFactory(geboortedatum=datetime.date(1950, 1, 1))
    _plan(kort, ingangsdatum=datetime.date(2026, 10, 1), einddatum=datetime.date(2026, 11, 30))
    tekst = services.cak_levering(
        users[Rol.BELEIDSMAKER], jaar=2026, maand=10, vandaag=datetime.date(2026, 11, 1)
    )
    regels = tekst.splitlines()
    assert regels[0] == "OWCAK;1;1999;2026-10;2026-11-01;1"
    assert regels[1] == f"START;{inwoner.bsn};19500101;20261005;OW{inwoner.pk:010d}"
    assert (
        AuditRecord.objects.filter(
            persoon_id=inwoner.pk, object_type="financien.cak_levering"
        ).count()
        == 1
    )
    with pytest.raises(PermissionDenied):
        services.cak_levering(users[Rol.ZORGAANBIEDER], jaar=2026, maand=10)


def test_dossiersectie_voor_de_consulent(client, users, inwoner):
    _plan(inwoner, ingangsdatum=datetime.date(2026, 2, 1))
    client.force_login(users[Rol.WMO_CONSULENT])
    html = client.get(f"/inwoners/{inwoner.pk}/").content.decode()
    assert "Eigen bijdrage" in html and "Grip" in html
    client.force_login(users[Rol.BELEIDSMAKER])
    from openwmo.financien import dossiersecties

    assert dossiersecties.secties(users[Rol.BELEIDSMAKER], inwoner) == []
