"""Reads of the finance app: the initial split, lumpsums with spending and forecast, client
shifts between pillars, PGB versus ZIN, eigen bijdrage and scenarios.

Money is integer euro cents. Every split rounds with the largest-remainder method, so parts
always add up to the whole to the cent."""

import calendar
import csv
import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor, scope_of

from . import referentie
from .models import (
    HEEL,
    Abonnementstarief,
    Herverdelingsverzoek,
    Lumpsum,
    Maatregel,
    Perceelbudget,
    Scenario,
    Subsidie,
    Tarief,
    Verdeelaanname,
)

CONTROLLER = frozenset({Rol.BELEIDSMAKER, Rol.BEHEERDER})
HERVERDELING_ROLLEN = CONTROLLER | {Rol.ZORGAANBIEDER}


# --- rounding ---------------------------------------------------------------------------


def verdeel(totaal: int, gewichten: Sequence[int | Fraction]) -> list[int]:
    """Split ``totaal`` cents in proportion to ``gewichten`` (largest remainder; ties go to
    the earliest). Equal weights give equal parts differing by at most one cent."""
    if totaal < 0:
        raise ValueError("totaal < 0")
    som = sum(gewichten)
    if not gewichten or som <= 0:
        raise ValueError("geen gewichten")
    exact = [Fraction(totaal) * Fraction(g) / Fraction(som) for g in gewichten]
    delen = [int(x) for x in exact]  # floor: all parts are >= 0
    rest = totaal - sum(delen)
    volgorde = sorted(range(len(exact)), key=lambda i: (-(exact[i] - delen[i]), i))
    for i in volgorde[:rest]:
        delen[i] += 1
    return delen


