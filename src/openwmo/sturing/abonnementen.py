"""What steering does after events of other apps (imported once by ``apps.ready``):
the client-experience survey follows an evaluation or the definitive end of support."""

from openwmo.gebeurtenissen import Gebeurtenis, abonneer

from . import services


@abonneer(Gebeurtenis.EVALUATIE_VASTGELEGD)
def na_evaluatie(*, evaluatie_id, persoon_id, aanbieder_id, **_):
    services.bij_evaluatie(evaluatie_id, persoon_id=persoon_id, aanbieder_id=aanbieder_id)


@abonneer(Gebeurtenis.LEVERING_GESTOPT, per_reeks=True)
def na_stops(reeks):
    services.bij_einde(reeks)
