"""Reading plans. Scope is applied inside the query; every read of a plan is audited."""

import datetime

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor, scope_of
from openwmo.inwoners.selectors import personen_in_scope
from openwmo.privacy import services as audit

from .models import Evaluatie, Plan, PlanStatus, Regel, Voortgang

PLAN_ROLLEN = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT, Rol.INWONER})
WERK_ROLLEN = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT})
HERINNERING_DAGEN = 14


def plannen_in_scope(user) -> QuerySet[Plan]:
    """Plans of the households of residents this user may see (workers, consultant, resident)."""
    if user.rol not in PLAN_ROLLEN:
        return Plan.objects.none()
    personen = personen_in_scope(user).values("pk")
    return Plan.objects.filter(persoon_id__in=personen).select_related(
        "persoon", "huishouden__adres", "regievoerder_gebruiker"
    )


def regels_in_scope(user) -> QuerySet[Regel]:
    """Plan lines: via the plan for plan roles, only its own lines for a provider."""
    qs = Regel.objects.select_related("plan__persoon", "organisatie")
    scope = scope_of(user)
    if user.rol == Rol.ZORGAANBIEDER and scope.organisatie_id:
        return qs.filter(organisatie_id=scope.organisatie_id).exclude(plan__status="concept")
    return qs.filter(plan__in=plannen_in_scope(user))


def _log(user, *, kanaal, object_type, object_id, persoon_id, velden):
    audit.log(
        user,
        actie=audit.Actie.LEZEN if kanaal != audit.Kanaal.PDF else audit.Actie.EXPORT,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type=object_type,
        object_id=object_id,
        persoon_id=persoon_id,
        velden=velden,
    )


def plan(user, pk: int, *, kanaal: str) -> Plan:
    regels = Regel.objects.select_related("organisatie").prefetch_related(
        "intensiteiten__door", "evaluaties"
    )
    try:
        p = (
            plannen_in_scope(user)
            .prefetch_related(
                Prefetch("regels", queryset=regels),
                "versies__door",
                "reacties__door",
            )
            .get(pk=pk)
        )
    except Plan.DoesNotExist as exc:
        raise Http404 from exc
    _log(
        user,
        kanaal=kanaal,
        object_type="ondersteuningsplan",
        object_id=p.pk,
        persoon_id=p.persoon_id,
        velden=["regievoerder", "arrangement", "evaluaties"],
    )
    return p


def regel(user, pk: int, *, kanaal: str) -> Regel:
    try:
        r = regels_in_scope(user).get(pk=pk)
    except Regel.DoesNotExist as exc:
        raise Http404 from exc
    _log(
        user,
        kanaal=kanaal,
        object_type="planregel",
        object_id=r.pk,
        persoon_id=r.plan.persoon_id,
        velden=["resultaat", "uitvoerder"],
    )
    return r


def evaluatie(user, pk: int, *, kanaal: str) -> Evaluatie:
    try:
        e = Evaluatie.objects.select_related("regel__plan__persoon").get(
            pk=pk, regel__plan__in=plannen_in_scope(user)
        )
    except Evaluatie.DoesNotExist as exc:
        raise Http404 from exc
    _log(
        user,
        kanaal=kanaal,
        object_type="evaluatie",
        object_id=e.pk,
        persoon_id=e.regel.plan.persoon_id,
        velden=["voortgang"],
    )
    return e


def lijst(user, *, kanaal: str) -> list[Plan]:
    plannen = list(plannen_in_scope(user).exclude(status=PlanStatus.BEEINDIGD)[:200])
    audit.log_lijst(
        user,
        [p.persoon_id for p in plannen],
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type="ondersteuningsplan",
        toelichting=f"overzicht van {len(plannen)} plannen",
    )
    return plannen


def gedeeld_met_aanbieder(user) -> frozenset[str]:
    """The covenant's data items this provider may see (privacy.Deelafspraak)."""
    from openwmo.accounts.selectors import partnersoort
    from openwmo.privacy.selectors import gedeelde_gegevens

    soort = partnersoort(user)
    return gedeelde_gegevens(soort) if soort else frozenset()


