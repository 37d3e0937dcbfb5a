"""Reading meldingen, signalen and Het gesprek. Scope is applied inside the query; every
read of a resident's case writes an audit record."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import DOSSIER_ROLLEN, doel_voor, partnersoort, scope_of
from openwmo.inwoners import selectors as inwoners_selectors
from openwmo.inwoners.selectors import personen_in_scope
from openwmo.organisaties import selectors as organisaties
from openwmo.organisaties.models import Organisatie
from openwmo.privacy import selectors as privacy_selectors
from openwmo.privacy import services as audit

from . import termijnen as t
from .models import (
    DIRECT_OPGELOST,
    GESLOTEN,
    Criteriaset,
    Criterium,
    Deelnemer,
    Gesprek,
    Melding,
    OnlineMelding,
    Opschorting,
    Route,
    Signaal,
    Status,
    Termijn,
    Termijnsignaal,
    Uitkomst,
)

# The fields of a melding each role may see; the detail page and API show only these.
ALLE_VELDEN = frozenset(
    {
        "naam",
        "bsn",
        "adres",
        "telefoon",
        "vraag",
        "uitkomst",
        "kanaal",
        "urgentie",
        "status",
        "behandelaar",
        "termijnen",
        "onderzoek",
        "verslag",
    }
)
VELDEN_PER_ROL = {
    Rol.VRIJWILLIGER: frozenset({"naam", "vraag", "uitkomst"}),
    Rol.ZORGAANBIEDER: frozenset({"naam", "adres", "telefoon", "vraag"}),
    Rol.INWONER: frozenset({"naam", "vraag", "uitkomst", "kanaal", "status", "termijnen"}),
    Rol.SOCIAAL_WERKER: ALLE_VELDEN,
    Rol.WMO_CONSULENT: ALLE_VELDEN,
}
ONLINE_DOEL = "Melding van een inwoner (Wmo 2015 art. 2.3.2)"


# Which item of the privacy covenant each field of a melding is.
DEELGEGEVEN = {
    "naam": "naam",
    "adres": "adres",
    "telefoon": "contact",
    "vraag": "hulpvraag",
    "uitkomst": "hulpvraag",
}


def velden_voor(user) -> frozenset[str]:
    """The fields of a melding this user sees: per role, and for partners (volunteers,
    providers) only what the privacy covenant allows for their kind of organisation."""
    velden = VELDEN_PER_ROL.get(user.rol, frozenset())
    soort = partnersoort(user)
    if soort is None:
        return velden
    toegestaan = privacy_selectors.gedeelde_gegevens(soort)
    return frozenset(v for v in velden if DEELGEGEVEN.get(v) in toegestaan)


def is_teamleider(user) -> bool:
    medewerker = getattr(user, "medewerker", None)
    return user.rol == Rol.SOCIAAL_WERKER and bool(medewerker and medewerker.is_teamleider)


def _vandaag_start() -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))


def meldingen_in_scope(user) -> QuerySet[Melding]:
    """The meldingen this user may see, as a query."""
    scope = scope_of(user)
    qs = (
        Melding.objects.filter(geanonimiseerd_op__isnull=True)
        .select_related(
            "persoon__huishouden__adres__buurt__wijk",
            "huishouden__adres__buurt",
            "buurtkamer",
            "hh_aanbieder",
            "overdragende_organisatie",
            "behandelaar",
        )
        .prefetch_related(Prefetch("opschortingen", queryset=Opschorting.objects.order_by("van")))
    )
    if scope.rol == Rol.VRIJWILLIGER:
        # Today's visitors of the buurtkamers in the volunteer's wijken, nothing older; also
        # those not (yet) matched to a resident, so the list tells nothing about the register.
        return qs.filter(
            buurtkamer__wijk_id__in=scope.wijk_ids, geregistreerd_op__gte=_vandaag_start()
        )
    # Others see a volunteer's question once the team has matched it to a resident.
    qs = qs.filter(persoon__isnull=False)
    if scope.rol == Rol.WMO_CONSULENT:
        return qs
    if scope.rol == Rol.SOCIAAL_WERKER:
        return qs.filter(persoon__in=personen_in_scope(user).values("pk"))
    if scope.rol == Rol.ZORGAANBIEDER and scope.organisatie_id:
        return qs.filter(route=Route.HH, hh_aanbieder_id=scope.organisatie_id)
    if scope.rol == Rol.INWONER and scope.persoon_id:
        return qs.filter(persoon_id=scope.persoon_id)
    return qs.none()


def signalen_in_scope(user) -> QuerySet[Signaal]:
    scope = scope_of(user)
    qs = Signaal.objects.select_related("persoon__huishouden__adres__buurt__wijk")
    if scope.rol == Rol.WMO_CONSULENT:
        return qs
    if scope.rol == Rol.SOCIAAL_WERKER:
        return qs.filter(persoon__in=personen_in_scope(user).values("pk"))
    return qs.none()


def online_meldingen_in_scope(user) -> QuerySet[OnlineMelding]:
    """Unmatched online questions: per wijk of the postcode; without a wijk, consultants."""
    scope = scope_of(user)
    qs = OnlineMelding.objects.filter(melding__isnull=True).select_related("wijk")
    if scope.rol == Rol.WMO_CONSULENT:
        return qs
    if scope.rol == Rol.SOCIAAL_WERKER:
        return qs.filter(wijk_id__in=scope.wijk_ids)
    return qs.none()


def gesprekken_in_scope(user) -> QuerySet[Gesprek]:
    if user.rol not in DOSSIER_ROLLEN:
        return Gesprek.objects.none()
    return (
        Gesprek.objects.filter(melding__in=meldingen_in_scope(user).values("pk"))
        .select_related("melding__persoon", "gespreksvoerder")
        .prefetch_related(Prefetch("deelnemers", queryset=Deelnemer.objects.order_by("pk")))
    )


# --- terms ------------------------------------------------------------------------


@dataclass(frozen=True)
class Termijnen:
    onderzoek: t.Stand | None
    besluit: t.Stand | None
    dwangsom: t.Dwangsom | None

    @property
    def verlopen(self) -> bool:
        return any(s is not None and s.verlopen for s in (self.onderzoek, self.besluit))

    @property
    def eerstvolgende(self) -> t.Stand | None:
        lopend = [s for s in (self.onderzoek, self.besluit) if s and s.afgerond_op is None]
        return min(lopend, key=lambda s: s.einddatum) if lopend else None


def _perioden(melding: Melding, termijn: str) -> list[t.Periode]:
    return [(o.van, o.tot) for o in melding.opschortingen.all() if o.termijn == termijn]


def termijnen_van(melding: Melding, peildatum: datetime.date | None = None) -> Termijnen:
    """The legal terms of a case. A question solved in the first contact has none."""
    peildatum = peildatum or timezone.localdate()
    onderzoek = besluit = dwangsom = None
    if melding.status != Status.OPGELOST:
        onderzoek = t.onderzoekstermijn(
            timezone.localtime(melding.ontvangen_op).date(),
            peildatum=peildatum,
            afgerond_op=melding.onderzoek_afgerond_op,
            aanvraag_op=melding.aanvraag_op,
            opschortingen=_perioden(melding, Termijn.ONDERZOEK),
        )
    if melding.aanvraag_op:
        besluit = t.beslistermijn(
            melding.aanvraag_op,
            peildatum=peildatum,
            besluit_op=melding.besluit_op,
            opschortingen=_perioden(melding, Termijn.BESLUIT),
        )
        if melding.ingebrekestelling_op:
            dwangsom = t.dwangsom(
                besluit.einddatum,
                melding.ingebrekestelling_op,
                peildatum=peildatum,
                besluit_op=melding.besluit_op,
            )
    return Termijnen(onderzoek=onderzoek, besluit=besluit, dwangsom=dwangsom)


def lopende_zaken(qs: QuerySet[Melding]) -> QuerySet[Melding]:
    """Cases with a running term: investigation not done, or an aanvraag not decided."""
    return qs.filter(
        # the same conditions as the partial indexes on Melding (sorted: identical SQL)
        Q(aanvraag_op__isnull=True, onderzoek_afgerond_op__isnull=True)
        & ~Q(status__in=sorted(GESLOTEN))
        | Q(aanvraag_op__isnull=False, besluit_op__isnull=True)
    )


@dataclass
class Regel:
    """A row in a work queue: the case and its terms."""

    melding: Melding
    termijnen: Termijnen


def met_termijnen(meldingen, peildatum=None) -> list[Regel]:
    return [Regel(m, termijnen_van(m, peildatum)) for m in meldingen]


def te_laat(user, peildatum: datetime.date | None = None) -> list[Regel]:
    """Open cases in scope of which a term has expired. Suspension only extends a term,
    so only cases older than the shortest term are candidates."""
    peildatum = peildatum or timezone.localdate()
    kandidaten = lopende_zaken(meldingen_in_scope(user)).filter(
        Q(ontvangen_op__date__lt=peildatum - datetime.timedelta(t.ONDERZOEK_DAGEN))
        | Q(aanvraag_op__lt=peildatum - datetime.timedelta(t.BESLIS_DAGEN))
    )
    # the keys first (partial indexes), then the few cases with their relations: in one
    # query PostgreSQL misjudges how few they are and joins every resident
    ids = list(kandidaten.order_by().values_list("pk", flat=True))
    regels = met_termijnen(
        meldingen_in_scope(user).filter(pk__in=ids).order_by("ontvangen_op", "pk"), peildatum
    )
    return [r for r in regels if r.termijnen.verlopen]


# --- queues -----------------------------------------------------------------------


def _log_lijst(user, regels, *, kanaal: str, lijst: str):
    """One record per resident in the queue, so each of them sees who saw them listed."""
    audit.log_lijst(
        user,
        [r.melding.persoon_id for r in regels],
        ook_zonder_personen=True,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type="melding",
        velden=sorted(velden_voor(user) & {"naam", "vraag", "uitkomst", "adres", "telefoon"}),
        toelichting=f"{lijst}: {len(regels)} meldingen",
    )


LIJSTEN = {
    "mijn": "Mijn meldingen",
    "nieuw": "Niet toegewezen",
    "te_laat": "Termijn verlopen",
    "alle": "Alle meldingen",
}


def werklijst(user, lijst: str, *, kanaal: str, limit: int = 100) -> list[Regel]:
    """A work queue of the user's role; logged as one audit record."""
    qs = meldingen_in_scope(user)
    if user.rol in DOSSIER_ROLLEN:
        if lijst == "te_laat":
            regels = te_laat(user)[:limit]
            _log_lijst(user, regels, kanaal=kanaal, lijst=lijst)
            return regels
        if lijst == "mijn":
            qs = qs.filter(behandelaar=user).exclude(status__in=GESLOTEN)
        elif lijst == "nieuw":
            qs = qs.filter(
                behandelaar__isnull=True,
                route=Route.BREED,
                status__in=[Status.NIEUW, Status.WACHT_OP_GESPREK],
            )
    elif user.rol == Rol.ZORGAANBIEDER and lijst != "alle":
        qs = qs.exclude(status=Status.ONDERZOEK_AFGEROND)
    regels = met_termijnen(qs.order_by("-ontvangen_op", "-pk")[:limit])
    _log_lijst(user, regels, kanaal=kanaal, lijst=lijst)
    return regels


