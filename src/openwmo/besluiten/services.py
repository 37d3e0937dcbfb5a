"""Deciding on aanvullende ondersteuning: referral, weighty advice, review, beschikking,
pgb-vaardigheid and objections. Validated before anything is stored; audited."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor
from openwmo.plannen import selectors as plannen_selectors
from openwmo.plannen import services as plannen
from openwmo.plannen.models import Leveringsvorm, PlanStatus, Regel, Soort
from openwmo.privacy import services as audit

from . import selectors, termijnen
from .models import (
    Aanleiding,
    Advies,
    AdviesStatus,
    Beschikking,
    Beschikkingsverzoek,
    Besluitvorm,
    Bezwaar,
    BezwaarUitkomst,
    PgbBeheerder,
    PgbVaardigheid,
    Verwijzing,
)

WERKER = frozenset({Rol.SOCIAAL_WERKER})
WERK = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT})
CONSULENT = frozenset({Rol.WMO_CONSULENT})


def _eis_rol(user, rollen):
    if user is None or user.rol not in rollen:
        raise PermissionDenied(_("Uw rol mag dit niet."))


def _log(user, actie, kanaal, object_type, object_id, persoon_id, nieuw=None, velden=()):
    audit.log(
        user,
        actie=actie,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type=object_type,
        object_id=object_id,
        persoon_id=persoon_id,
        velden=velden,
        nieuwe_waarden=nieuw,
    )


def _regel(user, regel_id: int) -> Regel:
    regel = (
        plannen_selectors.regels_in_scope(user)
        .select_for_update(of=("self",))
        .filter(pk=regel_id)
        .first()
    )
    if regel is None:
        raise PermissionDenied(_("Deze regel valt niet binnen uw werkgebied."))
    if regel.soort != Soort.AANVULLEND:
        raise ValidationError(
            {"regel": [_("Alleen aanvullende ondersteuning gaat via verwijzing of besluit.")]}
        )
    if regel.plan.status != PlanStatus.ACTIEF:
        raise ValidationError({"regel": [_("Maak het ondersteuningsplan eerst actief.")]})
    return regel


def _eis_pgb_vaardig(regel: Regel, veld: str):
    if regel.leveringsvorm != Leveringsvorm.PGB:
        return
    check = selectors.pgb_vaardigheid(regel)
    if check is None or not check.vaardig:
        raise ValidationError(
            {
                veld: [
                    _(
                        "Voor een pgb moet eerst zijn vastgelegd dat de inwoner of de "
                        "vertegenwoordiger het budget kan beheren (pgb-vaardigheid)."
                    )
                ]
            }
        )


def leg_pgb_vaardigheid_vast(
    user,
    regel_id: int,
    *,
    beheerder: str,
    beheerder_naam: str,
    regie: bool,
    administratie: bool,
    opdrachtgeverschap: bool,
    toelichting: str,
    kanaal: str,
) -> PgbVaardigheid:
    _eis_rol(user, WERK)
    fouten: dict[str, list[str]] = {}
    if beheerder not in PgbBeheerder.values:
        fouten["beheerder"] = [_("Kies wie het pgb beheert.")]
    if not (beheerder_naam or "").strip():
        fouten["beheerder_naam"] = [_("Vul de naam van de budgetbeheerder in.")]
    if not (toelichting or "").strip():
        fouten["toelichting"] = [_("Licht de beoordeling toe.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        regel = _regel(user, regel_id)
        if regel.leveringsvorm != Leveringsvorm.PGB:
            raise ValidationError({"beheerder": [_("Deze regel is geen pgb.")]})
        check = PgbVaardigheid.objects.create(
            regel=regel,
            beheerder=beheerder,
            beheerder_naam=beheerder_naam.strip(),
            regie=regie,
            administratie=administratie,
            opdrachtgeverschap=opdrachtgeverschap,
            vaardig=regie and administratie and opdrachtgeverschap,
            toelichting=toelichting.strip(),
            door=user,
        )
        _log(
            user,
            audit.Actie.AANMAKEN,
            kanaal,
            "pgb_vaardigheid",
            check.pk,
            regel.plan.persoon_id,
            nieuw={"vaardig": check.vaardig},
        )
    return check


def maak_verwijzing(user, regel_id: int, *, kanaal: str) -> Verwijzing:
    """The referral letter to aanvullende ondersteuning. Only where the municipality decides
    by referral; it grants the line and passes it on to iWmo (toewijzing or pgb)."""
    _eis_rol(user, WERK)
    if selectors.instelling().besluitvorm != Besluitvorm.VERWIJZING:
        raise ValidationError(
            {
                "regel": [
                    _(
                        "Deze gemeente besluit altijd met een beschikking: schrijf een "
                        "zwaarwegend advies."
                    )
                ]
            }
        )
    with transaction.atomic():
        regel = _regel(user, regel_id)
        if regel.status != Regel.Status.VOORGESTELD:
            raise ValidationError({"regel": [_("Voor deze regel is al verwezen of besloten.")]})
        _eis_pgb_vaardig(regel, "regel")
        verwijzing = Verwijzing.objects.create(regel=regel, datum=timezone.localdate(), door=user)
        plannen.zet_besluit(user, regel.pk, toegekend=True, bron=verwijzing.kenmerk)
        _log(user, audit.Actie.AANMAKEN, kanaal, "verwijzing", verwijzing.pk, regel.plan.persoon_id)
    return verwijzing


def vraag_beschikking(
    user, regel_id: int, *, toelichting: str = "", kanaal: str
) -> Beschikkingsverzoek:
    """The resident asks for a beschikking on an aanvullend line of their own plan."""
    _eis_rol(user, {Rol.INWONER})
    toelichting = (toelichting or "").strip()
    if len(toelichting) > 2000:
        raise ValidationError({"toelichting": [_("Gebruik maximaal 2000 tekens.")]})
    with transaction.atomic():
        regel = _regel(user, regel_id)
        if regel.status not in (Regel.Status.VOORGESTELD, Regel.Status.TOEGEKEND):
            raise ValidationError({"toelichting": [_("Over deze ondersteuning is al besloten.")]})
        if Beschikking.objects.filter(regel=regel).exists():
            raise ValidationError(
                {"toelichting": [_("U heeft voor deze ondersteuning al een beschikking.")]}
            )
        if regel.beschikkingsverzoeken.filter(advies__isnull=True).exists():
            raise ValidationError(
                {"toelichting": [_("U heeft hier al om een beschikking gevraagd.")]}
            )
        verzoek = Beschikkingsverzoek.objects.create(
            regel=regel, toelichting=toelichting, door=user
        )
        _log(
            user,
            audit.Actie.AANMAKEN,
            kanaal,
            "beschikkingsverzoek",
            verzoek.pk,
            regel.plan.persoon_id,
        )
    return verzoek


def dien_advies_in(user, regel_id: int, *, tekst: str, aanleiding: str, kanaal: str) -> Advies:
    """The worker's weighty advice on the plan, for the consultant to review."""
    _eis_rol(user, WERKER)
    tekst = (tekst or "").strip()
    fouten: dict[str, list[str]] = {}
    if aanleiding not in Aanleiding.values:
        fouten["aanleiding"] = [_("Kies de aanleiding voor het advies.")]
    if len(tekst) < 20:
        fouten["tekst"] = [_("Onderbouw het advies in minstens 20 tekens.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        regel = _regel(user, regel_id)
        if regel.status not in (Regel.Status.VOORGESTELD, Regel.Status.TOEGEKEND):
            raise ValidationError({"tekst": [_("Voor deze regel is al besloten.")]})
        lopend = regel.adviezen.filter(
            status__in=[AdviesStatus.INGEDIEND, AdviesStatus.GEACCEPTEERD], beschikking__isnull=True
        )
        if lopend.exists() or Beschikking.objects.filter(regel=regel).exists():
            raise ValidationError(
                {
                    "tekst": [
                        _("Er loopt al een advies of er is al een beschikking voor deze regel.")
                    ]
                }
            )
        advies = Advies.objects.create(regel=regel, aanleiding=aanleiding, tekst=tekst, door=user)
        regel.beschikkingsverzoeken.filter(advies__isnull=True).update(advies=advies)
        _log(
            user,
            audit.Actie.AANMAKEN,
            kanaal,
            "zwaarwegend_advies",
            advies.pk,
            regel.plan.persoon_id,
        )
    return advies


def beoordeel_advies(user, advies_id: int, *, uitkomst: str, motivering: str, kanaal: str):
    """The consultant accepts the advice, asks for a change or refuses it with reasons."""
    _eis_rol(user, CONSULENT)
    motivering = (motivering or "").strip()
    toegestaan = (AdviesStatus.GEACCEPTEERD, AdviesStatus.WIJZIGEN, AdviesStatus.GEWEIGERD)
    if uitkomst not in toegestaan:
        raise ValidationError({"uitkomst": [_("Kies accepteren, wijziging vragen of weigeren.")]})
    if uitkomst != AdviesStatus.GEACCEPTEERD and len(motivering) < 10:
        raise ValidationError({"motivering": [_("Geef de redenen (minstens 10 tekens).")]})
    with transaction.atomic():
        advies = (
            selectors._scope(user, Advies.objects.select_for_update(of=("self",)))
            .select_related("regel__plan")
            .filter(pk=advies_id)
            .first()
        )
        if advies is None:
            raise PermissionDenied
        if advies.status != AdviesStatus.INGEDIEND:
            raise ValidationError({"uitkomst": [_("Dit advies is al beoordeeld.")]})
        advies.status = uitkomst
        advies.beoordeling = motivering
        advies.beoordeeld_door = user
        advies.beoordeeld_op = timezone.now()
        advies.save()
        if uitkomst == AdviesStatus.GEWEIGERD and advies.regel.status == Regel.Status.VOORGESTELD:
            plannen.zet_besluit(user, advies.regel_id, toegekend=False, bron=f"advies {advies.pk}")
        _log(
            user,
            audit.Actie.WIJZIGEN,
            kanaal,
            "zwaarwegend_advies",
            advies.pk,
            advies.regel.plan.persoon_id,
            nieuw={"status": uitkomst},
            velden=["status"],
        )
    return advies


def neem_beschikking(
    user,
    advies_id: int,
    *,
    motivering: str,
    einddatum: datetime.date,
    ingangsdatum: datetime.date | None = None,
    pgb_bedrag: Decimal | None = None,
    pgb_periode: str = "",
    kanaal: str,
) -> Beschikking:
    """Issue the beschikking on a reviewed and accepted advice, and pass it on to iWmo."""
    _eis_rol(user, CONSULENT)
    motivering = (motivering or "").strip()
    with transaction.atomic():
        advies = (
            selectors._scope(user, Advies.objects.select_for_update(of=("self",)))
            .select_related("regel__plan", "regel__organisatie")
            .filter(pk=advies_id)
            .first()
        )
        if advies is None:
            raise PermissionDenied
        regel = advies.regel
        fouten: dict[str, list[str]] = {}
        if advies.status != AdviesStatus.GEACCEPTEERD:
            fouten.setdefault("advies", []).append(
                _(
                    "Een beschikking kan pas na beoordeling en acceptatie van het zwaarwegend "
                    "advies."
                )
            )
        if Beschikking.objects.filter(advies=advies).exists():
            fouten.setdefault("advies", []).append(_("Op dit advies is al beschikt."))
        if len(motivering) < 20:
            fouten["motivering"] = [_("Motiveer het besluit (minstens 20 tekens).")]
        ingang = ingangsdatum or regel.ingangsdatum or timezone.localdate()
        if not einddatum:
            fouten["einddatum"] = [_("Vul de einddatum in.")]
        elif einddatum < ingang:
            fouten["einddatum"] = [_("De einddatum ligt voor de ingangsdatum.")]
        if regel.leveringsvorm == Leveringsvorm.PGB:
            if pgb_bedrag is None or pgb_bedrag <= 0:
                fouten["pgb_bedrag"] = [_("Vul het pgb-bedrag in.")]
            if pgb_periode not in ("week", "maand", "jaar", "totaal"):
                fouten["pgb_periode"] = [_("Kies waarvoor het bedrag geldt.")]
            check = selectors.pgb_vaardigheid(regel)
            if check is None or not check.vaardig:
                fouten.setdefault("pgb_bedrag", []).append(
                    _("Leg eerst de pgb-vaardigheid van de inwoner of vertegenwoordiger vast.")
                )
        else:
            pgb_bedrag, pgb_periode = None, ""
        if fouten:
            raise ValidationError(fouten)
        vandaag = timezone.localdate()
        beschikking = Beschikking.objects.create(
            advies=advies,
            regel=regel,
            besluitdatum=vandaag,
            verzonden_op=vandaag,
            toegekend=f"{regel.get_productcategorie_display()}: {regel.resultaat}"[:500],
            leveringsvorm=regel.leveringsvorm,
            pgb_bedrag=pgb_bedrag,
            pgb_periode=pgb_periode,
            ingangsdatum=ingang,
            einddatum=einddatum,
            motivering=motivering,
            door=user,
        )
        if not regel.iwmo_doorgegeven:  # iWmo gets the period that was decided
            Regel.objects.filter(pk=regel.pk).update(ingangsdatum=ingang, einddatum=einddatum)
        plannen.zet_besluit(user, regel.pk, toegekend=True, bron=beschikking.kenmerk)
        _log(
            user, audit.Actie.AANMAKEN, kanaal, "beschikking", beschikking.pk, regel.plan.persoon_id
        )
    return beschikking


def _bezwaar_voor_wijziging(user, bezwaar_id):
    bezwaar = (
        selectors._scope(
            user, Bezwaar.objects.select_for_update(of=("self",)), "beschikking__regel__plan"
        )
        .select_related("beschikking__regel__plan")
        .filter(pk=bezwaar_id)
        .first()
    )
    if bezwaar is None:
        raise PermissionDenied
    if bezwaar.uitkomst:
        raise ValidationError({"uitkomst": [_("Op dit bezwaar is al beslist.")]})
    return bezwaar


def registreer_bezwaar(
    user,
    beschikking_id: int,
    *,
    ontvangen_op: datetime.date,
    gronden: str,
    adviescommissie: bool | None = None,
    kanaal: str,
) -> Bezwaar:
    _eis_rol(user, CONSULENT)
    gronden = (gronden or "").strip()
    fouten: dict[str, list[str]] = {}
    if not gronden:
        fouten["gronden"] = [_("Vul de gronden van het bezwaar in.")]
    if not isinstance(ontvangen_op, datetime.date):
        fouten["ontvangen_op"] = [_("Vul een geldige datum in.")]
    elif ontvangen_op > timezone.localdate():
        fouten["ontvangen_op"] = [_("De ontvangstdatum ligt in de toekomst.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        beschikking = (
            selectors._scope(user, Beschikking.objects.all()).filter(pk=beschikking_id).first()
        )
        if beschikking is None:
            raise PermissionDenied
        if ontvangen_op < beschikking.verzonden_op:
            raise ValidationError(
                {
                    "ontvangen_op": [
                        _("Het bezwaar is ontvangen vóór de verzending van het besluit.")
                    ]
                }
            )
        if adviescommissie is None:
            adviescommissie = selectors.instelling().adviescommissie
        bezwaar = Bezwaar.objects.create(
            beschikking=beschikking,
            ontvangen_op=ontvangen_op,
            gronden=gronden,
            adviescommissie=adviescommissie,
            door=user,
        )
        _log(
            user,
            audit.Actie.AANMAKEN,
            kanaal,
            "bezwaar",
            bezwaar.pk,
            beschikking.regel.plan.persoon_id,
        )
    return bezwaar


def plan_hoorzitting(user, bezwaar_id: int, *, hoorzitting_op: datetime.date, kanaal: str):
    _eis_rol(user, CONSULENT)
    with transaction.atomic():
        bezwaar = _bezwaar_voor_wijziging(user, bezwaar_id)
        if hoorzitting_op < bezwaar.ontvangen_op:
            raise ValidationError(
                {"hoorzitting_op": [_("De hoorzitting ligt vóór de ontvangst van het bezwaar.")]}
            )
        bezwaar.hoorzitting_op = hoorzitting_op
        bezwaar.save(update_fields=["hoorzitting_op"])
        _log(
            user,
            audit.Actie.WIJZIGEN,
            kanaal,
            "bezwaar",
            bezwaar.pk,
            bezwaar.beschikking.regel.plan.persoon_id,
            velden=["hoorzitting_op"],
        )
    return bezwaar


def verdaag(user, bezwaar_id: int, *, weken: int, kanaal: str) -> Bezwaar:
    """Extend the decision term once, by at most six weeks (Awb 7:10 lid 3)."""
    _eis_rol(user, CONSULENT)
    if not isinstance(weken, int) or not 1 <= weken <= termijnen.MAX_VERDAGING_WEKEN:
        raise ValidationError({"weken": [_("Verdaag met 1 tot en met 6 weken.")]})
    with transaction.atomic():
        bezwaar = _bezwaar_voor_wijziging(user, bezwaar_id)
        if bezwaar.verdaging_weken:
            raise ValidationError(
                {"weken": [_("De beslistermijn is al eens verdaagd; dat kan maar één keer.")]}
            )
        bezwaar.verdaging_weken = weken
        bezwaar.verdaagd_op = timezone.localdate()
        bezwaar.save(update_fields=["verdaging_weken", "verdaagd_op"])
        _log(
            user,
            audit.Actie.WIJZIGEN,
            kanaal,
            "bezwaar",
            bezwaar.pk,
            bezwaar.beschikking.regel.plan.persoon_id,
            velden=["verdaging_weken"],
            nieuw={"verdaging_weken": weken},
        )
    return bezwaar


def beslis_op_bezwaar(
    user,
    bezwaar_id: int,
    *,
    uitkomst: str,
    toelichting: str,
    gewijzigd_besluit: str = "",
    kanaal: str,
) -> Bezwaar:
    _eis_rol(user, CONSULENT)
    fouten: dict[str, list[str]] = {}
    if uitkomst not in BezwaarUitkomst.values:
        fouten["uitkomst"] = [_("Kies de uitkomst.")]
    if not (toelichting or "").strip():
        fouten["toelichting"] = [_("Licht de beslissing toe.")]
    if uitkomst == BezwaarUitkomst.GEGROND and not (gewijzigd_besluit or "").strip():
        fouten["gewijzigd_besluit"] = [
            _("Bij een gegrond bezwaar beschrijft u het nieuwe besluit.")
        ]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        bezwaar = _bezwaar_voor_wijziging(user, bezwaar_id)
        bezwaar.uitkomst = uitkomst
        bezwaar.toelichting_uitkomst = toelichting.strip()
        bezwaar.gewijzigd_besluit = (gewijzigd_besluit or "").strip()
        bezwaar.beslist_op = timezone.localdate()
        bezwaar.save()
        _log(
            user,
            audit.Actie.WIJZIGEN,
            kanaal,
            "bezwaar",
            bezwaar.pk,
            bezwaar.beschikking.regel.plan.persoon_id,
            velden=["uitkomst"],
            nieuw={"uitkomst": uitkomst},
        )
    return bezwaar
