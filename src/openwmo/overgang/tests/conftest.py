import datetime

import pytest

from openwmo.accounts.models import Rol
from openwmo.organisaties.models import Organisatie
from openwmo.testing import factories as f

KOP = (
    "bsn,achternaam,geboortedatum,postcode,huisnummer,product,aanbieder_agb,ingangsdatum,"
    "einddatum,volume,eenheid,leveringsvorm\n"
)


@pytest.fixture
def aanbieder():
    return f.OrganisatieFactory(naam="Perspectief", agb_code="41000001")


@pytest.fixture
def clienten(postcode):
    """Mariska and Pieter as residents of wijk Noord."""

    def persoon(voornaam, achternaam, geboren):
        return f.PersoonFactory(
            voornamen=voornaam,
            achternaam=achternaam,
            geboortedatum=geboren,
            huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode)),
        )

    return {
        "mariska": persoon("Mariska", "Holtkamp", datetime.date(2001, 9, 12)),
        "pieter": persoon("Pieter", "Zandbergen", datetime.date(1998, 9, 3)),
    }


def regel(p, product, eenheid, *, agb="41000001", einde="2026-12-31", volume=4, vorm="ZIN"):
    return (
        f"{p.bsn},{p.achternaam},{p.geboortedatum.isoformat()},9001AB,1,{product},{agb},"
        f"2026-01-01,{einde},{volume},{eenheid},{vorm}\n"
    )


@pytest.fixture
def export(clienten, aanbieder):
    m, p = clienten["mariska"], clienten["pieter"]
    tekst = KOP + "".join(
        [
            regel(m, "TO3", "uur_per_week", volume=6),
            regel(m, "DB5", "dagdeel_per_week"),
            regel(p, "TO2", "uur_per_week", volume=3, einde="2026-09-30"),
            regel(p, "DB2", "dagdeel_per_week", volume=3),
        ]
    )
    return tekst.encode()


@pytest.fixture
def basis(wijk):
    """The basis provider with three social workers in wijk Noord."""
    org = f.OrganisatieFactory(soort=Organisatie.Soort.BASISONDERSTEUNING)
    team = org.teams.create(naam="Team Noord", wijk=wijk)
    werkers = []
    for _ in range(3):
        user = f.medewerker(Rol.SOCIAAL_WERKER, wijken=[wijk], organisatie=org)
        user.medewerker.team = team
        user.medewerker.save()
        werkers.append(user)
    return org, werkers
