"""Named domain events, delivered after commit.

A service (the write path) announces what happened with ``publiceer(naam, **gegevens)``
or, for a batch, ``publiceer_alle(naam, reeks)``. Delivery waits for the commit of the
surrounding transaction (``transaction.on_commit``): a rollback delivers nothing. The
data are plain values (ids, codes, dates), never model instances, so a subscriber reads
what it needs itself.

Subscribers register with ``@abonneer(naam)`` in a module ``abonnementen.py`` of their
own app, which the app's ``AppConfig.ready()`` imports; that is the one place to look.
This package imports no other openwmo app: every app may use it (bottom layer).

The list of events is in ``docs/architecture.md`` ("Events after commit").
"""

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from enum import StrEnum

from django.db import transaction

logger = logging.getLogger(__name__)


class Gebeurtenis(StrEnum):
    """The events of the product. Add one here (with its data) before publishing it."""

    LEVERING_GESTOPT = "levering.gestopt"
    """A provider stopped a delivery (iWmo 307 with StatusAanlevering 1), through any
    channel. Data: ``levering_id``, ``persoon_id`` (None when the BSN is unknown),
    ``aanbieder_id``, ``reden_beeindiging`` (iWmo code; "20" is a temporary stop),
    ``einddatum``. Published by ``berichten.verwerking`` per stored stop."""

    EVALUATIE_VASTGELEGD = "evaluatie.vastgelegd"
    """The outcome of an evaluation of a support-plan line was recorded. Data:
    ``evaluatie_id``, ``persoon_id``, ``aanbieder_id`` (the line's organisation or None),
    ``voortgang``. Published by ``plannen.services.leg_evaluatie_vast``."""


_abonnees: dict[Gebeurtenis, list[tuple[Callable, bool]]] = defaultdict(list)


def abonneer(naam: str, *, per_reeks: bool = False):
    """Decorator: call the function after each commit that published ``naam``, with the
    event's data as keywords. With ``per_reeks`` it gets the whole series of one commit
    at once (a list of data dicts), so it can handle a batch of thousands in a few
    statements. Registering the same function twice has no effect."""
    soort = Gebeurtenis(naam)

    def registreer(functie: Callable) -> Callable:
        if (functie, per_reeks) not in _abonnees[soort]:
            _abonnees[soort].append((functie, per_reeks))
        return functie

    return registreer


def abonnees(naam: str) -> list[Callable]:
    return [functie for functie, _ in _abonnees[Gebeurtenis(naam)]]


def publiceer(naam: str, **gegevens) -> None:
    """Announce one event; subscribers hear of it after the commit."""
    publiceer_alle(naam, [gegevens])


def publiceer_alle(naam: str, reeks: Iterable[dict]) -> None:
    """Announce a series of events of one kind with a single ``on_commit`` (batches)."""
    soort = Gebeurtenis(naam)
    reeks = list(reeks)
    if reeks and _abonnees[soort]:
        transaction.on_commit(lambda: _bezorg(soort, reeks))


def _bezorg(soort: Gebeurtenis, reeks: list[dict]) -> None:
    # Runs after the commit, in one transaction for the whole series (a batch costs one
    # commit, not one per event). Each call has its own savepoint: a failing subscriber
    # is logged and undoes only its own writes; it stops neither the others nor turns
    # the caller's finished work into an error.
    with transaction.atomic():
        for abonnee, per_reeks in list(_abonnees[soort]):
            for args, kwargs in [((reeks,), {})] if per_reeks else [((), g) for g in reeks]:
                try:
                    with transaction.atomic():
                        abonnee(*args, **kwargs)
                except Exception:
                    logger.exception("Abonnee %s op %s faalde", abonnee.__qualname__, soort)
