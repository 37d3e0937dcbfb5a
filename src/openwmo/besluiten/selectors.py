"""Reading referrals, advices, beschikkingen and objections, within the user's scope
(through the plans the user may see). Every read is audited."""

from django.db.models import QuerySet
from django.http import Http404
from django.template import Context, Template, TemplateSyntaxError
from django.urls import reverse
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor
from openwmo.plannen import selectors as plannen
from openwmo.privacy import services as audit

from . import termijnen
from .models import (
    Advies,
    AdviesStatus,
    Beschikking,
    Beschikkingsverzoek,
    Besluitvorm,
    Bezwaar,
    Instelling,
    PgbVaardigheid,
    Tekstblok,
    Verwijzing,
)


def instelling() -> Instelling:
    """The active municipal setting (a default one when none is configured)."""
    gevonden = Instelling.objects.filter(actief=True).order_by("pk").first()
    return gevonden or Instelling(
        gemeente="Gemeente", postadres="", besluitvorm=Besluitvorm.VERWIJZING
    )


def teksten(context: dict) -> dict[str, str]:
    """The editable text blocks, rendered with the letter's context (key '-' → '_').
    A block with a template error is printed as plain text rather than failing the letter."""
    ctx = Context(context)
    result = {}
    for b in Tekstblok.objects.all():
        try:
            result[b.sleutel.replace("-", "_")] = Template(b.tekst).render(ctx)
        except TemplateSyntaxError:
            result[b.sleutel.replace("-", "_")] = b.tekst
    return result


def _scope(user, qs, pad="regel__plan"):
    return qs.filter(**{f"{pad}__in": plannen.plannen_in_scope(user)})


def _log(user, *, kanaal, object_type, object_id, persoon_id):
    audit.log(
        user,
        actie=audit.Actie.EXPORT if kanaal == audit.Kanaal.PDF else audit.Actie.LEZEN,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type=object_type,
        object_id=object_id,
        persoon_id=persoon_id,
    )


def persoon_van(obj) -> int | None:
    """The resident an advice, beschikking, request or objection (or a (bezwaar, stand)
    row) is about."""
    if isinstance(obj, tuple):
        obj = obj[0]
    if isinstance(obj, Bezwaar):
        obj = obj.beschikking
    return obj.regel.plan.persoon_id


def log_overzicht(user, rijen, *, kanaal: str, object_type: str) -> None:
    """Audit a list that shows residents' names: one record per resident in it."""
    rijen = list(rijen)
    audit.log_lijst(
        user,
        [persoon_van(r) for r in rijen],
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type=object_type,
        toelichting=f"overzicht van {len(rijen)}",
    )


def _een(user, qs, pk, *, kanaal, object_type, pad="regel__plan"):
    obj = _scope(user, qs, pad).filter(pk=pk).first()
    if obj is None:
        raise Http404
    persoon_id = obj.regel.plan.persoon_id if hasattr(obj, "regel") else None
    _log(user, kanaal=kanaal, object_type=object_type, object_id=obj.pk, persoon_id=persoon_id)
    return obj


def verwijzing(user, pk: int, *, kanaal: str) -> Verwijzing:
    qs = Verwijzing.objects.select_related(
        "regel__plan__persoon", "regel__plan__huishouden__adres", "regel__organisatie", "door"
    )
    return _een(user, qs, pk, kanaal=kanaal, object_type="verwijzing")


def advies(user, pk: int, *, kanaal: str) -> Advies:
    if user.rol not in plannen.WERK_ROLLEN:
        raise Http404
    qs = Advies.objects.select_related(
        "regel__plan__persoon", "regel__organisatie", "door", "beoordeeld_door"
    )
    return _een(user, qs, pk, kanaal=kanaal, object_type="zwaarwegend_advies")


def beschikking(user, pk: int, *, kanaal: str) -> Beschikking:
    qs = Beschikking.objects.select_related(
        "regel__plan__persoon", "regel__plan__huishouden__adres", "regel__organisatie", "advies"
    ).prefetch_related("bezwaren")
    return _een(user, qs, pk, kanaal=kanaal, object_type="beschikking")


