"""Recording an evaluation announces ``evaluatie.vastgelegd`` after the commit; steering
invites the resident to the survey once."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from openwmo.plannen import services
from openwmo.sturing.models import Uitnodiging

pytestmark = pytest.mark.django_db
UI = "ui"


def test_vastgelegde_evaluatie_nodigt_na_de_commit_een_keer_uit(
    jelle_plan, werker, inwoner, django_capture_on_commit_callbacks
):
    regel = jelle_plan.regels.get(soort="basis")
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    e = services.plan_evaluatie(werker, regel.pk, gepland_op=morgen, kanaal=UI)

    def vastleggen():
        return services.leg_evaluatie_vast(
            werker, e.pk, voortgang="bereikt", visie_inwoner="Gaat goed", kanaal=UI
        )

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            vastleggen()
            raise RuntimeError("afgebroken")
    assert not Uitnodiging.objects.exists()  # rolled back: no invitation

    with django_capture_on_commit_callbacks(execute=True):
        vastleggen()
        assert not Uitnodiging.objects.exists()  # not before the commit
    verwacht = [("evaluatie", e.pk, regel.organisatie_id, inwoner.pk)]
    kolommen = ("aanleiding", "bron_id", "aanbieder_id", "persoon")
    assert list(Uitnodiging.objects.values_list(*kolommen)) == verwacht

    # planning (not recording) an evaluation, or a refused second recording, invites no one
    with django_capture_on_commit_callbacks(execute=True):
        services.plan_evaluatie(werker, regel.pk, gepland_op=morgen, kanaal=UI)
        with pytest.raises(ValidationError):
            vastleggen()
    assert list(Uitnodiging.objects.values_list(*kolommen)) == verwacht
