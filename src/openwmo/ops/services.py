"""Writes of the ops app: one-time form tokens and recovering tasks of a crashed worker."""

import datetime
import logging
import random

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import Formuliertoken

logger = logging.getLogger(__name__)
BEWAAR_TOKENS = datetime.timedelta(days=1)


def claim_formuliertoken(token: str) -> bool:
    """True for the first submission of this token, False for every repeat."""
    try:
        with transaction.atomic():
            Formuliertoken.objects.create(token=token)
    except IntegrityError:
        return False
    if random.random() < 0.002:  # noqa: S311 - occasional clean-up, not security
        Formuliertoken.objects.filter(aangemaakt_op__lt=timezone.now() - BEWAAR_TOKENS).delete()
    return True


def rond_formuliertoken_af(token: str, *, locatie: str = "", mislukt: bool = False) -> None:
    """After the view: remember where it sent the user, or free the token when it failed
    (5xx) so the user can simply submit again."""
    qs = Formuliertoken.objects.filter(token=token)
    if mislukt:
        qs.delete()
    elif locatie:
        qs.update(locatie=locatie[:500])


def herstel_taken(*, worker_id: str = "", ouder_dan: datetime.timedelta | None = None) -> int:
    """Put tasks that were claimed but never finished back in the queue: those of this
    worker id (run when the worker restarts after a kill or a crash of its machine), or
    those running longer than ``ouder_dan`` (a worker that will not come back). The task
    code must be idempotent, which the iWmo pipeline is."""
    with transaction.atomic():
        lopend = DBTaskResult.objects.select_for_update().running()
        if ouder_dan is not None:
            lopend = lopend.filter(started_at__lt=timezone.now() - ouder_dan)
        wees = [
            t
            for t in lopend
            if ouder_dan is not None or (t.worker_ids and t.worker_ids[-1] == worker_id)
        ]
        for taak in wees:
            taak.status = TaskResultStatus.READY
            taak.started_at = None
            taak.save(update_fields=["status", "started_at"])
    for taak in wees:
        logger.warning("Taak %s opnieuw in de wachtrij (was bij %s)", taak.id, taak.worker_ids)
    return len(wees)
