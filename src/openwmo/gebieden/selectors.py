import datetime

from django.db.models import Prefetch, QuerySet

from .models import Buurt, Buurtkamer, Openingstijd, Postcode, Wijk


def normaliseer_postcode(value: str) -> str:
    return (value or "").replace(" ", "").upper()


def buurt_voor_postcode(postcode: str) -> Buurt | None:
    row = (
        Postcode.objects.select_related("buurt")
        .filter(postcode=normaliseer_postcode(postcode))
        .first()
    )
    return row.buurt if row else None


def wijken() -> QuerySet[Wijk]:
    return Wijk.objects.all()


def buurten() -> QuerySet[Buurt]:
    return Buurt.objects.select_related("wijk")


def buurtkamers(wijk_ids=None) -> QuerySet[Buurtkamer]:
    qs = Buurtkamer.objects.select_related("wijk").prefetch_related(
        Prefetch("openingstijden", queryset=Openingstijd.objects.order_by("weekdag", "van"))
    )
    if wijk_ids is not None:
        qs = qs.filter(wijk_id__in=wijk_ids)
    return qs


def open_op(buurtkamer: Buurtkamer, dag: datetime.date) -> list[Openingstijd]:
    weekdag = dag.isoweekday()
    return [t for t in buurtkamer.openingstijden.all() if t.weekdag == weekdag]
