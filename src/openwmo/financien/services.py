"""Writes of the finance app. Validate first, then write in one transaction."""

import datetime
from collections import defaultdict
from fractions import Fraction

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor, scope_of
from openwmo.organisaties.models import Organisatie, Perceel, Pijler
from openwmo.privacy.services import Actie, Kanaal, log

from . import selectors
from .eigenbijdrage import cak_bestand
from .models import (
    Herverdelingsstap,
    Herverdelingsverzoek,
    Lumpsum,
    Lumpsummutatie,
    Maatregel,
    Perceelbudget,
    Scenario,
    Subsidie,
    Verdeelsleutel,
)

CONTROLLER = selectors.CONTROLLER
PERCELEN = ["basis", "to-db", "hh", "kv"]


def _alleen(user, rollen) -> None:
    if user.rol not in rollen:
        raise PermissionDenied


def _fout(veld: str, bericht: str):
    raise ValidationError({veld: [bericht]})


# --- initial lumpsums -------------------------------------------------------------------


def perceelaandelen(startverdeling: selectors.Startverdeling) -> dict[str, int]:
    """Cost of the legacy client base per lot: basis gets the basis part, the aanvullend
    part of each category goes to its lot."""
    aandelen = dict.fromkeys(PERCELEN, 0)
    for categorie, (basis, aanvullend) in startverdeling.per_categorie.items():
        aandelen["basis"] += basis
        aandelen[selectors.perceel_van_categorie(categorie)] += aanvullend
    return aandelen


def bereken_lumpsums(
    totaal_cents: int,
    aandelen: dict[str, int],
    hoofdaannemers: dict[str, list[int]],
    sleutels: dict[str, dict[int, int]] | None = None,
) -> dict[str, dict[int, int]]:
    """Split an entered total over the lots (in proportion to ``aandelen``) and each lot
    over its main contractors: equal parts, or the lot's override weights. Exact to the
    cent at both levels (largest remainder). Lots with no share get nothing."""
    sleutels = sleutels or {}
    percelen = [p for p in aandelen if aandelen[p] > 0]
    if not percelen:
        _fout("totaal_cents", _("Het cliëntenbestand heeft geen kosten om naar te verdelen."))
    for p in percelen:
        if not hoofdaannemers.get(p):
            _fout(
                "totaal_cents",
                _("Perceel %(p)s heeft geen hoofdaannemer in dit jaar.") % {"p": p},
            )
    per_perceel = selectors.verdeel(totaal_cents, [aandelen[p] for p in percelen])
    result = {}
    for p, bedrag in zip(percelen, per_perceel, strict=True):
        ids = hoofdaannemers[p]
        gewicht = sleutels.get(p) or {}
        gewichten = [gewicht.get(i, 0) for i in ids] if gewicht else [1] * len(ids)
        if sum(gewichten) <= 0:
            gewichten = [1] * len(ids)
        result[p] = dict(zip(ids, selectors.verdeel(bedrag, gewichten), strict=True))
    return result


def _hoofdaannemers(jaar: int) -> dict[str, list[int]]:
    from openwmo.kwaliteit.selectors import contractpartijen

    return {
        p: sorted(
            {c["aanbieder_id"] for c in contractpartijen(p, jaar) if c["rol"] == "hoofdaannemer"}
        )
        for p in PERCELEN
    }


