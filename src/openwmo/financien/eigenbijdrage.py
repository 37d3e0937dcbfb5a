"""Eigen bijdrage: does the abonnementstarief apply to a provision, and the CAK delivery.

The rules (Wmo 2015 art. 2.1.4a, Uitvoeringsbesluit Wmo 2015 art. 3.8, Zoetermeer's
policy on a lasting support relation) are pure functions of the facts; the tariff and the
municipal choices come from the ``Abonnementstarief`` table with validity dates."""

import calendar
import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

AOW_LEEFTIJD = 67  # state-pension age 2024–2027
MINIMUM_CONTACTEN = 5  # fewer contacts: a short question, no lasting relation
MINIMUM_MAANDEN = 6  # expected to last longer than this: a lasting relation


class Voorziening(models.TextChoices):
    BEGELEIDING = "begeleiding", _("Individuele begeleiding / thuisondersteuning")
    DAGBESTEDING = "dagbesteding", _("Groepsbegeleiding of dagbesteding")
    HUISHOUDELIJKE_HULP = "huishoudelijke_hulp", _("Huishoudelijke hulp")
    KORTDUREND_VERBLIJF = "kortdurend_verblijf", _("Kortdurend verblijf")
    HULPMIDDEL = "hulpmiddel", _("Hulpmiddel")
    WONINGAANPASSING = "woningaanpassing", _("Woningaanpassing")
    ROLSTOEL = "rolstoel", _("Rolstoel")
    VERVOER = "vervoer", _("Collectief vervoer")
    BESCHERMD_WONEN = "beschermd_wonen", _("Beschermd wonen")
    OPVANG = "opvang", _("Opvang")
    INLOOP = "inloop", _("Laagdrempelige inloop")
    PREVENTIE = "preventie", _("Preventieve activiteit")
    INFORMATIE_ADVIES = "informatie_advies", _("Informatie en advies")


# Services whose liability depends on a lasting relation (expected > 6 months, ≥ 5 contacts).
DIENSTEN = {
    Voorziening.BEGELEIDING,
    Voorziening.DAGBESTEDING,
    Voorziening.HUISHOUDELIJKE_HULP,
    Voorziening.KORTDUREND_VERBLIJF,
}


@dataclass(frozen=True)
class Feiten:
    voorziening: str
    ingangsdatum: datetime.date
    verwachte_einddatum: datetime.date | None = None  # None: no end foreseen
    contactmomenten: int | None = None  # None: not a counted short question
    leeftijd: int = 40
    meerpersoons_onder_aow: bool = False  # multi-person household with a member < AOW age


@dataclass(frozen=True)
class Uitkomst:
    verschuldigd: bool
    reden: str
    bedrag_cents: int | None = None  # None: the CAK sets it (income-dependent)
    periode: str = ""


def plus_maanden(datum: datetime.date, maanden: int) -> datetime.date:
    jaar, maand = divmod(datum.month - 1 + maanden, 12)
    jaar += datum.year
    maand += 1
    return datum.replace(
        year=jaar, month=maand, day=min(datum.day, calendar.monthrange(jaar, maand)[1])
    )


def duurzaam(feiten: Feiten) -> bool:
    """Expected to last longer than six months: the (inclusive) end date falls on or after
    the same day six months later. Without an end date the relation is open-ended."""
    if feiten.verwachte_einddatum is None:
        return True
    return feiten.verwachte_einddatum >= plus_maanden(feiten.ingangsdatum, MINIMUM_MAANDEN)