def afronden(bedrag: Fraction | Decimal | int) -> int:
    """Round to whole cents, half up (amounts here are never negative)."""
    if isinstance(bedrag, Fraction):
        bedrag = Decimal(bedrag.numerator) / Decimal(bedrag.denominator)
    return int(Decimal(bedrag).quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --- initial distribution (contract for the overgang app) -------------------------------


@dataclass(frozen=True)
class Clientgroep:
    categorie: str
    aantal: int
    kosten_cents: int
    aandeel_basis: Fraction | None = None


@dataclass(frozen=True)
class Startverdeling:
    basis_cents: int
    aanvullend_cents: int
    per_categorie: dict[str, tuple[int, int]] = field(default_factory=dict)


def aannames(jaar: int | None = None) -> dict[str, Fraction]:
    """The configured share to basisondersteuning per legacy category, valid in ``jaar``."""
    jaar = jaar or timezone.localdate().year
    result: dict[str, Fraction] = {}
    for a in Verdeelaanname.objects.filter(vanaf_jaar__lte=jaar).order_by("vanaf_jaar"):
        result[a.categorie] = Fraction(a.aandeel_basis, HEEL)
    return result


def verdeel_clientenbestand(
    groepen: Iterable[Clientgroep], jaar: int | None = None
) -> Startverdeling:
    """Split the yearly cost of the legacy client base into basis and aanvullend.

    A group without its own ``aandeel_basis`` uses the configured assumption (unknown
    categories go to aanvullend). The basis total is the rounded exact sum; the categories
    share it by largest remainder, so every tuple and both totals add up to the cent."""
    groepen = list(groepen)
    config = aannames(jaar) if any(g.aandeel_basis is None for g in groepen) else {}
    kosten: dict[str, int] = defaultdict(int)
    exact: dict[str, Fraction] = defaultdict(Fraction)
    for g in groepen:
        if g.kosten_cents < 0:
            raise ValueError("kosten_cents < 0")
        aandeel = g.aandeel_basis if g.aandeel_basis is not None else config.get(g.categorie)
        aandeel = Fraction(aandeel or 0)
        kosten[g.categorie] += g.kosten_cents
        exact[g.categorie] += g.kosten_cents * aandeel
    categorieen = list(kosten)
    basis_totaal = afronden(sum(exact.values(), Fraction(0)))
    if basis_totaal and categorieen:
        basis = verdeel(basis_totaal, [exact[c] for c in categorieen])
    else:
        basis = [0] * len(categorieen)
    per_categorie = {c: (b, kosten[c] - b) for c, b in zip(categorieen, basis, strict=True)}
    totaal = sum(kosten.values())
    return Startverdeling(
        basis_cents=basis_totaal,
        aanvullend_cents=totaal - basis_totaal,
        per_categorie=per_categorie,
    )


def tarief_cents(code: str, eenheid: str, jaar: int) -> int:
    t = (
        Tarief.objects.filter(code=code, eenheid=eenheid, vanaf_jaar__lte=jaar)
        .order_by("-vanaf_jaar")
        .first()
    )
    if t is None:
        raise LookupError(f"Geen tarief voor {code} ({eenheid}) in {jaar}")
    return t.bedrag_cents


def jaarkosten_cents(categorie: str, volume: Decimal | int, eenheid: str, jaar: int) -> int:
    """Yearly cost of one legacy client: volume × units per year × tariff, rounded half up."""
    if eenheid not in referentie.EENHEDEN_PER_JAAR:
        raise LookupError(f"Onbekende eenheid {eenheid}")
    per_jaar = referentie.EENHEDEN_PER_JAAR[eenheid]
    return afronden(Decimal(volume) * per_jaar * tarief_cents(categorie, eenheid, jaar))


def startgroepen(jaar: int) -> list[Clientgroep]:
    """The legacy client base for the start split: the existing beschikkingen imported in
    the transition (overgang), per product with count and yearly cost."""
    from openwmo.overgang import selectors as overgang

    return overgang.startgroepen(jaar)


def clientgroepen_uit_csv(pad: Path, jaar: int) -> list[Clientgroep]:
    """Group the legacy export (one row per beschikking) by product: count and yearly cost."""
    aantal: dict[str, int] = defaultdict(int)
    kosten: dict[str, int] = defaultdict(int)
    prijzen: dict[tuple[str, str], int] = {}
    with open(pad, encoding="utf-8", newline="") as fh:
        for rij in csv.DictReader(fh):
            sleutel = (rij["product"], rij["eenheid"])
            if sleutel not in prijzen:
                prijzen[sleutel] = tarief_cents(*sleutel, jaar)
            per_jaar = referentie.EENHEDEN_PER_JAAR[rij["eenheid"]]
            aantal[rij["product"]] += 1
            kosten[rij["product"]] += int(rij["volume"]) * per_jaar * prijzen[sleutel]
    return [Clientgroep(c, aantal[c], kosten[c]) for c in sorted(aantal)]


def perceel_van_categorie(categorie: str) -> str:
    return referentie.PERCEEL_VAN_CATEGORIE.get(categorie, "to-db")


# --- lumpsums, spending, forecast (contract for sturing and kwaliteit) -------------------


IWMO_PERCEEL = {"02": "to-db", "07": "to-db", "01": "hh", "04": "kv"}


def _inzet(jaar: int, aanbieder_ids: Iterable[int]):
    """(aanbieder_id, perceel, hours per week, start, end) of the support that runs in
    ``jaar``: basis from running plan lines, aanvullend from iWmo toewijzingen in hours per
    week (iWmo is the source for aanvullend, so plan lines behind them are not counted twice)."""
    from openwmo.berichten.models import Toewijzing
    from openwmo.plannen.models import Regel

    ids = list(aanbieder_ids)
    begin, einde = datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)
    loopt_in_jaar = Q(einddatum__isnull=True) | Q(einddatum__gte=begin)
    regels = (
        Regel.objects.filter(organisatie_id__in=ids, soort="basis")
        .filter(status__in=["loopt", "toegekend", "beeindigd"])
        .exclude(plan__status="concept")
        .filter(loopt_in_jaar)
        .values_list(
            "organisatie_id", "uren_per_week", "ingangsdatum", "einddatum", "plan__geactiveerd_op"
        )
    )
    for org, uren, ingang, eind, geactiveerd in regels:
        yield org, "basis", uren, ingang or geactiveerd, eind
    toewijzingen = (
        Toewijzing.objects.filter(aanbieder_id__in=ids, eenheid="04", frequentie="2")
        .filter(productcategorie__in=list(IWMO_PERCEEL), ingangsdatum__lte=einde)
        .filter(loopt_in_jaar)
        .values_list("aanbieder_id", "productcategorie", "volume", "ingangsdatum", "einddatum")
    )
    for org, categorie, volume, ingang, eind in toewijzingen:
        yield org, IWMO_PERCEEL[categorie], volume, ingang, eind