def stel_lumpsums_vast(
    user,
    *,
    jaar: int,
    totaal_cents: int,
    groepen: list[selectors.Clientgroep],
    pgb_aandeel: int = 0,
) -> list[Lumpsum]:
    """Fix the year's lumpsums from the legacy client base and the entered total: lots in
    proportion to the initial split, providers equally or by the lot's override."""
    _alleen(user, CONTROLLER)
    if not isinstance(totaal_cents, int) or totaal_cents <= 0:
        _fout("totaal_cents", _("Vul een totaalbedrag groter dan nul in."))
    if not 0 <= pgb_aandeel <= 10_000:
        _fout("pgb_aandeel", _("Het pgb-aandeel ligt tussen 0 en 100%."))
    start = selectors.verdeel_clientenbestand(groepen, jaar)
    aandelen = perceelaandelen(start)
    sleutels: dict[str, dict[int, int]] = defaultdict(dict)
    for s in Verdeelsleutel.objects.filter(jaar=jaar).select_related("perceel"):
        sleutels[s.perceel.code][s.aanbieder_id] = s.gewicht
    verdeling = bereken_lumpsums(totaal_cents, aandelen, _hoofdaannemers(jaar), sleutels)
    clienten = _verwachte_clienten(groepen, jaar)
    with transaction.atomic():
        if Lumpsum.objects.select_for_update().filter(jaar=jaar).exists():
            _fout("jaar", _("De lumpsums voor %(jaar)s zijn al vastgesteld.") % {"jaar": jaar})
        percelen = {p.code: p for p in Perceel.objects.filter(code__in=list(verdeling))}
        result = []
        for code, per_aanbieder in verdeling.items():
            Perceelbudget.objects.update_or_create(
                jaar=jaar,
                perceel=percelen[code],
                defaults={
                    "bedrag_cents": sum(per_aanbieder.values()),
                    "verwachte_clienten": clienten.get(code, 0),
                    "pgb_aandeel": pgb_aandeel if percelen[code].pijler == Pijler.AANVULLEND else 0,
                },
            )
            for aanbieder_id, bedrag in per_aanbieder.items():
                ls = Lumpsum.objects.create(
                    jaar=jaar,
                    perceel=percelen[code],
                    aanbieder_id=aanbieder_id,
                    bedrag_cents=bedrag,
                )
                Lumpsummutatie.objects.create(
                    lumpsum=ls, bedrag_cents=bedrag, reden=_("Vastgesteld"), door=user
                )
                result.append(ls)
    return result


def _verwachte_clienten(groepen, jaar) -> dict[str, int]:
    aannames = selectors.aannames(jaar)
    exact: dict[str, Fraction] = defaultdict(Fraction)
    for g in groepen:
        aandeel = g.aandeel_basis if g.aandeel_basis is not None else aannames.get(g.categorie, 0)
        exact["basis"] += g.aantal * Fraction(aandeel)
        exact[selectors.perceel_van_categorie(g.categorie)] += g.aantal * (1 - Fraction(aandeel))
    return {p: selectors.afronden(v) for p, v in exact.items()}


# --- transfer requests (herverdeling) ---------------------------------------------------


def dien_herverdeling_in(
    user, *, van_id: int, naar_id: int, bedrag_cents: int, onderbouwing: str
) -> Herverdelingsverzoek:
    """A provider files a transfer between its lumpsum and the other pillar's; the client
    shift against the assumed split is recorded as grounds. The filer agrees already."""
    _alleen(user, {Rol.ZORGAANBIEDER})
    org = scope_of(user).organisatie_id
    van = Lumpsum.objects.select_related("perceel").filter(pk=van_id).first()
    naar = Lumpsum.objects.select_related("perceel").filter(pk=naar_id).first()
    if van is None:
        _fout("van_id", _("Kies de lumpsum waar het bedrag af gaat."))
    if naar is None:
        _fout("naar_id", _("Kies de lumpsum waar het bedrag naartoe gaat."))
    if org not in (van.aanbieder_id, naar.aanbieder_id):
        raise PermissionDenied
    if van.jaar != naar.jaar:
        _fout("naar_id", _("Beide lumpsums moeten van hetzelfde jaar zijn."))
    if {van.perceel.pijler, naar.perceel.pijler} != {Pijler.BASIS, Pijler.AANVULLEND}:
        _fout(
            "naar_id",
            _("Een herverdeling gaat tussen basisondersteuning en aanvullende ondersteuning."),
        )
    if not isinstance(bedrag_cents, int) or bedrag_cents <= 0:
        _fout("bedrag_cents", _("Vul een bedrag groter dan nul in."))
    if bedrag_cents > van.bedrag_cents:
        _fout("bedrag_cents", _("Het bedrag is hoger dan de lumpsum waar het af gaat."))
    onderbouwing = (onderbouwing or "").strip()
    if not onderbouwing:
        _fout("onderbouwing", _("Onderbouw het verzoek met de verschuiving van cliënten."))
    grond = selectors.verschuiving(van.jaar)
    with transaction.atomic():
        verzoek = Herverdelingsverzoek.objects.create(
            van=van,
            naar=naar,
            bedrag_cents=bedrag_cents,
            clienten_van=grond["clienten"],
            clienten_procentpunt=grond["procentpunt"],
            onderbouwing=onderbouwing,
            akkoord_van=org == van.aanbieder_id,
            akkoord_naar=org == naar.aanbieder_id,
            ingediend_door=user,
        )
        Herverdelingsstap.objects.create(
            verzoek=verzoek, status=verzoek.status, toelichting=onderbouwing[:1000], door=user
        )
    return verzoek


