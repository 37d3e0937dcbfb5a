"""Reads of the kwaliteit app, scoped by role inside the query."""

import datetime
from collections import Counter

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol as Gebruikersrol
from openwmo.accounts.selectors import doel_voor, scope_of
from openwmo.privacy import services as audit

from .models import (
    Agendapunt,
    Basisovereenkomst,
    Calamiteit,
    CalamiteitVerloop,
    Contractpartij,
    Deelovereenkomst,
    Klacht,
    KlachtStap,
    Kwaliteitseis,
    Kwartaalgesprek,
    Melding,
    Overleg,
    Rol,
    Thema,
    Verbeteractie,
    Zelfevaluatie,
)


def _in_jaar(jaar: int) -> Q:
    begin, einde = datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)
    return Q(ingangsdatum__lte=einde) & (Q(einddatum__isnull=True) | Q(einddatum__gte=begin))


def partijen_in_jaar(jaar: int) -> QuerySet[Contractpartij]:
    """Contract parties whose position and base agreement (with renewals) run in ``jaar``."""
    basis_ids = [
        b.pk
        for b in Basisovereenkomst.objects.prefetch_related("verlengingen")
        if b.ingangsdatum.year <= jaar <= b.geldig_tot.year
    ]
    return (
        Contractpartij.objects.filter(
            _in_jaar(jaar), deelovereenkomst__basisovereenkomst__in=basis_ids
        )
        .select_related("aanbieder", "deelovereenkomst__perceel")
        .order_by("deelovereenkomst__perceel__code", "rol", "aanbieder__naam")
    )


def contractpartijen(perceel_code: str, jaar: int) -> list[dict]:
    """The providers contracted for a lot in a year: aanbieder_id, naam and rol
    ("hoofdaannemer" or "onderaannemer"). Used by finance to split lumpsums."""
    return [
        {"aanbieder_id": p.aanbieder_id, "naam": p.aanbieder.naam, "rol": p.rol}
        for p in partijen_in_jaar(jaar).filter(deelovereenkomst__perceel__code=perceel_code)
    ]


def klachten_voor_sturing(van: datetime.date, tot: datetime.date) -> QuerySet[Klacht]:
    """Complaints filed in [van, tot) with persoon_id, aanbieder_id (None = about the
    gemeente), thema and ingediend_op. No personal data beyond ids; for steering counts."""
    return Klacht.objects.filter(ingediend_op__date__gte=van, ingediend_op__date__lt=tot).only(
        "pk", "persoon_id", "aanbieder_id", "thema", "ingediend_op"
    )


def kleine_partijen_rapport(jaar: int) -> list[dict]:
    """Per lot: the main contractors and how many small parties work under them, so the
    obligation to involve smaller parties is reported (voldoet = at least one)."""
    partijen = list(partijen_in_jaar(jaar))
    rapport = []
    for hoofd in (p for p in partijen if p.rol == Rol.HOOFDAANNEMER):
        kleine = [
            p.aanbieder.naam
            for p in partijen
            if p.rol == Rol.ONDERAANNEMER and p.hoofdaannemer_id == hoofd.pk and p.kleine_partij
        ]
        rapport.append(
            {
                "perceel": hoofd.deelovereenkomst.perceel.naam,
                "hoofdaannemer": hoofd.aanbieder.naam,
                "afspraak": hoofd.deelovereenkomst.inzet_kleine_partijen,
                "kleine_partijen": kleine,
                "voldoet": bool(kleine),
            }
        )
    return rapport


# --- complaints ------------------------------------------------------------------------


def klachten_in_scope(user) -> QuerySet[Klacht]:
    """Residents see their own complaints, providers those about their organisation,
    volunteers and social workers those they registered, the supervisor all."""
    scope = scope_of(user)
    qs = Klacht.objects.select_related("persoon", "aanbieder")
    if scope.rol == Gebruikersrol.TOEZICHTHOUDER:
        return qs
    if scope.rol == Gebruikersrol.INWONER and scope.persoon_id:
        return qs.filter(persoon_id=scope.persoon_id)
    if scope.rol == Gebruikersrol.ZORGAANBIEDER and scope.organisatie_id:
        return qs.filter(aanbieder_id=scope.organisatie_id)
    if scope.rol in (Gebruikersrol.VRIJWILLIGER, Gebruikersrol.SOCIAAL_WERKER):
        return qs.filter(ingediend_door_id=scope.user_id)
    return qs.none()


