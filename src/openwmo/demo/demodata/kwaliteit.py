"""Lindeveen's contracts, quality framework answers, complaints, a calamity, a quarterly
review and a consultation meeting, written through the services."""

import datetime

from django.db.models import F
from django.utils import timezone

from openwmo.accounts.models import Rol as Gebruikersrol
from openwmo.accounts.models import User
from openwmo.demo.constants import PEILDATUM
from openwmo.kwaliteit import services
from openwmo.kwaliteit.models import (
    Basisovereenkomst,
    Contractpartij,
    Klacht,
    KlachtStap,
    Kwaliteitseis,
    Melding,
    Rol,
    Thema,
)
from openwmo.organisaties.models import Organisatie

Soort = Organisatie.Soort
INGANG = datetime.date(2026, 1, 1)
# Two small providers: a care farm with support found nowhere else, and a small home
# support firm that delivered nothing this year (flagged for ending the contract).
KLEINE_AANBIEDERS = [  # (name, AGB code, KvK number, unique support)
    ("Zorgboerderij De Eikenhof", "97000011", "90000011", True),
    ("Thuisbegeleiding Het Veenpad", "97000012", "90000012", False),
]


def _beleid() -> User:
    return User.objects.filter(rol=Gebruikersrol.BELEIDSMAKER).order_by("pk").first()


def zorg_voor_contracten() -> Basisovereenkomst:
    """Create Lindeveen's base agreement and sub-contracts once (finance may call this
    before its own demo data needs the contract parties)."""
    bestaand = Basisovereenkomst.objects.filter(naam="Basisovereenkomst Wmo Lindeveen").first()
    if bestaand is not None:
        return bestaand
    beleid = _beleid()
    basis = services.maak_basisovereenkomst(
        beleid,
        naam="Basisovereenkomst Wmo Lindeveen",
        ingangsdatum=INGANG,
        einddatum=datetime.date(2029, 12, 31),
        max_verlengingen=2,
        inactief_na_dagen=180,
    )
    soorten = [Soort.BASISONDERSTEUNING, Soort.AANVULLEND, Soort.HUISHOUDELIJKE_HULP]
    aanbieders: dict[str, list[Organisatie]] = {s: [] for s in soorten}
    for org in Organisatie.objects.filter(soort__in=soorten).order_by("pk"):
        aanbieders[org.soort].append(org)
    klein = []
    for naam, agb, kvk, uniek in KLEINE_AANBIEDERS:
        org, _ = Organisatie.objects.get_or_create(
            naam=naam,
            defaults={
                "soort": Soort.AANVULLEND,
                "agb_code": agb,
                "kvk_nummer": kvk,
                "email": "info@example.org",
            },
        )
        klein.append((org, uniek))

    def deel(code, effecten, kleine_afspraak, indicatoren):
        d = services.maak_deelovereenkomst(
            beleid,
            basis.pk,
            perceel_code=code,
            effecten=effecten,
            inzet_kleine_partijen=kleine_afspraak,
        )
        for effect, indicator, streef in indicatoren:
            services.voeg_indicator_toe(
                beleid, d.pk, effect=effect, indicator_code=indicator, streefwaarde=streef
            )
        return d

    def partij(d, org, rol, **extra):
        return services.voeg_partij_toe(beleid, d.pk, aanbieder_id=org.pk, rol=rol, **extra)

    basisdeel = deel(
        "basis",
        "Inwoners redden het langer zelf dankzij ondersteuning dichtbij, zonder beschikking.",
        "De hoofdaannemer zet voor specifieke doelgroepen kleine(re) partijen in.",
        [
            ("Snel geholpen", "wachttijd", 10),
            ("Doelen bereikt", "doelrealisatie", 70),
            ("Tevreden inwoners", "tevredenheid", 75),
        ],
    )
    hoofd_basis = partij(basisdeel, aanbieders[Soort.BASISONDERSTEUNING][0], Rol.HOOFDAANNEMER)
    todb = deel(
        "to-db",
        "Inwoners met een complexe vraag houden dagritme en grip op hun huishouden.",
        "Dagbesteding op een zorgboerderij wordt via een kleine partij ingekocht.",
        [
            ("Doelen bereikt", "doelrealisatie", 60),
            ("Minder klachten", "klachten", 5),
        ],
    )
    hoofden = [partij(todb, org, Rol.HOOFDAANNEMER) for org in aanbieders[Soort.AANVULLEND][:4]]
    for org, uniek in klein:
        partij(
            todb,
            org,
            Rol.ONDERAANNEMER,
            hoofdaannemer_id=hoofden[0].pk,
            kleine_partij=True,
            unieke_ondersteuning=uniek,
        )
    if len(aanbieders[Soort.AANVULLEND]) > 4:
        # Main contractor in aanvullend may be a sub-contractor in basis (seed §5.1).
        partij(
            basisdeel,
            aanbieders[Soort.AANVULLEND][4],
            Rol.ONDERAANNEMER,
            hoofdaannemer_id=hoofd_basis.pk,
            kleine_partij=True,
        )
        partij(todb, aanbieders[Soort.AANVULLEND][4], Rol.HOOFDAANNEMER)
    hh = deel(
        "hh",
        "Een schoon en leefbaar huis voor wie dat zelf niet kan.",
        "",
        [("Tevreden inwoners", "tevredenheid", 80)],
    )
    for org in aanbieders[Soort.HUISHOUDELIJKE_HULP][:2]:
        partij(hh, org, Rol.HOOFDAANNEMER)
    kv = deel("kv", "Mantelzorgers houden het vol dankzij logeeropvang.", "", [])
    if aanbieders[Soort.AANVULLEND]:
        partij(kv, aanbieders[Soort.AANVULLEND][0], Rol.HOOFDAANNEMER)
    return basis


