from django.utils import timezone

from openwmo.accounts.models import Rol

WERK = {Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT}
ZIEN = WERK | {Rol.INWONER}


def objecten(users, inwoner):
    """The example framework, an assessment, a fast-route request and an advice."""
    import datetime

    from openwmo.voorzieningen import normen
    from openwmo.voorzieningen.models import Aanvraag, Beoordeling, Normenkader, RegionaalAdvies

    v = normen.VOORBEELD
    kader = Normenkader.objects.create(
        naam=v["naam"],
        bron=v["bron"],
        versie=1,
        ingangsdatum=datetime.date(2020, 1, 1),
        inhoud=v["inhoud"],
    )
    beoordeling = Beoordeling.objects.create(
        persoon=inwoner,
        normenkader=kader,
        invoer={"personen": 1, "kamers": 3},
        berekening=[],
        minuten_per_week=120,
    )
    vandaag = timezone.localdate()
    aanvraag = Aanvraag.objects.create(
        persoon=inwoner,
        soort="vervoerspas",
        toelichting="Niet meer fietsen",
        ingediend_op=vandaag,
        beslissen_uiterlijk=vandaag,
    )
    advies = RegionaalAdvies.objects.create(
        persoon=inwoner,
        voorziening="thuisplus",
        advies="Advies",
        ingediend_op=vandaag,
        regievoerder=users[Rol.SOCIAAL_WERKER],
    )
    return {
        "vz_beoordeling": beoordeling.pk,
        "vz_aanvraag": aanvraag.pk,
        "vz_advies": advies.pk,
    }


INW = "/voorzieningen/inwoners/{inwoner}"
ACCESS = {
    "voorzieningen:overzicht": ("/voorzieningen/", ZIEN, "get"),
    "voorzieningen:aanvraag-nieuw": ("/voorzieningen/aanvragen/nieuw/", {Rol.INWONER}, "get"),
    "voorzieningen:aanvraag": ("/voorzieningen/aanvragen/{vz_aanvraag}/", ZIEN, "get"),
    "voorzieningen:aanvraag-namens": (f"{INW}/aanvraag/", WERK, "get"),
    "voorzieningen:beoordeling-nieuw": (f"{INW}/beoordeling/", WERK, "get"),
    "voorzieningen:beoordeling": ("/voorzieningen/beoordelingen/{vz_beoordeling}/", ZIEN, "get"),
    "voorzieningen:advies-nieuw": (f"{INW}/advies/", {Rol.SOCIAAL_WERKER}, "get"),
    "voorzieningen:advies": ("/voorzieningen/adviezen/{vz_advies}/", WERK, "get"),
    "voorzieningen:normenkaders": (
        "/voorzieningen/normenkaders/",
        {Rol.WMO_CONSULENT, Rol.BEHEERDER},
        "get",
    ),
    "api:voorzieningen-aanvragen": ("/api/v1/voorzieningen/aanvragen/", ZIEN, "get"),
}
