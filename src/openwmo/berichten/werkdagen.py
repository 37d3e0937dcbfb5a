"""Working days for the chain deadlines: Monday–Friday except Dutch national holidays."""

import datetime
from functools import cache


def _pasen(jaar: int) -> datetime.date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = jaar % 19, jaar // 100, jaar % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    maand = (h + m - 7 * n + 114) // 31
    dag = (h + m - 7 * n + 114) % 31 + 1
    return datetime.date(jaar, maand, dag)


@cache
def feestdagen(jaar: int) -> frozenset[datetime.date]:
    pasen = _pasen(jaar)
    koningsdag = datetime.date(jaar, 4, 27)
    if koningsdag.weekday() == 6:
        koningsdag -= datetime.timedelta(days=1)
    dagen = {
        datetime.date(jaar, 1, 1),
        pasen + datetime.timedelta(days=1),
        koningsdag,
        pasen + datetime.timedelta(days=39),
        pasen + datetime.timedelta(days=50),
        datetime.date(jaar, 12, 25),
        datetime.date(jaar, 12, 26),
    }
    if jaar % 5 == 0:
        dagen.add(datetime.date(jaar, 5, 5))
    return frozenset(dagen)


def is_werkdag(dag: datetime.date) -> bool:
    return dag.weekday() < 5 and dag not in feestdagen(dag.year)


def plus_werkdagen(dag: datetime.date, n: int) -> datetime.date:
    """The date n working days after ``dag``."""
    while n > 0:
        dag += datetime.timedelta(days=1)
        if is_werkdag(dag):
            n -= 1
    return dag
