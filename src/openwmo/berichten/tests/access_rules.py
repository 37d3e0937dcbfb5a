"""Access rules for every named URL of the berichten app (see portaal/tests/test_access.py)."""

from openwmo.accounts.models import Rol
from openwmo.berichten import services
from openwmo.berichten.models import Bericht, Uitvoeringsvariant
from openwmo.testing import factories as f

from .keten import TAAKGERICHT_BSN, bericht_305, contract, dagen, gemeente

GEMEENTE = {Rol.WMO_CONSULENT}
AANBIEDER = {Rol.ZORGAANBIEDER}
BEIDE = GEMEENTE | AANBIEDER
STURING = {Rol.WMO_CONSULENT, Rol.BELEIDSMAKER}
VREEMD_305 = bericht_305("12345678", TAAKGERICHT_BSN, nummer=1).decode()

ACCESS = {
    "berichten:overzicht": ("/berichten/postvak/", BEIDE, "get"),
    "berichten:bericht": ("/berichten/postvak/{bericht}/", BEIDE, "get"),
    "berichten:toewijzingen": ("/berichten/toewijzingen/", BEIDE, "get"),
    "berichten:toewijzing_nieuw": ("/berichten/toewijzingen/nieuw/", GEMEENTE, "get"),
    "berichten:toewijzing": ("/berichten/toewijzingen/{toewijzing}/", BEIDE, "get"),
    "berichten:start": ("/berichten/toewijzingen/{toewijzing_b}/start/", AANBIEDER, "get"),
    "berichten:wijzigen": ("/berichten/toewijzingen/{toewijzing}/wijzigen/", GEMEENTE, "get"),
    "berichten:stop": ("/berichten/meldingen/{start}/stop/", AANBIEDER, "get"),
    "berichten:taakgericht_start": ("/berichten/starts/nieuw/", AANBIEDER, "get"),
    "berichten:verzoeken": ("/berichten/verzoeken/", BEIDE, "get"),
    "berichten:verzoek_nieuw": ("/berichten/verzoeken/nieuw/", AANBIEDER, "get"),
    "berichten:verzoek": ("/berichten/verzoeken/{verzoek}/", BEIDE, "get"),
    "berichten:pgb_nieuw": ("/berichten/pgb/nieuw/", GEMEENTE, "get"),
    "berichten:sturing": ("/berichten/sturing/", STURING, "get"),
    "api:berichten-ontvangen": (
        "/api/v1/berichten/iwmo/",
        AANBIEDER,
        "post",
        {"bericht": VREEMD_305},
    ),
    "api:berichten-lijst": ("/api/v1/berichten/", BEIDE, "get"),
    "api:berichten-detail": ("/api/v1/berichten/{bericht}/", BEIDE, "get"),
    "api:berichten-toewijzingen": ("/api/v1/berichten/toewijzingen/", BEIDE, "get"),
    "api:berichten-toewijzing": ("/api/v1/berichten/toewijzingen/{toewijzing}/", BEIDE, "get"),
    "api:berichten-start": (
        "/api/v1/berichten/toewijzingen/{toewijzing_b}/start/",
        AANBIEDER,
        "post",
        {"begindatum": str(dagen(-3))},
    ),
    "api:berichten-stop": (
        "/api/v1/berichten/meldingen/{start}/stop/",
        AANBIEDER,
        "post",
        {"einddatum": str(dagen(-1)), "reden": "19"},
    ),
    "api:berichten-start-taakgericht": (
        "/api/v1/berichten/starts/",
        AANBIEDER,
        "post",
        {
            "bsn": TAAKGERICHT_BSN,
            "achternaam": "Jansen",
            "geboortedatum": "1970-01-01",
            "product_categorie": "06",
            "begindatum": str(dagen(-2)),
        },
    ),
    "api:berichten-verzoeken": ("/api/v1/berichten/verzoeken/", BEIDE, "get"),
    "api:berichten-verzoek-antwoord": (
        "/api/v1/berichten/verzoeken/{verzoek}/antwoord/",
        GEMEENTE,
        "post",
        {"besluit": "afwijzen", "reden_afwijzing": "7"},
    ),
    "api:berichten-pgb": ("/api/v1/berichten/pgb/", GEMEENTE, "get"),
    "api:berichten-te-laat": ("/api/v1/berichten/te-laat/", BEIDE, "get"),
    "api:berichten-sturing": ("/api/v1/berichten/sturing/", STURING, "get"),
}


def objecten(users, inwoner) -> dict:
    consulent, aanbieder_user = users[Rol.WMO_CONSULENT], users[Rol.ZORGAANBIEDER]
    gemeente(consulent.medewerker.organisatie)
    org = aanbieder_user.medewerker.organisatie
    contract(org, "02")
    contract(org, "07")
    contract(org, "06", Uitvoeringsvariant.TAAKGERICHT)
    f.PersoonFactory(bsn=TAAKGERICHT_BSN, huishouden=None)
    a = services.maak_toewijzing(
        consulent,
        persoon=inwoner,
        aanbieder=org,
        product_categorie="02",
        ingangsdatum=dagen(-30),
    )
    b = services.maak_toewijzing(
        consulent,
        persoon=inwoner,
        aanbieder=org,
        product_categorie="07",
        ingangsdatum=dagen(-30),
    )
    r = services.meld_start(aanbieder_user, a.pk, begindatum=dagen(-20))
    start = r.bericht.leveringen.get()
    verzoek = services.vraag_toewijzing_aan(
        aanbieder_user,
        bsn=inwoner.bsn,
        achternaam=inwoner.achternaam,
        geboortedatum=inwoner.geboortedatum,
        product_categorie="02",
        ingangsdatum=dagen(10),
    ).bericht.verzoeken.get()
    return {
        "toewijzing": a.pk,
        "toewijzing_b": b.pk,
        "start": start.pk,
        "verzoek": verzoek.pk,
        "bericht": Bericht.objects.filter(aanbieder=org).first().pk,
    }
