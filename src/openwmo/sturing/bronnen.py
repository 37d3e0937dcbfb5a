"""The computations behind the indicators ("bronnen").

Every case-based source defines the cases behind a number (a queryset of one model), when
a case falls in a period, and the aggregates that make the number. All periods (and
optionally a grouping by wijk or provider) are computed in ONE query with filtered
aggregates, so a dashboard needs one query per indicator, whatever its size.
"""

import datetime
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import reduce
from operator import or_

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

WIJK = "__huishouden__adres__buurt__wijk_id"


def _dag(d: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(d, datetime.time.min))


# Every period filter also says how the case table (``Geval``) records it: ``feit()``
# gives the expressions for its ``begin`` (and ``einde`` for spans) per case.


def _tijd_in(pad: str):
    """Period filter on a DateTimeField, as an index-friendly range (local days)."""

    def q(van, tot):
        return Q(**{f"{pad}__gte": _dag(van), f"{pad}__lt": _dag(tot + datetime.timedelta(1))})

    q.feit = lambda: {"begin": TruncDate(pad)}
    return q


def _datum_in(pad: str):
    def q(van, tot):
        return Q(**{f"{pad}__gte": van, f"{pad}__lte": tot})

    q.feit = lambda: {"begin": F(pad)}
    return q


def afronden(waarde, decimalen=1):
    if waarde is None:
        return None
    return Decimal(waarde).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)


def _aandeel(teller, noemer):
    return afronden(Decimal(100) * teller / noemer) if noemer else None


@dataclass(frozen=True)
class Bron:
    label: str
    basis: Callable[[], QuerySet]
    periode: Callable[[datetime.date, datetime.date], Q]
    persoon: str  # path to the resident
    wijk: str  # path to the wijk id
    aanbieder: str | None  # path to the provider (organisation) id; None = not per provider
    # "aandeel": teller/n in %; "aantal": n; "per_inwoners": n per 1,000 residents;
    # "score": weighted share; "mediaan"/"p90": days, computed from values
    soort: str = "aantal"
    teller: Q | None = None  # which cases count in the numerator (for shares)
    gewicht: Callable | None = None  # score: expression per case in [0, 1] * 2
    dagen: tuple[str, str] | None = None  # (from, to) for waiting times
    noemer_bron: str | None = None  # per 1,000 clients of another source
    kolommen: tuple[str, ...] = field(default_factory=tuple)  # drill-down fields
    feiten: bool = False  # this source reads the case table (``Geval``), see ``op_feiten``


def _meldingen():
    from openwmo.toegang.models import Melding

    return Melding.objects.all()


def _eerste_contact():
    from openwmo.toegang.models import Melding

    return Melding.objects.exclude(uitkomst="")


def _onderzoeken():
    from openwmo.toegang.models import Melding

    return Melding.objects.filter(onderzoek_afgerond_op__isnull=False).annotate(
        termijn_tot=TruncDate("ontvangen_op") + datetime.timedelta(days=42)
    )


def _besluiten():
    from openwmo.toegang.models import Melding

    return Melding.objects.filter(besluit_op__isnull=False, aanvraag_op__isnull=False).annotate(
        termijn_tot=F("aanvraag_op") + datetime.timedelta(days=14)
    )


def _wachttijden():
    from openwmo.berichten.models import Levering, Toewijzing, ToewijzingVersie

    eerste_versie = ToewijzingVersie.objects.filter(toewijzing=OuterRef("pk")).order_by(
        "toewijzingsdatum"
    )
    eerste_start = Levering.objects.filter(
        toewijzing=OuterRef("pk"), soort="start", actief=True
    ).order_by("begindatum")
    return (
        Toewijzing.objects.exclude(reden_wijziging="13")
        .annotate(
            toegewezen=Coalesce(
                Subquery(eerste_versie.values("toewijzingsdatum")[:1]), "toewijzingsdatum"
            ),
            eerste_start=Subquery(eerste_start.values("begindatum")[:1]),
        )
        .filter(eerste_start__isnull=False)
    )


ACTIEVE_REGEL = ("loopt", "toegekend", "beeindigd")


def _regels(soorten):
    def basis():
        from openwmo.plannen.models import Regel

        return Regel.objects.filter(
            soort__in=soorten,
            status__in=ACTIEVE_REGEL,
            plan__status__in=("actief", "beeindigd"),
        ).annotate(begin=Coalesce("ingangsdatum", "plan__geactiveerd_op"))

    return basis