def beoordeel(feiten: Feiten, tarief) -> Uitkomst:
    """Whether the abonnementstarief applies, with the reason in Dutch."""
    v = feiten.voorziening
    if v in (Voorziening.BESCHERMD_WONEN, Voorziening.OPVANG):
        return Uitkomst(False, str(_("Beschermd wonen en opvang hebben een eigen regeling.")))
    if v in (Voorziening.INLOOP, Voorziening.PREVENTIE, Voorziening.INFORMATIE_ADVIES):
        return Uitkomst(False, str(_("Geen duurzame hulpverleningsrelatie: geen eigen bijdrage.")))
    if v in DIENSTEN:
        if feiten.contactmomenten is not None and feiten.contactmomenten < MINIMUM_CONTACTEN:
            return Uitkomst(False, str(_("Kortdurende hulpvraag (minder dan 5 contactmomenten).")))
        if not duurzaam(feiten):
            return Uitkomst(False, str(_("Naar verwachting niet langer dan 6 maanden.")))
    if v == Voorziening.ROLSTOEL:
        return Uitkomst(False, str(_("Voor een rolstoel geldt geen eigen bijdrage.")))
    if v == Voorziening.VERVOER and (tarief is None or tarief.vervoer_vrijgesteld):
        return Uitkomst(False, str(_("De gemeente vraagt geen bijdrage voor collectief vervoer.")))
    if feiten.leeftijd < 18 and v != Voorziening.WONINGAANPASSING:
        return Uitkomst(False, str(_("Inwoners jonger dan 18 jaar betalen geen eigen bijdrage.")))
    if feiten.meerpersoons_onder_aow:
        return Uitkomst(
            False,
            str(
                _(
                    "Meerpersoonshuishouden met iemand onder de AOW-leeftijd: "
                    "vrijgesteld van de eigen bijdrage."
                )
            ),
        )
    if tarief is None:
        return Uitkomst(False, str(_("Er is geen abonnementstarief voor deze datum.")))
    if tarief.inkomensafhankelijk:
        return Uitkomst(
            True, str(_("Eigen bijdrage naar inkomen; het CAK berekent het bedrag.")), None
        )
    return Uitkomst(
        True,
        str(_("Duurzame ondersteuning: het abonnementstarief geldt.")),
        tarief.bedrag_cents,
        tarief.get_periode_display(),
    )


def voorziening_van_regel(soort: str, productcategorie: str) -> str | None:
    """The kind of provision of a plan line (None: not a Wmo provision, e.g. eigen kracht)."""
    if soort == "basis":
        return Voorziening.BEGELEIDING
    if soort == "aanvullend":
        return {
            "thuisondersteuning": Voorziening.BEGELEIDING,
            "dagbesteding": Voorziening.DAGBESTEDING,
            "huishoudelijke_hulp": Voorziening.HUISHOUDELIJKE_HULP,
            "kortdurend_verblijf": Voorziening.KORTDUREND_VERBLIJF,
        }.get(productcategorie, Voorziening.BEGELEIDING)
    return None


# --- CAK delivery -----------------------------------------------------------------------

CAK_VERSIE = "1"


@dataclass(frozen=True)
class Periode:
    """The CAK period of one person: first qualifying start to the end of the last."""

    persoon_id: int
    bsn: str
    geboortedatum: datetime.date
    start: datetime.date
    stop: datetime.date | None


def periodes(regels: list[tuple]) -> list[Periode]:
    """Merge qualifying provisions per person. ``regels``: (persoon_id, bsn, geboortedatum,
    ingangsdatum, einddatum or None). Start = earliest start; stop = latest end, or None
    while any provision has no end."""
    per: dict[int, list] = {}
    for persoon_id, bsn, geboren, start, eind in regels:
        p = per.setdefault(persoon_id, [bsn, geboren, start, eind, eind is None])
        p[2] = min(p[2], start)
        p[4] = p[4] or eind is None
        if eind is not None and (p[3] is None or eind > p[3]):
            p[3] = eind
    return [
        Periode(pid, bsn, geboren, start, None if open_ else eind)
        for pid, (bsn, geboren, start, eind, open_) in sorted(per.items())
    ]


def cak_bestand(
    periodes_: list[Periode], *, gemeentecode: str, jaar: int, maand: int, aangemaakt: datetime.date
) -> str:
    """The delivery for one month: a START for each person whose period starts in it, a
    STOP for each whose period ends in it. Format documented in docs/financien.md."""
    begin = datetime.date(jaar, maand, 1)
    einde = datetime.date(jaar, maand, calendar.monthrange(jaar, maand)[1])
    records = []
    for p in periodes_:
        if begin <= p.start <= einde:
            records.append(("START", p, p.start))
        if p.stop is not None and begin <= p.stop <= einde:
            records.append(("STOP", p, p.stop))
    records.sort(key=lambda r: (r[2], r[1].bsn, r[0] == "STOP"))
    regels = [
        f"OWCAK;{CAK_VERSIE};{gemeentecode};{jaar:04d}-{maand:02d};"
        f"{aangemaakt.isoformat()};{len(records)}"
    ]
    for soort, p, datum in records:
        regels.append(
            f"{soort};{p.bsn};{p.geboortedatum:%Y%m%d};{datum:%Y%m%d};OW{p.persoon_id:010d}"
        )
    return "\n".join(regels) + "\n"