def _log_personen(user, persoon_ids, *, kanaal: str, object_type: str, velden, toelichting):
    audit.log_lijst(
        user,
        persoon_ids,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type=object_type,
        velden=velden,
        toelichting=toelichting,
    )


def mijn_gesprekken(user, limit: int = 20, *, kanaal: str = audit.Kanaal.UI) -> list[Gesprek]:
    rijen = list(
        gesprekken_in_scope(user)
        .filter(gespreksvoerder=user, gevoerd=False, gepland_op__gte=_vandaag_start())
        .order_by("gepland_op", "pk")[:limit]
    )
    _log_personen(
        user,
        [g.melding.persoon_id for g in rijen],
        kanaal=kanaal,
        object_type="gesprek",
        velden=["naam", "gepland_op"],
        toelichting=f"mijn gesprekken: {len(rijen)}",
    )
    return rijen


def termijnsignalen(user, limit: int = 20, *, kanaal: str = audit.Kanaal.UI):
    """Warnings from the background task for the user's own open cases."""
    rijen = list(
        Termijnsignaal.objects.filter(
            melding__in=lopende_zaken(meldingen_in_scope(user).filter(behandelaar=user)).values(
                "pk"
            )
        )
        .select_related("melding__persoon")
        .order_by("einddatum", "pk")[:limit]
    )
    _log_personen(
        user,
        [t.melding.persoon_id for t in rijen],
        kanaal=kanaal,
        object_type="termijnsignaal",
        velden=["naam", "termijn"],
        toelichting=f"termijnsignalen: {len(rijen)}",
    )
    return rijen


