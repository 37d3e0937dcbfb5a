"""Background task: a batch of incoming iWmo messages (a provider's file or a queue).

Each message is processed and committed on its own, through the receiving pipeline
(``verwerking.verwerk``), which is idempotent on sender, type, identification and content.
If a worker is killed halfway, ``openwmo taken_herstellen`` puts the task back and the
rerun returns the stored retour for messages already done: each message is stored once and
has one retour.
"""

from django.db import IntegrityError
from django_tasks import task

from openwmo.organisaties.models import Organisatie
from openwmo.privacy.services import Kanaal

from .verwerking import Invoer, verwerk


@task()
def verwerk_batch(organisatie_id: int, berichten: list[str]) -> dict:
    """Process messages (XML text) sent by the provider ``organisatie_id``."""
    org = Organisatie.objects.get(pk=organisatie_id)
    geaccepteerd = afgekeurd = herhaald = 0
    for tekst in berichten:
        invoer = [Invoer(tekst.encode("utf-8"), organisatie=org)]
        try:
            r = verwerk(invoer, kanaal=Kanaal.SYSTEEM)[0]
        except IntegrityError:  # the same message stored by a parallel run: read it back
            r = verwerk(invoer, kanaal=Kanaal.SYSTEEM)[0]
        herhaald += r.herhaald
        if r.geaccepteerd:
            geaccepteerd += 1
        else:
            afgekeurd += 1
    return {"geaccepteerd": geaccepteerd, "afgekeurd": afgekeurd, "herhaald": herhaald}
