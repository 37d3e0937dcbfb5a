"""Reading the sociale kaart, volunteers, matches and buurtkamer staffing.

Scope is applied in the queries. Other apps (plannen, toegang) call
``zoek_activiteiten`` and ``kandidaten`` to pick from the sociale basis.
"""

import datetime
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor, scope_of
from openwmo.gebieden import selectors as gebieden
from openwmo.gebieden.models import Postcode
from openwmo.inwoners.selectors import personen_in_scope
from openwmo.privacy import services as audit
from openwmo.toegang.models import Domein

from .models import (
    Activiteit,
    ActiviteitDomein,
    Beoordeling,
    Bezoek,
    Dienst,
    Inzet,
    Mantelzorger,
    Match,
    MatchStatus,
    Tijdslot,
    Vrijwilligersprofiel,
    Waardering,
    Weekdag,
)

STAFF_ROLLEN = frozenset(Rol.values) - {Rol.INWONER}
BEOORDELAAR_ROLLEN = frozenset({Rol.WMO_CONSULENT, Rol.BELEIDSMAKER})
AANBIEDER_ROLLEN = frozenset(
    {Rol.SOCIAAL_WERKER, Rol.ZORGAANBIEDER, Rol.WMO_CONSULENT, Rol.BELEIDSMAKER}
)
MATCH_ROLLEN = frozenset({Rol.SOCIAAL_WERKER})
MATCH_LEZERS = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT, Rol.VRIJWILLIGER})
AFSTANDSGRENS_KM = 10  # default; a municipality sets AANBOD_AFSTANDSGRENS_KM
VOG_GELDIG_JAREN = 3
MAX_RESULTATEN = 100

# The points of the matcher; together 100.
PUNTEN_DOMEIN = 40
PUNTEN_ERVARING = 10
PUNTEN_AFSTAND = 30
PUNTEN_BESCHIKBAAR = 20


def afstandsgrens_km() -> float:
    return float(getattr(settings, "AANBOD_AFSTANDSGRENS_KM", AFSTANDSGRENS_KM))


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    """Straight-line (great-circle) distance in kilometres."""
    lat1, lon1, lat2, lon2 = (math.radians(float(v)) for v in (lat1, lon1, lat2, lon2))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def coordinaten(postcode: str) -> tuple[Decimal, Decimal] | None:
    row = (
        Postcode.objects.filter(postcode=gebieden.normaliseer_postcode(postcode))
        .values_list("latitude", "longitude")
        .first()
    )
    return (row[0], row[1]) if row else None


def _kader(lat, lon, km) -> Q:
    """A bounding box around a point, so the database drops far rows first."""
    dlat = km / 111.0
    dlon = km / (111.0 * max(math.cos(math.radians(float(lat))), 0.01))
    return Q(
        latitude__gte=Decimal(str(round(float(lat) - dlat, 6))),
        latitude__lte=Decimal(str(round(float(lat) + dlat, 6))),
        longitude__gte=Decimal(str(round(float(lon) - dlon, 6))),
        longitude__lte=Decimal(str(round(float(lon) + dlon, 6))),
    )


def _require(user, rollen):
    if user is None or not user.is_authenticated or user.rol not in rollen:
        raise PermissionDenied


# --- sociale kaart -----------------------------------------------------------------------


def _activiteiten() -> QuerySet[Activiteit]:
    return Activiteit.objects.select_related("organisatie", "wijk", "buurtkamer").prefetch_related(
        Prefetch("tijden", queryset=Tijdslot.objects.order_by("weekdag", "van")),
        Prefetch("domeinen", queryset=ActiviteitDomein.objects.order_by("domein")),
    )


@dataclass
class Resultaat:
    activiteit: Activiteit
    afstand_km: float | None = None


@dataclass
class Zoekresultaat:
    resultaten: list[Resultaat]
    grens_km: float | None = None
    vanaf: str = ""