def open_signalen(user, limit: int = 50, *, kanaal: str = audit.Kanaal.UI) -> list[Signaal]:
    rijen = list(signalen_in_scope(user).filter(besluit="").order_by("ontvangen_op")[:limit])
    _log_personen(
        user,
        [s.persoon_id for s in rijen],
        kanaal=kanaal,
        object_type="signaal",
        velden=["naam", "signaal"],
        toelichting=f"open signalen: {len(rijen)}",
    )
    return rijen


def eerste_contact_cijfers() -> dict:
    """How first contacts end (the 80/20 pyramid): counts only, no personal data."""
    rijen = dict(
        Melding.objects.exclude(uitkomst="")
        .values_list("uitkomst")
        .annotate(n=Count("pk"))
        .values_list("uitkomst", "n")
    )
    totaal = sum(rijen.values())
    direct = sum(n for u, n in rijen.items() if u in DIRECT_OPGELOST)
    return {
        "per_uitkomst": [(label, rijen.get(value, 0)) for value, label in Uitkomst.choices],
        "totaal": totaal,
        "direct": direct,
        "direct_pct": round(100 * direct / totaal) if totaal else None,
    }


# --- one case ---------------------------------------------------------------------


@dataclass
class Zaak:
    melding: Melding
    velden: frozenset[str]
    termijnen: Termijnen
    onderzoek: object = None
    gesprekken: list = field(default_factory=list)
    behoeften: list = field(default_factory=list)
    triages: list = field(default_factory=list)
    overdrachten: list = field(default_factory=list)
    reacties: list = field(default_factory=list)
    stappen: list = field(default_factory=list)
    voorlopige_voorzieningen: list = field(default_factory=list)

    @property
    def persoonlijk_plan_tijdig(self) -> bool | None:
        o = self.onderzoek
        if o is None or o.persoonlijk_plan_op is None:
            return None
        ontvangen = timezone.localtime(self.melding.ontvangen_op).date()
        return (o.persoonlijk_plan_op - ontvangen).days <= 7