def _dagen(van: datetime.date, tot: datetime.date) -> int:
    return max(0, (tot - van).days + 1)


def besteding(jaar: int, aanbieder_ids: Iterable[int], vandaag: datetime.date | None = None):
    """(aanbieder_id, perceel) -> (besteed tot vandaag, prognose tot jaareinde) in cents.

    Method: every running support (see ``_inzet``) is valued at the lot's normative hour
    price × hours per week / 7 per day it runs in the year. Spending to date counts the
    days up to today; the forecast counts every day of the year on which it runs if nothing
    changes (open-ended support runs to 31 December)."""
    vandaag = vandaag or timezone.localdate()
    begin, einde = datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)
    prijs: dict[str, int] = {}
    for t in Tarief.objects.filter(eenheid="uur_per_week", vanaf_jaar__lte=jaar).order_by(
        "vanaf_jaar"
    ):
        prijs[t.code] = t.bedrag_cents
    besteed: dict[tuple[int, str], Fraction] = defaultdict(Fraction)
    prognose: dict[tuple[int, str], Fraction] = defaultdict(Fraction)
    for org, perceel, uren, start, eind in _inzet(jaar, aanbieder_ids):
        if not uren or start is None:
            continue
        per_dag = Fraction(uren) * prijs.get(perceel, 0) / 7
        van, tot = max(start, begin), min(eind or einde, einde)
        besteed[(org, perceel)] += per_dag * _dagen(van, min(tot, vandaag))
        prognose[(org, perceel)] += per_dag * _dagen(van, tot)
    return {k: (afronden(besteed[k]), afronden(prognose[k])) for k in prognose}


def lumpsums(jaar: int, *, aanbieder_id: int | None = None) -> QuerySet[Lumpsum]:
    qs = Lumpsum.objects.filter(jaar=jaar).select_related("perceel", "aanbieder")
    if aanbieder_id is not None:
        qs = qs.filter(aanbieder_id=aanbieder_id)
    return qs


def lumpsum_overzicht(
    jaar: int, *, aanbieder_id: int | None = None, vandaag: datetime.date | None = None
) -> list[dict]:
    """One row per (provider, lot) with its lumpsum, spending to date and year-end forecast."""
    rijen = list(lumpsums(jaar, aanbieder_id=aanbieder_id))
    cijfers = besteding(jaar, {r.aanbieder_id for r in rijen}, vandaag)
    result = []
    for r in rijen:
        besteed, prognose = cijfers.get((r.aanbieder_id, r.perceel.code), (0, 0))
        result.append(
            {
                "lumpsum_id": r.pk,
                "aanbieder_id": r.aanbieder_id,
                "aanbieder": r.aanbieder.naam,
                "pijler": r.perceel.pijler,
                "perceel": r.perceel.code,
                "perceel_naam": r.perceel.naam,
                "lumpsum_cents": r.bedrag_cents,
                "besteed_cents": besteed,
                "prognose_cents": prognose,
                "uitputting_pct": _pct(prognose, r.bedrag_cents),
            }
        )
    return result