def _actief_in(van, tot):
    return Q(begin__lte=tot) & (Q(einddatum__isnull=True) | Q(einddatum__gte=van))


_actief_in.feit = lambda: {"begin": F("begin"), "einde": F("einddatum")}


def _stroom(naar, van_soorten):
    """New lines of kind ``naar`` that start within 31 days after a line of one of
    ``van_soorten`` in the same plan ended."""

    def basis():
        from openwmo.plannen.models import Regel

        vorige = Regel.objects.filter(
            plan=OuterRef("plan"),
            soort__in=van_soorten,
            einddatum__isnull=False,
            einddatum__lte=OuterRef("ingangsdatum"),
            einddatum__gte=OuterRef("ingangsdatum") - datetime.timedelta(days=31),
        )
        return Regel.objects.filter(
            soort__in=naar, ingangsdatum__isnull=False, status__in=ACTIEVE_REGEL
        ).filter(Exists(vorige))

    return basis


def _laatste_einde():
    from openwmo.plannen.models import Regel

    laatste = Regel.objects.filter(plan=OuterRef("pk"), einddatum__isnull=False).order_by(
        "-einddatum"
    )
    return Subquery(laatste.values("einddatum")[:1])


def _beeindigde_plannen():
    from openwmo.plannen.models import Plan

    return Plan.objects.filter(status="beeindigd").annotate(einde=_laatste_einde())


def _stops():
    from openwmo.berichten.models import Levering

    return Levering.objects.filter(soort="stop", actief=True).exclude(reden_beeindiging="20")


def _evaluaties():
    from openwmo.plannen.models import Evaluatie

    return Evaluatie.objects.filter(uitgevoerd_op__isnull=False).exclude(voortgang="")


def _plannen_actief():
    from openwmo.plannen.models import Plan, Regel

    netwerk = Regel.objects.filter(plan=OuterRef("pk"), soort__in=("netwerk", "sociale_basis"))
    return Plan.objects.filter(
        status__in=("actief", "beeindigd"), geactiveerd_op__isnull=False
    ).annotate(einde=_laatste_einde(), met_netwerk=Exists(netwerk))


def _plan_actief_in(van, tot):
    # a plan counts while active; an ended plan until its last line ended
    return Q(geactiveerd_op__lte=tot) & (Q(status="actief") | Q(einde__gte=van))


# an ended plan without any line end date never counts: a first day of year 1 as its end
_plan_actief_in.feit = lambda: {
    "begin": F("geactiveerd_op"),
    "einde": Case(
        When(status="actief", then=Value(None, output_field=DateField())),
        default=Coalesce("einde", Value(datetime.date(1, 1, 1))),
        output_field=DateField(),
    ),
}


def _antwoorden():
    from .models import Antwoord

    return Antwoord.objects.all()


def _klachten():
    from openwmo.kwaliteit.selectors import klachten_voor_sturing

    return klachten_voor_sturing(datetime.date(1900, 1, 1), datetime.date(9999, 12, 31))


PERSOON = "persoon"
SOCIALE_BASIS = ("eigen_kracht", "netwerk", "sociale_basis")
MAATWERK = ("basis", "aanvullend")


def _thema(*velden):
    def basis():
        # answers with at least one statement of this theme answered
        return _antwoorden().filter(reduce(or_, (Q(**{f"{v}__isnull": False}) for v in velden)))

    return Bron(
        label="antwoorden",
        basis=basis,
        periode=_datum_in("beantwoord_op"),
        persoon="uitnodiging__persoon",
        wijk="uitnodiging__persoon" + WIJK,
        aanbieder="uitnodiging__aanbieder",
        soort="tevredenheid",
        dagen=velden,
        kolommen=("beantwoord_op", *velden),
    )


