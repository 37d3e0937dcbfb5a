import datetime

from openwmo.accounts.models import Rol
from openwmo.privacy.models import Bewaarmarkering

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
    markering = Bewaarmarkering.objects.create(
        soort="zonder_voorziening",
        object_type="melding",
        object_id=999999,
        afgesloten_op=datetime.date(2015, 1, 1),
        verlopen_op=datetime.date(2020, 1, 1),
    )
    return {
        "privacy_doorbraak": doorbraak.pk,
        "correctieverzoek": verzoek.pk,
        "bewaarmarkering": markering.pk,
    }


ACCESS = {
    "privacy:auditlog": ("/privacy/auditlog/?gebruikersnaam=x", PRIVACY, "get"),
    "privacy:doorbraken": ("/privacy/doorbraken/", PRIVACY, "get"),
    # a POST without data answers 200 with the form errors for the privacy officer
    "privacy:doorbraak-beoordelen": (
        "/privacy/doorbraken/{privacy_doorbraak}/beoordelen/",
        PRIVACY,
        "post",
    ),
    "privacy:correctieverzoeken": ("/privacy/correctieverzoeken/", PRIVACY, "get"),
    "privacy:correctieverzoek-behandelen": (
        "/privacy/correctieverzoeken/{correctieverzoek}/behandelen/",
        PRIVACY,
        "post",
    ),
    "privacy:bewaren": ("/privacy/bewaren/", PRIVACY, "get"),
    "privacy:bewaartermijn-wijzigen": (
        "/privacy/bewaren/termijn/wmo_dossier/",
        PRIVACY,
        "post",
    ),
    "privacy:bewaren-beoordelen": (
        "/privacy/bewaren/{bewaarmarkering}/beoordelen/",
        PRIVACY,
        "post",
    ),
    "privacy:convenant": ("/privacy/convenant/", PRIVACY, "get"),
    "privacy:gegevensregister": ("/privacy/gegevensregister/", PRIVACY, "get"),
    "privacy:inzage": ("/privacy/inzage/", PRIVACY, "get"),
    "privacy:mijn-gegevens": ("/privacy/mijn-gegevens.json", {Rol.INWONER}, "get"),
    "privacy:correctie": ("/privacy/correctie/", {Rol.INWONER}, "get"),
}