def _vergrendel(pk: int) -> Herverdelingsverzoek:
    return (
        Herverdelingsverzoek.objects.select_for_update(of=("self",))
        .select_related("van", "naar")
        .get(pk=pk)
    )


def geef_akkoord(user, pk: int) -> Herverdelingsverzoek:
    """The other provider agrees: the request is then filed jointly with the gemeente."""
    _alleen(user, {Rol.ZORGAANBIEDER})
    org = scope_of(user).organisatie_id
    with transaction.atomic():
        v = _vergrendel(pk)
        if org not in (v.van.aanbieder_id, v.naar.aanbieder_id):
            raise PermissionDenied
        if v.status != Herverdelingsverzoek.Status.INGEDIEND:
            _fout("status", _("Dit verzoek wacht niet meer op akkoord."))
        if org == v.van.aanbieder_id:
            v.akkoord_van = True
        if org == v.naar.aanbieder_id:
            v.akkoord_naar = True
        if v.akkoord_van and v.akkoord_naar:
            v.status = Herverdelingsverzoek.Status.GEZAMENLIJK
        v.save(update_fields=["akkoord_van", "akkoord_naar", "status"])
        Herverdelingsstap.objects.create(
            verzoek=v, status=v.status, toelichting=_("Akkoord gegeven"), door=user
        )
    return v


def beslis_herverdeling(
    user, pk: int, *, toekennen: bool, toelichting: str
) -> Herverdelingsverzoek:
    """The gemeente decides on a jointly filed request. Granting moves the amount between
    the two lumpsums under row locks (both, in id order), so concurrent decisions can
    never make a lumpsum negative or change the municipal total."""
    _alleen(user, {Rol.BELEIDSMAKER})
    toelichting = (toelichting or "").strip()
    if not toelichting:
        _fout("toelichting", _("Licht het besluit toe."))
    with transaction.atomic():
        v = _vergrendel(pk)
        if v.status != Herverdelingsverzoek.Status.GEZAMENLIJK:
            _fout("status", _("Alleen een gezamenlijk ingediend verzoek kan worden besloten."))
        if toekennen:
            rijen = {
                ls.pk: ls
                for ls in Lumpsum.objects.select_for_update()
                .filter(pk__in=[v.van_id, v.naar_id])
                .order_by("pk")
            }
            van, naar = rijen[v.van_id], rijen[v.naar_id]
            if v.bedrag_cents > van.bedrag_cents:
                _fout(
                    "bedrag_cents",
                    _("De lumpsum van %(a)s is te laag voor deze herverdeling.")
                    % {"a": van.aanbieder},
                )
            van.bedrag_cents -= v.bedrag_cents
            naar.bedrag_cents += v.bedrag_cents
            van.save(update_fields=["bedrag_cents"])
            naar.save(update_fields=["bedrag_cents"])
            reden = _("Herverdeling %(nr)s") % {"nr": v.pk}
            Lumpsummutatie.objects.create(
                lumpsum=van, bedrag_cents=-v.bedrag_cents, reden=reden, verzoek=v, door=user
            )
            Lumpsummutatie.objects.create(
                lumpsum=naar, bedrag_cents=v.bedrag_cents, reden=reden, verzoek=v, door=user
            )
        v.status = (
            Herverdelingsverzoek.Status.TOEGEKEND
            if toekennen
            else Herverdelingsverzoek.Status.AFGEWEZEN
        )
        v.save(update_fields=["status"])
        Herverdelingsstap.objects.create(
            verzoek=v, status=v.status, toelichting=toelichting, door=user
        )
    return v


# --- subsidies --------------------------------------------------------------------------


