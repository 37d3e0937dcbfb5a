from openwmo.accounts.models import Rol

WERK = {Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT}
OVERZICHT = WERK | {Rol.BELEIDSMAKER}
GEMEENTE = {Rol.WMO_CONSULENT, Rol.BELEIDSMAKER}


def objecten(users, inwoner):
    """An imported TO3 beschikking of the resident and a held maatwerkgesprek with the
    social worker of their wijk."""
    import datetime

    from openwmo.overgang.models import BestaandeBeschikking, Gesprek, Importbestand, Uitkomst

    bestand = Importbestand.objects.create(
        bestandsnaam="export.csv", sha256="a" * 64, aantal_regels=1, nieuwe_regels=1
    )
    BestaandeBeschikking.objects.create(
        importbestand=bestand,
        persoon=inwoner,
        product="TO3",
        ingangsdatum=datetime.date(2026, 1, 1),
        einddatum=datetime.date(2026, 12, 31),
        volume=4,
        eenheid="uur_per_week",
        leveringsvorm="PGB",
        voorlopige_pijler="te_beoordelen",
    )
    gesprek = Gesprek.objects.create(
        persoon=inwoner,
        medewerker=users[Rol.SOCIAAL_WERKER].medewerker,
        gepland_op=datetime.date(2026, 6, 1),
        uiterlijk_op=datetime.date(2026, 12, 31),
    )
    Uitkomst.objects.create(
        gesprek=gesprek,
        gehouden_op=datetime.date(2026, 6, 1),
        route="basis",
        aandeel_basis_procent=100,
        wijzigingsdatum=datetime.date(2027, 1, 1),
        overgangsperiode_maanden=3,
    )
    return {"overgang_gesprek": gesprek.pk}


ACCESS = {
    "overgang:overzicht": ("/overgang/", OVERZICHT, "get"),
    "overgang:import": ("/overgang/import/", {Rol.WMO_CONSULENT}, "get"),
    "overgang:planning": ("/overgang/planning/", {Rol.WMO_CONSULENT}, "get"),
    "overgang:gesprekken": ("/overgang/gesprekken/", WERK, "get"),
    "overgang:gesprek": ("/overgang/gesprekken/{overgang_gesprek}/", WERK, "get"),
    "overgang:brief": ("/overgang/gesprekken/{overgang_gesprek}/brief.pdf", WERK, "get"),
    "overgang:medewerkers": ("/overgang/medewerkers/", GEMEENTE, "get"),
    "overgang:herberekening": ("/overgang/herberekening/", GEMEENTE, "get"),
    "api:overgang-gesprekken": ("/api/v1/overgang/gesprekken/", WERK, "get"),
    "api:overgang-voortgang": ("/api/v1/overgang/voortgang/", OVERZICHT, "get"),
}
