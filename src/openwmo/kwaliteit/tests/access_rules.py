from openwmo.accounts.models import Rol

ZA, TZ, BM = Rol.ZORGAANBIEDER, Rol.TOEZICHTHOUDER, Rol.BELEIDSMAKER
KLACHT_ROLLEN = {Rol.INWONER, Rol.VRIJWILLIGER, Rol.SOCIAAL_WERKER, ZA, TZ}
INDIENERS = {Rol.INWONER, Rol.VRIJWILLIGER, Rol.SOCIAAL_WERKER}


def objecten(users, inwoner):
    """A complaint of the resident about the provider's organisation (first step open), a
    calamity, a reviewed self-assessment with an open action, a quarterly review and a
    consultation meeting with one agenda item."""
    import datetime

    from django.utils import timezone

    from openwmo.kwaliteit import services
    from openwmo.kwaliteit.models import Kwaliteitseis, Kwartaalgesprek

    org = users[ZA].medewerker.organisatie
    klacht = services.dien_klacht_in(
        users[Rol.INWONER],
        thema="bejegening",
        omschrijving="Onvriendelijk te woord gestaan.",
        aanbieder_id=org.pk,
        kanaal="ui",
    )
    calamiteit = services.meld_calamiteit(
        users[ZA],
        soort="calamiteit",
        omschrijving="Een cliënt is gevallen tijdens de begeleiding.",
        plaatsgevonden_op=timezone.localdate(),
    )
    antwoorden = {e.code: ("deels", "Zie handboek") for e in Kwaliteitseis.objects.all()}
    z = services.dien_zelfevaluatie_in(users[ZA], jaar=2026, antwoorden=antwoorden)
    eis = Kwaliteitseis.objects.first().code
    services.beoordeel_zelfevaluatie(
        users[TZ],
        z.pk,
        oordeel="verbeteren",
        toelichting="",
        bevindingen=[(eis, "Niet aangetoond", "Aantonen", datetime.date(2027, 1, 1))],
    )
    basis = services.maak_basisovereenkomst(
        users[BM],
        naam="Basisovereenkomst toegangstest",
        ingangsdatum=datetime.date(2026, 1, 1),
        einddatum=datetime.date(2027, 12, 31),
    )
    gesprek = Kwartaalgesprek.objects.create(
        aanbieder=org,
        jaar=2026,
        kwartaal=3,
        cijfers=[],
        aangemaakt_op=timezone.now(),
        aangemaakt_door=users[BM],
    )
    overleg = services.plan_overleg(
        users[BM],
        titel="Strategisch overleg",
        niveau="strategisch",
        datum=datetime.date(2026, 12, 1),
        deelnemer_ids=[org.pk],
        agenda=[("Doelrealisatie", "doelrealisatie")],
    )
    return {
        "kwaliteit_klacht": klacht.pk,
        "kwaliteit_basis": basis.pk,
        "kwaliteit_calamiteit": calamiteit.pk,
        "kwaliteit_zelfevaluatie": z.pk,
        "kwaliteit_actie": z.verbeteracties.get().pk,
        "kwaliteit_gesprek": gesprek.pk,
        "kwaliteit_overleg": overleg.pk,
        "kwaliteit_agendapunt": overleg.agendapunten.get().pk,
    }


K = "/kwaliteit/klachten/{kwaliteit_klacht}"
C = "/kwaliteit/calamiteiten/{kwaliteit_calamiteit}"
Z = "/kwaliteit/kader/zelfevaluaties/{kwaliteit_zelfevaluatie}"
ACCESS = {
    "kwaliteit:klachten": ("/kwaliteit/klachten/", KLACHT_ROLLEN, "get"),
    "kwaliteit:klacht-nieuw": ("/kwaliteit/klachten/nieuw/", INDIENERS, "get"),
    "kwaliteit:klacht": (f"{K}/", {Rol.INWONER, ZA, TZ}, "get"),
    "kwaliteit:klacht-uitkomst": (f"{K}/uitkomst/", {ZA, TZ}, "get"),
    "kwaliteit:klacht-reactie": (f"{K}/reactie/", {Rol.INWONER}, "get"),
    "kwaliteit:klacht-verdagen": (f"{K}/verdagen/", {TZ}, "get"),
    "kwaliteit:calamiteiten": ("/kwaliteit/calamiteiten/", {ZA, TZ}, "get"),
    "kwaliteit:calamiteit-nieuw": ("/kwaliteit/calamiteiten/nieuw/", {ZA}, "get"),
    "kwaliteit:calamiteit": (f"{C}/", {ZA, TZ}, "get"),
    "kwaliteit:calamiteit-verloop": (f"{C}/verloop/", {TZ}, "get"),
    "kwaliteit:kader": ("/kwaliteit/kader/", {ZA, TZ, BM}, "get"),
    "kwaliteit:zelfevaluatie-nieuw": ("/kwaliteit/kader/zelfevaluaties/nieuw/", {ZA}, "get"),
    "kwaliteit:zelfevaluatie": (f"{Z}/", {ZA, TZ, BM}, "get"),
    "kwaliteit:zelfevaluatie-beoordelen": (f"{Z}/beoordelen/", {TZ}, "get"),
    "kwaliteit:verbeteractie-gereed": (
        "/kwaliteit/kader/acties/{kwaliteit_actie}/gereed/",
        {ZA},
        "get",
    ),
    "kwaliteit:contracten": ("/kwaliteit/contracten/", {BM, TZ}, "get"),
    "kwaliteit:partij-nieuw": ("/kwaliteit/contracten/partijen/nieuw/", {BM}, "get"),
    "kwaliteit:verlengen": ("/kwaliteit/contracten/{kwaliteit_basis}/verlengen/", {BM}, "get"),
    "kwaliteit:kwartaalgesprekken": ("/kwaliteit/kwartaalgesprekken/", {BM, TZ, ZA}, "get"),
    "kwaliteit:kwartaalgesprek-nieuw": ("/kwaliteit/kwartaalgesprekken/nieuw/", {BM}, "get"),
    "kwaliteit:kwartaalgesprek": (
        "/kwaliteit/kwartaalgesprekken/{kwaliteit_gesprek}/",
        {BM, TZ, ZA},
        "get",
    ),
    "kwaliteit:overleggen": ("/kwaliteit/overleggen/", {BM}, "get"),
    "kwaliteit:overleg-nieuw": ("/kwaliteit/overleggen/nieuw/", {BM}, "get"),
    "kwaliteit:overleg": ("/kwaliteit/overleggen/{kwaliteit_overleg}/", {BM}, "get"),
    "kwaliteit:overleg-uitkomst": (
        "/kwaliteit/agendapunten/{kwaliteit_agendapunt}/uitkomst/",
        {BM},
        "get",
    ),
}
ACCESS.update(
    {
        "api:kwaliteit-klachten": ("/api/v1/kwaliteit/klachten/", KLACHT_ROLLEN, "get"),
        "api:kwaliteit-contractpartijen": (
            "/api/v1/kwaliteit/contractpartijen/?perceel=hh&jaar=2026",
            {BM, TZ},
            "get",
        ),
    }
)
