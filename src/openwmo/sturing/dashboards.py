"""The three steering levels and the neighbourhood view as tables (rendered as HTML, CSV,
Excel and PDF alike). One query per indicator per table, whatever the data volume."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import scope_of

from . import bronnen as b
from . import selectors
from .models import Indicator, Niveau

JAREN_TREND = 5
MAANDEN = 12
WEKEN = 8


@dataclass
class Cel:
    waarde: object = None
    n: int | None = None
    onderdrukt: bool = False
    link: str = ""

    @property
    def tekst(self) -> str:
        if self.onderdrukt:
            return _("minder dan 5")
        if self.waarde is None:
            return "–"
        return formats.number_format(self.waarde, use_l10n=True)


@dataclass
class Rij:
    label: str
    cellen: list[Cel]
    indicator: Indicator | None = None
    groep: str = ""


@dataclass
class Tabel:
    titel: str
    kolommen: list[str]
    rijen: list[Rij]
    toelichting: str = ""


@dataclass
class Overzicht:
    niveau: str
    titel: str
    tabellen: list[Tabel] = field(default_factory=list)
    filters: dict = field(default_factory=dict)
    grafiek: dict | None = None
    gekozen: Indicator | None = None


def eenheid(ind: Indicator) -> str:
    return ind.get_eenheid_display()


def _label(ind: Indicator) -> str:
    return f"{ind.naam} ({eenheid(ind)})"


def jaren(jaar: int) -> list[tuple[datetime.date, datetime.date]]:
    return [
        (datetime.date(j, 1, 1), datetime.date(j, 12, 31))
        for j in range(jaar - JAREN_TREND + 1, jaar + 1)
    ]


def maanden(jaar: int) -> list[tuple[datetime.date, datetime.date]]:
    uit = []
    for m in range(1, MAANDEN + 1):
        begin = datetime.date(jaar, m, 1)
        volgende = datetime.date(jaar + (m == 12), m % 12 + 1, 1)
        uit.append((begin, volgende - datetime.timedelta(days=1)))
    return uit


def weken(tot: datetime.date) -> list[tuple[datetime.date, datetime.date]]:
    maandag = tot - datetime.timedelta(days=tot.weekday())
    return [
        (maandag - datetime.timedelta(weeks=k), maandag - datetime.timedelta(weeks=k, days=-6))
        for k in range(WEKEN - 1, -1, -1)
    ]


MAANDNAMEN = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def _gekozen(inds: list[Indicator], code: str | None) -> Indicator | None:
    for i in inds:
        if i.code == code:
            return i
    return inds[0] if inds else None


def _grafiek(ind: Indicator | None, kolommen, rij: Rij | None) -> dict | None:
    if ind is None or rij is None:
        return None
    return {
        "titel": _label(ind),
        "labels": kolommen,
        "waarden": [
            None if c.onderdrukt or c.waarde is None else float(c.waarde) for c in rij.cellen
        ],
        "streef": float(ind.streefwaarde) if ind.streefwaarde is not None else None,
    }


def _reeks(ind, perioden, **kw) -> list[Cel]:
    rijen = selectors.stand_tabel(ind.bron, perioden, **kw)
    waarden = rijen.get(None) if rijen else None
    if not waarden:
        return [Cel() for _p in perioden]
    return [Cel(w, n) for w, n in waarden]


def strategisch(user, jaar: int, code: str | None = None) -> Overzicht:
    """Council and board: every indicator per year (five-year trend), along the goal tree."""
    perioden = jaren(jaar)
    kolommen = [str(van.year) for van, _t in perioden]
    inwoners = selectors.inwoners_stand()
    inds = selectors.indicatoren()
    tabellen = []
    alle = {}
    for niveau, label in Niveau.choices:
        rijen = []
        for ind in (i for i in inds if i.niveau == niveau):
            rij = Rij(_label(ind), _reeks(ind, perioden, inwoners=inwoners), ind, label)
            rijen.append(rij)
            alle[ind.code] = rij
        if rijen:
            tabellen.append(Tabel(str(label), kolommen, rijen))
    gekozen = _gekozen(inds, code)
    return Overzicht(
        niveau="strategisch",
        titel=_("Strategisch: trends per jaar langs de doelenboom"),
        tabellen=tabellen,
        filters={"jaar": jaar},
        grafiek=_grafiek(gekozen, kolommen, alle.get(gekozen.code) if gekozen else None),
        gekozen=gekozen,
    )


def _organisaties(ids) -> dict[int, str]:
    from openwmo.organisaties.models import Organisatie

    return dict(Organisatie.objects.filter(pk__in=[i for i in ids if i]).values_list("pk", "naam"))


def tactisch(user, jaar: int, code: str | None = None) -> Overzicht:
    """Budget holders and managers: per month, per pillar and per provider."""
    perioden = maanden(jaar)
    kolommen = [f"{MAANDNAMEN[van.month - 1]} {van.year}" for van, _t in perioden]
    inwoners = selectors.inwoners_stand()
    inds = selectors.indicatoren()
    rijen = [Rij(_label(i), _reeks(i, perioden, inwoners=inwoners), i) for i in inds]
    gekozen = _gekozen(inds, code)
    tabellen = [Tabel(_("Alle indicatoren per maand"), kolommen, rijen)]
    if gekozen is not None:
        per = selectors.stand_tabel(gekozen.bron, perioden, groep="aanbieder", inwoners=inwoners)
        namen = _organisaties(per.keys())
        tabellen.append(
            Tabel(
                _("%(naam)s per aanbieder") % {"naam": gekozen.naam},
                kolommen,
                [
                    Rij(namen.get(g, _("Geen aanbieder")), [Cel(w, n) for w, n in waarden])
                    for g, waarden in sorted(per.items(), key=lambda kv: namen.get(kv[0], ""))
                ],
                toelichting=""
                if per
                else _("Deze indicator is niet per aanbieder uit te splitsen."),
            )
        )
    rij = next((r for r in rijen if r.indicator == gekozen), None)
    return Overzicht(
        niveau="tactisch",
        titel=_("Tactisch: per maand, pijler en aanbieder"),
        tabellen=tabellen,
        filters={"jaar": jaar},
        grafiek=_grafiek(gekozen, kolommen, rij),
        gekozen=gekozen,
    )


def _gevallen_link(ind, van, tot, aanbieder_id=None, wijk_id=None) -> str:
    if ind.bron not in b.BRONNEN:
        return ""
    params = {"van": van.isoformat(), "tot": tot.isoformat()}
    if aanbieder_id:
        params["aanbieder"] = aanbieder_id
    if wijk_id:
        params["wijk"] = wijk_id
    return reverse("sturing:gevallen", args=[ind.code]) + "?" + urlencode(params)


def operationeel(user, tot: datetime.date, code: str | None = None) -> Overzicht:
    """Contract managers (own organisation) and team leads (own team's wijken): per week,
    each number links to the cases behind it."""
    perioden = weken(tot)
    kolommen = [f"{_('week')} {van.isocalendar()[1]}" for van, _t in perioden]
    aanbieder_id = selectors.vaste_aanbieder(user)
    wijk_ids = None
    if user.rol == Rol.SOCIAAL_WERKER:
        wijk_ids = sorted(scope_of(user).wijk_ids)
    inds = [
        i
        for i in selectors.indicatoren()
        if i.bron in b.BRONNEN and (aanbieder_id is None or b.BRONNEN[i.bron].aanbieder)
    ]
    inwoners = selectors.inwoners_stand()  # municipality-wide for a provider
    if wijk_ids is not None:
        inwoners = {None: sum(inwoners.get(w, 0) for w in wijk_ids)}
    rijen = []
    for ind in inds:
        cellen = _reeks(
            ind, perioden, aanbieder_id=aanbieder_id, wijk_ids=wijk_ids, inwoners=inwoners
        )
        for cel, (van, t) in zip(cellen, perioden, strict=True):
            if cel.n:
                cel.link = _gevallen_link(ind, van, t, aanbieder_id)
        rijen.append(Rij(_label(ind), cellen, ind))
    gekozen = _gekozen(inds, code)
    if aanbieder_id:
        titel = _("Operationeel: %(org)s per week") % {
            "org": _organisaties([aanbieder_id]).get(aanbieder_id, "")
        }
    else:
        titel = _("Operationeel: uw team per week")
    rij = next((r for r in rijen if r.indicator == gekozen), None)
    return Overzicht(
        niveau="operationeel",
        titel=titel,
        tabellen=[Tabel(_("Indicatoren per week"), kolommen, rijen)],
        filters={"tot": tot.isoformat()},
        grafiek=_grafiek(gekozen, kolommen, rij),
        gekozen=gekozen,
    )


def wijken(user, jaar: int, code: str | None = None) -> Overzicht:
    """Every indicator per wijk (rows: wijken). Small numbers are suppressed for policy
    makers. The map shows the chosen indicator."""
    from openwmo.gebieden.selectors import wijken as alle_wijken

    perioden = [(datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31))]
    inwoners = selectors.inwoners_stand()
    inds = [i for i in selectors.indicatoren() if i.bron in b.BRONNEN]
    lijst = list(alle_wijken())
    waarden: dict = {}
    for ind in inds:
        per = selectors.stand_tabel(ind.bron, perioden, groep="wijk", inwoners=inwoners)
        waarden[ind.code] = {g: v[0] for g, v in per.items()}
    gekozen = _gekozen(inds, code)
    rijen = []
    kaart = []
    for w in lijst:
        cellen = []
        for ind in inds:
            waarde, n = waarden[ind.code].get(w.pk, (None, 0))
            if w.pk not in waarden[ind.code]:
                waarde = b.leeg(b.BRONNEN[ind.bron], inwoners.get(w.pk, 0))
            waarde, onderdrukt = selectors.onderdruk(waarde, n, user)
            cellen.append(Cel(waarde, n, onderdrukt))
            if ind == gekozen:
                kaart.append(
                    {
                        "code": w.code,
                        "wijk": w.naam,
                        "waarde": None if waarde is None else float(waarde),
                        "tekst": cellen[-1].tekst,
                    }
                )
        rijen.append(Rij(w.naam, cellen))
    return Overzicht(
        niveau="wijken",
        titel=_("Per wijk"),
        tabellen=[
            Tabel(
                _("Alle indicatoren per wijk in %(jaar)s") % {"jaar": jaar},
                [_label(i) for i in inds],
                rijen,
                toelichting=_("Waarden die op 1 tot 4 gevallen rusten, worden niet getoond."),
            )
        ],
        filters={"jaar": jaar},
        grafiek={"titel": _label(gekozen), "wijken": kaart} if gekozen else None,
        gekozen=gekozen,
    )


def redenen_beeindiging(jaar: int, aanbieder_id=None) -> list[tuple[str, int]]:
    """Reasons for ending (WMO588) of definitive stops in a year: one grouped query."""

    def live():
        from django.db.models import Count

        from openwmo.berichten.models import Codewaarde

        qs = b._stops().filter(einddatum__year=jaar)
        if aanbieder_id:
            qs = qs.filter(aanbieder_id=aanbieder_id)
        tellingen = qs.order_by().values_list("reden_beeindiging").annotate(n=Count("pk"))
        namen = dict(Codewaarde.objects.filter(lijst="WMO588").values_list("code", "omschrijving"))
        return sorted(((namen.get(c, c), n) for c, n in tellingen), key=lambda r: -r[1])

    return selectors.uit_stand(
        "redenen",
        live,
        lambda u: [tuple(r) for r in u],
        jaar=jaar,
        aanbieder_id=aanbieder_id,
    )
