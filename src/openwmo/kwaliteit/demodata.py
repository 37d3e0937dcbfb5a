"""Lindeveen's contracts, quality framework answers, complaints, a calamity, a quarterly
review and a consultation meeting, written through the services."""

import datetime

from openwmo.accounts.models import Rol as Gebruikersrol
from openwmo.accounts.models import User
from openwmo.organisaties.models import Organisatie

from . import services
from .models import Basisovereenkomst, Rol

Soort = Organisatie.Soort
INGANG = datetime.date(2026, 1, 1)
# Two small providers: a care farm with support found nowhere else, and a small home
# support firm that delivered nothing this year (flagged for ending the contract).
KLEINE_AANBIEDERS = [
    ("Zorgboerderij De Eikenhof", "97000011", True),
    ("Thuisbegeleiding Het Veenpad", "97000012", False),
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
    for naam, agb, uniek in KLEINE_AANBIEDERS:
        org, _ = Organisatie.objects.get_or_create(
            naam=naam,
            defaults={"soort": Soort.AANVULLEND, "agb_code": agb, "email": "info@example.org"},
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


def vul(rng) -> dict:
    basis = zorg_voor_contracten()
    partijen = sum(d.partijen.count() for d in basis.deelovereenkomsten.all())
    return {"contractpartijen": partijen}
