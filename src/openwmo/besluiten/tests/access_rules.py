from django.utils import timezone

from openwmo.accounts.models import Rol

WERK = {Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT}
CONSULENT = {Rol.WMO_CONSULENT}


def objecten(users, inwoner):
    """An active plan with an aanvullend ZIN line (referred), a PGB line (accepted advice,
    beschikking and an objection)."""
    import datetime

    from openwmo.besluiten.models import Advies, Beschikking, Bezwaar, Verwijzing
    from openwmo.plannen.models import Plan, Regel

    vandaag = timezone.localdate()
    werker = users[Rol.SOCIAAL_WERKER]
    plan = Plan.objects.create(
        huishouden=inwoner.huishouden,
        persoon=inwoner,
        status="concept",
        regievoerder_soort="inwoner",
        regievoerder_naam="Jelle",
    )
    basis = {"plan": plan, "soort": "aanvullend", "ingangsdatum": vandaag}
    zin = Regel.objects.create(
        **basis,
        resultaat="Dagritme",
        uitvoerder="De Brug",
        productcategorie="dagbesteding",
        leveringsvorm="zin",
        status="toegekend",
    )
    pgb = Regel.objects.create(
        **basis,
        resultaat="Zelfstandig wonen",
        uitvoerder="Ouders",
        productcategorie="thuisondersteuning",
        leveringsvorm="pgb",
        einddatum=vandaag + datetime.timedelta(days=365),
        status="toegekend",
    )
    verwijzing = Verwijzing.objects.create(regel=zin, datum=vandaag, door=werker)
    advies = Advies.objects.create(
        regel=pgb,
        aanleiding="verzoek",
        tekst="Specifieke expertise nodig.",
        door=werker,
        status="geaccepteerd",
    )
    beschikking = Beschikking.objects.create(
        advies=advies,
        regel=pgb,
        besluitdatum=vandaag,
        verzonden_op=vandaag,
        toegekend="Thuisondersteuning",
        leveringsvorm="pgb",
        pgb_bedrag=450,
        pgb_periode="maand",
        ingangsdatum=vandaag,
        einddatum=pgb.einddatum,
        motivering="Past bij de vraag.",
    )
    bezwaar = Bezwaar.objects.create(
        beschikking=beschikking, ontvangen_op=vandaag, gronden="Te weinig"
    )
    return {
        "besluiten_regel": zin.pk,
        "besluiten_pgbregel": pgb.pk,
        "besluiten_verwijzing": verwijzing.pk,
        "besluiten_advies": advies.pk,
        "besluiten_beschikking": beschikking.pk,
        "besluiten_bezwaar": bezwaar.pk,
    }


ACCESS = {
    "besluiten:overzicht": ("/besluiten/", WERK | {Rol.INWONER}, "get"),
    "besluiten:verwijzing-nieuw": ("/besluiten/regels/{besluiten_regel}/verwijzing/", WERK, "get"),
    "besluiten:pgb-vaardigheid": (
        "/besluiten/regels/{besluiten_pgbregel}/pgb-vaardigheid/",
        WERK,
        "get",
    ),
    "besluiten:advies-nieuw": (
        "/besluiten/regels/{besluiten_pgbregel}/advies/",
        {Rol.SOCIAAL_WERKER},
        "get",
    ),
    "besluiten:beschikking-vragen": (
        "/besluiten/regels/{besluiten_regel}/beschikking-vragen/",
        {Rol.INWONER},
        "get",
    ),
    "besluiten:verwijzing-pdf": (
        "/besluiten/verwijzingen/{besluiten_verwijzing}.pdf",
        WERK | {Rol.INWONER},
        "get",
    ),
    "besluiten:advies": ("/besluiten/adviezen/{besluiten_advies}/", WERK, "get"),
    "besluiten:beschikking-nieuw": (
        "/besluiten/adviezen/{besluiten_advies}/beschikking/",
        CONSULENT,
        "get",
    ),
    "besluiten:beschikking": (
        "/besluiten/beschikkingen/{besluiten_beschikking}/",
        WERK | {Rol.INWONER},
        "get",
    ),
    "besluiten:beschikking-pdf": (
        "/besluiten/beschikkingen/{besluiten_beschikking}.pdf",
        WERK | {Rol.INWONER},
        "get",
    ),
    "besluiten:bezwaar-nieuw": (
        "/besluiten/beschikkingen/{besluiten_beschikking}/bezwaar/",
        CONSULENT,
        "get",
    ),
    "besluiten:bezwaar": ("/besluiten/bezwaren/{besluiten_bezwaar}/", CONSULENT, "get"),
    "api:besluiten-bezwaren": ("/api/v1/bezwaren/", CONSULENT, "get"),
}
