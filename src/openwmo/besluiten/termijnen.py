"""Objection terms of the Awb, computed from the dates (nothing stored).

- Bezwaartermijn (Awb 6:7, 6:8): six weeks, starting the day after the decision was sent.
- Beslistermijn (Awb 7:10): six weeks after the end of the objection term, twelve with an
  advisory committee (7:13); extendable once by at most six weeks (7:10 lid 3).
Each of these terms is set by law, so the Algemene termijnenwet applies to it
(``openwmo.kalender.termijn_einde``): one that ends on a Saturday, Sunday or recognised
holiday runs on to the next working day.
"""

import datetime
from dataclasses import dataclass

from openwmo.kalender import termijn_einde

BEZWAAR_WEKEN = 6
BESLIS_WEKEN = 6
BESLIS_WEKEN_COMMISSIE = 12
MAX_VERDAGING_WEKEN = 6


def einde_bezwaartermijn(verzonden_op: datetime.date) -> datetime.date:
    return termijn_einde(verzonden_op, weken=BEZWAAR_WEKEN)


def einde_beslistermijn(
    verzonden_op: datetime.date, *, adviescommissie: bool, verdaging_weken: int = 0
) -> datetime.date:
    """The decision term runs from the day after the objection term ended; a deferral
    is a new term of its own from the end of the first one."""
    weken = BESLIS_WEKEN_COMMISSIE if adviescommissie else BESLIS_WEKEN
    einde = termijn_einde(einde_bezwaartermijn(verzonden_op), weken=weken)
    if verdaging_weken:
        einde = termijn_einde(einde, weken=verdaging_weken)
    return einde


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