def aanbieder_regels(user, *, kanaal: str) -> list[Regel]:
    """A provider's own lines of active or ended plans, as far as the privacy covenant
    lets plan lines ("plan") go to its kind of organisation; without "naam" the resident
    shows by initials only."""
    if "plan" not in gedeeld_met_aanbieder(user):
        return []
    regels = list(regels_in_scope(user).filter(soort="aanvullend")[:200])
    audit.log_lijst(
        user,
        [r.plan.persoon_id for r in regels],
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type="planregel",
        toelichting=f"overzicht van {len(regels)} planregels",
    )
    return regels


def evaluaties_binnenkort(user, vandaag: datetime.date | None = None) -> list[Evaluatie]:
    """Open evaluation moments due within two weeks (or overdue), as a reminder."""
    vandaag = vandaag or timezone.localdate()
    grens = vandaag + datetime.timedelta(days=HERINNERING_DAGEN)
    qs = Evaluatie.objects.filter(
        uitgevoerd_op__isnull=True,
        gepland_op__lte=grens,
        regel__plan__status=PlanStatus.ACTIEF,
        regel__plan__in=plannen_in_scope(user),
    ).select_related("regel__plan__persoon")
    if user.rol == Rol.SOCIAAL_WERKER:
        qs = qs.filter(regel__plan__regievoerder_gebruiker=user) | qs.filter(
            regel__plan__aangemaakt_door=user
        )
    return list(qs.distinct().order_by("gepland_op")[:20])


def eigen_plan(user) -> Plan | None:
    if user.rol != Rol.INWONER:
        return None
    return plannen_in_scope(user).filter(status=PlanStatus.ACTIEF).first()


SCORE = {Voortgang.BEREIKT: 1.0, Voortgang.DEELS: 0.5, Voortgang.NIET: 0.0}


def doelrealisatie_regel(regel: Regel) -> str:
    """The latest recorded progress of a line ('' = not yet evaluated)."""
    gedaan = [e for e in regel.evaluaties.all() if e.uitgevoerd_op and e.voortgang]
    if not gedaan:
        return ""
    return max(gedaan, key=lambda e: (e.uitgevoerd_op, e.pk)).voortgang


def doelrealisatie(p: Plan) -> dict:
    """Goal attainment of a plan: per line the latest progress, and the share reached
    (bereikt = 1, deels = ½) over the evaluated lines."""
    per_regel = {r.pk: doelrealisatie_regel(r) for r in p.regels.all()}
    geevalueerd = [v for v in per_regel.values() if v]
    score = sum(SCORE[v] for v in geevalueerd) / len(geevalueerd) if geevalueerd else None
    return {
        "per_regel": per_regel,
        "geevalueerd": len(geevalueerd),
        "regels": len(per_regel),
        "percentage": round(score * 100) if score is not None else None,
    }


def doelrealisatie_per_soort() -> dict[str, dict[str, int]]:
    """Municipality-wide goal attainment per kind of line (no personal data): the latest
    progress of every line of an active plan. Feeds steering information."""
    uitkomst: dict[str, dict[str, int]] = {}
    laatste: dict[int, str] = {}
    evaluaties = (
        Evaluatie.objects.filter(uitgevoerd_op__isnull=False, regel__plan__status=PlanStatus.ACTIEF)
        .order_by("regel_id", "uitgevoerd_op", "pk")
        .values_list("regel_id", "voortgang")
    )
    for regel_id, voortgang in evaluaties:
        laatste[regel_id] = voortgang
    regels = Regel.objects.filter(plan__status=PlanStatus.ACTIEF).values_list("pk", "soort")
    for pk, soort in regels:
        telling = uitkomst.setdefault(
            soort, {"bereikt": 0, "deels": 0, "niet": 0, "niet_geevalueerd": 0}
        )
        telling[laatste.get(pk) or "niet_geevalueerd"] += 1
    return uitkomst