def zaak(user, pk: int, *, kanaal: str, doel: str = "") -> Zaak:
    """One case with what the user's role may see. One audit record per read."""
    melding = meldingen_in_scope(user).filter(pk=pk).first()
    if melding is None:
        raise Http404("Deze melding bestaat niet of valt buiten uw toegang.")
    velden = velden_voor(user)
    result = Zaak(melding=melding, velden=velden, termijnen=termijnen_van(melding))
    if "onderzoek" in velden:
        result.onderzoek = getattr(melding, "onderzoek", None)
        result.gesprekken = list(
            melding.gesprekken.select_related("gespreksvoerder").prefetch_related("deelnemers")
        )
        result.behoeften = list(melding.behoeften.prefetch_related("afwegingen"))
        result.triages = list(melding.triages.select_related("criteriaset", "door"))
        result.overdrachten = list(melding.overdrachten.select_related("door"))
        result.reacties = list(melding.reacties.all())
        result.stappen = list(melding.stappen.select_related("door"))
        result.voorlopige_voorzieningen = list(melding.voorlopige_voorzieningen.all())
    audit.log(
        user,
        actie=audit.Actie.LEZEN,
        kanaal=kanaal,
        doel=doel or doel_voor(user),
        object_type="melding",
        object_id=melding.pk,
        persoon_id=melding.persoon_id,
        velden=sorted(velden),
    )
    return result