def _log(user, *, kanaal, object_type, object_id="", persoon_id=None, velden=(), toelichting=""):
    audit.log(
        user,
        actie=audit.Actie.LEZEN,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type=object_type,
        object_id=object_id,
        persoon_id=persoon_id,
        velden=velden,
        toelichting=toelichting,
    )


def _met_stappen(qs: QuerySet[Klacht]) -> QuerySet[Klacht]:
    return qs.prefetch_related(
        Prefetch("stappen", queryset=KlachtStap.objects.order_by("gestart_op", "pk"))
    )


def klachten(user, *, kanaal: str) -> list[Klacht]:
    lijst = list(_met_stappen(klachten_in_scope(user))[:200])
    audit.log_lijst(
        user,
        [k.persoon_id for k in lijst],
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type="klacht",
        velden=["persoon", "thema"],
        toelichting=f"overzicht: {len(lijst)} klachten",
    )
    return lijst


def klacht(user, pk: int, *, kanaal: str) -> Klacht:
    k = _met_stappen(klachten_in_scope(user)).prefetch_related("meldingen").filter(pk=pk).first()
    if k is None:
        raise Http404
    _log(
        user,
        kanaal=kanaal,
        object_type="klacht",
        object_id=k.pk,
        persoon_id=k.persoon_id,
        velden=["omschrijving", "stappen"],
    )
    return k


def huidige_stap(k: Klacht) -> KlachtStap | None:
    stappen = list(k.stappen.all())
    return stappen[-1] if stappen else None


def eigen_meldingen(user, aantal: int = 5) -> list[Melding]:
    """The latest notices about the resident's own complaints (start page)."""
    scope = scope_of(user)
    if scope.rol != Gebruikersrol.INWONER or not scope.persoon_id:
        return []
    return list(
        Melding.objects.filter(persoon_id=scope.persoon_id).select_related("klacht")[:aantal]
    )


def klachten_telling(van: datetime.date, tot: datetime.date) -> dict:
    """Complaint counts per provider and per theme (no personal data), for steering."""
    per_aanbieder = Counter()
    per_thema = Counter()
    rijen = klachten_voor_sturing(van, tot).values_list("aanbieder__naam", "thema")
    for naam, thema in rijen:
        per_aanbieder[naam or str(_("Gemeente"))] += 1
        per_thema[str(Thema(thema).label)] += 1
    return {
        "per_aanbieder": sorted(per_aanbieder.items()),
        "per_thema": sorted(per_thema.items()),
    }


# --- contract management -------------------------------------------------------------------

# (key, label, steering indicator code, what is shown). "waarde" is the indicator value
# from sturing.bereken, "aantal" the number of cases behind it (sturing.aantal).
REVIEWCIJFERS = [
    ("clienten", _("Cliënten (maatwerk)"), "clienten_maatwerk", "aantal"),
    ("starts", _("Gestarte toewijzingen"), "wachttijd_mediaan", "aantal"),
    ("stops", _("Beëindigde leveringen"), "beeindigd_volgens_plan", "aantal"),
    ("volgens_plan", _("Volgens plan beëindigd (%)"), "beeindigd_volgens_plan", "waarde"),
    (
        "wachttijd",
        _("Wachttijd toewijzing tot start (mediaan, dagen)"),
        "wachttijd_mediaan",
        "waarde",
    ),
    ("doelrealisatie", _("Doelrealisatie (%)"), "doelrealisatie", "waarde"),
    ("klachten", _("Klachten"), "klachten_per_1000", "aantal"),
    ("klachten_per_1000", _("Klachten per 1.000 cliënten"), "klachten_per_1000", "waarde"),
    ("tevredenheid", _("Cliëntervaring kwaliteit (%)"), "tevredenheid_kwaliteit", "waarde"),
    ("lumpsum", _("Besteding lumpsum (%)"), "lumpsum_besteding", "waarde"),
]


def kwartaal_periode(jaar: int, kwartaal: int) -> tuple[datetime.date, datetime.date]:
    van = datetime.date(jaar, 3 * kwartaal - 2, 1)
    volgende = datetime.date(jaar + (kwartaal == 4), 1 if kwartaal == 4 else 3 * kwartaal + 1, 1)
    return van, volgende - datetime.timedelta(days=1)


def _getal(waarde):
    return None if waarde is None else str(waarde)


