"""Reading the transition. Residents are scoped inside the query and reads are audited."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Exists, Min, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor, scope_of
from openwmo.inwoners.selectors import personen_in_scope
from openwmo.organisaties.models import Medewerker, Organisatie
from openwmo.organisaties.selectors import organisaties
from openwmo.privacy import services as audit

from . import importer, planner
from .models import (
    Begeleiding,
    BestaandeBeschikking,
    Gesprek,
    Importbestand,
    Overstap,
    Route,
    Uitkomst,
    VoorlopigePijler,
)

WERK_ROLLEN = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT})
OVERZICHT_ROLLEN = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT, Rol.BELEIDSMAKER})
RISICO_WEKEN = 8


# --- import ---------------------------------------------------------------------


def personen_voor_import(user, bsns) -> dict[str, tuple[int, datetime.date]]:
    """BSN → (person id, date of birth) of residents the importer may see."""
    rijen = personen_in_scope(user).filter(bsn__in=list(bsns))
    return {
        bsn: (pk, geboren) for pk, bsn, geboren in rijen.values_list("pk", "bsn", "geboortedatum")
    }


def aanbieders_op_agb(codes) -> dict[str, int]:
    return dict(organisaties().filter(agb_code__in=list(codes)).values_list("agb_code", "pk"))


def importbestanden(limit: int = 10) -> list[Importbestand]:
    return list(Importbestand.objects.select_related("door")[:limit])


# --- planning ---------------------------------------------------------------------


def gesprekvoerders(lock: bool = False) -> list[planner.Werker]:
    """Social workers of the basis provider(s), with their team's wijk."""
    qs = Medewerker.objects.filter(
        user__rol=Rol.SOCIAAL_WERKER,
        user__is_active=True,
        organisatie__soort=Organisatie.Soort.BASISONDERSTEUNING,
    )
    if lock:
        qs = qs.select_for_update(of=("self",))
    return [planner.Werker(pk, wijk) for pk, wijk in qs.values_list("pk", "team__wijk_id")]


def te_plannen_clienten() -> list[planner.Client]:
    """Clients with thuisondersteuning or dagbesteding and no conversation yet."""
    rijen = (
        BestaandeBeschikking.objects.filter(product__in=importer.HERBEOORDELEN)
        .exclude(persoon__overgangsgesprek__isnull=False)
        .values_list(
            "persoon_id",
            "product",
            "einddatum",
            "aanbieder_id",
            "persoon__huishouden__adres__buurt__wijk_id",
        )
        .order_by("persoon_id", "einddatum")
    )
    per_persoon: dict[int, dict] = {}
    for pk, product, einde, aanbieder, wijk in rijen:
        c = per_persoon.setdefault(
            pk, {"einde": None, "kwetsbaar": False, "aanbieder": None, "wijk": wijk}
        )
        if einde and (c["einde"] is None or einde < c["einde"]):
            c["einde"] = einde
        if product in importer.KWETSBAAR:
            c["kwetsbaar"] = True
            c["aanbieder"] = c["aanbieder"] or aanbieder
    return [
        planner.Client(pk, c["einde"], c["kwetsbaar"], c["aanbieder"], c["wijk"])
        for pk, c in per_persoon.items()
    ]


def geplande_momenten(start, golive) -> list[tuple[int, datetime.date]]:
    return list(
        Gesprek.objects.filter(gepland_op__gte=start, gepland_op__lt=golive)
        .filter(~Exists(Uitkomst.objects.filter(gesprek=OuterRef("pk"))))
        .values_list("medewerker_id", "gepland_op")
    )


# --- conversations -------------------------------------------------------------------


def _met_laatste_uitkomst(qs):
    return qs.prefetch_related(
        Prefetch("uitkomsten", queryset=Uitkomst.objects.order_by("-pk"), to_attr="alle_uitkomsten")
    )


def gesprekken_in_scope(user) -> QuerySet[Gesprek]:
    """A consultant sees all conversations; a social worker those in their wijken or own."""
    qs = Gesprek.objects.select_related(
        "persoon__huishouden__adres", "medewerker__user", "aanbieder"
    )
    scope = scope_of(user)
    if scope.rol == Rol.WMO_CONSULENT:
        return qs
    if scope.rol == Rol.SOCIAAL_WERKER:
        return qs.filter(
            Q(persoon__in=personen_in_scope(user).values("pk")) | Q(medewerker__user_id=user.pk)
        )
    return qs.none()