def zoek_activiteiten(
    user,
    *,
    domein: str = "",
    wijk_id: int | None = None,
    weekdag: int | None = None,
    postcode: str = "",
    max_km: float | None = None,
    tekst: str = "",
    respijt: bool = False,
) -> Zoekresultaat:
    """Approved activities by life domain, wijk, weekday and distance from a postcode.

    With a postcode only activities within the distance limit come back, nearest first
    (straight-line distance between postcode centre points). Unknown input raises a
    ValidationError with a Dutch message.
    """
    _require(user, STAFF_ROLLEN)
    fouten = {}
    if domein and domein not in Domein.values:
        fouten["domein"] = [_("Kies een levensdomein uit de lijst.")]
    if weekdag is not None and weekdag not in Weekdag.values:
        fouten["weekdag"] = [_("Kies een dag uit de lijst.")]
    grens = afstandsgrens_km()
    if max_km is not None and not 0 < max_km <= grens:
        fouten["max_km"] = [
            _("De afstand moet groter zijn dan 0 en ten hoogste %(n)s km.") % {"n": f"{grens:g}"}
        ]
    punt = None
    if postcode:
        punt = coordinaten(postcode)
        if punt is None:
            fouten["postcode"] = [_("Deze postcode kennen we niet in de gemeente.")]
    if fouten:
        raise ValidationError(fouten)
    qs = _activiteiten().filter(status=Beoordeling.GOEDGEKEURD)
    if domein:
        qs = qs.filter(pk__in=ActiviteitDomein.objects.filter(domein=domein).values("activiteit"))
    if wijk_id:
        qs = qs.filter(wijk_id=wijk_id)
    if respijt:
        qs = qs.filter(respijt=True)
    if weekdag:
        qs = qs.filter(pk__in=Tijdslot.objects.filter(weekdag=weekdag).values("activiteit"))
    for woord in tekst.split()[:4]:
        qs = qs.filter(Q(titel__icontains=woord) | Q(omschrijving__icontains=woord))
    if punt is None:
        rows = [Resultaat(a) for a in qs.order_by("wijk__naam", "titel", "pk")[:MAX_RESULTATEN]]
        return Zoekresultaat(rows)
    km = max_km or grens
    qs = qs.filter(_kader(punt[0], punt[1], km))
    rows = []
    for a in qs:
        afstand = haversine_km(punt[0], punt[1], a.latitude, a.longitude)
        if afstand <= km:
            rows.append(Resultaat(a, round(afstand, 2)))
    rows.sort(key=lambda r: (r.afstand_km, r.activiteit.titel, r.activiteit.pk))
    return Zoekresultaat(rows[:MAX_RESULTATEN], grens_km=km, vanaf=postcode)


def organisatie_id(user) -> int | None:
    return scope_of(user).organisatie_id


def is_coordinator(user) -> bool:
    medewerker = getattr(user, "medewerker", None)
    return bool(user.rol == Rol.VRIJWILLIGER and medewerker and medewerker.is_teamleider)


def mag_aanbieden(user) -> bool:
    """Organisation staff maintain their own organisation's part of the catalogue."""
    if organisatie_id(user) is None:
        return False
    return user.rol in AANBIEDER_ROLLEN or is_coordinator(user)


def mag_bewerken(user, activiteit: Activiteit) -> bool:
    return mag_aanbieden(user) and activiteit.organisatie_id == organisatie_id(user)


def activiteit_voor(user, pk: int) -> Activiteit:
    """One activity: approved ones for all staff; others for the own organisation and
    the reviewers."""
    _require(user, STAFF_ROLLEN)
    activiteit = _activiteiten().filter(pk=pk).first()
    if activiteit is None:
        raise Http404
    if activiteit.status != Beoordeling.GOEDGEKEURD and not (
        user.rol in BEOORDELAAR_ROLLEN or mag_bewerken(user, activiteit)
    ):
        raise Http404
    return activiteit


def eigen_activiteiten(user) -> list[Activiteit]:
    if not mag_aanbieden(user):
        return []
    return list(_activiteiten().filter(organisatie_id=organisatie_id(user)).order_by("titel"))


def te_beoordelen(user) -> list[Activiteit]:
    _require(user, BEOORDELAAR_ROLLEN)
    return list(_activiteiten().filter(status=Beoordeling.INGEDIEND).order_by("aangemaakt_op"))


# --- volunteers --------------------------------------------------------------------------


def _profielen() -> QuerySet[Vrijwilligersprofiel]:
    return Vrijwilligersprofiel.objects.select_related(
        "user", "organisatie", "wijk"
    ).prefetch_related("domeinen", "beschikbaarheid")