BRONNEN: dict[str, Bron] = {
    "meldingen": Bron(
        label="meldingen",
        basis=_meldingen,
        periode=_tijd_in("ontvangen_op"),
        persoon=PERSOON,
        wijk="huishouden__adres__buurt__wijk_id",
        aanbieder=None,
        soort="per_inwoners",
        kolommen=("ontvangen_op", "kanaal", "status"),
    ),
    "eerste_contact": Bron(
        label="meldingen",
        basis=_eerste_contact,
        periode=_tijd_in("ontvangen_op"),
        persoon=PERSOON,
        wijk="huishouden__adres__buurt__wijk_id",
        aanbieder=None,
        soort="aandeel",
        teller=Q(uitkomst__in=("informatie", "activiteit", "vrijwilliger", "netwerk")),
        kolommen=("ontvangen_op", "uitkomst"),
    ),
    "onderzoek_termijn": Bron(
        label="meldingen",
        basis=_onderzoeken,
        periode=_datum_in("onderzoek_afgerond_op"),
        persoon=PERSOON,
        wijk="huishouden__adres__buurt__wijk_id",
        aanbieder=None,
        soort="aandeel",
        teller=Q(onderzoek_afgerond_op__lte=F("termijn_tot")),
        kolommen=("ontvangen_op", "onderzoek_afgerond_op"),
    ),
    "besluit_termijn": Bron(
        label="meldingen",
        basis=_besluiten,
        periode=_datum_in("besluit_op"),
        persoon=PERSOON,
        wijk="huishouden__adres__buurt__wijk_id",
        aanbieder=None,
        soort="aandeel",
        teller=Q(besluit_op__lte=F("termijn_tot")),
        kolommen=("aanvraag_op", "besluit_op"),
    ),
    "wachttijd_mediaan": Bron(
        label="toewijzingen",
        basis=_wachttijden,
        periode=_datum_in("eerste_start"),
        persoon=PERSOON,
        wijk=PERSOON + WIJK,
        aanbieder="aanbieder_id",
        soort="mediaan",
        dagen=("toegewezen", "eerste_start"),
        kolommen=("nummer", "toegewezen", "eerste_start"),
    ),
    "wachttijd_p90": Bron(
        label="toewijzingen",
        basis=_wachttijden,
        periode=_datum_in("eerste_start"),
        persoon=PERSOON,
        wijk=PERSOON + WIJK,
        aanbieder="aanbieder_id",
        soort="p90",
        dagen=("toegewezen", "eerste_start"),
        kolommen=("nummer", "toegewezen", "eerste_start"),
    ),
    **{
        f"clienten_{naam}": Bron(
            label="regels",
            basis=_regels(soorten),
            periode=_actief_in,
            persoon="plan__persoon",
            wijk="plan__persoon" + WIJK,
            aanbieder="organisatie_id",
            soort="clienten_per_inwoners",
            kolommen=("soort", "begin", "einddatum"),
        )
        for naam, soorten in (
            ("sociale_basis", SOCIALE_BASIS),
            ("basis", ("basis",)),
            ("aanvullend", ("aanvullend",)),
            ("maatwerk", MAATWERK),
        )
    },
    **{
        f"stroom_{naam}": Bron(
            label="regels",
            basis=_stroom(naar, van),
            periode=_datum_in("ingangsdatum"),
            persoon="plan__persoon",
            wijk="plan__persoon" + WIJK,
            aanbieder="organisatie_id",
            soort="aantal",
            kolommen=("soort", "ingangsdatum"),
        )
        for naam, naar, van in (
            ("basis_aanvullend", ("aanvullend",), ("basis",)),
            ("aanvullend_basis", ("basis",), ("aanvullend",)),
            ("naar_sociale_basis", SOCIALE_BASIS, MAATWERK),
        )
    },
    "stroom_beeindigd": Bron(
        label="plannen",
        basis=_beeindigde_plannen,
        periode=_datum_in("einde"),
        persoon=PERSOON,
        wijk=PERSOON + WIJK,
        aanbieder=None,
        soort="aantal",
        kolommen=("einde",),
    ),
    "beeindigd_volgens_plan": Bron(
        label="stopberichten",
        basis=_stops,
        periode=_datum_in("einddatum"),
        persoon=PERSOON,
        wijk=PERSOON + WIJK,
        aanbieder="aanbieder_id",
        soort="aandeel",
        teller=Q(reden_beeindiging="19"),
        kolommen=("toewijzingnummer", "einddatum", "reden_beeindiging"),
    ),
    "doelrealisatie": Bron(
        label="evaluaties",
        basis=_evaluaties,
        periode=_datum_in("uitgevoerd_op"),
        persoon="regel__plan__persoon",
        wijk="regel__plan__persoon" + WIJK,
        aanbieder="regel__organisatie_id",
        soort="score",
        kolommen=("uitgevoerd_op", "voortgang"),
    ),
    "plannen_netwerk": Bron(
        label="plannen",
        basis=_plannen_actief,
        periode=_plan_actief_in,
        persoon=PERSOON,
        wijk=PERSOON + WIJK,
        aanbieder=None,
        soort="aandeel",
        teller=Q(met_netwerk=True),
        kolommen=("geactiveerd_op", "status"),
    ),
    "tevredenheid_toegang": _thema("toegang_wist", "toegang_snel"),
    "tevredenheid_kwaliteit": _thema("kwaliteit_serieus", "kwaliteit_passend"),
    "tevredenheid_effect": _thema("effect_redden", "effect_leven"),
    "klachten": Bron(
        label="klachten",
        basis=_klachten,
        periode=_tijd_in("ingediend_op"),
        persoon="persoon",
        wijk="persoon" + WIJK,
        aanbieder="aanbieder_id",
        soort="per_clienten",
        noemer_bron="clienten_maatwerk",
        kolommen=("ingediend_op", "thema"),
    ),
}