def verslag(user, pk: int, *, kanaal: str) -> Zaak:
    """The written report of Het gesprek: workers in scope, and the resident himself once
    the investigation is completed."""
    if user.rol not in DOSSIER_ROLLEN | {Rol.INWONER}:
        raise Http404
    melding = meldingen_in_scope(user).filter(pk=pk).first()
    if melding is None or not hasattr(melding, "onderzoek"):
        raise Http404("Er is (nog) geen verslag.")
    if user.rol == Rol.INWONER and melding.onderzoek_afgerond_op is None:
        raise Http404("Het verslag is nog niet klaar.")
    result = Zaak(
        melding=melding,
        velden=ALLE_VELDEN,
        termijnen=termijnen_van(melding),
        onderzoek=melding.onderzoek,
        gesprekken=list(melding.gesprekken.prefetch_related("deelnemers")),
        behoeften=list(melding.behoeften.prefetch_related("afwegingen")),
        triages=list(melding.triages.select_related("criteriaset")),
        reacties=list(melding.reacties.all()),
    )
    result.scores = list(melding.onderzoek.scores.all())
    audit.log(
        user,
        actie=audit.Actie.EXPORT if kanaal == audit.Kanaal.PDF else audit.Actie.LEZEN,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type="verslag",
        object_id=melding.pk,
        persoon_id=melding.persoon_id,
        velden=["verslag", "leefgebieden", "oplossingen", "triage"],
    )
    return result


def signaal(user, pk: int, *, kanaal: str) -> Signaal:
    gevonden = signalen_in_scope(user).filter(pk=pk).first()
    if gevonden is None:
        raise Http404("Dit signaal bestaat niet of valt buiten uw toegang.")
    audit.log(
        user,
        actie=audit.Actie.LEZEN,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type="signaal",
        object_id=gevonden.pk,
        persoon_id=gevonden.persoon_id,
        velden=["naam", "bron", "melder", "zorg"],
    )
    return gevonden


def gesprekken_van(user, melding_pk: int, *, kanaal: str) -> list[Gesprek]:
    melding = meldingen_in_scope(user).filter(pk=melding_pk).first()
    if melding is None or user.rol not in DOSSIER_ROLLEN:
        raise Http404
    gesprekken = list(gesprekken_in_scope(user).filter(melding=melding))
    audit.log(
        user,
        actie=audit.Actie.LEZEN,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type="gesprek",
        object_id=melding.pk,
        persoon_id=melding.persoon_id,
        velden=["gesprekken", "deelnemers"],
    )
    return gesprekken


def online_melding(user, pk: int, *, kanaal: str) -> OnlineMelding:
    gevonden = online_meldingen_in_scope(user).filter(pk=pk).first()
    if gevonden is None:
        raise Http404(
            "Deze online melding bestaat niet, is al gekoppeld of valt buiten uw toegang."
        )
    audit.log(
        user,
        actie=audit.Actie.LEZEN,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type="online_melding",
        object_id=gevonden.pk,
        velden=["naam", "bsn", "geboortedatum", "postcode", "contactgegevens", "vraag"],
    )
    return gevonden


# --- configuration ----------------------------------------------------------------


def criteriasets() -> QuerySet[Criteriaset]:
    return Criteriaset.objects.filter(actief=True).prefetch_related(
        Prefetch("criteria", queryset=Criterium.objects.order_by("volgorde", "pk"))
    )


def hh_aanbieders():
    return organisaties.organisaties(Organisatie.Soort.HUISHOUDELIJKE_HULP).filter(actief=True)


def wijk_id_van(melding: Melding) -> int | None:
    adres = melding.huishouden.adres
    return adres.buurt.wijk_id if adres.buurt_id else None


def generalisten(melding: Melding):
    """Workers a team lead can assign: social workers of the resident's wijk."""
    from openwmo.accounts.models import User

    wijk_id = wijk_id_van(melding)
    return (
        User.objects.filter(rol=Rol.SOCIAAL_WERKER, is_active=True, wijken__id=wijk_id)
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def persoon_op_identiteit(user, bsn: str, geboortedatum, postcode: str | None = None):
    return inwoners_selectors.persoon_op_identiteit(user, bsn, geboortedatum, postcode)
