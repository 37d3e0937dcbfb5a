"""Reading debt-help records, scoped inside the query and audited."""

import datetime
from collections import defaultdict

from django.db.models import QuerySet
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor
from openwmo.inwoners.selectors import personen_in_scope
from openwmo.privacy import services as audit

from .models import Betalingssignaal, Crisis, Inzet

ROLLEN = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT})
SOORTEN = ("signalen", "crisis", "eigen_ondersteuning", "verwijzingen", "nazorg")


def _personen(user):
    if user.rol not in ROLLEN:
        return None
    return personen_in_scope(user).values("pk")


def betalingssignalen_in_scope(user) -> QuerySet[Betalingssignaal]:
    personen = _personen(user)
    qs = Betalingssignaal.objects.select_related("persoon", "signaal")
    return qs.none() if personen is None else qs.filter(persoon__in=personen)


def crises_in_scope(user) -> QuerySet[Crisis]:
    personen = _personen(user)
    qs = Crisis.objects.select_related("persoon")
    return qs.none() if personen is None else qs.filter(persoon__in=personen)


def inzet_in_scope(user) -> QuerySet[Inzet]:
    personen = _personen(user)
    qs = Inzet.objects.select_related("persoon", "regel")
    return qs.none() if personen is None else qs.filter(persoon__in=personen)


def _log(user, kanaal, object_type, persoon_id, object_id="", toelichting=""):
    audit.log(
        user,
        actie=audit.Actie.LEZEN,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type=object_type,
        object_id=object_id,
        persoon_id=persoon_id,
        velden=["schuldhulp"],
        toelichting=toelichting,
    )


def crisis(user, pk: int, *, kanaal: str) -> Crisis:
    gevonden = crises_in_scope(user).filter(pk=pk).first()
    if gevonden is None:
        raise Http404("Deze crisis bestaat niet of valt buiten uw toegang.")
    _log(user, kanaal, "schuldencrisis", gevonden.persoon_id, gevonden.pk)
    return gevonden


def van_persoon(user, persoon_id: int, *, kanaal: str) -> dict:
    """Signals, crises and support of one resident (for the resident's file)."""
    data = {
        "signalen": list(betalingssignalen_in_scope(user).filter(persoon_id=persoon_id)),
        "crises": list(crises_in_scope(user).filter(persoon_id=persoon_id)),
        "inzet": list(inzet_in_scope(user).filter(persoon_id=persoon_id)),
    }
    if any(data.values()):
        _log(user, kanaal, "schuldhulp", persoon_id)
    return data


def van_plan(user, plan_id: int, *, kanaal: str) -> list[Inzet]:
    inzet = list(inzet_in_scope(user).filter(plan_id=plan_id))
    if inzet:
        _log(user, kanaal, "schuldhulp_inzet", inzet[0].persoon_id, toelichting=f"plan {plan_id}")
    return inzet


def open_crises(user, *, kanaal: str = audit.Kanaal.UI) -> list[Crisis]:
    rijen = list(crises_in_scope(user).filter(afgehandeld_op__isnull=True).order_by("uiterlijk_op"))
    audit.log_lijst(
        user,
        [c.persoon_id for c in rijen],
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type="schuldencrisis",
        velden=["schuldhulp"],
        toelichting=f"open crises: {len(rijen)}",
    )
    return rijen


def _per_maand(qs, veld) -> dict[str, int]:
    rijen = qs.annotate(maand=TruncMonth(veld)).values_list("maand", flat=True)
    uitkomst: dict[str, int] = defaultdict(int)
    for maand in rijen:
        uitkomst[maand.strftime("%Y-%m")] += 1
    return uitkomst


def telling_per_maand(van: datetime.date, tot: datetime.date) -> dict[str, dict[str, int]]:
    """Steering: counts per month ("YYYY-MM") per kind, no personal data. Both ends
    inclusive; months without anything are present with zeros."""
    maanden: dict[str, dict[str, int]] = {}
    d = van.replace(day=1)
    while d <= tot:
        maanden[d.strftime("%Y-%m")] = dict.fromkeys(SOORTEN, 0)
        d = (d + datetime.timedelta(days=32)).replace(day=1)
    begin = timezone.make_aware(datetime.datetime.combine(van, datetime.time.min))
    eind = timezone.make_aware(datetime.datetime.combine(tot, datetime.time.max))
    bronnen = {
        "signalen": _per_maand(
            Betalingssignaal.objects.filter(ontvangen_op__range=(van, tot)), "ontvangen_op"
        ),
        "crisis": _per_maand(Crisis.objects.filter(gemeld_op__range=(begin, eind)), "gemeld_op"),
    }
    inzet = Inzet.objects.filter(startdatum__range=(van, tot))
    for soort, sleutel in (
        (Inzet.Soort.EIGEN, "eigen_ondersteuning"),
        (Inzet.Soort.VERWIJZING, "verwijzingen"),
        (Inzet.Soort.NAZORG, "nazorg"),
    ):
        bronnen[sleutel] = _per_maand(inzet.filter(soort=soort), "startdatum")
    for sleutel, tellingen in bronnen.items():
        for maand, aantal in tellingen.items():
            if maand in maanden:
                maanden[maand][sleutel] = aantal
    return maanden
