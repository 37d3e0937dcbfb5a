"""The start split reads the existing beschikkingen imported in the transition (overgang),
not a file of the demo."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from openwmo.accounts.models import Rol
from openwmo.overgang import services as overgang
from openwmo.privacy.services import Kanaal
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db

KOP = (
    "bsn,achternaam,geboortedatum,postcode,huisnummer,product,aanbieder_agb,ingangsdatum,"
    "einddatum,volume,eenheid,leveringsvorm\n"
)
TO3 = 6 * 52 * 6_200  # 6 hours a week, 52 weeks, tariff 2026
TO1 = 2 * 52 * 4_800
HH1 = 3 * 52 * 2_800


def _regel(p, product, volume, eenheid):
    return (
        f"{p.bsn},{p.achternaam},{p.geboortedatum.isoformat()},9001AB,1,{product},41000001,"
        f"2026-01-01,2026-12-31,{volume},{eenheid},ZIN\n"
    )


@pytest.fixture
def ingelezen(users, postcode):
    f.OrganisatieFactory(agb_code="41000001")
    a, b = (
        f.PersoonFactory(
            huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode))
        )
        for _ in range(2)
    )
    inhoud = KOP + "".join(
        [
            _regel(a, "TO3", 6, "uur_per_week"),
            _regel(b, "TO3", 6, "uur_per_week"),
            _regel(a, "TO1", 2, "uur_per_week"),
            _regel(b, "HH1", 3, "uur_per_week"),
        ]
    )
    overgang.importeer(
        users[Rol.WMO_CONSULENT],
        bestandsnaam="bestaande-clienten.csv",
        inhoud=inhoud.encode(),
        kanaal=Kanaal.SYSTEEM,
    )


def test_scherm_toont_de_ingelezen_beschikkingen(client, users, ingelezen):
    client.force_login(users[Rol.BELEIDSMAKER])
    antwoord = client.get("/financien/startverdeling/?jaar=2026")
    assert antwoord.status_code == 200
    groepen = {g["groep"].categorie: g for g in antwoord.context["groepen"]}
    assert set(groepen) == {"HH1", "TO1", "TO3"}
    assert groepen["TO3"]["groep"].aantal == 2
    assert groepen["TO3"]["groep"].kosten_cents == 2 * TO3
    # default assumptions: TO3 half to basis, TO1 fully, HH1 none
    assert (groepen["TO3"]["basis"], groepen["TO3"]["aanvullend"]) == (TO3, TO3)
    assert (groepen["TO1"]["basis"], groepen["HH1"]["basis"]) == (TO1, 0)
    assert antwoord.context["start"].basis_cents == TO3 + TO1


def test_scherm_zonder_ingelezen_beschikkingen(client, users):
    client.force_login(users[Rol.BELEIDSMAKER])
    html = client.get("/financien/startverdeling/?jaar=2026").content.decode()
    assert "nog geen bestaande beschikkingen ingelezen" in html


def test_commando_zonder_bestand_leest_de_overgang(ingelezen):
    uit = io.StringIO()
    call_command("financien", "startverdeling", "--jaar", "2026", stdout=uit)
    data = json.loads(uit.getvalue())
    assert data["clienten"] == {"HH1": 1, "TO1": 1, "TO3": 2}
    assert data["basis_cents"] == TO3 + TO1
    assert data["aanvullend_cents"] == TO3 + HH1


def test_commando_zonder_ingelezen_beschikkingen():
    with pytest.raises(CommandError, match="geen bestaande beschikkingen"):
        call_command("financien", "startverdeling", "--jaar", "2026", stdout=io.StringIO())