def bezwaar(user, pk: int, *, kanaal: str) -> Bezwaar:
    if user.rol != Rol.WMO_CONSULENT:
        raise Http404
    qs = Bezwaar.objects.select_related("beschikking__regel__plan__persoon")
    obj = _scope(user, qs, "beschikking__regel__plan").filter(pk=pk).first()
    if obj is None:
        raise Http404
    _log(
        user,
        kanaal=kanaal,
        object_type="bezwaar",
        object_id=obj.pk,
        persoon_id=obj.beschikking.regel.plan.persoon_id,
    )
    return obj


def pgb_vaardigheid(regel) -> PgbVaardigheid | None:
    return regel.pgb_vaardigheden.order_by("-op", "-pk").first()


def brieven_bij_plan(user, plan) -> list[dict]:
    """Referral letters and beschikkingen of a plan (the plan read is already audited)."""
    brieven = []
    for v in Verwijzing.objects.filter(regel__plan=plan).order_by("datum", "pk"):
        pdf = reverse("besluiten:verwijzing-pdf", args=[v.pk])
        brieven.append(
            {"datum": v.datum, "titel": f"Verwijzing {v.kenmerk}", "url": pdf, "pdf": ""}
        )
    for b in Beschikking.objects.filter(regel__plan=plan).order_by("besluitdatum", "pk"):
        brieven.append(
            {
                "datum": b.besluitdatum,
                "titel": f"Beschikking {b.kenmerk}",
                "url": reverse("besluiten:beschikking", args=[b.pk]),
                "pdf": reverse("besluiten:beschikking-pdf", args=[b.pk]),
            }
        )
    if user.rol in plannen.WERK_ROLLEN:
        for a in Advies.objects.filter(regel__plan=plan).order_by("op", "pk"):
            brieven.append(
                {
                    "datum": a.op.date(),
                    "titel": f"Zwaarwegend advies {a.pk} ({a.get_status_display().lower()})",
                    "url": reverse("besluiten:advies", args=[a.pk]),
                    "pdf": "",
                }
            )
    return brieven


def te_beoordelen(user) -> QuerySet[Advies]:
    """Advices waiting for review, or accepted and waiting for the beschikking."""
    if user.rol != Rol.WMO_CONSULENT:
        return Advies.objects.none()
    return (
        _scope(user, Advies.objects.all())
        .filter(status__in=[AdviesStatus.INGEDIEND, AdviesStatus.GEACCEPTEERD])
        .filter(beschikking__isnull=True)
        .select_related("regel__plan__persoon", "door")
        .order_by("op")
    )


def mijn_adviezen(user) -> QuerySet[Advies]:
    if user.rol != Rol.SOCIAAL_WERKER:
        return Advies.objects.none()
    return (
        _scope(user, Advies.objects.filter(door=user))
        .select_related("regel__plan__persoon")
        .order_by("-op")
    )


def open_bezwaren(user) -> list[tuple[Bezwaar, termijnen.Stand]]:
    if user.rol != Rol.WMO_CONSULENT:
        return []
    vandaag = timezone.localdate()
    qs = (
        _scope(user, Bezwaar.objects.filter(uitkomst=""), "beschikking__regel__plan")
        .select_related("beschikking__regel__plan__persoon")
        .order_by("ontvangen_op")
    )
    rijen = [(b, termijnen.stand(b, vandaag)) for b in qs]
    return sorted(rijen, key=lambda r: r[1].beslistermijn_einde)


def beschikkingen(user) -> QuerySet[Beschikking]:
    return (
        _scope(user, Beschikking.objects.all())
        .select_related("regel__plan__persoon")
        .order_by("-besluitdatum", "-pk")
    )


def open_verzoeken(user) -> list[Beschikkingsverzoek]:
    """Residents' requests for a beschikking that have no weighty advice yet (worker)."""
    if user.rol != Rol.SOCIAAL_WERKER:
        return []
    return list(
        _scope(user, Beschikkingsverzoek.objects.filter(advies__isnull=True))
        .select_related("regel__plan__persoon")
        .order_by("op")[:20]
    )