def _pct(deel: int, geheel: int) -> Decimal | None:
    if not geheel:
        return None
    return (Decimal(deel) * 100 / Decimal(geheel)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def lumpsum_voor(user, pk: int) -> Lumpsum:
    scope = scope_of(user)
    qs = Lumpsum.objects.select_related("perceel", "aanbieder")
    if scope.rol == Rol.ZORGAANBIEDER:
        qs = qs.filter(aanbieder_id=scope.organisatie_id)
    elif scope.rol not in CONTROLLER:
        raise PermissionDenied
    return qs.get(pk=pk)


# --- monitoring of the split ------------------------------------------------------------


def clienten_per_maand(jaar: int) -> list[dict]:
    """Per month: households with running basis and aanvullend plan lines (and aanvullend
    clients from iWmo start deliveries), the basis share, and the share the split assumed."""
    from openwmo.berichten.models import Levering
    from openwmo.plannen.models import Regel

    begin, einde = datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)
    regels = list(
        Regel.objects.filter(soort__in=["basis", "aanvullend"])
        .exclude(plan__status="concept")
        .exclude(status__in=["voorgesteld", "geweigerd"])
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=begin))
        .values_list("plan_id", "soort", "ingangsdatum", "einddatum", "plan__geactiveerd_op")
    )
    leveringen = list(
        Levering.objects.filter(soort="start", begindatum__lte=einde)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=begin))
        .values_list("bsn", "begindatum", "einddatum")
    )
    verwacht = verwachte_basisaandeel(jaar)
    result = []
    for maand in range(1, 13):
        m_begin = datetime.date(jaar, maand, 1)
        m_einde = datetime.date(jaar, maand, calendar.monthrange(jaar, maand)[1])
        per_soort = {"basis": set(), "aanvullend": set()}
        for plan_id, soort, ingang, eind, geactiveerd in regels:
            start = ingang or geactiveerd
            if start and start <= m_einde and (eind is None or eind >= m_begin):
                per_soort[soort].add(plan_id)
        iwmo = {bsn for bsn, b, e in leveringen if b <= m_einde and (e is None or e >= m_begin)}
        basis, aanvullend = len(per_soort["basis"]), len(per_soort["aanvullend"])
        result.append(
            {
                "maand": maand,
                "basis": basis,
                "aanvullend": aanvullend,
                "aanvullend_iwmo": len(iwmo),
                "aandeel_basis_pct": _pct(basis, basis + aanvullend),
                "verwacht_basis_pct": verwacht,
            }
        )
    return result


def verwachte_basisaandeel(jaar: int) -> Decimal | None:
    """The basis share of clients the year's lumpsum split assumed (expected client counts)."""
    basis = aanvullend = 0
    for b in Perceelbudget.objects.filter(jaar=jaar).select_related("perceel"):
        if b.perceel.pijler == "basis":
            basis += b.verwachte_clienten
        else:
            aanvullend += b.verwachte_clienten
    return _pct(basis, basis + aanvullend)


def verschuiving(jaar: int, maand: int | None = None) -> dict:
    """The client shift between basis and aanvullend in a month against the assumed split:
    absolute (clients that are aanvullend but were expected in basis) and in points."""
    rijen = clienten_per_maand(jaar)
    maand = maand or (timezone.localdate().month if jaar == timezone.localdate().year else 12)
    rij = rijen[maand - 1]
    totaal = rij["basis"] + rij["aanvullend"]
    verwacht = rij["verwacht_basis_pct"]
    if verwacht is None or rij["aandeel_basis_pct"] is None:
        return {"maand": maand, "clienten": 0, "procentpunt": Decimal("0.0"), "totaal": totaal}
    verwacht_basis = afronden(Fraction(totaal) * Fraction(verwacht) / 100)
    return {
        "maand": maand,
        "clienten": verwacht_basis - rij["basis"],  # > 0: more aanvullend than assumed
        "procentpunt": verwacht - rij["aandeel_basis_pct"],
        "totaal": totaal,
    }


# --- PGB versus ZIN ---------------------------------------------------------------------

_DAGEN_PER = {"week": Fraction(1, 7), "maand": Fraction(12, 365), "jaar": Fraction(1, 365)}


def pgb_overzicht(jaar: int) -> dict:
    """Expected PGB part of the aanvullend budget, actual PGB grants in beschikkingen (valued
    over the days they run in the year), and the settlement (positive: PGB costs more than
    assumed, to be moved from the ZIN lumpsums to the PGB budget)."""
    from openwmo.besluiten.models import Beschikking

    begin, einde = datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)
    verwacht = Fraction(0)
    budget = 0
    for b in Perceelbudget.objects.filter(jaar=jaar, perceel__pijler="aanvullend"):
        verwacht += Fraction(b.bedrag_cents * b.pgb_aandeel, HEEL)
        budget += b.bedrag_cents
    werkelijk = Fraction(0)
    aantal = 0
    for bedrag, periode, ingang, eind in Beschikking.objects.filter(
        leveringsvorm="pgb", pgb_bedrag__isnull=False, ingangsdatum__lte=einde, einddatum__gte=begin
    ).values_list("pgb_bedrag", "pgb_periode", "ingangsdatum", "einddatum"):
        aantal += 1
        cents = Fraction(int(bedrag * 100))
        dagen = _dagen(max(ingang, begin), min(eind, einde))
        if periode == "totaal":
            werkelijk += cents * dagen / max(1, _dagen(ingang, eind))
        else:
            werkelijk += cents * _DAGEN_PER.get(periode, Fraction(0)) * dagen
    verwacht_c, werkelijk_c = afronden(verwacht), afronden(werkelijk)
    return {
        "aanvullend_cents": budget,
        "verwacht_cents": verwacht_c,
        "werkelijk_cents": werkelijk_c,
        "aantal": aantal,
        "verrekening_cents": werkelijk_c - verwacht_c,
    }


