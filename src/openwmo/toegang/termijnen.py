"""Legal terms of the Wmo 2015 and the Awb penalty, as pure functions (no database).

- Investigation: within 6 weeks of the melding (Wmo 2015 art. 2.3.2).
- Decision: within 2 weeks of the application (Wmo 2015 art. 2.3.5).
Terms run in calendar days: weekends and holidays count. The day of the melding or
application is day 0, so a melding on Monday 2 March ends on Monday 13 April.
A suspension at the resident's request adds its days (both ends included); an open
suspension adds the days up to and including the reference date.
Both are terms set by law, so the Algemene termijnenwet (art. 1) applies: a term that
ends on a Saturday, Sunday or recognised holiday runs on to the next working day
(``openwmo.kalender``).
- Penalty for a late decision (Awb art. 4:17): from the day two weeks after the later of
  the expiry of the decision term and the receipt of the notice of default, € 23 per day
  for the first 14 days, € 35 for the next 14 and € 45 after that, for at most 42 days.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from openwmo.kalender import volgende_werkdag

ONDERZOEK_DAGEN = 42
BESLIS_DAGEN = 14
DWANGSOM_WACHTDAGEN = 14
DWANGSOM_MAX_DAGEN = 42
DWANGSOM_TARIEVEN = ((14, 23), (14, 35), (14, 45))  # (days, euro per day)

Periode = tuple[datetime.date, datetime.date | None]


def opgeschorte_dagen(
    opschortingen: Iterable[Periode],
    *,
    vanaf: datetime.date,
    open_tot: datetime.date,
    uiterlijk: datetime.date | None = None,
) -> int:
    """Days suspended from ``vanaf`` up to ``uiterlijk``; overlapping periods count once.
    A suspension without an end runs up to and including ``open_tot``."""
    dagen: set[datetime.date] = set()
    for van, tot in opschortingen:
        eind = tot if tot is not None else open_tot
        if uiterlijk is not None:
            eind = min(eind, uiterlijk)
        begin = max(van, vanaf)
        dagen.update(begin + datetime.timedelta(n) for n in range((eind - begin).days + 1))
    return len(dagen)


@dataclass(frozen=True)
class Stand:
    """Where a term stands on a reference date."""

    start: datetime.date
    einddatum: datetime.date
    afgerond_op: datetime.date | None
    opgeschort: bool
    peildatum: datetime.date

    @property
    def dagen_over(self) -> int | None:
        """Days left (negative when overdue); None once the term is completed."""
        if self.afgerond_op is not None:
            return None
        return (self.einddatum - self.peildatum).days

    @property
    def dagen_te_laat(self) -> int:
        return max(0, -(self.dagen_over or 0))

    @property
    def verlopen(self) -> bool:
        return self.afgerond_op is None and self.peildatum > self.einddatum

    @property
    def op_tijd(self) -> bool | None:
        """True/False once completed; None while running."""
        if self.afgerond_op is None:
            return None
        return self.afgerond_op <= self.einddatum

    @property
    def oordeel(self) -> str:
        if self.afgerond_op is not None:
            return "op tijd" if self.op_tijd else "te laat"
        if self.opgeschort:
            return "opgeschort"
        return "te laat" if self.verlopen else "loopt"


def _stand(start, dagen, opschortingen, afgerond_op, peildatum) -> Stand:
    opschortingen = list(opschortingen)
    extra = opgeschorte_dagen(
        opschortingen, vanaf=start, open_tot=afgerond_op or peildatum, uiterlijk=afgerond_op
    )
    opgeschort = afgerond_op is None and any(
        van <= peildatum and (tot is None or tot >= peildatum) for van, tot in opschortingen
    )
    return Stand(
        start=start,
        einddatum=volgende_werkdag(start + datetime.timedelta(days=dagen + extra)),
        afgerond_op=afgerond_op,
        opgeschort=opgeschort,
        peildatum=peildatum,
    )


def onderzoekstermijn(
    melding_op: datetime.date,
    *,
    peildatum: datetime.date,
    afgerond_op: datetime.date | None = None,
    aanvraag_op: datetime.date | None = None,
    opschortingen: Iterable[Periode] = (),
) -> Stand:
    """The 6-week investigation term. An aanvraag ends it: from then on the 2-week
    decision term governs the case."""
    einden = [d for d in (afgerond_op, aanvraag_op) if d is not None]
    return _stand(
        melding_op, ONDERZOEK_DAGEN, opschortingen, min(einden) if einden else None, peildatum
    )


def beslistermijn(
    aanvraag_op: datetime.date,
    *,
    peildatum: datetime.date,
    besluit_op: datetime.date | None = None,
    opschortingen: Iterable[Periode] = (),
) -> Stand:
    """The 2-week decision term from the application."""
    return _stand(aanvraag_op, BESLIS_DAGEN, opschortingen, besluit_op, peildatum)


@dataclass(frozen=True)
class Dwangsom:
    vanaf: datetime.date
    dagen: int
    bedrag: int  # whole euros

    @property
    def loopt(self) -> bool:
        return self.dagen > 0


def eerste_dwangsomdag(
    termijn_einde: datetime.date, ingebrekestelling_op: datetime.date
) -> datetime.date:
    return max(termijn_einde, ingebrekestelling_op) + datetime.timedelta(DWANGSOM_WACHTDAGEN)


def dwangsom(
    termijn_einde: datetime.date,
    ingebrekestelling_op: datetime.date,
    *,
    peildatum: datetime.date,
    besluit_op: datetime.date | None = None,
) -> Dwangsom:
    """The penalty forfeited so far. The day of the decision itself does not count."""
    vanaf = eerste_dwangsomdag(termijn_einde, ingebrekestelling_op)
    tot = besluit_op if besluit_op is not None else peildatum + datetime.timedelta(1)
    dagen = min(DWANGSOM_MAX_DAGEN, max(0, (tot - vanaf).days))
    bedrag, rest = 0, dagen
    for blok, tarief in DWANGSOM_TARIEVEN:
        deel = min(rest, blok)
        bedrag += deel * tarief
        rest -= deel
    return Dwangsom(vanaf=vanaf, dagen=dagen, bedrag=bedrag)
