from django.utils import timezone

from openwmo.accounts.models import Rol

CONTROLLER = {Rol.BELEIDSMAKER, Rol.BEHEERDER}
LUMPSUM = CONTROLLER | {Rol.ZORGAANBIEDER}


def objecten(users, inwoner):
    """Lumpsums of a basis provider and the provider user's organisation, a transfer request
    between them, a subsidy and a scenario."""

    from openwmo.financien.models import Herverdelingsverzoek, Lumpsum, Scenario, Subsidie
    from openwmo.organisaties.models import Perceel

    jaar = timezone.localdate().year
    basis = Lumpsum.objects.create(
        jaar=jaar,
        perceel=Perceel.objects.get(code="basis"),
        aanbieder=users[Rol.SOCIAAL_WERKER].medewerker.organisatie,
        bedrag_cents=100_000_00,
    )
    aanvullend = Lumpsum.objects.create(
        jaar=jaar,
        perceel=Perceel.objects.get(code="to-db"),
        aanbieder=users[Rol.ZORGAANBIEDER].medewerker.organisatie,
        bedrag_cents=50_000_00,
    )
    verzoek = Herverdelingsverzoek.objects.create(
        van=basis,
        naar=aanvullend,
        bedrag_cents=1_000_00,
        clienten_van=3,
        clienten_procentpunt=2,
        onderbouwing="Meer aanvullend",
        akkoord_naar=True,
    )
    subsidie = Subsidie.objects.create(
        jaar=jaar,
        organisatie=users[Rol.VRIJWILLIGER].medewerker.organisatie,
        bedrag_cents=10_000_00,
        activiteiten="Buurtkamer",
        beoogd_bereik=100,
    )
    return {
        "financien_verzoek": verzoek.pk,
        "financien_subsidie": subsidie.pk,
        "financien_scenario": Scenario.objects.get(code="leeuwarden").pk,
    }


ACCESS = {
    "financien:overzicht": ("/financien/", CONTROLLER, "get"),
    "financien:export": ("/financien/export/lumpsums/", CONTROLLER, "get"),
    "financien:startverdeling": ("/financien/startverdeling/", CONTROLLER, "get"),
    "financien:herverdelingen": ("/financien/herverdelingen/", LUMPSUM, "get"),
    "financien:herverdeling_nieuw": (
        "/financien/herverdelingen/nieuw/",
        {Rol.ZORGAANBIEDER},
        "get",
    ),
    "financien:herverdeling": ("/financien/herverdelingen/{financien_verzoek}/", LUMPSUM, "get"),
    "financien:scenarios": ("/financien/scenarios/", CONTROLLER, "get"),
    "financien:scenario": ("/financien/scenarios/{financien_scenario}/", CONTROLLER, "get"),
    "financien:subsidies": ("/financien/subsidies/", CONTROLLER, "get"),
    "financien:subsidie_verantwoorden": (
        "/financien/subsidies/{financien_subsidie}/verantwoorden/",
        CONTROLLER,
        "get",
    ),
    "financien:cak": ("/financien/cak/", CONTROLLER, "get"),
    "financien:eigen_bijdrage": ("/financien/eigen-bijdrage/", {Rol.INWONER}, "get"),
    "api:financien-lumpsums": ("/api/v1/financien/lumpsums/", LUMPSUM, "get"),
    "api:financien-scenario": (
        "/api/v1/financien/scenarios/{financien_scenario}/",
        CONTROLLER,
        "get",
    ),
}