# Sources outside the case model: a function (perioden, aanbieder_id) -> [number | None]
# per period, with one call to the other app for all periods together.


def _lumpsum(perioden, aanbieder_id):
    """Share of the lumpsum budget spent, for the year in which each period ends."""
    from openwmo.financien.selectors import lumpsum_overzicht

    per_jaar = {}
    for jaar in sorted({tot.year for _van, tot in perioden}):
        rijen = lumpsum_overzicht(jaar, aanbieder_id=aanbieder_id)
        budget = sum(r["lumpsum_cents"] for r in rijen)
        per_jaar[jaar] = _aandeel(sum(r["besteed_cents"] for r in rijen), budget)
    return [per_jaar[tot.year] for _van, tot in perioden]


def _schuldsignalen(perioden, aanbieder_id):
    """Average number of payment-arrears signals per month (schuldhulp)."""
    from openwmo.schuldhulp.selectors import telling_per_maand

    if aanbieder_id is not None:
        return [None for _p in perioden]
    maanden = telling_per_maand(min(p[0] for p in perioden), max(p[1] for p in perioden))
    uit = []
    for van, tot in perioden:
        binnen = [
            m.get("signalen", 0)
            for sleutel, m in maanden.items()
            if van.strftime("%Y-%m") <= sleutel <= tot.strftime("%Y-%m")
        ]
        uit.append(afronden(Decimal(sum(binnen)) / len(binnen)) if binnen else None)
    return uit


def _snelle_route(perioden, aanbieder_id):
    """Median lead time in days of fast-route requests decided in the period."""
    from openwmo.voorzieningen.selectors import doorlooptijden_snelle_route

    if aanbieder_id is not None:
        return [None for _p in perioden]
    rijen = doorlooptijden_snelle_route(min(p[0] for p in perioden), max(p[1] for p in perioden))
    return [
        _percentiel(sorted(r["dagen"] for r in rijen if van <= r["besloten_op"] <= tot), 50)
        for van, tot in perioden
    ]


EXTERN: dict[str, Callable] = {
    "lumpsum": _lumpsum,
    "schuldsignalen": _schuldsignalen,
    "snelle_route": _snelle_route,
}


def beschikbaar(bron: str) -> bool:
    """False when the app that feeds a source is not (yet) part of the product."""
    import importlib

    module = {
        "klachten": ("openwmo.kwaliteit.selectors", "klachten_voor_sturing"),
        "lumpsum": ("openwmo.financien.selectors", "lumpsum_overzicht"),
        "schuldsignalen": ("openwmo.schuldhulp.selectors", "telling_per_maand"),
        "snelle_route": ("openwmo.voorzieningen.selectors", "doorlooptijden_snelle_route"),
    }.get(bron)
    if module is None:
        return bron in BRONNEN
    try:
        return hasattr(importlib.import_module(module[0]), module[1])
    except ImportError:
        return False


def _percentiel(waarden: list[int], p: int):
    """Nearest-rank percentile of sorted values."""
    if not waarden:
        return None
    if p == 50 and len(waarden) % 2 == 0:
        m = len(waarden) // 2
        return afronden(Decimal(waarden[m - 1] + waarden[m]) / 2)
    return afronden(waarden[max(0, math.ceil(p / 100 * len(waarden)) - 1)])


