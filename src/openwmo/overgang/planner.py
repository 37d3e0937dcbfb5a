"""Planning the maatwerkgesprekken: a documented greedy method, no solver needed.

Input: the clients (with the end date of their earliest-ending running beschikking, whether
they are vulnerable, their current provider and wijk), the social workers, the planning
window [start, go-live) and each worker's capacity per week.

Method (earliest deadline first over weeks filled in order):

1. A client's deadline is the day before go-live, or the end date of the running
   beschikking when that is earlier (a running beschikking is respected: the outcome must be
   known before it ends, so nobody is left without support).
2. Clients are sorted by deadline (earliest-ending beschikking first), vulnerable clients
   first on equal deadlines.
3. Weeks are filled in order. A week holds at most ``ceil(clients / weeks)`` conversations
   (an even spread over the transition year, never all at once) and each worker at most
   ``capaciteit_per_week``.
4. In a week the client gets a worker of their own wijk team when one has room, else the
   least busy worker; the day is the worker's next free weekday.
5. A vulnerable client's current provider is invited (the regular support worker is present).
6. A client whose deadline falls before the first week with room is reported, not planned
   (they need attention now); so is everyone when the capacity before go-live runs out.

Because weeks are filled in deadline order, a client with an earlier deadline is never
planned in a later week than a client with a later deadline. Runs in O(clients × workers).
"""

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Client:
    id: int
    einddatum: datetime.date | None
    kwetsbaar: bool = False
    aanbieder_id: int | None = None
    wijk_id: int | None = None


@dataclass(frozen=True)
class Werker:
    id: int
    wijk_id: int | None = None


@dataclass(frozen=True)
class Afspraak:
    client_id: int
    werker_id: int
    datum: datetime.date
    uiterlijk: datetime.date
    aanbieder_id: int | None


@dataclass
class Planning:
    afspraken: list[Afspraak] = field(default_factory=list)
    niet_gepland: list[tuple[int, str]] = field(default_factory=list)
    weken: int = 0
    per_week_max: int = 0


TE_LAAT = "De beschikking eindigt vóór de eerste week met ruimte."
GEEN_CAPACITEIT = "Onvoldoende gesprekscapaciteit vóór de startdatum."


def maandag(d: datetime.date) -> datetime.date:
    return d - datetime.timedelta(days=d.weekday())


def uiterlijk(client: Client, golive: datetime.date) -> datetime.date:
    laatste = golive - datetime.timedelta(days=1)
    return min(laatste, client.einddatum) if client.einddatum else laatste


def plan(
    clients: Iterable[Client],
    werkers: Iterable[Werker],
    *,
    start: datetime.date,
    golive: datetime.date,
    capaciteit_per_week: int,
    bezet: Iterable[tuple[int, datetime.date]] = (),
) -> Planning:
    """Plan one conversation per client; ``bezet`` = (worker id, date) already planned."""
    clients = list(clients)
    werkers = sorted(werkers, key=lambda w: w.id)
    bezet = list(bezet)
    eerste = maandag(start)
    aantal_weken = max(0, (golive - eerste).days + 6) // 7
    planning = Planning(weken=aantal_weken)
    if not clients:
        return planning
    if not werkers or aantal_weken == 0 or capaciteit_per_week < 1:
        planning.niet_gepland = [(c.id, GEEN_CAPACITEIT) for c in clients]
        return planning
    per_week_max = math.ceil((len(clients) + len(bezet)) / aantal_weken)
    planning.per_week_max = per_week_max

    week_totaal: dict[int, int] = defaultdict(int)
    werker_week: dict[tuple[int, int], int] = defaultdict(int)
    werker_totaal: dict[int, int] = defaultdict(int)
    for werker_id, datum in bezet:
        week = (maandag(datum) - eerste).days // 7
        week_totaal[week] += 1
        werker_week[werker_id, week] += 1
        werker_totaal[werker_id] += 1

    def dagen(week: int) -> list[datetime.date]:
        ma = eerste + datetime.timedelta(weeks=week)
        return [
            d for d in (ma + datetime.timedelta(days=i) for i in range(5)) if start <= d < golive
        ]

    def vrije_werker(week: int, wijk_id):
        kandidaten = [w for w in werkers if werker_week[w.id, week] < capaciteit_per_week]
        if not kandidaten:
            return None
        eigen = [w for w in kandidaten if wijk_id is not None and w.wijk_id == wijk_id]
        return min(
            eigen or kandidaten, key=lambda w: (werker_week[w.id, week], werker_totaal[w.id], w.id)
        )

    week = 0
    volgorde = sorted(clients, key=lambda c: (uiterlijk(c, golive), not c.kwetsbaar, c.id))
    for client in volgorde:
        deadline = uiterlijk(client, golive)
        werker = None
        while week < aantal_weken:
            if week_totaal[week] < per_week_max and dagen(week):
                werker = vrije_werker(week, client.wijk_id)
                if werker is not None:
                    break
            week += 1
        if werker is None:
            planning.niet_gepland.append((client.id, GEEN_CAPACITEIT))
            continue
        mogelijk = [d for d in dagen(week) if d <= deadline]
        if not mogelijk:
            planning.niet_gepland.append((client.id, TE_LAAT))
            continue
        datum = mogelijk[werker_week[werker.id, week] % len(mogelijk)]
        week_totaal[week] += 1
        werker_week[werker.id, week] += 1
        werker_totaal[werker.id] += 1
        planning.afspraken.append(
            Afspraak(
                client_id=client.id,
                werker_id=werker.id,
                datum=datum,
                uiterlijk=deadline,
                aanbieder_id=client.aanbieder_id if client.kwetsbaar else None,
            )
        )
    return planning