def _klachten(rng, aanbieders: list[Organisatie]) -> int:
    """Complaints spread over the demo year, registered at a buurtkamer for residents with
    a toewijzing; about half have the worker's outcome. The demo resident has one that went
    on to the manager. Dates are moved back to when they happened."""
    from openwmo.berichten.models import Toewijzing

    paren = list(
        Toewijzing.objects.filter(aanbieder__in=aanbieders)
        .values_list("persoon__bsn", "persoon__geboortedatum", "aanbieder_id")
        .distinct()[:400]
    )
    vrijwilliger = User.objects.filter(rol=Gebruikersrol.VRIJWILLIGER).order_by("pk").first()
    toezicht = User.objects.filter(rol=Gebruikersrol.TOEZICHTHOUDER).order_by("pk").first()
    behandelaar = {
        u.medewerker.organisatie_id: u
        for u in User.objects.filter(rol=Gebruikersrol.ZORGAANBIEDER).select_related("medewerker")
    }
    thema_s = [t.value for t in Thema]
    jaardagen = (PEILDATUM - datetime.date(PEILDATUM.year, 1, 1)).days
    aantal = min(len(paren), max(6, len(paren) // 8)) if vrijwilliger else 0
    for i in range(aantal):
        bsn, geboortedatum, aanbieder_id = rng.choice(paren)
        over_gemeente = i % 7 == 6
        klacht = services.dien_klacht_in(
            vrijwilliger,
            thema=rng.choice(thema_s),
            omschrijving=rng.choice(KLACHTTEKSTEN),
            aanbieder_id=None if over_gemeente else aanbieder_id,
            bsn=bsn,
            geboortedatum=geboortedatum,
            kanaal="systeem",
        )
        if rng.random() < 0.5:
            door = toezicht if over_gemeente else behandelaar.get(aanbieder_id, toezicht)
            services.leg_uitkomst_vast(door, klacht.pk, uitkomst=UITKOMSTEN[0], kanaal="systeem")
        _verplaats(klacht, rng.randint(5, jaardagen))
    inwoner = User.objects.filter(username="inwoner", persoon__isnull=False).first()
    if inwoner and aanbieders:
        org = aanbieders[0]
        klacht = services.dien_klacht_in(
            inwoner,
            thema="bereikbaarheid",
            omschrijving="Als ik bel over mijn dagbesteding krijg ik nooit iemand te spreken.",
            aanbieder_id=org.pk,
            kanaal="systeem",
        )
        door = behandelaar.get(org.pk, toezicht)
        services.leg_uitkomst_vast(door, klacht.pk, uitkomst=UITKOMSTEN[0], kanaal="systeem")
        services.reageer_op_klacht(
            inwoner,
            klacht.pk,
            reactie="Het is niet beter geworden.",
            tevreden=False,
            naar=services.ROUTE_AANBIEDER[1],
            kanaal="systeem",
        )
        aantal += 1
    return aantal


KLACHTTEKSTEN = [
    "De begeleider kwam meerdere keren niet op de afgesproken tijd.",
    "Ik word niet serieus genomen als ik iets aangeef.",
    "Het duurde weken voordat de ondersteuning begon.",
    "Telefonisch is niemand bereikbaar als ik een vraag heb.",
    "Mijn gegevens zijn zonder overleg gedeeld met een andere partij.",
    "De hulp in huis wordt steeds door iemand anders gedaan.",
]
UITKOMSTEN = [
    "Gesprek gevoerd, excuses aangeboden en een vaste begeleider afgesproken.",
    "Leidinggevende heeft het rooster aangepast en belt na vier weken na.",
    "Klachtenfunctionaris heeft bemiddeld; extra evaluatiegesprek ingepland.",
    "De commissie verklaart de klacht deels gegrond.",
]


def _verplaats(klacht, dagen: int) -> None:
    verschil = datetime.timedelta(days=dagen)
    Klacht.objects.filter(pk=klacht.pk).update(ingediend_op=F("ingediend_op") - verschil)
    KlachtStap.objects.filter(klacht=klacht).update(
        gestart_op=F("gestart_op") - verschil, termijn=F("termijn") - verschil
    )
    Melding.objects.filter(klacht=klacht).update(op=F("op") - verschil)


def _kwaliteit(rng, aanbieders: list[Organisatie]) -> int:
    """Self-assessments of the contracted providers; the first one reviewed with an action,
    and a calamity under investigation."""
    zorg = {
        u.medewerker.organisatie_id: u
        for u in User.objects.filter(rol=Gebruikersrol.ZORGAANBIEDER).select_related("medewerker")
    }
    toezicht = User.objects.filter(rol=Gebruikersrol.TOEZICHTHOUDER).order_by("pk").first()
    eisen = list(Kwaliteitseis.objects.all())
    gedaan = []
    for org in aanbieders:
        user = zorg.get(org.pk)
        if user is None:
            continue
        antwoorden = {
            e.code: (
                rng.choice(["ja", "ja", "ja", "deels"]),
                f"Zie bijlage {e.code} bij het jaarverslag",
            )
            for e in eisen
        }
        gedaan.append(
            services.dien_zelfevaluatie_in(user, jaar=PEILDATUM.year, antwoorden=antwoorden)
        )
    if gedaan and toezicht:
        services.beoordeel_zelfevaluatie(
            toezicht,
            gedaan[0].pk,
            oordeel="verbeteren",
            toelichting="Meldcode is er, training van nieuwe medewerkers loopt achter.",
            bevindingen=[
                (
                    "VE-1",
                    "Niet alle nieuwe medewerkers getraind in de meldcode",
                    "Training voor alle nieuwe medewerkers binnen drie maanden",
                    PEILDATUM + datetime.timedelta(days=90),
                ),
            ],
        )
        c = services.meld_calamiteit(
            zorg[gedaan[0].aanbieder_id],
            soort="geweld",
            omschrijving="Een begeleider is bij een huisbezoek bedreigd door een huisgenoot.",
            plaatsgevonden_op=timezone.localdate() - datetime.timedelta(days=1),
        )
        services.registreer_calamiteitverloop(
            toezicht, c.pk, soort="onderzoek", tekst="Aanbieder onderzoekt met de SIRE-methode."
        )
    return len(gedaan)


def _overleg(beleid, aanbieders: list[Organisatie]) -> None:
    overleg = services.plan_overleg(
        beleid,
        titel="Tactisch overleg thuisondersteuning en dagbesteding",
        niveau="tactisch",
        datum=PEILDATUM + datetime.timedelta(days=14),
        deelnemer_ids=[o.pk for o in aanbieders],
        agenda=[
            ("Wachttijden toewijzing tot start", "wachttijd_mediaan"),
            ("Doelrealisatie per aanbieder", "doelrealisatie"),
            ("Inzet kleine partijen", ""),
        ],
        perceel_code="to-db",
    )
    services.leg_overleguitkomst_vast(
        beleid,
        overleg.agendapunten.first().pk,
        soort="actie",
        tekst="Aanbieders maken een gezamenlijk plan om wachttijden te halveren",
        eigenaar="Zorggroep De Veenhorst",
        uiterlijk=PEILDATUM + datetime.timedelta(days=60),
    )


def vul(rng) -> dict:
    basis = zorg_voor_contracten()
    partijen = list(
        Contractpartij.objects.filter(deelovereenkomst__basisovereenkomst=basis).select_related(
            "aanbieder"
        )
    )
    aanvullend = sorted(
        {p.aanbieder for p in partijen if p.rol == Rol.HOOFDAANNEMER}, key=lambda o: o.pk
    )
    klachten = _klachten(rng, aanvullend)
    zelfevaluaties = _kwaliteit(rng, aanvullend)
    _overleg(_beleid(), [o for o in aanvullend if o.soort == Soort.AANVULLEND])
    return {
        "contractpartijen": len(partijen),
        "klachten": klachten,
        "zelfevaluaties": zelfevaluaties,
    }