def kwartaalcijfers(aanbieder_id: int, jaar: int, kwartaal: int) -> list[dict]:
    """The review numbers of one provider for a quarter, each taken from the steering
    indicators (sturing.bereken / sturing.aantal) so contract management and steering
    never disagree. Plus the lumpsum and spending in cents from finance."""
    from openwmo.financien.selectors import lumpsum_overzicht
    from openwmo.sturing.selectors import aantal, bereken

    van, tot = kwartaal_periode(jaar, kwartaal)
    rijen = []
    for sleutel, label, code, soort in REVIEWCIJFERS:
        functie = aantal if soort == "aantal" else bereken
        rijen.append(
            {
                "sleutel": sleutel,
                "label": str(label),
                "indicator": code,
                "soort": soort,
                "waarde": _getal(functie(code, van, tot, aanbieder_id=aanbieder_id)),
            }
        )
    lumpsums = lumpsum_overzicht(jaar, aanbieder_id=aanbieder_id, vandaag=tot)
    for sleutel, label, veld in (
        ("lumpsum_cents", _("Lumpsum (eurocent)"), "lumpsum_cents"),
        ("besteed_cents", _("Besteed tot einde kwartaal (eurocent)"), "besteed_cents"),
    ):
        rijen.append(
            {
                "sleutel": sleutel,
                "label": str(label),
                "indicator": "",
                "soort": "bedrag",
                "waarde": str(sum(r[veld] for r in lumpsums)),
            }
        )
    return rijen


def kwartaalgesprekken_in_scope(user) -> QuerySet[Kwartaalgesprek]:
    scope = scope_of(user)
    qs = Kwartaalgesprek.objects.select_related("aanbieder").prefetch_related("acties")
    if scope.rol in (Gebruikersrol.BELEIDSMAKER, Gebruikersrol.TOEZICHTHOUDER):
        return qs
    if scope.rol == Gebruikersrol.ZORGAANBIEDER and scope.organisatie_id:
        return qs.filter(aanbieder_id=scope.organisatie_id)
    return qs.none()


def gecontracteerde_aanbieders(peildatum: datetime.date) -> list[Contractpartij]:
    return [
        p
        for p in partijen_in_jaar(peildatum.year).prefetch_related(
            "deelovereenkomst__basisovereenkomst__verlengingen"
        )
        if p.ingangsdatum <= peildatum and (p.einddatum is None or p.einddatum >= peildatum)
    ]


def signalering_inactief(peildatum: datetime.date | None = None) -> list[dict]:
    """Contracted providers that delivered nothing in the configured period before
    ``peildatum``: no toewijzing or started delivery in the iWmo exchange, which every
    funding variant of the gemeente keeps (taakgericht: start and stop). They are flagged
    for ending the contract unless their support is unique."""
    from openwmo.berichten.selectors import aanbieders_met_levering

    peildatum = peildatum or timezone.localdate()
    per_aanbieder: dict[int, dict] = {}
    for p in gecontracteerde_aanbieders(peildatum):
        dagen = p.deelovereenkomst.basisovereenkomst.inactief_na_dagen
        rij = per_aanbieder.setdefault(
            p.aanbieder_id,
            {"aanbieder": p.aanbieder, "percelen": [], "uniek": False, "dagen": dagen},
        )
        rij["percelen"].append(p.deelovereenkomst.perceel.naam)
        rij["uniek"] = rij["uniek"] or p.unieke_ondersteuning
        rij["dagen"] = min(rij["dagen"], dagen)
    uitkomst = []
    leverden: dict[datetime.date, set[int]] = {}
    for aanbieder_id, rij in per_aanbieder.items():
        van = peildatum - datetime.timedelta(days=rij["dagen"])
        if van not in leverden:
            leverden[van] = aanbieders_met_levering(van, peildatum)
        if aanbieder_id not in leverden[van]:
            uitkomst.append({**rij, "van": van, "gesignaleerd": not rij["uniek"]})
    return sorted(uitkomst, key=lambda r: (not r["gesignaleerd"], r["aanbieder"].naam))


# --- calamities, quality framework, contracts, consultation --------------------------------


def _eigen_organisatie(user, qs: QuerySet, veld: str, *, gemeente=(Gebruikersrol.TOEZICHTHOUDER,)):
    scope = scope_of(user)
    if scope.rol in gemeente:
        return qs
    if scope.rol == Gebruikersrol.ZORGAANBIEDER and scope.organisatie_id:
        return qs.filter(**{veld: scope.organisatie_id})
    return qs.none()