# --- transfer requests ------------------------------------------------------------------


def herverdelingen_in_scope(user) -> QuerySet[Herverdelingsverzoek]:
    scope = scope_of(user)
    qs = Herverdelingsverzoek.objects.select_related(
        "van__aanbieder", "van__perceel", "naar__aanbieder", "naar__perceel"
    )
    if scope.rol in CONTROLLER:
        return qs
    if scope.rol == Rol.ZORGAANBIEDER and scope.organisatie_id:
        return qs.filter(
            Q(van__aanbieder_id=scope.organisatie_id) | Q(naar__aanbieder_id=scope.organisatie_id)
        )
    return qs.none()


def herverdeling(user, pk: int) -> Herverdelingsverzoek:
    if user.rol not in HERVERDELING_ROLLEN:
        raise PermissionDenied
    return herverdelingen_in_scope(user).prefetch_related("stappen__door").get(pk=pk)


# --- subsidies, scenarios ---------------------------------------------------------------


def subsidies(jaar: int) -> QuerySet[Subsidie]:
    return Subsidie.objects.filter(jaar=jaar).select_related("organisatie")


def scenario_uitkomst(scenario: Scenario) -> dict:
    """Totals of a scenario in cents: each measure's structural yearly effect, the total,
    the target and the reserve (total − target), and the cumulative effect per year."""
    maatregelen = list(scenario.maatregelen.all())
    rijen = [{"maatregel": m, "effect_cents": maatregel_effect(m)} for m in maatregelen]
    totaal = sum(r["effect_cents"] for r in rijen)
    jaren = sorted({m.vanaf_jaar for m in maatregelen} | {scenario.taakstelling_vanaf})
    if jaren:
        jaren = list(range(jaren[0], max(jaren[-1], scenario.taakstelling_vanaf) + 2))
    per_jaar = []
    for jaar in jaren:
        effect = sum(r["effect_cents"] for r in rijen if r["maatregel"].vanaf_jaar <= jaar)
        doel = scenario.taakstelling_cents if jaar >= scenario.taakstelling_vanaf else 0
        per_jaar.append(
            {
                "jaar": jaar,
                "effect_cents": effect,
                "taakstelling_cents": doel,
                "saldo_cents": effect - doel,
            }
        )
    return {
        "maatregelen": rijen,
        "measures_total": totaal,
        "target": scenario.taakstelling_cents,
        "reserve": totaal - scenario.taakstelling_cents,
        "per_jaar": per_jaar,
    }


def maatregel_effect(m: Maatregel) -> int:
    if m.bedrag_cents is not None:
        return m.bedrag_cents
    return afronden(Fraction(m.grondslag_cents or 0) * Fraction(m.percentage or 0, HEEL))


def scenario_via_code(code: str) -> Scenario:
    return Scenario.objects.get(code=code)


# --- eigen bijdrage ---------------------------------------------------------------------


def abonnementstarief_op(datum: datetime.date) -> Abonnementstarief | None:
    return Abonnementstarief.objects.filter(geldig_vanaf__lte=datum).first()


def _huishoudfeiten(huishouden_ids: Iterable[int], peildatum: datetime.date) -> dict[int, bool]:
    """huishouden_id -> multi-person household with a member below the AOW age."""
    from openwmo.inwoners.models import Persoon, leeftijd_op

    from .eigenbijdrage import AOW_LEEFTIJD

    leden: dict[int, list[datetime.date]] = defaultdict(list)
    for hh, geboren in Persoon.objects.filter(huishouden_id__in=list(huishouden_ids)).values_list(
        "huishouden_id", "geboortedatum"
    ):
        leden[hh].append(geboren)
    return {
        hh: len(data) > 1 and any(leeftijd_op(g, peildatum) < AOW_LEEFTIJD for g in data)
        for hh, data in leden.items()
    }