def client_in_scope(user, persoon_id: int, lock: bool = False):
    qs = personen_in_scope(user).filter(pk=persoon_id, overgangsgesprek__isnull=False)
    if lock:
        qs = qs.select_for_update(of=("self",))
    return qs.first()


def laatste_uitkomst(gesprek) -> Uitkomst | None:
    alle = getattr(gesprek, "alle_uitkomsten", None)
    if alle is None:
        return gesprek.uitkomsten.order_by("-pk").first()
    return alle[0] if alle else None


def log_lijst(user, persoon_ids, *, kanaal, object_type, velden=(), toelichting=""):
    """A list of clients was shown: one audit record per client in it."""
    audit.log_lijst(
        user,
        persoon_ids,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type=object_type,
        velden=velden,
        toelichting=toelichting,
    )


def _log(user, *, kanaal, object_type, object_id="", persoon_id=None, velden=(), toelichting=""):
    audit.log(
        user,
        actie=audit.Actie.LEZEN,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type=object_type,
        object_id=object_id,
        persoon_id=persoon_id,
        velden=velden,
        toelichting=toelichting,
    )


@dataclass
class Gespreksdossier:
    gesprek: Gesprek
    beschikkingen: list[BestaandeBeschikking]
    uitkomsten: list[Uitkomst]
    begeleiders: list[Begeleiding]

    @property
    def uitkomst(self):
        return self.uitkomsten[0] if self.uitkomsten else None


def gesprek(user, pk: int, *, kanaal: str) -> Gespreksdossier:
    g = _met_laatste_uitkomst(gesprekken_in_scope(user)).filter(pk=pk).first()
    if g is None:
        from django.http import Http404

        raise Http404
    _log(
        user,
        kanaal=kanaal,
        object_type="overgang_gesprek",
        object_id=g.pk,
        persoon_id=g.persoon_id,
        velden=["bestaande_beschikkingen", "uitkomst", "vaste_begeleider"],
    )
    return Gespreksdossier(
        gesprek=g,
        beschikkingen=list(
            BestaandeBeschikking.objects.filter(persoon_id=g.persoon_id).select_related("aanbieder")
        ),
        uitkomsten=g.alle_uitkomsten,
        begeleiders=list(
            Begeleiding.objects.filter(persoon_id=g.persoon_id).select_related(
                "medewerker__user", "medewerker__organisatie", "medewerker__overstap__naar"
            )
        ),
    )


def gesprekken(user, *, kanaal: str, limit: int = 200) -> list[Gesprek]:
    """The conversation list (planned first), audited as one list read."""
    rijen = list(
        _met_laatste_uitkomst(gesprekken_in_scope(user)).order_by("gepland_op", "pk")[:limit]
    )
    if rijen:
        log_lijst(
            user,
            [g.persoon_id for g in rijen],
            kanaal=kanaal,
            object_type="overgang_gesprek",
            velden=["naam", "gepland_op"],
            toelichting=f"lijst: {len(rijen)} maatwerkgesprekken",
        )
    return rijen


def begeleiders_voor(persoon_id: int) -> set[int]:
    """Workers of the client's current providers (candidates for regular support worker)."""
    aanbieders = BestaandeBeschikking.objects.filter(
        persoon_id=persoon_id, aanbieder__isnull=False
    ).values("aanbieder_id")
    return set(
        Medewerker.objects.filter(organisatie_id__in=aanbieders).values_list("pk", flat=True)
    )


def begeleiderkeuzes(persoon_id: int) -> list[Medewerker]:
    return list(
        Medewerker.objects.filter(pk__in=begeleiders_voor(persoon_id))
        .select_related("user", "organisatie")
        .order_by("organisatie__naam", "user__last_name", "pk")
    )


# --- dashboard ----------------------------------------------------------------------


