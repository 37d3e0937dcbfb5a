"""Reading assessments, fast-route requests and regional advice; scoped and audited."""

import datetime

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor
from openwmo.inwoners.selectors import personen_in_scope
from openwmo.privacy import services as audit

from .models import Aanvraag, Beoordeling, Normenkader, RegionaalAdvies

ZIEN = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT, Rol.INWONER})


def _binnen_scope(user, qs):
    if user.rol not in ZIEN:
        return qs.none()
    if user.rol == Rol.INWONER:
        return qs.filter(persoon_id=user.persoon_id)
    return qs.filter(persoon__in=personen_in_scope(user).values("pk"))


def beoordelingen_in_scope(user) -> QuerySet[Beoordeling]:
    return _binnen_scope(user, Beoordeling.objects.select_related("persoon", "normenkader"))


def aanvragen_in_scope(user) -> QuerySet[Aanvraag]:
    return _binnen_scope(user, Aanvraag.objects.select_related("persoon", "beoordeling"))


def adviezen_in_scope(user) -> QuerySet[RegionaalAdvies]:
    qs = RegionaalAdvies.objects.select_related("persoon", "regievoerder")
    return qs.none() if user.rol == Rol.INWONER else _binnen_scope(user, qs)


def geldend_normenkader(op: datetime.date | None = None) -> Normenkader | None:
    op = op or timezone.localdate()
    return Normenkader.objects.filter(ingangsdatum__lte=op).order_by("-versie").first()


def normenkaders() -> list[Normenkader]:
    return list(Normenkader.objects.all())


def _log(user, kanaal, object_type, obj, velden):
    audit.log(
        user,
        actie=audit.Actie.LEZEN,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type=object_type,
        object_id=obj.pk,
        persoon_id=obj.persoon_id,
        velden=velden,
    )


def _een(user, qs, pk, kanaal, object_type, velden):
    gevonden = qs.filter(pk=pk).first()
    if gevonden is None:
        raise Http404("Niet gevonden of buiten uw toegang.")
    _log(user, kanaal, object_type, gevonden, velden)
    return gevonden


def beoordeling(user, pk: int, *, kanaal: str) -> Beoordeling:
    qs = beoordelingen_in_scope(user).prefetch_related("vakantieafspraken")
    return _een(user, qs, pk, kanaal, "hh_beoordeling", ["berekening"])


def aanvraag(user, pk: int, *, kanaal: str) -> Aanvraag:
    return _een(user, aanvragen_in_scope(user), pk, kanaal, "snelle_aanvraag", ["aanvraag"])


def advies(user, pk: int, *, kanaal: str) -> RegionaalAdvies:
    return _een(user, adviezen_in_scope(user), pk, kanaal, "regionaal_advies", ["advies"])


def lijst(user, *, kanaal: str) -> dict:
    """Open and recent requests and advice for the overview page."""
    data = {
        "aanvragen": list(aanvragen_in_scope(user)[:100]),
        "adviezen": list(adviezen_in_scope(user)[:100]),
        "beoordelingen": list(beoordelingen_in_scope(user)[:100]),
    }
    audit.log_lijst(
        user,
        [obj.persoon_id for rijen in data.values() for obj in rijen],
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type="voorzieningen_lijst",
        toelichting=f"{len(data['aanvragen'])} aanvragen, {len(data['adviezen'])} adviezen",
    )
    return data


def van_persoon(user, persoon_id: int, *, kanaal: str) -> dict:
    data = {
        "aanvragen": list(aanvragen_in_scope(user).filter(persoon_id=persoon_id)),
        "beoordelingen": list(beoordelingen_in_scope(user).filter(persoon_id=persoon_id)),
        "adviezen": list(adviezen_in_scope(user).filter(persoon_id=persoon_id)),
    }
    if any(data.values()):
        audit.log(
            user,
            actie=audit.Actie.LEZEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="voorzieningen",
            persoon_id=persoon_id,
            velden=["voorzieningen"],
        )
    return data


def doorlooptijden_snelle_route(van: datetime.date, tot: datetime.date) -> list[dict]:
    """Steering: lead time of every fast-route request decided between ``van`` and ``tot``
    (inclusive). ``dagen`` = calendar days from request to decision."""
    rijen = (
        Aanvraag.objects.filter(besloten_op__range=(van, tot))
        .order_by("besloten_op", "pk")
        .values("soort", "pk", "persoon_id", "ingediend_op", "besloten_op", "beslissen_uiterlijk")
    )
    return [
        {
            "soort": r["soort"],
            "aanvraag_id": r["pk"],
            "persoon_id": r["persoon_id"],
            "ingediend_op": r["ingediend_op"],
            "besloten_op": r["besloten_op"],
            "dagen": (r["besloten_op"] - r["ingediend_op"]).days,
            "binnen_termijn": r["besloten_op"] <= r["beslissen_uiterlijk"],
        }
        for r in rijen
    ]