def _bijdrageregels(qs, peildatum: datetime.date):
    """(regel values, Feiten, Uitkomst) for the Wmo plan lines in ``qs``."""
    from openwmo.inwoners.models import leeftijd_op

    from .eigenbijdrage import Feiten, beoordeel, voorziening_van_regel

    rijen = list(
        qs.exclude(plan__status="concept")
        .exclude(status__in=["voorgesteld", "geweigerd"])
        .filter(soort__in=["basis", "aanvullend"])
        .values(
            "pk",
            "soort",
            "productcategorie",
            "resultaat",
            "ingangsdatum",
            "einddatum",
            "plan__geactiveerd_op",
            "plan__persoon_id",
            "plan__persoon__bsn",
            "plan__persoon__geboortedatum",
            "plan__persoon__huishouden_id",
        )
    )
    huishoudens = _huishoudfeiten({r["plan__persoon__huishouden_id"] for r in rijen}, peildatum)
    tarieven = list(Abonnementstarief.objects.all())
    result = []
    for r in rijen:
        start = r["ingangsdatum"] or r["plan__geactiveerd_op"]
        voorziening = voorziening_van_regel(r["soort"], r["productcategorie"])
        if start is None or voorziening is None:
            continue
        feiten = Feiten(
            voorziening=voorziening,
            ingangsdatum=start,
            verwachte_einddatum=r["einddatum"],
            leeftijd=leeftijd_op(r["plan__persoon__geboortedatum"], start),
            meerpersoons_onder_aow=huishoudens.get(r["plan__persoon__huishouden_id"], False),
        )
        tarief = next((t for t in tarieven if t.geldig_vanaf <= max(start, peildatum)), None)
        result.append((r, feiten, beoordeel(feiten, tarief)))
    return result


def eigen_bijdrage(
    user,
    persoon_id: int,
    *,
    kanaal: str,
    vandaag: datetime.date | None = None,
    audit: bool = True,
):
    """What a resident pays: per plan line whether the abonnementstarief applies and why,
    and the current tariff. Residents see only themselves; staff within their scope.
    ``audit=False`` only inside the resident's file, whose one read record names it."""
    from openwmo.inwoners.selectors import personen_in_scope
    from openwmo.plannen.models import Regel
    from openwmo.privacy.services import Actie, log

    vandaag = vandaag or timezone.localdate()
    if user.rol not in (Rol.INWONER, Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT):
        raise PermissionDenied
    if not personen_in_scope(user).filter(pk=persoon_id).exists():
        raise PermissionDenied
    regels = _bijdrageregels(Regel.objects.filter(plan__persoon_id=persoon_id), vandaag)
    lopend = [
        (r, u)
        for r, f, u in regels
        if f.verwachte_einddatum is None or f.verwachte_einddatum >= vandaag
    ]
    verschuldigd = [u for _, u in lopend if u.verschuldigd]
    if audit:
        log(
            user,
            actie=Actie.LEZEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="financien.eigen_bijdrage",
            object_id=str(persoon_id),
            persoon_id=persoon_id,
            velden=["eigen_bijdrage"],
        )
    return {
        "regels": [{"regel": r, "uitkomst": u} for r, u in lopend],
        "verschuldigd": bool(verschuldigd),
        "bedrag_cents": verschuldigd[0].bedrag_cents if verschuldigd else 0,
        "periode": verschuldigd[0].periode if verschuldigd else "",
        "tarief": abonnementstarief_op(vandaag),
    }


def cak_periodes(peildatum: datetime.date | None = None):
    """Per person the period the abonnementstarief applies (for the CAK delivery)."""
    from openwmo.plannen.models import Regel

    from .eigenbijdrage import periodes

    peildatum = peildatum or timezone.localdate()
    regels = [
        (
            r["plan__persoon_id"],
            r["plan__persoon__bsn"],
            r["plan__persoon__geboortedatum"],
            f.ingangsdatum,
            f.verwachte_einddatum,
        )
        for r, f, u in _bijdrageregels(Regel.objects.all(), peildatum)
        if u.verschuldigd
    ]
    return periodes(regels)
