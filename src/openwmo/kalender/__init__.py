"""Calendar building block: Dutch public holidays, working days and legal terms.

Bottom layer: plain functions on ``datetime.date``, no models, no database, no imports
from other OpenWmo apps. Every app that counts working days or ends a term uses this.

Source: Algemene termijnenwet (Atw, Wet van 25 juli 1964, Stb. 1964, 314;
wetten.overheid.nl BWBR0002448).

- Art. 3 lid 1, the "algemeen erkende feestdagen": Nieuwjaarsdag, Christelijke tweede
  Paas- en Pinksterdag, beide Kerstdagen, Hemelvaartsdag, the day on which the King's
  birthday is celebrated (Koningsdag: 27 April, 26 April when the 27th is a Sunday) and
  5 May (Bevrijdingsdag, every year, not only every fifth year).
- Art. 3 lid 2: Goede Vrijdag counts as one of those days.
- Art. 3 lid 3: further days can be equated by royal decree (published in the
  Staatscourant, usually for three years at a time, e.g. the Friday after Hemelvaartsdag).
  Those cannot be computed; pass them as ``extra`` where a decree applies.
- Art. 1 lid 1: a term set by law that ends on a Saturday, Sunday or such a holiday is
  extended up to and including the next day that is none of these. Lid 2: not for terms
  counted backwards from a moment or event.
- Art. 2: a term set by law of at least three days is extended, where needed, so that
  it contains at least two days that are not a Saturday, Sunday or such a holiday (the
  first day, the day of the event, does not count).
- Art. 4: the Atw does not apply to terms in hours, nor to terms longer than 12 weeks,
  90 days or three months (nor to the terms the Atw or the law itself excludes).

Easter Sunday (needed for Goede Vrijdag, Tweede Paasdag, Hemelvaartsdag and Tweede
Pinksterdag) is computed with the anonymous Gregorian algorithm.
"""

from .kalender import (
    feestdagen,
    is_werkdag,
    pasen,
    plus_werkdagen,
    termijn_einde,
    volgende_werkdag,
    werkdagen_tussen,
)

__all__ = [
    "feestdagen",
    "is_werkdag",
    "pasen",
    "plus_werkdagen",
    "termijn_einde",
    "volgende_werkdag",
    "werkdagen_tussen",
]