def verleen_subsidie(
    user,
    *,
    jaar: int,
    organisatie_id: int,
    bedrag_cents: int,
    activiteiten: str,
    beoogd_bereik: int,
) -> Subsidie:
    _alleen(user, CONTROLLER)
    org = Organisatie.objects.filter(pk=organisatie_id).exclude(soort=Organisatie.Soort.GEMEENTE)
    org = org.first()
    if org is None:
        _fout("organisatie_id", _("Kies een organisatie uit de sociale basis."))
    subsidie = Subsidie(
        jaar=jaar,
        organisatie=org,
        bedrag_cents=bedrag_cents,
        activiteiten=(activiteiten or "").strip(),
        beoogd_bereik=beoogd_bereik,
    )
    subsidie.full_clean()
    with transaction.atomic():
        subsidie.save()
    return subsidie


def verantwoord_subsidie(
    user, pk: int, *, gerealiseerd_bereik: int, verantwoording: str
) -> Subsidie:
    _alleen(user, CONTROLLER)
    verantwoording = (verantwoording or "").strip()
    if not verantwoording:
        _fout("verantwoording", _("Beschrijf wat er met de subsidie is gedaan."))
    if gerealiseerd_bereik is None or gerealiseerd_bereik < 0:
        _fout("gerealiseerd_bereik", _("Vul het bereikte aantal deelnemers in."))
    with transaction.atomic():
        s = Subsidie.objects.select_for_update().get(pk=pk)
        if s.verantwoord_op is not None:
            _fout("verantwoording", _("Deze subsidie is al verantwoord."))
        s.gerealiseerd_bereik = gerealiseerd_bereik
        s.verantwoording = verantwoording
        s.verantwoord_op = timezone.localdate()
        s.save(update_fields=["gerealiseerd_bereik", "verantwoording", "verantwoord_op"])
    return s


# --- scenarios --------------------------------------------------------------------------


def maak_scenario(user, *, naam: str, taakstelling_cents: int, taakstelling_vanaf: int) -> Scenario:
    _alleen(user, CONTROLLER)
    scenario = Scenario(
        naam=(naam or "").strip(),
        taakstelling_cents=taakstelling_cents,
        taakstelling_vanaf=taakstelling_vanaf,
    )
    scenario.full_clean()
    with transaction.atomic():
        scenario.save()
    return scenario


def voeg_maatregel_toe(
    user,
    scenario_id: int,
    *,
    naam: str,
    pijler: str,
    vanaf_jaar: int,
    bedrag_cents: int | None = None,
    percentage: int | None = None,
    grondslag_cents: int | None = None,
) -> Maatregel:
    """A measure is a fixed yearly amount, or a percentage (basis points) of a base."""
    _alleen(user, CONTROLLER)
    if (bedrag_cents is None) == (percentage is None):
        _fout("bedrag_cents", _("Vul een bedrag óf een percentage in."))
    if percentage is not None and not grondslag_cents:
        _fout("grondslag_cents", _("Vul het bedrag in waarover het percentage gaat."))
    with transaction.atomic():
        scenario = Scenario.objects.select_for_update().get(pk=scenario_id)
        m = Maatregel(
            scenario=scenario,
            naam=(naam or "").strip(),
            pijler=pijler,
            vanaf_jaar=vanaf_jaar,
            bedrag_cents=bedrag_cents,
            percentage=percentage,
            grondslag_cents=grondslag_cents if percentage is not None else None,
        )
        m.full_clean()
        m.save()
    return m


# --- CAK delivery -----------------------------------------------------------------------


def cak_levering(user, *, jaar: int, maand: int, vandaag: datetime.date | None = None) -> str:
    """The month's start/stop delivery to the CAK; every person in it is audited."""
    _alleen(user, CONTROLLER)
    if not 1 <= maand <= 12:
        _fout("maand", _("Kies een maand."))
    from openwmo.berichten.services import gemeente

    vandaag = vandaag or timezone.localdate()
    periodes = selectors.cak_periodes(vandaag)
    tekst = cak_bestand(
        periodes, gemeentecode=gemeente().gemeentecode, jaar=jaar, maand=maand, aangemaakt=vandaag
    )
    in_bestand = {int(r.rsplit(";OW", 1)[1]) for r in tekst.splitlines()[1:]}
    with transaction.atomic():
        for persoon_id in sorted(in_bestand):
            log(
                user,
                actie=Actie.EXPORT,
                kanaal=Kanaal.EXPORT,
                doel=doel_voor(user),
                object_type="financien.cak_levering",
                object_id=f"{jaar:04d}-{maand:02d}",
                persoon_id=persoon_id,
                velden=["bsn", "geboortedatum", "eigen_bijdrage"],
            )
    return tekst