def calamiteiten(user) -> list[Calamiteit]:
    qs = Calamiteit.objects.select_related("aanbieder").prefetch_related("verloop")
    return list(_eigen_organisatie(user, qs, "aanbieder_id")[:200])


def calamiteit(user, pk: int) -> Calamiteit:
    qs = Calamiteit.objects.select_related("aanbieder").prefetch_related("verloop__door")
    c = _eigen_organisatie(user, qs, "aanbieder_id").filter(pk=pk).first()
    if c is None:
        raise Http404
    return c


def afgesloten(c: Calamiteit) -> bool:
    return any(v.soort == CalamiteitVerloop.Soort.AFGESLOTEN for v in c.verloop.all())


def kwaliteitseisen() -> list[Kwaliteitseis]:
    return list(Kwaliteitseis.objects.all())


def _zelfevaluaties(user) -> QuerySet[Zelfevaluatie]:
    qs = Zelfevaluatie.objects.select_related("aanbieder").prefetch_related("verbeteracties")
    gemeente = (Gebruikersrol.TOEZICHTHOUDER, Gebruikersrol.BELEIDSMAKER)
    return _eigen_organisatie(user, qs, "aanbieder_id", gemeente=gemeente)


def zelfevaluaties(user) -> list[Zelfevaluatie]:
    return list(_zelfevaluaties(user))


def zelfevaluatie(user, pk: int) -> Zelfevaluatie:
    z = (
        _zelfevaluaties(user)
        .prefetch_related("antwoorden__eis", "verbeteracties__eis")
        .filter(pk=pk)
        .first()
    )
    if z is None:
        raise Http404
    return z


def verbeteractie(user, pk: int) -> Verbeteractie:
    qs = Verbeteractie.objects.select_related("zelfevaluatie")
    actie = _eigen_organisatie(user, qs, "zelfevaluatie__aanbieder_id").filter(pk=pk).first()
    if actie is None:
        raise Http404
    return actie


def basisovereenkomsten() -> list[Basisovereenkomst]:
    partijen = Contractpartij.objects.select_related("aanbieder", "hoofdaannemer__aanbieder")
    return list(
        Basisovereenkomst.objects.prefetch_related(
            "verlengingen",
            Prefetch(
                "deelovereenkomsten",
                queryset=Deelovereenkomst.objects.select_related("perceel").prefetch_related(
                    Prefetch("partijen", queryset=partijen), "indicatoren"
                ),
            ),
        )
    )


def overleggen() -> QuerySet[Overleg]:
    return Overleg.objects.select_related("perceel", "wijk").prefetch_related(
        "deelnemers", "agendapunten__acties"
    )


def agendapunt(pk: int) -> Agendapunt:
    punt = Agendapunt.objects.select_related("overleg").filter(pk=pk).first()
    if punt is None:
        raise Http404
    return punt


def klachten_van_persoon(user, persoon, *, kanaal: str) -> list[Klacht]:
    lijst = list(klachten_in_scope(user).filter(persoon=persoon)[:50])
    if lijst:
        _log(
            user,
            kanaal=kanaal,
            object_type="klacht",
            persoon_id=persoon.pk,
            velden=["thema"],
            toelichting=f"dossier: {len(lijst)} klachten",
        )
    return lijst


def toezicht_telling() -> dict:
    """Counts for the supervisor's start page (no personal data)."""
    vandaag = timezone.localdate()
    open_klachten = Klacht.objects.filter(afgesloten_op__isnull=True)
    laatste = KlachtStap.objects.filter(klacht=OuterRef("klacht")).order_by("-gestart_op", "-pk")
    te_laat = KlachtStap.objects.filter(
        klacht__afgesloten_op__isnull=True,
        uitkomst_op__isnull=True,
        termijn__lt=vandaag,
        pk=Subquery(laatste.values("pk")[:1]),
    )
    afgesloten = CalamiteitVerloop.objects.filter(soort=CalamiteitVerloop.Soort.AFGESLOTEN)
    return {
        "open_klachten": open_klachten.count(),
        "te_laat": te_laat.count(),
        "open_calamiteiten": Calamiteit.objects.exclude(
            pk__in=afgesloten.values("calamiteit_id")
        ).count(),
    }
