from openwmo.accounts.models import Rol

STAFF = frozenset(Rol.values) - {Rol.INWONER}
AANBIEDERS = {Rol.SOCIAAL_WERKER, Rol.ZORGAANBIEDER, Rol.WMO_CONSULENT, Rol.BELEIDSMAKER}
BEOORDELAARS = {Rol.WMO_CONSULENT, Rol.BELEIDSMAKER}
PROFIEL = {Rol.SOCIAAL_WERKER, Rol.VRIJWILLIGER}
DOSSIER = {Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT}
MATCH = {Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT, Rol.VRIJWILLIGER}


def objecten(users, inwoner):
    """An approved activity of the provider's organisation, a profile of the volunteer in
    the resident's wijk, a match between them and a buurtkamer in that wijk."""
    from openwmo.aanbod.models import Activiteit, Mantelzorger, Match, Vrijwilligersprofiel
    from openwmo.testing import factories as f

    adres = inwoner.huishouden.adres
    wijk = adres.buurt.wijk
    kamer = f.BuurtkamerFactory(wijk=wijk, postcode=adres.postcode)
    activiteit = Activiteit.objects.create(
        organisatie=users[Rol.ZORGAANBIEDER].medewerker.organisatie,
        titel="Koffieochtend",
        omschrijving="Samen koffie drinken.",
        doelgroep="Iedereen",
        wijk=wijk,
        buurtkamer=kamer,
        locatie=kamer.naam,
        postcode=adres.postcode,
        latitude="53.1",
        longitude="5.8",
        status="goedgekeurd",
    )
    vrijwilliger = users[Rol.VRIJWILLIGER]
    profiel = Vrijwilligersprofiel.objects.create(
        user=vrijwilliger,
        organisatie=vrijwilliger.medewerker.organisatie,
        wijk=wijk,
        postcode=adres.postcode,
        latitude="53.1",
        longitude="5.8",
    )
    match = Match.objects.create(
        profiel=profiel,
        persoon=inwoner,
        domein="financien",
        hulpvraag="Post ordenen",
        contactafspraak="Belt maandag",
    )
    mantelzorger = Mantelzorger.objects.create(persoon=inwoner, naam="Sietske", uren_per_week=6)
    return {
        "aanbod_mantelzorger": mantelzorger.pk,
        "aanbod_activiteit": activiteit.pk,
        "aanbod_profiel": profiel.pk,
        "aanbod_match": match.pk,
        "aanbod_kamer": kamer.pk,
    }


A = "/aanbod/activiteiten/{aanbod_activiteit}"
ACCESS = {
    "api:aanbod-activiteiten": ("/api/v1/aanbod/activiteiten/?postcode=9001AB", STAFF, "get"),
    "aanbod:kaart": ("/aanbod/?domein=netwerk", STAFF, "get"),
    "aanbod:activiteit-nieuw": ("/aanbod/activiteiten/nieuw/", AANBIEDERS, "get"),
    "aanbod:mijn-aanbod": ("/aanbod/activiteiten/mijn/", AANBIEDERS, "get"),
    "aanbod:activiteit": (A + "/", STAFF, "get"),
    "aanbod:activiteit-wijzigen": (A + "/wijzigen/", {Rol.ZORGAANBIEDER}, "get"),
    "aanbod:activiteit-beoordelen": (A + "/beoordelen/", BEOORDELAARS, "get"),
    "aanbod:beoordelen": ("/aanbod/beoordelen/", BEOORDELAARS, "get"),
    "aanbod:vrijwilligers": ("/aanbod/vrijwilligers/", PROFIEL, "get"),
    "aanbod:mijn-profiel": ("/aanbod/vrijwilligers/mijn-profiel/", {Rol.VRIJWILLIGER}, "get"),
    "aanbod:vrijwilliger": ("/aanbod/vrijwilligers/{aanbod_profiel}/", PROFIEL, "get"),
    "aanbod:vrijwilliger-wijzigen": (
        "/aanbod/vrijwilligers/{aanbod_profiel}/wijzigen/",
        {Rol.VRIJWILLIGER},
        "get",
    ),
    "aanbod:matcher": (
        "/aanbod/inwoners/{inwoner}/vrijwilliger-zoeken/?domein=financien&hulpvraag=post",
        {Rol.SOCIAAL_WERKER},
        "get",
    ),
    "aanbod:matches": ("/aanbod/matches/", MATCH, "get"),
    "aanbod:match": ("/aanbod/matches/{aanbod_match}/", MATCH, "get"),
    "aanbod:buurtkamers": ("/aanbod/buurtkamers/", MATCH, "get"),
    "aanbod:buurtkamer": ("/aanbod/buurtkamers/{aanbod_kamer}/", MATCH, "get"),
    "aanbod:sturing": ("/aanbod/sturing/", BEOORDELAARS, "get"),
    "aanbod:mantelzorgers": ("/aanbod/mantelzorgers/", DOSSIER, "get"),
    "aanbod:waardering": ("/aanbod/mantelzorgers/waardering/?jaar=2026", DOSSIER, "get"),
    "aanbod:mantelzorger": ("/aanbod/mantelzorgers/{aanbod_mantelzorger}/", DOSSIER, "get"),
    "aanbod:mantelzorger-nieuw": ("/aanbod/inwoners/{inwoner}/mantelzorger/", DOSSIER, "get"),
}
