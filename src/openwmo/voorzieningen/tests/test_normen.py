import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from openwmo.accounts.models import Rol
from openwmo.privacy.models import AuditRecord
from openwmo.voorzieningen import normen, selectors, services
from openwmo.voorzieningen.models import Beoordeling

pytestmark = pytest.mark.django_db
UI = "ui"


@pytest.fixture
def kader():
    v = normen.VOORBEELD
    return services.laad_normenkader(
        None,
        naam=v["naam"],
        bron=v["bron"],
        ingangsdatum=datetime.date(2020, 1, 1),
        inhoud=v["inhoud"],
        kanaal=UI,
    )


def _beoordeel(user, persoon, personen, kamers, overname, toeslagen=()):
    codes = ("licht", "zwaar", "was", "bed", "boodschappen")
    return services.beoordeel_hh(
        user,
        persoon_id=persoon.pk,
        personen=personen,
        kamers=kamers,
        overname=dict(zip(codes, overname, strict=True)),
        toeslagen=toeslagen,
        kanaal=UI,
    )


# Worked by hand from the shipped example (minutes per week):
# A: 1 person, 3 rooms: light 60×50% = 30, heavy 90, laundry 0, beds 10, shopping 0 → 130
# B: 2 persons, 4 rooms, hygiene supplement: light 70×25% = 17,5 → 18, heavy 105, laundry
#    45×50% = 22,5 → 23, beds 15, shopping 30, supplement 30 → 221
# C: 4 persons, 6 rooms, both supplements: light 90×75% = 67,5 → 68, heavy 135×75% = 101,25
#    → 101, laundry 75×75% = 56,25 → 56, beds 25×50% = 12,5 → 13, shopping 0, +50 → 288
@pytest.mark.parametrize(
    "personen,kamers,overname,toeslagen,minuten,tekst",
    [
        (1, 3, (50, 100, 0, 100, 0), (), 130, "2 uur 10 minuten"),
        (2, 4, (25, 100, 50, 100, 100), ("hygiene",), 221, "3 uur 41 minuten"),
        (4, 6, (75, 75, 75, 50, 0), ("hygiene", "bedlegerig"), 288, "4 uur 48 minuten"),
    ],
)
def test_drie_huishoudens_met_de_hand_berekend(
    kader, users, inwoner, personen, kamers, overname, toeslagen, minuten, tekst
):
    b = _beoordeel(users[Rol.WMO_CONSULENT], inwoner, personen, kamers, overname, toeslagen)
    assert b.minuten_per_week == minuten
    assert b.uren_tekst == tekst
    assert sum(r["minuten"] for r in b.berekening) == minuten
    assert b.normenkader == kader


def test_nieuwe_versie_geldt_alleen_voor_nieuwe_beoordelingen(kader, users, inwoner):
    consulent = users[Rol.WMO_CONSULENT]
    oud = _beoordeel(consulent, inwoner, 1, 3, (50, 100, 0, 100, 0))
    inhoud = {**kader.inhoud, "activiteiten": [dict(a) for a in kader.inhoud["activiteiten"]]}
    inhoud["activiteiten"][1]["minuten"] = 75  # heavy cleaning lowered in the new version
    nieuw_kader = services.laad_normenkader(
        consulent,
        naam="Versie 2",
        bron="Gemeente Lindeveen",
        ingangsdatum=datetime.date(2021, 1, 1),
        inhoud=inhoud,
        kanaal=UI,
    )
    assert nieuw_kader.versie == 2
    nieuw = _beoordeel(consulent, inwoner, 1, 3, (50, 100, 0, 100, 0))
    oud.refresh_from_db()
    assert (oud.minuten_per_week, oud.normenkader.versie) == (130, 1)
    assert (nieuw.minuten_per_week, nieuw.normenkader.versie) == (115, 2)


def test_fout_normenkader_en_foute_invoer_schrijven_niets(kader, users, inwoner):
    consulent = users[Rol.WMO_CONSULENT]
    with pytest.raises(ValidationError) as fout:
        services.laad_normenkader(
            consulent,
            naam="X",
            bron="Y",
            ingangsdatum=datetime.date(2021, 1, 1),
            inhoud={"activiteiten": [{"code": "a", "naam": "A", "minuten": -5}]},
            kanaal=UI,
        )
    assert "inhoud" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        _beoordeel(consulent, inwoner, 0, 3, (50, 100, 0, 33, 0))
    assert {"personen", "overname_bed"} <= set(fout.value.message_dict)
    assert Beoordeling.objects.count() == 0
    with pytest.raises(PermissionDenied):
        _beoordeel(users[Rol.VRIJWILLIGER], inwoner, 1, 3, (50, 100, 0, 100, 0))


def test_vakantieafspraak_en_audit(kader, users, inwoner):
    werker = users[Rol.SOCIAAL_WERKER]
    b = _beoordeel(werker, inwoner, 1, 3, (50, 100, 0, 100, 0))
    with pytest.raises(ValidationError):
        services.leg_vakantie_vast(
            werker,
            b.pk,
            van=datetime.date(2026, 7, 1),
            tot=datetime.date(2026, 8, 15),
            minuten_per_week=130,
            afspraak="Om de week",
            kanaal=UI,
        )
    v = services.leg_vakantie_vast(
        werker,
        b.pk,
        van=datetime.date(2026, 7, 1),
        tot=datetime.date(2026, 8, 15),
        minuten_per_week=65,
        afspraak="Om de week schoonmaken",
        kanaal=UI,
    )
    assert v.minuten_per_week == 65
    inwoner_user = users[Rol.INWONER]
    gezien = selectors.beoordeling(inwoner_user, b.pk, kanaal=UI)
    assert gezien.berekening[0]["naam"].startswith("Licht")
    assert AuditRecord.objects.filter(
        gebruiker=inwoner_user, object_type="hh_beoordeling", actie="lezen"
    ).exists()