@dataclass
class Voortgang:
    clienten: int
    gepland: int
    gehouden: int
    te_laat: int
    niet_gepland: int
    per_product: list[tuple[str, str, dict[str, int]]]
    risico: list[dict]
    risico_aantal: int


def voortgang(
    user, *, kanaal: str, vandaag: datetime.date | None = None, namen: bool = True
) -> Voortgang:
    """Conversations planned/held/overdue, outcomes by legacy product, clients at risk.
    Names of clients at risk only for the roles that work with residents (in their scope)."""
    vandaag = vandaag or timezone.localdate()
    gehouden_ids = set(Uitkomst.objects.values_list("gesprek__persoon_id", flat=True))
    gesprekken_qs = Gesprek.objects.values_list("persoon_id", "gepland_op")
    gepland = te_laat = 0
    met_gesprek = set()
    for persoon_id, datum in gesprekken_qs:
        met_gesprek.add(persoon_id)
        if persoon_id in gehouden_ids:
            continue
        if datum < vandaag:
            te_laat += 1
        else:
            gepland += 1
    laatste = {}
    for persoon_id, route in Uitkomst.objects.order_by("pk").values_list(
        "gesprek__persoon_id", "route"
    ):
        laatste[persoon_id] = route
    telling: dict[str, Counter] = defaultdict(Counter)
    clienten = set()
    for persoon_id, product in BestaandeBeschikking.objects.filter(
        product__in=importer.HERBEOORDELEN
    ).values_list("persoon_id", "product"):
        clienten.add(persoon_id)
        telling[product][laatste.get(persoon_id, "open")] += 1
    from .models import Product

    per_product = [
        (p, Product(p).label, dict(telling[p]))
        for p in Product.values
        if p in importer.HERBEOORDELEN and telling[p]
    ]
    grens = vandaag + datetime.timedelta(weeks=RISICO_WEKEN)
    risico_qs = (
        BestaandeBeschikking.objects.filter(product__in=importer.HERBEOORDELEN)
        .exclude(persoon_id__in=gehouden_ids)
        .values("persoon_id")
        .annotate(einde=Min("einddatum"))
        .filter(einde__lte=grens)
    )
    risico_aantal = risico_qs.count()
    risico = []
    if namen and user.rol in WERK_ROLLEN and risico_aantal:
        personen = (
            personen_in_scope(user)
            .filter(pk__in=risico_qs.values("persoon_id"))
            .annotate(einde=Min("bestaande_beschikkingen__einddatum"))
            .order_by("einde", "pk")[:50]
        )
        risico = [
            {"persoon": p, "einde": p.einde, "gesprek": p.pk in met_gesprek} for p in personen
        ]
        if risico:
            log_lijst(
                user,
                [r["persoon"].pk for r in risico],
                kanaal=kanaal,
                object_type="overgang_risico",
                velden=["naam", "einddatum"],
                toelichting=f"lijst: {len(risico)} cliënten met risico",
            )
    return Voortgang(
        clienten=len(clienten),
        gepland=gepland,
        gehouden=len(gehouden_ids),
        te_laat=te_laat,
        niet_gepland=len(clienten - met_gesprek),
        per_product=per_product,
        risico=risico,
        risico_aantal=risico_aantal,
    )


# --- staff ----------------------------------------------------------------------------


def overstappers(lock: bool = False) -> QuerySet[Medewerker]:
    qs = Medewerker.objects.filter(organisatie__soort=Organisatie.Soort.AANVULLEND)
    if lock:
        qs = qs.select_for_update(of=("self",))
    return qs


def basisaanbieders() -> QuerySet[Organisatie]:
    return organisaties(Organisatie.Soort.BASISONDERSTEUNING)


def overstappen() -> list[Overstap]:
    return list(
        Overstap.objects.select_related("medewerker__user", "van", "naar").order_by(
            "van__naam", "medewerker__user__last_name", "pk"
        )
    )


