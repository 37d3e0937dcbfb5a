"""Holidays, working days and term ends; see the package docstring for the legal source."""

import datetime
from collections.abc import Collection
from functools import cache

DAG = datetime.timedelta(days=1)
# Atw art. 4: no extension for terms longer than 12 weeks or 90 days.
ATW_MAX_DAGEN = 90
ATW_MAX_WEKEN = 12


def pasen(jaar: int) -> datetime.date:
    """Easter Sunday of ``jaar`` (anonymous Gregorian algorithm)."""
    a = jaar % 19
    eeuw, rest = divmod(jaar, 100)
    s, t = divmod(eeuw, 4)
    correctie = (eeuw + 8) // 25
    maan = (eeuw - correctie + 1) // 3
    h = (19 * a + eeuw - s - maan + 15) % 30
    u, v = divmod(rest, 4)
    weekdag = (32 + 2 * t + 2 * u - h - v) % 7
    m = (a + 11 * h + 22 * weekdag) // 451
    maand, dag = divmod(h + weekdag - 7 * m + 114, 31)
    return datetime.date(jaar, maand, dag + 1)


@cache
def feestdagen(jaar: int) -> dict[datetime.date, str]:
    """The Atw holidays of ``jaar`` (art. 3 lid 1 and 2), date -> name."""
    p = pasen(jaar)
    koningsdag = datetime.date(jaar, 4, 27)
    if koningsdag.weekday() == 6:
        koningsdag -= DAG
    return {
        datetime.date(jaar, 1, 1): "Nieuwjaarsdag",
        p - 2 * DAG: "Goede Vrijdag",
        p + DAG: "Tweede Paasdag",
        koningsdag: "Koningsdag",
        datetime.date(jaar, 5, 5): "Bevrijdingsdag",
        p + 39 * DAG: "Hemelvaartsdag",
        p + 50 * DAG: "Tweede Pinksterdag",
        datetime.date(jaar, 12, 25): "Eerste Kerstdag",
        datetime.date(jaar, 12, 26): "Tweede Kerstdag",
    }


def is_werkdag(dag: datetime.date, extra: Collection[datetime.date] = ()) -> bool:
    """Monday to Friday and not an Atw holiday (nor one of the ``extra`` days)."""
    return dag.weekday() < 5 and dag not in feestdagen(dag.year) and dag not in extra


def volgende_werkdag(dag: datetime.date, extra: Collection[datetime.date] = ()) -> datetime.date:
    """``dag`` itself when it is a working day, else the first working day after it."""
    while not is_werkdag(dag, extra):
        dag += DAG
    return dag


def plus_werkdagen(
    dag: datetime.date, n: int, extra: Collection[datetime.date] = ()
) -> datetime.date:
    """The date ``n`` working days after ``dag`` (``dag`` itself does not count)."""
    if n < 0:
        raise ValueError("n must not be negative")
    while n > 0:
        dag += DAG
        if is_werkdag(dag, extra):
            n -= 1
    return dag


def werkdagen_tussen(
    van: datetime.date, tot: datetime.date, extra: Collection[datetime.date] = ()
) -> int:
    """Working days after ``van`` up to and including ``tot`` (0 when ``tot <= van``)."""
    dagen, d = 0, van
    while d < tot:
        d += DAG
        dagen += is_werkdag(d, extra)
    return dagen


def termijn_einde(
    start: datetime.date,
    *,
    weken: int = 0,
    dagen: int = 0,
    extra: Collection[datetime.date] = (),
) -> datetime.date:
    """Last day of a term set by law of ``weken`` weeks plus ``dagen`` days that starts
    the day after ``start`` (the day of the event), with the Atw applied:

    - art. 2: a term of three days or more holds at least two working days;
    - art. 1: a term ending on a Saturday, Sunday or holiday runs on to the next working day;
    - art. 4: a term longer than 12 weeks or 90 days is not extended.

    Not for terms counted backwards (art. 1 lid 2) or in hours (art. 4)."""
    if weken < 0 or dagen < 0:
        raise ValueError("a term must not be negative")
    lengte = 7 * weken + dagen
    einde = start + datetime.timedelta(days=lengte)
    if weken > ATW_MAX_WEKEN or lengte > ATW_MAX_DAGEN:
        return einde
    if lengte >= 3:
        while werkdagen_tussen(start, einde, extra) < 2:
            einde += DAG
    return volgende_werkdag(einde, extra)
