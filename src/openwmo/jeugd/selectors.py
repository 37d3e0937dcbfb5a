"""Reading youth and child-safety records. Child safety: social workers of the household's
wijk only (need to know); every read writes an audit record."""

import datetime

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor
from openwmo.inwoners.models import Huishouden, Persoon
from openwmo.inwoners.selectors import personen_in_scope
from openwmo.privacy import services as audit

from .models import JetOverleg, Opvoedsteun, Risicotaxatie, Veiligheidsstap

VEILIGHEID_ROLLEN = frozenset({Rol.SOCIAAL_WERKER})
PLAN_ROLLEN = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT})


def _kinderen(huishouden_ids) -> QuerySet[Persoon]:
    grens = timezone.localdate() - datetime.timedelta(days=18 * 365 + 4)
    return Persoon.objects.filter(huishouden_id__in=huishouden_ids, geboortedatum__gt=grens)


def huishoudens_voor_veiligheid(user) -> QuerySet[Huishouden]:
    if user.rol not in VEILIGHEID_ROLLEN:
        return Huishouden.objects.none()
    return Huishouden.objects.filter(pk__in=personen_in_scope(user).values("huishouden_id"))


def heeft_kinderen(huishouden_id: int) -> bool:
    return _kinderen([huishouden_id]).exists()


def hoofdpersoon_id(huishouden_id: int) -> int | None:
    return (
        Persoon.objects.filter(huishouden_id=huishouden_id)
        .order_by("geboortedatum", "pk")
        .values_list("pk", flat=True)
        .first()
    )


def veiligheid(user, huishouden_id: int, *, kanaal: str) -> dict:
    """The household's safety file; refused (404) for anyone without the need."""
    huishouden = huishoudens_voor_veiligheid(user).filter(pk=huishouden_id).first()
    if huishouden is None:
        raise Http404("Dit huishouden bestaat niet of valt buiten uw toegang.")
    data = {
        "huishouden": huishouden,
        "kinderen": list(_kinderen([huishouden.pk]).order_by("geboortedatum")),
        "taxaties": list(
            Risicotaxatie.objects.filter(huishouden=huishouden).select_related("door")
        ),
        "stappen": list(
            Veiligheidsstap.objects.filter(huishouden=huishouden).select_related("door")
        ),
    }
    audit.log(
        user,
        actie=audit.Actie.LEZEN,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type="zicht_op_veiligheid",
        object_id=huishouden.pk,
        persoon_id=hoofdpersoon_id(huishouden.pk),
        velden=["risicotaxatie", "meldcode"],
    )
    return data


def samenvatting_veiligheid(user, huishouden_id: int, *, kanaal: str) -> dict | None:
    """For the resident's file: None for roles without the need or without children."""
    if user.rol not in VEILIGHEID_ROLLEN or not heeft_kinderen(huishouden_id):
        return None
    if not huishoudens_voor_veiligheid(user).filter(pk=huishouden_id).exists():
        return None
    return veiligheid(user, huishouden_id, kanaal=kanaal)


def zonder_taxatie(user, limit: int = 20, *, kanaal: str = audit.Kanaal.UI) -> list[Huishouden]:
    """Households with children in the worker's scope without any risk assessment.

    The list shows an address per household: one audit record per member living there."""
    if user.rol not in VEILIGHEID_ROLLEN:
        return []
    ids = huishoudens_voor_veiligheid(user).values("pk")
    met_kinderen = _kinderen(ids).values("huishouden_id")
    huishoudens = list(
        Huishouden.objects.filter(pk__in=met_kinderen, risicotaxaties__isnull=True)
        .select_related("adres")
        .order_by("pk")[:limit]
    )
    if huishoudens:
        audit.log_lijst(
            user,
            Persoon.objects.filter(huishouden__in=huishoudens).values_list("pk", flat=True),
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="zicht_op_veiligheid",
            velden=["adres", "zonder_risicotaxatie"],
            toelichting=f"gezinnen zonder risicotaxatie: {len(huishoudens)}",
        )
    return huishoudens


def jeugd_van_plan(user, plan, *, kanaal: str) -> dict:
    if user.rol not in PLAN_ROLLEN:
        return {"overleggen": [], "opvoedsteun": []}
    data = {
        "overleggen": list(JetOverleg.objects.filter(plan=plan)),
        "opvoedsteun": list(Opvoedsteun.objects.filter(plan=plan).select_related("regel")),
    }
    if any(data.values()):
        audit.log(
            user,
            actie=audit.Actie.LEZEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="jeugd_plan",
            object_id=plan.pk,
            persoon_id=plan.persoon_id,
            velden=["jet_overleg", "opvoedsteun"],
        )
    return data