def _toekomst(persoon_ids) -> dict[int, str]:
    """Per client the future pillar: the latest outcome, else the provisional mapping
    ("" when still to be assessed)."""
    routes = dict(
        Uitkomst.objects.filter(gesprek__persoon_id__in=persoon_ids)
        .order_by("pk")
        .values_list("gesprek__persoon_id", "route")
    )
    voorlopig: dict[int, set] = defaultdict(set)
    for pk, pijler in BestaandeBeschikking.objects.filter(
        persoon_id__in=persoon_ids, product__in=importer.HERBEOORDELEN
    ).values_list("persoon_id", "voorlopige_pijler"):
        voorlopig[pk].add(pijler)
    uit = {}
    for pk in persoon_ids:
        if pk in routes:
            uit[pk] = routes[pk]
        elif voorlopig[pk] == {VoorlopigePijler.BASIS}:
            uit[pk] = Route.BASIS
        elif voorlopig[pk] == {VoorlopigePijler.AANVULLEND}:
            uit[pk] = Route.AANVULLEND
        else:
            uit[pk] = ""
    return uit


@dataclass
class Relaties:
    totaal: int
    behouden: int
    verloren: int
    onbekend: int


def client_werkerrelaties() -> Relaties:
    """How many client–worker relations survive the transition: the worker ends up at the
    organisation that gives the client's future support (a mix keeps both)."""
    rijen = list(
        Begeleiding.objects.values_list(
            "persoon_id", "medewerker_id", "medewerker__overstap__naar_id"
        )
    )
    toekomst = _toekomst({r[0] for r in rijen})
    behouden = verloren = onbekend = 0
    for persoon_id, _medewerker, naar in rijen:
        route = toekomst[persoon_id]
        if not route:
            onbekend += 1
        elif route == Route.MIX or (route == Route.BASIS) == (naar is not None):
            behouden += 1
        else:
            verloren += 1
    return Relaties(len(rijen), behouden, verloren, onbekend)


def medewerkers_met_clienten() -> list[dict]:
    """Workers of aanvullend providers with their number of clients (no names of clients)."""
    from django.db.models import Count

    qs = (
        overstappers()
        .annotate(clienten=Count("begeleide_clienten"))
        .filter(clienten__gt=0)
        .select_related("user", "organisatie", "overstap")
        .order_by("organisatie__naam", "user__last_name", "pk")
    )
    return list(qs[:300])


# --- year-end recompute ------------------------------------------------------------------


@dataclass
class Herberekening:
    jaar: int
    voorlopig: object  # financien.selectors.Startverdeling
    definitief: object
    per_categorie: list[tuple[str, int, int, int]]  # categorie, voorlopig, definitief, verschil
    beschikkingen: int
    met_uitkomst: int

    @property
    def verschil_basis_cents(self) -> int:
        return self.definitief.basis_cents - self.voorlopig.basis_cents


def clientgroepen(jaar: int):
    """(provisional groups per legacy product, one group per beschikking from the outcomes).

    Provisional: the configured assumption per product (aandeel_basis None). Definitive:
    a re-assessed beschikking (TO/DB) takes its client's latest outcome: basis 1,
    aanvullend 0, mix its share; without an outcome (and for HH, KV) the assumption."""
    from fractions import Fraction

    from openwmo.financien.selectors import Clientgroep, jaarkosten_cents

    routes = dict(
        Uitkomst.objects.order_by("pk").values_list("gesprek__persoon_id", "aandeel_basis_procent")
    )
    prijzen: dict[tuple, int] = {}
    voorlopig_aantal: Counter = Counter()
    voorlopig_kosten: Counter = Counter()
    definitief = []
    for persoon_id, product, volume, eenheid in BestaandeBeschikking.objects.values_list(
        "persoon_id", "product", "volume", "eenheid"
    ).order_by("pk"):
        sleutel = (product, volume, eenheid)
        if sleutel not in prijzen:
            prijzen[sleutel] = jaarkosten_cents(product, volume, eenheid, jaar)
        kosten = prijzen[sleutel]
        voorlopig_aantal[product] += 1
        voorlopig_kosten[product] += kosten
        aandeel = None
        if product in importer.HERBEOORDELEN and persoon_id in routes:
            aandeel = Fraction(routes[persoon_id], 100)
        definitief.append(Clientgroep(product, 1, kosten, aandeel))
    voorlopig = [Clientgroep(p, voorlopig_aantal[p], voorlopig_kosten[p]) for p in voorlopig_aantal]
    return voorlopig, definitief


