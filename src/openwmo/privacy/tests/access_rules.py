from openwmo.accounts.models import Rol

PRIVACY = {Rol.PRIVACY_FUNCTIONARIS}


def objecten(users, inwoner):
    from openwmo.privacy import services

    doorbraak = services.registreer_doorbraak(
        users[Rol.WMO_CONSULENT],
        inwoner,
        "Crisis bij inwoner, collega afwezig vandaag.",
        kanaal="ui",
    )
    verzoek = services.dien_correctieverzoek_in(
        users[Rol.INWONER], inwoner, gegeven="telefoon", gewenste_waarde="0612345678"
    )
    return {"doorbraak": doorbraak.pk, "verzoek": verzoek.pk}


ACCESS = {
    "privacy:auditlog": ("/privacy/auditlog/?gebruikersnaam=x", PRIVACY, "get"),
    "privacy:doorbraken": ("/privacy/doorbraken/", PRIVACY, "get"),
    # a POST without data answers 200 with the form errors for the privacy officer
    "privacy:doorbraak-beoordelen": (
        "/privacy/doorbraken/{doorbraak}/beoordelen/",
        PRIVACY,
        "post",
    ),
    "privacy:correctieverzoeken": ("/privacy/correctieverzoeken/", PRIVACY, "get"),
    "privacy:correctieverzoek-behandelen": (
        "/privacy/correctieverzoeken/{verzoek}/behandelen/",
        PRIVACY,
        "post",
    ),
    "privacy:convenant": ("/privacy/convenant/", PRIVACY, "get"),
    "privacy:gegevensregister": ("/privacy/gegevensregister/", PRIVACY, "get"),
    "privacy:inzage": ("/privacy/inzage/", PRIVACY, "get"),
    "privacy:mijn-gegevens": ("/privacy/mijn-gegevens.json", {Rol.INWONER}, "get"),
    "privacy:correctie": ("/privacy/correctie/", {Rol.INWONER}, "get"),
}
