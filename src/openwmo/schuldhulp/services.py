"""Writing debt-help records: one function per use case, validated before writing."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo import schrijven
from openwmo.accounts.models import Rol
from openwmo.plannen import selectors as plannen_selectors
from openwmo.plannen import services as plannen
from openwmo.plannen.models import Soort as Regelsoort
from openwmo.privacy import services as audit
from openwmo.toegang import services as toegang
from openwmo.toegang.models import Signaal

from . import selectors
from .models import MAX_CENT, Betalingssignaal, Crisis, Inzet

ROLLEN = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT})


def _eis_rol(user):
    schrijven.eis_rol(user, ROLLEN)


_log = schrijven.log


_persoon = schrijven.persoon_in_scope


_tekst = schrijven.tekst


def registreer_betalingssignaal(
    user,
    *,
    persoon_id: int,
    bron: str,
    schuldeiser: str,
    fase: str,
    achterstand_cent: int,
    maanden_achterstand: int,
    ontvangen_op: datetime.date,
    outreach_op: datetime.date,
    kanaal: str,
) -> Betalingssignaal:
    """A payment-arrears signal from a creditor becomes a toegang signal with an outreach
    visit planned (the outreach task), plus the creditor's details."""
    _eis_rol(user)
    persoon = _persoon(user, persoon_id)
    fouten: dict[str, list[str]] = {}
    if bron not in Betalingssignaal.Bron.values:
        fouten["bron"] = [_("Kies van welke schuldeiser het signaal komt.")]
    if fase not in Betalingssignaal.Fase.values:
        fouten["fase"] = [_("Kies vroeg- of laatsignaal.")]
    schuldeiser = _tekst(
        fouten, "schuldeiser", schuldeiser, _("Vul de naam van de schuldeiser in.")
    )
    if achterstand_cent is None or not 0 < achterstand_cent <= MAX_CENT:
        fouten["achterstand_cent"] = [_("Vul een achterstand tussen € 0,01 en € 1.000.000 in.")]
    if maanden_achterstand is None or not 0 <= maanden_achterstand <= 60:
        fouten["maanden_achterstand"] = [_("Vul een aantal maanden tussen 0 en 60 in.")]
    vandaag = timezone.localdate()
    if not ontvangen_op or ontvangen_op > vandaag:
        fouten["ontvangen_op"] = [_("Vul de ontvangstdatum in; die ligt niet in de toekomst.")]
    if not outreach_op or (ontvangen_op and outreach_op < ontvangen_op):
        fouten["outreach_op"] = [_("Plan het outreachende bezoek op of na de ontvangstdatum.")]
    if fouten:
        raise ValidationError(fouten)
    bedrag = f"€ {achterstand_cent // 100},{achterstand_cent % 100:02d}"
    zorg = _(
        "%(fase)s: betalingsachterstand van %(bedrag)s (%(maanden)s maanden) bij %(naam)s."
    ) % {
        "fase": Betalingssignaal.Fase(fase).label,
        "bedrag": bedrag,
        "maanden": maanden_achterstand,
        "naam": schuldeiser,
    }
    with transaction.atomic():
        ontvangen = timezone.make_aware(datetime.datetime.combine(ontvangen_op, datetime.time(9)))
        signaal = toegang.registreer_signaal(
            user,
            bsn=persoon.bsn,
            geboortedatum=persoon.geboortedatum,
            bron=Signaal.Bron.WONINGCORPORATIE
            if bron == Betalingssignaal.Bron.WONINGCORPORATIE
            else Signaal.Bron.VROEGSIGNALERING,
            melder=schuldeiser,
            zorg=zorg,
            ontvangen_op=min(ontvangen, timezone.now()),
            kanaal=kanaal,
        )
        signaal = toegang.trieer_signaal(
            user,
            signaal.pk,
            besluit=Signaal.Besluit.OUTREACH,
            reden=_("Outreachend huisbezoek over de betalingsachterstand."),
            gepland_op=outreach_op,
            kanaal=kanaal,
        )
        bs = Betalingssignaal.objects.create(
            signaal=signaal,
            persoon=persoon,
            bron=bron,
            schuldeiser=schuldeiser,
            fase=fase,
            achterstand_cent=achterstand_cent,
            maanden_achterstand=maanden_achterstand,
            ontvangen_op=ontvangen_op,
            geregistreerd_door=user,
        )
        _log(
            user, audit.Actie.AANMAKEN, kanaal, "betalingssignaal", bs, persoon.pk, ["achterstand"]
        )
    return bs