def profielen_in_scope(user) -> QuerySet[Vrijwilligersprofiel]:
    """The volunteer themself, the coordinators of their organisation and the social
    workers of their wijk."""
    scope = scope_of(user)
    qs = _profielen()
    if user.rol == Rol.SOCIAAL_WERKER:
        return qs.filter(wijk_id__in=scope.wijk_ids)
    if is_coordinator(user):
        return qs.filter(Q(organisatie_id=scope.organisatie_id) | Q(user=user))
    if user.rol == Rol.VRIJWILLIGER:
        return qs.filter(user=user)
    return qs.none()


def profiel_voor(user, pk: int) -> Vrijwilligersprofiel:
    profiel = profielen_in_scope(user).filter(pk=pk).first()
    if profiel is None:
        raise Http404
    return profiel


def eigen_profiel(user) -> Vrijwilligersprofiel | None:
    return _profielen().filter(user=user).first()


def vog_geldig(vog_datum: datetime.date | None, peildatum: datetime.date | None = None) -> bool:
    if vog_datum is None:
        return False
    peildatum = peildatum or timezone.localdate()
    try:
        grens = peildatum.replace(year=peildatum.year - VOG_GELDIG_JAREN)
    except ValueError:  # 29 February
        grens = peildatum.replace(year=peildatum.year - VOG_GELDIG_JAREN, day=28)
    return grens <= vog_datum <= peildatum


@dataclass
class Kandidaat:
    profiel: Vrijwilligersprofiel
    score: int
    afstand_km: float | None
    redenen: list[dict] = field(default_factory=list)  # {"tekst": ..., "punten": n}


@dataclass
class Matchuitkomst:
    kandidaten: list[Kandidaat]
    afgevallen: dict[str, int]
    grens_km: float
    zonder_adres: bool = False


def _woorden(tekst: str) -> set[str]:
    return {w for w in re.findall(r"[a-zà-ÿ]+", (tekst or "").lower()) if len(w) >= 5}


def _dagen(weekdagen) -> str:
    return ", ".join(str(Weekdag(d).label) for d in sorted(weekdagen))


def kandidaten(
    user, *, persoon_id: int, domein: str, hulpvraag: str = "", weekdagen=()
) -> Matchuitkomst:
    """Volunteers for a resident's need, best first, each with the reasons for its score.

    Only active volunteers with a valid VOG, room for another match, the life domain among
    their skills, within the distance limit of the resident's address. Score: domain
    (40) + experience matching words of the need (10) + nearness (30) + availability (20).
    """
    _require(user, MATCH_ROLLEN)
    if domein not in Domein.values:
        raise ValidationError({"domein": [_("Kies een levensdomein uit de lijst.")]})
    weekdagen = sorted({int(d) for d in weekdagen})
    if any(d not in Weekdag.values for d in weekdagen):
        raise ValidationError({"weekdagen": [_("Kies dagen uit de lijst.")]})
    persoon = (
        personen_in_scope(user).select_related("huishouden__adres").filter(pk=persoon_id).first()
    )
    if persoon is None:
        raise Http404
    adres = persoon.huishouden.adres if persoon.huishouden_id else None
    punt = coordinaten(adres.postcode) if adres else None
    grens = afstandsgrens_km()
    vandaag = timezone.localdate()
    actief = Count("matches", filter=~Q(matches__status=MatchStatus.BEEINDIGD))
    profielen = profielen_in_scope(user).filter(actief=True).annotate(lopend=actief)
    woorden = _woorden(hulpvraag)
    afgevallen = {"domein": 0, "vog": 0, "vol": 0, "afstand": 0}
    rows = []
    for profiel in profielen:
        if domein not in {d.domein for d in profiel.domeinen.all()}:
            afgevallen["domein"] += 1
            continue
        if not vog_geldig(profiel.vog_datum, vandaag):
            afgevallen["vog"] += 1
            continue
        if profiel.lopend >= profiel.max_matches:
            afgevallen["vol"] += 1
            continue
        afstand = None
        if punt is not None:
            afstand = round(haversine_km(punt[0], punt[1], profiel.latitude, profiel.longitude), 1)
            if afstand > grens:
                afgevallen["afstand"] += 1
                continue
        redenen = [
            {
                "tekst": _("Helpt bij %(domein)s") % {"domein": Domein(domein).label},
                "punten": PUNTEN_DOMEIN,
            }
        ]
        gedeeld = sorted(woorden & _woorden(profiel.vaardigheden))
        if gedeeld:
            redenen.append(
                {
                    "tekst": _("Ervaring past bij de vraag: %(w)s") % {"w": ", ".join(gedeeld)},
                    "punten": PUNTEN_ERVARING,
                }
            )
        if afstand is not None:
            redenen.append(
                {
                    "tekst": _("Woont op %(km)s km hemelsbreed") % {"km": f"{afstand:.1f}"},
                    "punten": round(PUNTEN_AFSTAND * (1 - afstand / grens)),
                }
            )
        dagen = {b.weekdag for b in profiel.beschikbaarheid.all()}
        if weekdagen:
            overlap = dagen & set(weekdagen)
            punten = round(PUNTEN_BESCHIKBAAR * len(overlap) / len(weekdagen))
            tekst = (
                _("Kan op %(dagen)s") % {"dagen": _dagen(overlap)}
                if overlap
                else _("Niet beschikbaar op de gevraagde dagen")
            )
        else:
            punten = round(PUNTEN_BESCHIKBAAR * min(len(dagen), 3) / 3)
            tekst = (
                _("Beschikbaar op %(dagen)s") % {"dagen": _dagen(dagen)}
                if dagen
                else _("Geen vaste dagen opgegeven")
            )
        redenen.append({"tekst": tekst, "punten": punten})
        score = sum(r["punten"] for r in redenen)
        rows.append(Kandidaat(profiel, score, afstand, redenen))
    rows.sort(
        key=lambda k: (
            -k.score,
            k.afstand_km if k.afstand_km is not None else grens,
            k.profiel.user.last_name,
            k.profiel.pk,
        )
    )
    return Matchuitkomst(rows, afgevallen, grens, zonder_adres=punt is None)


