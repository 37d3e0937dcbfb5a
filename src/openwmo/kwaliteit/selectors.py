"""Reads of the kwaliteit app, scoped by role inside the query."""

import datetime

from django.db.models import Q, QuerySet

from .models import Basisovereenkomst, Contractpartij, Klacht, Rol


def _in_jaar(jaar: int) -> Q:
    begin, einde = datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)
    return Q(ingangsdatum__lte=einde) & (Q(einddatum__isnull=True) | Q(einddatum__gte=begin))


def partijen_in_jaar(jaar: int) -> QuerySet[Contractpartij]:
    """Contract parties whose position and base agreement (with renewals) run in ``jaar``."""
    basis_ids = [
        b.pk
        for b in Basisovereenkomst.objects.prefetch_related("verlengingen")
        if b.ingangsdatum.year <= jaar <= b.geldig_tot.year
    ]
    return (
        Contractpartij.objects.filter(
            _in_jaar(jaar), deelovereenkomst__basisovereenkomst__in=basis_ids
        )
        .select_related("aanbieder", "deelovereenkomst__perceel")
        .order_by("deelovereenkomst__perceel__code", "rol", "aanbieder__naam")
    )


def contractpartijen(perceel_code: str, jaar: int) -> list[dict]:
    """The providers contracted for a lot in a year: aanbieder_id, naam and rol
    ("hoofdaannemer" or "onderaannemer"). Used by finance to split lumpsums."""
    return [
        {"aanbieder_id": p.aanbieder_id, "naam": p.aanbieder.naam, "rol": p.rol}
        for p in partijen_in_jaar(jaar).filter(deelovereenkomst__perceel__code=perceel_code)
    ]


def klachten_voor_sturing(van: datetime.date, tot: datetime.date) -> QuerySet[Klacht]:
    """Complaints filed in [van, tot) with persoon_id, aanbieder_id (None = about the
    gemeente), thema and ingediend_op. No personal data beyond ids; for steering counts."""
    return Klacht.objects.filter(ingediend_op__date__gte=van, ingediend_op__date__lt=tot).only(
        "pk", "persoon_id", "aanbieder_id", "thema", "ingediend_op"
    )


def kleine_partijen_rapport(jaar: int) -> list[dict]:
    """Per lot: the main contractors and how many small parties work under them, so the
    obligation to involve smaller parties is reported (voldoet = at least one)."""
    partijen = list(partijen_in_jaar(jaar))
    rapport = []
    for hoofd in (p for p in partijen if p.rol == Rol.HOOFDAANNEMER):
        kleine = [
            p.aanbieder.naam
            for p in partijen
            if p.rol == Rol.ONDERAANNEMER and p.hoofdaannemer_id == hoofd.pk and p.kleine_partij
        ]
        rapport.append(
            {
                "perceel": hoofd.deelovereenkomst.perceel.naam,
                "hoofdaannemer": hoofd.aanbieder.naam,
                "afspraak": hoofd.deelovereenkomst.inzet_kleine_partijen,
                "kleine_partijen": kleine,
                "voldoet": bool(kleine),
            }
        )
    return rapport