def startgroepen(jaar: int):
    """The imported existing beschikkingen per legacy product: number and yearly cost, for
    the start split (each product takes the configured assumption, aandeel_basis None)."""
    from django.db.models import Count

    from openwmo.financien.selectors import Clientgroep, jaarkosten_cents

    aantal: Counter = Counter()
    kosten: Counter = Counter()
    rijen = (
        BestaandeBeschikking.objects.values_list("product", "volume", "eenheid")
        .annotate(n=Count("pk"))
        .order_by("product", "volume", "eenheid")
    )
    for product, volume, eenheid, n in rijen:
        aantal[product] += n
        kosten[product] += n * jaarkosten_cents(product, volume, eenheid, jaar)
    return [Clientgroep(p, aantal[p], kosten[p]) for p in sorted(aantal)]


def herberekening(jaar: int) -> Herberekening:
    """The lumpsum split from the real outcomes next to the provisional split."""
    from openwmo.financien.selectors import verdeel_clientenbestand

    voorlopig_groepen, definitief_groepen = clientgroepen(jaar)
    voorlopig = verdeel_clientenbestand(voorlopig_groepen, jaar)
    definitief = verdeel_clientenbestand(definitief_groepen, jaar)
    per_categorie = []
    for categorie, (basis, _aanvullend) in voorlopig.per_categorie.items():
        nieuw = definitief.per_categorie.get(categorie, (0, 0))[0]
        per_categorie.append((categorie, basis, nieuw, nieuw - basis))
    return Herberekening(
        jaar=jaar,
        voorlopig=voorlopig,
        definitief=definitief,
        per_categorie=per_categorie,
        beschikkingen=len(definitief_groepen),
        met_uitkomst=sum(1 for g in definitief_groepen if g.aandeel_basis is not None),
    )


# --- shared screens -------------------------------------------------------------------


def dossierstand(user, persoon_id: int) -> dict | None:
    """The transition status of one resident for their file (the file's read is audited
    by the file itself; the section names its fields)."""
    if user.rol not in WERK_ROLLEN:
        return None
    beschikkingen = list(
        BestaandeBeschikking.objects.filter(
            persoon_id=persoon_id, persoon__in=personen_in_scope(user).values("pk")
        ).select_related("aanbieder")
    )
    if not beschikkingen:
        return None
    g = _met_laatste_uitkomst(gesprekken_in_scope(user)).filter(persoon_id=persoon_id).first()
    return {
        "beschikkingen": beschikkingen,
        "gesprek": g,
        "uitkomst": laatste_uitkomst(g) if g else None,
    }


def mijn_gesprekken(user, vandaag: datetime.date | None = None, dagen: int = 14) -> list[Gesprek]:
    """A social worker's conversations not yet held: overdue and the coming two weeks."""
    vandaag = vandaag or timezone.localdate()
    if user.rol != Rol.SOCIAAL_WERKER:
        return []
    return list(
        gesprekken_in_scope(user)
        .filter(
            medewerker__user_id=user.pk, gepland_op__lte=vandaag + datetime.timedelta(days=dagen)
        )
        .filter(~Exists(Uitkomst.objects.filter(gesprek=OuterRef("pk"))))
        .order_by("gepland_op", "pk")[:20]
    )


def begeleiderparen(user, persoon_ids) -> set[tuple[int, int]]:
    """(person, worker) pairs allowed as regular support worker: clients with a conversation
    in the user's scope and workers of one of their current providers."""
    personen = personen_in_scope(user).filter(
        pk__in=list(persoon_ids), overgangsgesprek__isnull=False
    )
    aanbieders: dict[int, set[int]] = defaultdict(set)
    for pk, org in BestaandeBeschikking.objects.filter(
        persoon__in=personen.values("pk"), aanbieder__isnull=False
    ).values_list("persoon_id", "aanbieder_id"):
        aanbieders[org].add(pk)
    paren = set()
    for m, org in Medewerker.objects.filter(organisatie_id__in=list(aanbieders)).values_list(
        "pk", "organisatie_id"
    ):
        paren.update((p, m) for p in aanbieders[org])
    return paren
