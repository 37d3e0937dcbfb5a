"""What steering does after events of other apps (imported once by ``apps.ready``):
the client-experience survey follows an evaluation or the definitive end of support."""

from openwmo.gebeurtenissen import Gebeurtenis, abonneer

from . import services


@abonneer(Gebeurtenis.EVALUATIE_VASTGELEGD)
def na_evaluatie(*, evaluatie_id, persoon_id, aanbieder_id, **_):
    services.bij_evaluatie(evaluatie_id, persoon_id=persoon_id, aanbieder_id=aanbieder_id)


@abonneer(Gebeurtenis.LEVERING_GESTOPT)
def na_stop(*, levering_id, persoon_id, aanbieder_id, reden_beeindiging, **_):
    services.bij_einde(
        levering_id,
        persoon_id=persoon_id,
        aanbieder_id=aanbieder_id,
        reden_beeindiging=reden_beeindiging,
    )
