"""Objection terms of the Awb, computed from the dates (nothing stored).

- Bezwaartermijn (Awb 6:7, 6:8): six weeks, starting the day after the decision was sent;
  a term that ends on a Saturday or Sunday runs to the next Monday (Algemene termijnenwet).
- Beslistermijn (Awb 7:10): six weeks after the end of the objection term, twelve with an
  advisory committee (7:13); extendable once by at most six weeks (7:10 lid 3).
"""

import datetime
from dataclasses import dataclass

BEZWAAR_WEKEN = 6
BESLIS_WEKEN = 6
BESLIS_WEKEN_COMMISSIE = 12
MAX_VERDAGING_WEKEN = 6


def _werkdag(d: datetime.date) -> datetime.date:
    while d.weekday() >= 5:
        d += datetime.timedelta(days=1)
    return d


def einde_bezwaartermijn(verzonden_op: datetime.date) -> datetime.date:
    return _werkdag(verzonden_op + datetime.timedelta(weeks=BEZWAAR_WEKEN))


def einde_beslistermijn(
    verzonden_op: datetime.date, *, adviescommissie: bool, verdaging_weken: int = 0
) -> datetime.date:
    weken = BESLIS_WEKEN_COMMISSIE if adviescommissie else BESLIS_WEKEN
    return einde_bezwaartermijn(verzonden_op) + datetime.timedelta(weeks=weken + verdaging_weken)


@dataclass(frozen=True)
class Stand:
    bezwaartermijn_einde: datetime.date
    tijdig: bool
    beslistermijn_einde: datetime.date
    dagen_over: int
    verlopen: bool


def stand(bezwaar, vandaag: datetime.date) -> Stand:
    verzonden = bezwaar.beschikking.verzonden_op
    einde = einde_bezwaartermijn(verzonden)
    beslis = einde_beslistermijn(
        verzonden,
        adviescommissie=bezwaar.adviescommissie,
        verdaging_weken=bezwaar.verdaging_weken,
    )
    peil = bezwaar.beslist_op or vandaag
    return Stand(
        bezwaartermijn_einde=einde,
        tijdig=bezwaar.ontvangen_op <= einde,
        beslistermijn_einde=beslis,
        dagen_over=(beslis - vandaag).days,
        verlopen=peil > beslis,
    )
