"""Retention on demo data: an ended support plan and a stopped toewijzing past their terms
are flagged, reviewed and anonymised by the background tasks, and the steering numbers
still add up."""

import datetime

import pytest
from django.utils import timezone

from openwmo.accounts.models import User
from openwmo.berichten import selectors as berichten
from openwmo.berichten.models import Bericht, Levering, Toewijzing
from openwmo.demo.generator import seed
from openwmo.plannen import selectors as plannen
from openwmo.plannen import services as plan_services
from openwmo.plannen.models import Plan, PlanVersie
from openwmo.privacy import bewaren, tasks
from openwmo.privacy.models import Bewaarmarkering

pytestmark = pytest.mark.django_db


def _zonder_personen(info: dict) -> dict:
    return {k: v for k, v in info.items() if k != "toewijzingen"} | {
        "toewijzingen": [
            {k: v for k, v in t.items() if k not in ("naam", "bsn", "persoon_id")}
            for t in info["toewijzingen"]
        ]
    }


def test_demo_plan_en_toewijzing_na_bewaartermijn_geanonimiseerd_cijfers_kloppen():
    seed(600, 2026)
    beleid = User.objects.get(username="beleid")
    consulent = User.objects.get(username="consulent")
    privacy = User.objects.get(username="privacy")
    sw = User.objects.get(username="sociaalwerker")

    # Pieter's plan ended 16 years ago (it had aanvullende ondersteuning: 15-year term)
    plan = Plan.objects.get(persoon__voornamen="Pieter")
    plan_services.beeindig(sw, plan.pk, reden="Doelen bereikt, verhuisd", kanaal="ui")
    lang_geleden = timezone.now() - datetime.timedelta(days=365 * 16)
    PlanVersie.objects.filter(plan=plan).update(op=lang_geleden)
    # a demo toewijzing that was stopped 16 years ago
    stop = (
        Levering.objects.filter(soort="stop", toewijzing__isnull=False)
        .exclude(reden_beeindiging="20")
        .first()
    )
    t = stop.toewijzing
    persoon_id = t.persoon_id
    Levering.objects.filter(pk=stop.pk).update(einddatum=lang_geleden.date())

    doelen_voor = plannen.doelrealisatie_per_soort()
    sturing_voor = _zonder_personen(berichten.sturingsinformatie(beleid))
    per_wachttijd = _zonder_personen(berichten.sturingsinformatie(consulent))

    assert tasks.markeer_verlopen_bewaartermijnen.enqueue().return_value >= 2
    for m in Bewaarmarkering.objects.filter(object_id__in=[plan.pk, t.pk]):
        bewaren.beoordeel(privacy, m.pk, besluit="anonimiseren")
    assert tasks.voer_bewaarbesluiten_uit.enqueue().return_value >= 2

    plan.refresh_from_db()
    t.refresh_from_db()
    assert plan.persoon_id is None and plan.huishouden_id is None and plan.geanonimiseerd_op
    assert t.persoon_id is None and t.bsn == "" and t.geanonimiseerd_op
    assert not Levering.objects.filter(toewijzing=t).exclude(bsn="").exists()
    if not Toewijzing.objects.filter(persoon_id=persoon_id).exists():
        assert not Bericht.objects.filter(persoon_id=persoon_id).exists()
    # the steering numbers still add up
    assert plannen.doelrealisatie_per_soort() == doelen_voor
    assert _zonder_personen(berichten.sturingsinformatie(beleid)) == sturing_voor
    assert _zonder_personen(berichten.sturingsinformatie(consulent)) == per_wachttijd
    # and nobody opens the anonymised plan any more
    assert not plannen.plannen_in_scope(consulent).filter(pk=plan.pk).exists()