# --- matches -----------------------------------------------------------------------------


def _matches() -> QuerySet[Match]:
    return Match.objects.select_related(
        "profiel__user", "profiel__organisatie", "persoon__huishouden__adres__buurt__wijk"
    )


def matches_in_scope(user) -> QuerySet[Match]:
    qs = _matches()
    if user.rol == Rol.WMO_CONSULENT:
        return qs
    if user.rol == Rol.SOCIAAL_WERKER:
        return qs.filter(persoon__in=personen_in_scope(user))
    if is_coordinator(user):
        return qs.filter(
            Q(profiel__organisatie_id=scope_of(user).organisatie_id) | Q(profiel__user=user)
        )
    if user.rol == Rol.VRIJWILLIGER:
        return qs.filter(profiel__user=user)
    return qs.none()


def voornaam(persoon) -> str:
    return (persoon.voornamen or "").split(" ")[0]


@dataclass
class Matchbeeld:
    """What a volunteer sees of the resident: only what the match needs."""

    match: Match
    voornaam: str
    wijk: str
    beperkt: bool


VRIJWILLIGER_VELDEN = ["voornaam", "wijk", "hulpvraag", "contactafspraak"]


def match_voor(user, pk: int, *, kanaal: str) -> Matchbeeld:
    """One match; volunteers get the first name, wijk, need and agreed contact only.
    The read is audited."""
    _require(user, MATCH_LEZERS)
    match = matches_in_scope(user).filter(pk=pk).first()
    if match is None:
        raise Http404
    beperkt = user.rol == Rol.VRIJWILLIGER
    adres = match.persoon.huishouden.adres if match.persoon.huishouden_id else None
    wijk = adres.buurt.wijk.naam if adres and adres.buurt_id else ""
    audit.log(
        user,
        actie=audit.Actie.LEZEN,
        kanaal=kanaal,
        doel=(
            _("Inzet vrijwilliger voor een inwoner (sociale basis)") if beperkt else doel_voor(user)
        ),
        object_type="vrijwilligersmatch",
        object_id=match.pk,
        persoon_id=match.persoon_id,
        velden=VRIJWILLIGER_VELDEN if beperkt else [*VRIJWILLIGER_VELDEN, "naam", "vrijwilliger"],
    )
    return Matchbeeld(match, voornaam(match.persoon), wijk, beperkt)


def matches_lijst(user, *, kanaal: str = audit.Kanaal.UI) -> list[Match]:
    """Running volunteer matches in scope; one audit record per resident listed."""
    matches = list(matches_in_scope(user).exclude(status=MatchStatus.BEEINDIGD)[:MAX_RESULTATEN])
    audit.log_lijst(
        user,
        [m.persoon_id for m in matches],
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type="vrijwilligersmatch",
        velden=["naam", "hulpvraag"],
        toelichting=f"overzicht van {len(matches)} matches",
    )
    return matches