def aggregaten(bron: Bron, q: Q, k: str) -> dict:
    """The filtered aggregates of one period (suffix ``k``)."""
    if bron.feiten and bron.soort in ("score", "tevredenheid"):
        uit = {f"n{k}": Count("pk", filter=q), f"t{k}": Sum("punten", filter=q)}
        if bron.soort == "tevredenheid":
            uit[f"d{k}"] = Sum("aantal", filter=q)
        return uit
    if bron.soort in ("clienten_per_inwoners",):
        return {f"n{k}": Count(bron.persoon, distinct=True, filter=q)}
    if bron.soort == "aandeel":
        return {f"n{k}": Count("pk", filter=q), f"t{k}": Count("pk", filter=q & bron.teller)}
    if bron.soort == "score":
        return {
            f"n{k}": Count("pk", filter=q),
            f"t{k}": Count("pk", filter=q & Q(voortgang="bereikt")) * 2
            + Count("pk", filter=q & Q(voortgang="deels")),
        }
    if bron.soort == "tevredenheid":
        velden = bron.dagen
        n = [Count(v, filter=q) for v in velden]
        t = [Count(v, filter=q & Q(**{f"{v}__gte": 4})) for v in velden]
        return {
            f"n{k}": Count("pk", filter=q),
            f"t{k}": sum(t[1:], t[0]),
            f"d{k}": sum(n[1:], n[0]),
        }
    return {f"n{k}": Count("pk", filter=q)}


def waarde(bron: Bron, n, t=None, noemer=None, d=None):
    """The number from the aggregates of one period (noemer: residents or clients; d: the
    number of answered statements)."""
    if bron.soort == "tevredenheid":
        return _aandeel(t or 0, d)
    if bron.soort == "aandeel":
        return _aandeel(t or 0, n)
    if bron.soort == "score":
        return _aandeel(Decimal(t or 0) / 2, n)
    if bron.soort in ("per_inwoners", "clienten_per_inwoners", "per_clienten"):
        return afronden(Decimal(1000) * n / noemer) if noemer else None
    return n


PER_INWONERS = ("per_inwoners", "clienten_per_inwoners")


def leeg(bron: Bron, inwoners: int):
    """The value for a group without cases: 0 for counts and rates, else unknown."""
    if bron.soort in PER_INWONERS:
        return waarde(bron, 0, None, inwoners)
    if bron.soort == "aantal":
        return 0
    return None


# --- the case table --------------------------------------------------------------------


def feit_velden(bron: Bron) -> dict:
    """Per case of ``bron``: the expressions for the columns of ``Geval`` (names prefixed
    with ``f_`` so they cannot clash with the source's own fields and annotations);
    columns left out stay empty."""
    velden = {
        "geval_id": F("pk"),
        "persoon_id": F(bron.persoon),
        "wijk_id": F(bron.wijk),
        **({"aanbieder_id": F(bron.aanbieder)} if bron.aanbieder else {}),
        **bron.periode.feit(),
    }
    if bron.teller is not None:
        velden["teller"] = ExpressionWrapper(bron.teller, output_field=BooleanField())
    if bron.soort == "score":
        velden["punten"] = Case(
            When(voortgang="bereikt", then=2), When(voortgang="deels", then=1), default=0
        )
    if bron.soort == "tevredenheid":
        velden["punten"] = _tel(bron.dagen, "gte", 4)
        velden["aantal"] = _tel(bron.dagen, "isnull", False)
    if bron.soort in ("mediaan", "p90"):
        velden["vanaf"] = F(bron.dagen[0])
    return {f"f_{k}": v for k, v in velden.items()}


def _tel(velden, lookup, waarde):
    """How many of ``velden`` meet ``lookup``, per case."""
    delen = [Case(When(Q(**{f"{v}__{lookup}": waarde}), then=1), default=0) for v in velden]
    return ExpressionWrapper(sum(delen[1:], delen[0]), output_field=IntegerField())


def _feit_periode(span: bool):
    if span:
        return lambda van, tot: Q(begin__lte=tot) & (Q(einde__isnull=True) | Q(einde__gte=van))
    return lambda van, tot: Q(begin__gte=van, begin__lte=tot)


def op_feiten(code: str) -> Bron:
    """The source ``code`` read from the case table instead of its own model."""
    import dataclasses

    from .models import Geval

    bron = BRONNEN[code]
    return dataclasses.replace(
        bron,
        basis=lambda: Geval.objects.filter(bron=code),
        periode=_feit_periode("einde" in bron.periode.feit()),
        persoon="persoon_id",
        wijk="wijk_id",
        aanbieder="aanbieder_id" if bron.aanbieder else None,
        teller=Q(teller=True) if bron.teller is not None else None,
        dagen=("vanaf", "begin") if bron.soort in ("mediaan", "p90") else bron.dagen,
        feiten=True,
    )


def dagen_tussen(a, b) -> int:
    return max(0, (b - a).days)


__all__ = ["BRONNEN", "EXTERN", "Bron", "aggregaten", "waarde", "beschikbaar", "afronden"]
