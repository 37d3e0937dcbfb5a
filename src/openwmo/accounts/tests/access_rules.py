from openwmo.accounts.models import Rol

STAFF = frozenset(Rol.values) - {Rol.INWONER}
BEHEER = {Rol.BEHEERDER}


def objecten(users, inwoner):
    """A pending role change, requested by a second administrator (so the fixture's
    administrator may decide on it)."""
    from openwmo.accounts import services
    from openwmo.testing import factories as f

    tweede = f.medewerker(Rol.BEHEERDER, is_staff=True)
    verzoek = services.vraag_rolwijziging_aan(
        tweede,
        users[Rol.BELEIDSMAKER],
        Rol.WMO_CONSULENT,
        [],
        "Tijdelijk inval op het team Wmo-consulenten.",
    )
    return {"rolwijziging": verzoek.pk}


ACCESS = {
    "accounts:tweestaps-instellen": ("/tweestaps/instellen/", STAFF, "get"),
    "accounts:tweestaps-controleren": ("/tweestaps/controleren/", STAFF, "get"),
    "accounts:inschrijfcodes": ("/tweestaps/inschrijfcodes/", {Rol.BEHEERDER}, "get"),
    "accounts:api-tokens": ("/tweestaps/api-tokens/", frozenset(Rol.values), "get"),
    "gebruikersbeheer:overzicht": ("/gebruikersbeheer/", BEHEER, "get"),
    "gebruikersbeheer:aanvragen": ("/gebruikersbeheer/aanvragen/", BEHEER, "get"),
    # a POST without data answers 200 with the form errors for the administrator
    "gebruikersbeheer:beslissen": ("/gebruikersbeheer/{rolwijziging}/beslissen/", BEHEER, "post"),
    "gebruikersbeheer:wachtwoord-instellen": (
        "/wachtwoord-instellen/MQ/ongeldig-token/",
        "public",
        "get",
    ),
}