# --- buurtkamers -------------------------------------------------------------------------

BUURTKAMER_ROLLEN = frozenset({Rol.SOCIAAL_WERKER, Rol.VRIJWILLIGER, Rol.WMO_CONSULENT})


def buurtkamers_in_scope(user):
    _require(user, BUURTKAMER_ROLLEN)
    scope = scope_of(user)
    return gebieden.buurtkamers(None if scope.gemeentebreed else scope.wijk_ids).select_related(
        "bezetting"
    )


def mag_rooster_beheren(user, buurtkamer) -> bool:
    return user.rol == Rol.SOCIAAL_WERKER and buurtkamer.wijk_id in scope_of(user).wijk_ids


@dataclass
class Dagdeelbezetting:
    opening: object  # gebieden.Openingstijd
    aanwezig: list[Dienst]
    minimum: int

    @property
    def te_weinig(self) -> bool:
        return len(self.aanwezig) < self.minimum


def rooster(buurtkamer) -> list[Dagdeelbezetting]:
    """Per opening slot: who is present for the whole slot, against the agreed minimum."""
    minimum = getattr(getattr(buurtkamer, "bezetting", None), "minimum", 0) or 0
    diensten = list(buurtkamer.diensten.all())
    return [
        Dagdeelbezetting(
            opening=t,
            aanwezig=[
                d for d in diensten if d.weekdag == t.weekdag and d.van <= t.van and d.tot >= t.tot
            ],
            minimum=minimum,
        )
        for t in buurtkamer.openingstijden.all()
    ]


@dataclass
class Bezettingssignaal:
    buurtkamer: object
    datum: datetime.date
    opening: object
    aanwezig: int
    minimum: int


def bezettingssignalen(wijk_ids, *, vanaf: datetime.date | None = None, dagen: int = 7):
    """Opening slots in the coming days where the roster is below the agreed minimum."""
    vanaf = vanaf or timezone.localdate()
    kamers = (
        gebieden.buurtkamers(wijk_ids)
        .filter(bezetting__isnull=False)
        .select_related("bezetting")
        .prefetch_related("diensten")
    )
    signalen = []
    for kamer in kamers:
        per_weekdag = {}
        for regel in rooster(kamer):
            per_weekdag.setdefault(regel.opening.weekdag, []).append(regel)
        for i in range(dagen):
            datum = vanaf + datetime.timedelta(days=i)
            for regel in per_weekdag.get(datum.isoweekday(), []):
                if regel.te_weinig:
                    signalen.append(
                        Bezettingssignaal(
                            kamer, datum, regel.opening, len(regel.aanwezig), regel.minimum
                        )
                    )
    signalen.sort(key=lambda s: (s.datum, s.opening.van, s.buurtkamer.naam))
    return signalen


def recente_bezoeken(buurtkamer, limit: int = 10) -> list[Bezoek]:
    return list(buurtkamer.bezoeken.order_by("-datum", "-pk")[:limit])


# --- steering ----------------------------------------------------------------------------

KLEINE_AANTALLEN = 5


def gebruik_per_wijk(*, sinds: datetime.date | None = None) -> list[dict]:
    """Use of the sociale basis per wijk: approved activities, running volunteer matches,
    volunteer hours and buurtkamer visitors (last 90 days). Small numbers of matches are
    suppressed."""
    sinds = sinds or timezone.localdate() - datetime.timedelta(days=90)
    activiteiten = dict(
        Activiteit.objects.filter(status=Beoordeling.GOEDGEKEURD)
        .values("wijk_id")
        .annotate(n=Count("pk"))
        .values_list("wijk_id", "n")
    )
    matches = dict(
        Match.objects.exclude(status=MatchStatus.BEEINDIGD)
        .values("persoon__huishouden__adres__buurt__wijk_id")
        .annotate(n=Count("pk"))
        .values_list("persoon__huishouden__adres__buurt__wijk_id", "n")
    )
    bezoekers = {}
    for wijk_id, aantal in Bezoek.objects.filter(datum__gte=sinds).values_list(
        "buurtkamer__wijk_id", "aantal"
    ):
        bezoekers[wijk_id] = bezoekers.get(wijk_id, 0) + aantal
    uren = dict(
        Inzet.objects.filter(datum__gte=sinds)
        .values("match__persoon__huishouden__adres__buurt__wijk_id")
        .annotate(n=Sum("uren"))
        .values_list("match__persoon__huishouden__adres__buurt__wijk_id", "n")
    )
    rows = []
    for wijk in gebieden.wijken():
        m = matches.get(wijk.pk, 0)
        rows.append(
            {
                "wijk": wijk.naam,
                "activiteiten": activiteiten.get(wijk.pk, 0),
                "matches": m,
                "matches_onderdrukt": 0 < m < KLEINE_AANTALLEN,
                "bezoekers": bezoekers.get(wijk.pk, 0),
                "uren": uren.get(wijk.pk) or 0,
            }
        )
    return rows