def meld_crisis(
    user,
    *,
    persoon_id: int,
    soort: str,
    datum_dreiging: datetime.date,
    toelichting: str,
    betalingssignaal_id: int | None = None,
    kanaal: str,
) -> Crisis:
    """Threatened eviction or cut-off: to be picked up today (same-day deadline)."""
    _eis_rol(user)
    persoon = _persoon(user, persoon_id)
    fouten: dict[str, list[str]] = {}
    if soort not in Crisis.Soort.values:
        fouten["soort"] = [_("Kies de soort crisis.")]
    toelichting = _tekst(fouten, "toelichting", toelichting, _("Beschrijf de situatie."))
    vandaag = timezone.localdate()
    if not datum_dreiging:
        fouten["datum_dreiging"] = [_("Vul de datum van de ontruiming of afsluiting in.")]
    signaal = None
    if betalingssignaal_id:
        signaal = (
            selectors.betalingssignalen_in_scope(user)
            .filter(pk=betalingssignaal_id, persoon=persoon)
            .first()
        )
        if signaal is None:
            fouten["betalingssignaal_id"] = [_("Dit betalingssignaal hoort niet bij de inwoner.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        crisis = Crisis.objects.create(
            persoon=persoon,
            betalingssignaal=signaal,
            soort=soort,
            datum_dreiging=datum_dreiging,
            toelichting=toelichting,
            gemeld_op=timezone.now(),
            uiterlijk_op=vandaag,
            door=user,
        )
        _log(user, audit.Actie.AANMAKEN, kanaal, "schuldencrisis", crisis, persoon.pk, ["soort"])
    return crisis


def handel_crisis_af(user, pk: int, *, uitkomst: str, toelichting: str, kanaal: str) -> Crisis:
    _eis_rol(user)
    fouten: dict[str, list[str]] = {}
    if uitkomst not in Crisis.Uitkomst.values:
        fouten["uitkomst"] = [_("Kies de uitkomst.")]
    toelichting = _tekst(fouten, "toelichting", toelichting, _("Noteer de gemaakte afspraken."))
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        crisis = (
            selectors.crises_in_scope(user).select_for_update(of=("self",)).filter(pk=pk).first()
        )
        if crisis is None:
            raise PermissionDenied(_("Deze crisis valt buiten uw toegang."))
        if crisis.afgehandeld_op:
            raise ValidationError({"uitkomst": [_("Deze crisis is al afgehandeld.")]})
        crisis.uitkomst = uitkomst
        crisis.uitkomst_toelichting = toelichting
        crisis.afgehandeld_op = timezone.now()
        crisis.save(update_fields=["uitkomst", "uitkomst_toelichting", "afgehandeld_op"])
        _log(
            user,
            audit.Actie.WIJZIGEN,
            kanaal,
            "schuldencrisis",
            crisis,
            crisis.persoon_id,
            ["uitkomst"],
            {"uitkomst": uitkomst},
        )
    return crisis


def start_inzet(
    user,
    *,
    plan_id: int,
    soort: str,
    doel: str,
    partij: str,
    startdatum: datetime.date,
    verwezen_naar: str = "",
    uren_per_week=None,
    einddatum: datetime.date | None = None,
    kanaal: str,
) -> Inzet:
    """Own support and aftercare become a basis line in the household plan with the
    financial-stability goal as its result; a referral records the external party."""
    _eis_rol(user)
    fouten: dict[str, list[str]] = {}
    if soort not in Inzet.Soort.values:
        fouten["soort"] = [_("Kies de soort inzet.")]
    doel = _tekst(fouten, "doel", doel, _("Beschrijf het doel voor financiële stabiliteit."))
    partij = _tekst(fouten, "partij", partij, _("Vul in wie dit uitvoert."))
    if soort == Inzet.Soort.VERWIJZING and verwezen_naar not in Inzet.Naar.values:
        fouten["verwezen_naar"] = [_("Kies waarnaar u verwijst.")]
    if soort != Inzet.Soort.VERWIJZING:
        verwezen_naar = ""
    if not startdatum:
        fouten["startdatum"] = [_("Vul de startdatum in.")]
    if startdatum and einddatum and einddatum < startdatum:
        fouten["einddatum"] = [_("De einddatum ligt voor de startdatum.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        plan = plannen_selectors.plannen_in_scope(user).filter(pk=plan_id).first()
        if plan is None:
            raise PermissionDenied(_("Dit plan valt buiten uw toegang."))
        regel = None
        if soort != Inzet.Soort.VERWIJZING:
            regel = plannen.voeg_regel_toe(
                user,
                plan.pk,
                kanaal=kanaal,
                soort=Regelsoort.BASIS,
                resultaat=doel,
                uitvoerder=partij,
                omschrijving=Inzet.Soort(soort).label,
                uren_per_week=uren_per_week,
                ingangsdatum=startdatum,
                einddatum=einddatum,
            )
        inzet = Inzet.objects.create(
            persoon_id=plan.persoon_id,
            plan=plan,
            regel=regel,
            soort=soort,
            verwezen_naar=verwezen_naar,
            partij=partij,
            doel=doel,
            startdatum=startdatum,
            einddatum=einddatum,
            door=user,
        )
        _log(
            user,
            audit.Actie.AANMAKEN,
            kanaal,
            "schuldhulp_inzet",
            inzet,
            plan.persoon_id,
            ["soort"],
        )
    return inzet