# --- carers (mantelzorgers) --------------------------------------------------------------

MANTELZORG_ROLLEN = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT})

# A short load check in the spirit of the EDIZ: each statement "nee" 0, "soms" 1, "ja" 2.
BELASTINGVRAGEN = [
    ("tijd", _lazy("Ik heb te weinig tijd voor mezelf.")),
    ("slaap", _lazy("Mijn nachtrust is verstoord door de zorg.")),
    ("gezondheid", _lazy("Mijn gezondheid lijdt onder de zorg.")),
    ("werk", _lazy("De zorg gaat ten koste van mijn werk, studie of gezin.")),
    ("alleen", _lazy("Ik sta er alleen voor; niemand kan de zorg overnemen.")),
    ("vol", _lazy("Ik voel me vaak moe of gespannen.")),
    ("stoppen", _lazy("Ik weet niet hoe lang ik dit nog volhoud.")),
]
ANTWOORDPUNTEN = {"nee": 0, "soms": 1, "ja": 2}
GRENS_MATIG = 5
GRENS_HOOG = 9


def belastingscore(antwoorden: dict) -> tuple[int, str]:
    """Score 0–14 and a level: below 5 low, 5–8 moderate, 9 or more high."""
    score = sum(ANTWOORDPUNTEN[antwoorden[code]] for code, _vraag in BELASTINGVRAGEN)
    niveau = "hoog" if score >= GRENS_HOOG else "matig" if score >= GRENS_MATIG else "laag"
    return score, niveau


def mantelzorgers_in_scope(user):
    _require(user, MANTELZORG_ROLLEN)
    qs = Mantelzorger.objects.select_related("persoon__huishouden__adres__buurt__wijk")
    if user.rol == Rol.WMO_CONSULENT:
        return qs
    return qs.filter(persoon__in=personen_in_scope(user))


def mantelzorger_voor(user, pk: int, *, kanaal: str) -> Mantelzorger:
    mz = mantelzorgers_in_scope(user).prefetch_related("checks", "waarderingen").filter(pk=pk)
    mz = mz.first()
    if mz is None:
        raise Http404
    audit.log(
        user,
        actie=audit.Actie.LEZEN,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type="mantelzorger",
        object_id=mz.pk,
        persoon_id=mz.persoon_id,
        velden=["naam", "telefoon", "uren_per_week", "belastingcheck"],
    )
    return mz


def respijtopties(user, mantelzorger: Mantelzorger) -> Zoekresultaat:
    """Respite and carer support from the sociale kaart, nearest to the cared-for person."""
    adres = mantelzorger.persoon.huishouden.adres if mantelzorger.persoon.huishouden_id else None
    postcode = mantelzorger.postcode or (adres.postcode if adres else "")
    if postcode and coordinaten(postcode) is None:
        postcode = ""
    return zoek_activiteiten(user, postcode=postcode, respijt=True)


def waarderingslijst(user, jaar: int, *, kanaal: str) -> list[Waardering]:
    """The appreciation invitation list of a year (carers' names and phone numbers)."""
    rijen = list(
        Waardering.objects.filter(jaar=jaar, mantelzorger__in=mantelzorgers_in_scope(user))
        .select_related("mantelzorger__persoon__huishouden__adres__buurt__wijk", "activiteit")
        .order_by("mantelzorger__naam", "pk")
    )
    # per cared-for resident: the carer is part of that resident's file
    audit.log_lijst(
        user,
        [w.mantelzorger.persoon_id for w in rijen],
        kanaal=kanaal,
        doel=_("Blijk van waardering voor mantelzorgers"),
        object_type="waarderingslijst",
        velden=["naam", "telefoon", "wijk"],
        toelichting=f"{jaar}: {len(rijen)} mantelzorgers",
    )
    return rijen
