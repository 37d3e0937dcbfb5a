"""Writing meldingen, signalen and Het gesprek. Each function is one use case in one
transaction with its audit record; bad input raises ValidationError before anything is
written, a role that may not act gets PermissionDenied."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import DOSSIER_ROLLEN, doel_voor, scope_of
from openwmo.gebieden import selectors as gebieden
from openwmo.inwoners.validators import validate_bsn
from openwmo.privacy import services as audit

from . import selectors
from .models import (
    DIRECT_OPGELOST,
    Afweging,
    Behoefte,
    Deelnemer,
    Domein,
    Domeinscore,
    Gesprek,
    Kanaal,
    Leveringsvorm,
    Melding,
    MeldingStap,
    Niveau,
    Ondersteuning,
    Onderzoek,
    OnlineMelding,
    Opschorting,
    Overdracht,
    Route,
    Signaal,
    Status,
    Termijn,
    Triage,
    Uitkomst,
    Urgentie,
    VerslagReactie,
    VoorlopigeVoorziening,
)

MELDER_ROLLEN = DOSSIER_ROLLEN | {Rol.VRIJWILLIGER}
STAFF_KANALEN = (Kanaal.BUURTKAMER, Kanaal.TELEFOON, Kanaal.OVERDRACHT, Kanaal.OUTREACH)
# Statuses in which Het gesprek can still be recorded or changed.
ONDERZOEK_OPEN = (Status.NIEUW, Status.WACHT_OP_GESPREK, Status.IN_ONDERZOEK)


def _rol(user, rollen):
    if user.rol not in rollen:
        raise PermissionDenied(_("Uw rol mag dit niet doen."))


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _niet_in_toekomst(errors: dict, veld: str, waarde, *, label: str):
    if waarde is None:
        return
    if isinstance(waarde, datetime.datetime):
        # a few minutes of clock difference between devices is not "the future"
        te_laat = waarde > timezone.now() + datetime.timedelta(minutes=5)
    else:
        te_laat = waarde > timezone.localdate()
    if te_laat:
        errors.setdefault(veld, []).append(_("%(label)s ligt in de toekomst.") % {"label": label})


def _verplicht(errors: dict, veld: str, waarde, bericht: str):
    if waarde in (None, "") or (isinstance(waarde, str) and not waarde.strip()):
        errors.setdefault(veld, []).append(bericht)


def _raise(errors: dict):
    if errors:
        raise ValidationError(errors)


def _melding_datum(melding: Melding) -> datetime.date:
    return timezone.localtime(melding.ontvangen_op).date()


def _log(user, melding, *, actie, kanaal, velden, nieuwe_waarden=None, object_type="melding"):
    audit.log(
        user,
        actie=actie,
        kanaal=kanaal,
        doel=doel_voor(user) if user else selectors.ONLINE_DOEL,
        object_type=object_type,
        object_id=melding.pk,
        persoon_id=melding.persoon_id,
        velden=velden,
        nieuwe_waarden=nieuwe_waarden,
    )


def _stap(melding: Melding, status: str, user, toelichting: str = ""):
    """Append a status change to the history and keep the current status on the case."""
    melding.status = status
    MeldingStap.objects.create(melding=melding, status=status, door=user, toelichting=toelichting)


def _lock(user, pk: int, rollen) -> Melding:
    """The case for a change, locked, within the user's scope (call inside atomic)."""
    _rol(user, rollen)
    melding = (
        selectors.meldingen_in_scope(user).select_for_update(of=("self",)).filter(pk=pk).first()
    )
    if melding is None:
        raise PermissionDenied(_("Deze melding valt buiten uw toegang."))
    return melding


def _identificeer(user, bsn: str, geboortedatum, errors: dict):
    bsn = (bsn or "").replace(" ", "")
    _verplicht(errors, "bsn", bsn, _("Vul het BSN van de inwoner in."))
    _verplicht(errors, "geboortedatum", geboortedatum, _("Vul de geboortedatum in."))
    if errors:
        return None
    persoon = selectors.persoon_op_identiteit(user, bsn, geboortedatum)
    if persoon is None:
        waar = _(" binnen uw werkgebied") if user.rol == Rol.SOCIAAL_WERKER else ""
        errors["bsn"] = [
            _("Er is geen inwoner%(waar)s met dit BSN en deze geboortedatum.") % {"waar": waar}
        ]
        return None
    if persoon.huishouden_id is None:
        errors["bsn"] = [
            _(
                "Deze inwoner heeft geen huishouden in het register. Een melding hoort bij "
                "een huishouden: laat eerst het adres vastleggen."
            )
        ]
        return None
    return persoon


# --- melding ----------------------------------------------------------------------


@dataclass
class NieuweMelding:
    bsn: str
    geboortedatum: datetime.date | None
    kanaal: str
    ontvangen_op: datetime.datetime | None
    vraag: str
    urgentie: str = Urgentie.NORMAAL
    namens: str = ""
    buurtkamer_id: int | None = None
    overdragende_organisatie_id: int | None = None
    route: str = Route.BREED
    hh_aanbieder_id: int | None = None
    voorlopige_voorziening: str = ""
    naam: str = ""  # typed by a volunteer: the name the visitor gives


def _identificeer_blind(bsn: str, geboortedatum, errors: dict) -> None:
    """A volunteer's identification: only the form of the BSN and the date are checked.
    Whether they match a resident is never told (nor anything from the register)."""
    bsn = (bsn or "").replace(" ", "")
    _verplicht(errors, "bsn", bsn, _("Vul het BSN van de inwoner in."))
    if bsn:
        try:
            validate_bsn(bsn)
        except ValidationError as exc:
            errors["bsn"] = list(exc.messages)
    _verplicht(errors, "geboortedatum", geboortedatum, _("Vul de geboortedatum in."))
    _niet_in_toekomst(errors, "geboortedatum", geboortedatum, label=_("De geboortedatum"))


def registreer_melding(user, gegevens: NieuweMelding, *, kanaal: str) -> Melding:
    """Register a request for support for a resident and his household.

    The household-help route goes to the chosen provider in this one step.

    A volunteer types the visitor's name, BSN and birth date and learns nothing back: when
    they do not match a resident with a household, the question is kept for a worker to
    match (as an online question is): the melding is stored without a resident (and the
    volunteer sees it like any other) until the team matches it. The caller must answer a
    volunteer the same either way."""
    _rol(user, MELDER_ROLLEN)
    scope = scope_of(user)
    g = NieuweMelding(**{k: _strip(v) for k, v in gegevens.__dict__.items()})
    errors: dict[str, list[str]] = {}
    vrijwilliger = user.rol == Rol.VRIJWILLIGER
    if vrijwilliger:
        g.bsn = (g.bsn or "").replace(" ", "")
        _identificeer_blind(g.bsn, g.geboortedatum, errors)
        _verplicht(errors, "naam", g.naam, _("Vul de naam in die de bezoeker zelf noemt."))
        if len(g.naam or "") > 160:
            errors["naam"] = [_("Gebruik hooguit 160 tekens.")]
        persoon = None
    else:
        persoon = _identificeer(user, g.bsn, g.geboortedatum, errors)
    _verplicht(errors, "ontvangen_op", g.ontvangen_op, _("Vul de datum en tijd van de melding in."))
    _niet_in_toekomst(errors, "ontvangen_op", g.ontvangen_op, label=_("De datum van de melding"))
    _verplicht(errors, "vraag", g.vraag, _("Noteer de vraag in de woorden van de inwoner."))
    if g.kanaal not in STAFF_KANALEN:
        errors["kanaal"] = [_("Kies hoe de vraag binnenkwam.")]
    if user.rol == Rol.VRIJWILLIGER and g.kanaal != Kanaal.BUURTKAMER:
        errors["kanaal"] = [
            _("Als vrijwilliger registreert u vragen van bezoekers van de buurtkamer.")
        ]
    buurtkamer = None
    if g.kanaal == Kanaal.BUURTKAMER:
        buurtkamers = gebieden.buurtkamers(scope.wijk_ids if user.rol == Rol.VRIJWILLIGER else None)
        buurtkamer = buurtkamers.filter(pk=g.buurtkamer_id).first() if g.buurtkamer_id else None
        if buurtkamer is None:
            errors["buurtkamer"] = [
                _("Kies de buurtkamer (in uw werkgebied) waar de vraag is gesteld.")
            ]
    elif g.buurtkamer_id:
        errors["buurtkamer"] = [_("Een buurtkamer hoort alleen bij een vraag in de buurtkamer.")]
    if g.kanaal == Kanaal.OVERDRACHT and not g.overdragende_organisatie_id:
        errors["overdragende_organisatie"] = [_("Kies de organisatie die de vraag overdroeg.")]
    if g.urgentie not in Urgentie.values:
        errors["urgentie"] = [_("Kies de urgentie.")]
    if g.urgentie == Urgentie.SPOED:
        _verplicht(
            errors,
            "voorlopige_voorziening",
            g.voorlopige_voorziening,
            _(
                "Bij spoed zet u direct een tijdelijke voorziening in (Wmo art. 2.3.3): "
                "beschrijf welke."
            ),
        )
    aanbieder = None
    if g.route == Route.HH:
        aanbieder = selectors.hh_aanbieders().filter(pk=g.hh_aanbieder_id).first()
        if aanbieder is None:
            errors["hh_aanbieder"] = [
                _("Kies een gecontracteerde aanbieder van huishoudelijke hulp.")
            ]
    elif g.route != Route.BREED:
        errors["route"] = [_("Kies de route.")]
    _raise(errors)
    melding = Melding(
        persoon=persoon,
        huishouden_id=persoon.huishouden_id if persoon else None,
        kanaal=g.kanaal,
        buurtkamer=buurtkamer,
        overdragende_organisatie_id=g.overdragende_organisatie_id
        if g.kanaal == Kanaal.OVERDRACHT
        else None,
        ontvangen_op=g.ontvangen_op,
        vraag=g.vraag,
        namens=g.namens or "",
        urgentie=g.urgentie,
        route=g.route,
        hh_aanbieder=aanbieder,
        geregistreerd_door=user,
        opgegeven_naam=(g.naam or "") if vrijwilliger else "",
    )
    try:
        melding.full_clean(exclude=["persoon", "huishouden"])
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from exc
    onbekend = False
    if vrijwilliger:
        persoon = selectors.persoon_op_identiteit(user, g.bsn, g.geboortedatum)
        onbekend = persoon is None or persoon.huishouden_id is None
        if not onbekend:
            melding.persoon, melding.huishouden_id = persoon, persoon.huishouden_id
    with transaction.atomic():
        melding.save()
        if onbekend:
            # the same melding for the volunteer, without a resident until the team matches it
            _vraag_uit_buurtkamer(user, g, melding, kanaal)
        _stap(melding, Status.NIEUW, user)
        if aanbieder is not None:
            melding.uitkomst = Uitkomst.HH
            _stap(melding, Status.BIJ_AANBIEDER, user, str(aanbieder))
        melding.save(update_fields=["status", "uitkomst"])
        if g.urgentie == Urgentie.SPOED:
            VoorlopigeVoorziening.objects.create(
                melding=melding,
                omschrijving=g.voorlopige_voorziening,
                ingezet_op=timezone.localdate(),
                door=user,
            )
        _log(
            user,
            melding,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            velden=["vraag", "kanaal", "urgentie", "route", "huishouden"],
            nieuwe_waarden={"route": melding.route, "urgentie": melding.urgentie},
        )
    return melding


def leg_uitkomst_vast(
    user, pk: int, *, uitkomst: str, toelichting: str = "", hh_aanbieder_id=None, kanaal: str
) -> Melding:
    """Record how the first contact ended: solved at once, Het gesprek, or household help."""
    errors: dict[str, list[str]] = {}
    toelichting = (toelichting or "").strip()
    if uitkomst not in Uitkomst.values:
        errors["uitkomst"] = [_("Kies hoe het eerste contact afloopt.")]
    elif uitkomst in DIRECT_OPGELOST:
        _verplicht(
            errors,
            "toelichting",
            toelichting,
            _("Noteer welk advies, welke activiteit of welke hulp het is geworden."),
        )
    aanbieder = None
    if uitkomst == Uitkomst.HH:
        aanbieder = selectors.hh_aanbieders().filter(pk=hh_aanbieder_id).first()
        if aanbieder is None:
            errors["hh_aanbieder"] = [
                _("Kies een gecontracteerde aanbieder van huishoudelijke hulp.")
            ]
    _raise(errors)
    with transaction.atomic():
        melding = _lock(user, pk, MELDER_ROLLEN)
        if melding.status != Status.NIEUW:
            raise ValidationError(
                {"uitkomst": [_("De uitkomst van het eerste contact is al vastgelegd.")]}
            )
        melding.uitkomst = uitkomst
        melding.uitkomst_toelichting = toelichting
        if uitkomst == Uitkomst.HH:
            melding.route = Route.HH
            melding.hh_aanbieder = aanbieder
            _stap(melding, Status.BIJ_AANBIEDER, user, str(aanbieder))
        elif uitkomst == Uitkomst.GESPREK:
            _stap(melding, Status.WACHT_OP_GESPREK, user, toelichting)
        else:
            _stap(melding, Status.OPGELOST, user, toelichting)
        melding.save(
            update_fields=["uitkomst", "uitkomst_toelichting", "status", "route", "hh_aanbieder"]
        )
        _log(
            user,
            melding,
            actie=audit.Actie.WIJZIGEN,
            kanaal=kanaal,
            velden=["uitkomst"],
            nieuwe_waarden={"uitkomst": uitkomst},
        )
    return melding


def wijs_toe(user, pk: int, *, behandelaar_id: int, kanaal: str) -> Melding:
    """A team lead assigns a case to a social worker; any worker can take it himself."""
    with transaction.atomic():
        melding = _lock(user, pk, DOSSIER_ROLLEN)
        if behandelaar_id != user.pk and not selectors.is_teamleider(user):
            raise PermissionDenied(_("Alleen een teamleider wijst meldingen toe aan anderen."))
        if behandelaar_id != user.pk:
            behandelaar = selectors.generalisten(melding).filter(pk=behandelaar_id).first()
            if behandelaar is None:
                raise ValidationError(
                    {"behandelaar": [_("Kies een generalist die in de wijk van de inwoner werkt.")]}
                )
        melding.behandelaar_id = behandelaar_id
        melding.save(update_fields=["behandelaar"])
        _log(
            user,
            melding,
            actie=audit.Actie.WIJZIGEN,
            kanaal=kanaal,
            velden=["behandelaar"],
            nieuwe_waarden={"behandelaar": behandelaar_id},
        )
    return melding


# --- public online form -----------------------------------------------------------


@dataclass
class OnlineVraag:
    bsn: str
    geboortedatum: datetime.date | None
    postcode: str
    naam: str
    vraag: str
    telefoon: str = ""
    email: str = ""


def registreer_online_melding(gegevens: OnlineVraag) -> Melding | OnlineMelding:
    """A question from the public form (no log-in). When BSN, birth date and postcode
    match a resident, it becomes his melding; otherwise it is kept for a worker to match.
    The caller shows the same confirmation either way: it never reveals whether a BSN
    exists."""
    g = OnlineVraag(**{k: _strip(v) or "" for k, v in gegevens.__dict__.items()})
    g.geboortedatum = gegevens.geboortedatum
    g.bsn = g.bsn.replace(" ", "")
    g.postcode = gebieden.normaliseer_postcode(g.postcode)
    errors: dict[str, list[str]] = {}
    try:
        validate_bsn(g.bsn)
    except ValidationError as exc:
        errors["bsn"] = list(exc.messages)
    _verplicht(errors, "geboortedatum", g.geboortedatum, _("Vul uw geboortedatum in."))
    _niet_in_toekomst(errors, "geboortedatum", g.geboortedatum, label=_("De geboortedatum"))
    from openwmo.gebieden.models import postcode_validator

    try:
        postcode_validator(g.postcode)
    except ValidationError as exc:
        errors["postcode"] = list(exc.messages)
    _verplicht(errors, "naam", g.naam, _("Vul uw naam in."))
    _verplicht(errors, "vraag", g.vraag, _("Beschrijf uw vraag."))
    if not g.telefoon and not g.email:
        errors["telefoon"] = [
            _("Vul een telefoonnummer of e-mailadres in, zodat wij u kunnen bereiken.")
        ]
    _raise(errors)
    nu = timezone.now()
    persoon = selectors.persoon_op_identiteit(None, g.bsn, g.geboortedatum, g.postcode)
    with transaction.atomic():
        if persoon is not None and persoon.huishouden_id:
            melding = Melding.objects.create(
                persoon=persoon,
                huishouden_id=persoon.huishouden_id,
                kanaal=Kanaal.ONLINE,
                ontvangen_op=nu,
                vraag=g.vraag,
                namens="" if g.naam.lower() in persoon.volledige_naam.lower() else g.naam,
            )
            _stap(melding, Status.NIEUW, None, _("Online formulier"))
            _log(
                None, melding, actie=audit.Actie.AANMAKEN, kanaal=audit.Kanaal.UI, velden=["vraag"]
            )
            return melding
        buurt = gebieden.buurt_voor_postcode(g.postcode)
        online = OnlineMelding.objects.create(
            vraag=g.vraag,
            naam=g.naam,
            bsn=g.bsn,
            geboortedatum=g.geboortedatum,
            postcode=g.postcode,
            telefoon=g.telefoon[:20],
            email=g.email[:120],
            ontvangen_op=nu,
            wijk_id=buurt.wijk_id if buurt else None,
        )
        audit.log(
            None,
            actie=audit.Actie.AANMAKEN,
            kanaal=audit.Kanaal.UI,
            doel=selectors.ONLINE_DOEL,
            object_type="online_melding",
            object_id=online.pk,
            velden=["naam", "bsn", "geboortedatum", "postcode", "contactgegevens", "vraag"],
        )
        return online


def _vraag_uit_buurtkamer(user, g: NieuweMelding, melding: Melding, kanaal: str) -> OnlineMelding:
    """A volunteer's question whose BSN and birth date match no resident with a household:
    the melding is kept without a resident and a worker of the wijk matches it, as with an
    online question. The volunteer sees the melding as any other (call inside atomic)."""
    buurtkamer = melding.buurtkamer
    with transaction.atomic():
        online = OnlineMelding.objects.create(
            vraag=g.vraag,
            naam=g.naam,
            bsn=g.bsn,
            geboortedatum=g.geboortedatum,
            postcode=buurtkamer.postcode,
            ontvangen_op=g.ontvangen_op,
            wijk_id=buurtkamer.wijk_id,
            bezoek=melding,
        )
        audit.log(
            user,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="online_melding",
            object_id=online.pk,
            velden=["naam", "bsn", "geboortedatum", "vraag"],
            toelichting=str(_("Vraag in buurtkamer %(kamer)s") % {"kamer": buurtkamer}),
        )
    return online


def koppel_online_melding(user, pk: int, *, bsn: str, geboortedatum, kanaal: str) -> Melding:
    """A worker matches an online question to a resident; the melding keeps its date."""
    _rol(user, DOSSIER_ROLLEN)
    errors: dict[str, list[str]] = {}
    persoon = _identificeer(user, bsn, geboortedatum, errors)
    _raise(errors)
    with transaction.atomic():
        online = (
            selectors.online_meldingen_in_scope(user)
            .select_for_update(of=("self",))
            .filter(pk=pk)
            .first()
        )
        if online is None:
            raise PermissionDenied(
                _("Deze online melding is al gekoppeld of valt buiten uw toegang.")
            )
        if online.bezoek_id:
            # a volunteer's question: the melding keeps its channel, buurtkamer and outcome
            melding = Melding.objects.select_for_update(of=("self",)).get(pk=online.bezoek_id)
            melding.persoon, melding.huishouden_id = persoon, persoon.huishouden_id
            melding.save(update_fields=["persoon", "huishouden"])
            _stap(melding, melding.status, user, _("Vraag uit de buurtkamer gekoppeld"))
        else:
            melding = Melding.objects.create(
                persoon=persoon,
                huishouden_id=persoon.huishouden_id,
                kanaal=Kanaal.ONLINE,
                ontvangen_op=online.ontvangen_op,
                vraag=online.vraag,
                geregistreerd_door=user,
            )
            _stap(melding, Status.NIEUW, user, _("Online melding gekoppeld"))
        online.melding = melding
        online.gekoppeld_door = user
        online.save(update_fields=["melding", "gekoppeld_door"])
        _log(
            user, melding, actie=audit.Actie.AANMAKEN, kanaal=kanaal, velden=["vraag", "huishouden"]
        )
    return melding


# --- signalen ---------------------------------------------------------------------


def registreer_signaal(
    user, *, bsn: str, geboortedatum, bron: str, melder: str, zorg: str, ontvangen_op, kanaal: str
) -> Signaal:
    _rol(user, DOSSIER_ROLLEN)
    errors: dict[str, list[str]] = {}
    persoon = _identificeer(user, bsn, geboortedatum, errors)
    if bron not in Signaal.Bron.values:
        errors["bron"] = [_("Kies van wie het signaal komt.")]
    _verplicht(errors, "melder", melder, _("Noteer wie het signaal geeft."))
    _verplicht(errors, "zorg", zorg, _("Beschrijf de zorg."))
    _verplicht(errors, "ontvangen_op", ontvangen_op, _("Vul de datum en tijd van het signaal in."))
    _niet_in_toekomst(errors, "ontvangen_op", ontvangen_op, label=_("De datum van het signaal"))
    _raise(errors)
    signaal = Signaal(
        persoon=persoon,
        bron=bron,
        melder=melder.strip(),
        zorg=zorg.strip(),
        ontvangen_op=ontvangen_op,
        geregistreerd_door=user,
    )
    signaal.full_clean(exclude=["persoon"])
    with transaction.atomic():
        signaal.save()
        _log(
            user,
            signaal,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            velden=["bron", "zorg"],
            object_type="signaal",
        )
    return signaal


def trieer_signaal(user, pk: int, *, besluit: str, reden: str, gepland_op=None, kanaal: str):
    """Outreach visit, case consultation, or no action (always with a reason)."""
    _rol(user, DOSSIER_ROLLEN)
    errors: dict[str, list[str]] = {}
    if besluit not in Signaal.Besluit.values:
        errors["besluit"] = [_("Kies wat er met het signaal gebeurt.")]
    if besluit == Signaal.Besluit.GEEN_ACTIE:
        _verplicht(errors, "reden", reden, _("Geef de reden waarom er geen actie volgt."))
    elif besluit:
        _verplicht(errors, "reden", reden, _("Noteer de afspraak: wie gaat wat doen?"))
        _verplicht(
            errors, "gepland_op", gepland_op, _("Vul de datum van het bezoek of overleg in.")
        )
    _raise(errors)
    with transaction.atomic():
        signaal = (
            selectors.signalen_in_scope(user).select_for_update(of=("self",)).filter(pk=pk).first()
        )
        if signaal is None:
            raise PermissionDenied(_("Dit signaal valt buiten uw toegang."))
        if signaal.besluit:
            raise ValidationError({"besluit": [_("Dit signaal is al beoordeeld.")]})
        if gepland_op and gepland_op < timezone.localtime(signaal.ontvangen_op).date():
            raise ValidationError({"gepland_op": [_("De datum ligt vóór het signaal.")]})
        signaal.besluit = besluit
        signaal.besluit_reden = reden.strip()
        signaal.gepland_op = gepland_op if besluit != Signaal.Besluit.GEEN_ACTIE else None
        signaal.getrieerd_door = user
        signaal.getrieerd_op = timezone.now()
        signaal.save()
        _log(
            user,
            signaal,
            actie=audit.Actie.WIJZIGEN,
            kanaal=kanaal,
            velden=["besluit"],
            nieuwe_waarden={"besluit": besluit},
            object_type="signaal",
        )
    return signaal


# --- Het gesprek ------------------------------------------------------------------


ONDERZOEK_TEKSTVELDEN = (
    "eigen_mogelijkheden",
    "netwerk",
    "mantelzorgbelasting",
    "algemene_voorzieningen",
    "wederkerigheid",
    "gewenst_resultaat",
    "conclusie",
)


def _open_onderzoek(melding: Melding) -> Onderzoek:
    if melding.route != Route.BREED or melding.status not in ONDERZOEK_OPEN:
        raise ValidationError(
            {
                "niet_veldgebonden": [
                    _("Het onderzoek van deze melding is afgerond of loopt niet via Het gesprek.")
                ]
            }
        )
    onderzoek, _nieuw = Onderzoek.objects.get_or_create(melding=melding)
    return onderzoek


def _begin_onderzoek(melding: Melding, user):
    if melding.status != Status.IN_ONDERZOEK:
        _stap(melding, Status.IN_ONDERZOEK, user)
    if melding.behandelaar_id is None:
        melding.behandelaar = user
    melding.save(update_fields=["status", "behandelaar"])


def _controleer_scores(scores: dict) -> dict[str, tuple[int, str]]:
    """{domein: (score, reden)} with a score 1–5 and a reason for each, or ValidationError."""
    errors: dict[str, list[str]] = {}
    schoon = {}
    for domein, (score, reden) in scores.items():
        reden = (reden or "").strip()
        if domein not in Domein.values:
            errors.setdefault("scores", []).append(_("Onbekend leefgebied: %(d)s") % {"d": domein})
            continue
        if score in (None, ""):
            if reden:
                errors[f"score_{domein}"] = [_("Geef een score of laat de toelichting leeg.")]
            continue
        try:
            score = int(score)
        except (TypeError, ValueError):
            score = 0
        if not 1 <= score <= 5:
            errors[f"score_{domein}"] = [_("Een score ligt tussen 1 en 5.")]
        elif not reden:
            errors[f"reden_{domein}"] = [
                _(
                    "Leg uit waarom dit leefgebied van belang is voor de vraag; "
                    "zonder reden wordt geen score vastgelegd."
                )
            ]
        else:
            schoon[domein] = (score, reden)
    _raise(errors)
    return schoon


def leg_onderzoek_vast(
    user,
    pk: int,
    *,
    kanaal: str,
    clientondersteuning_gemeld_op=None,
    persoonlijk_plan_op=None,
    scores: dict | None = None,
    **teksten,
) -> Onderzoek:
    """Record Het gesprek. Domain scores only where the question needs them, with a
    reason (the submitted set replaces the stored one)."""
    _rol(user, DOSSIER_ROLLEN)
    onbekend = set(teksten) - set(ONDERZOEK_TEKSTVELDEN)
    if onbekend:
        raise ValidationError(
            {v: [_("Dit veld kan hier niet worden vastgelegd.")] for v in onbekend}
        )
    errors: dict[str, list[str]] = {}
    _niet_in_toekomst(
        errors,
        "clientondersteuning_gemeld_op",
        clientondersteuning_gemeld_op,
        label=_("De datum van het wijzen op cliëntondersteuning"),
    )
    _niet_in_toekomst(
        errors,
        "persoonlijk_plan_op",
        persoonlijk_plan_op,
        label=_("De datum van het persoonlijk plan"),
    )
    _raise(errors)
    schoon = _controleer_scores(scores) if scores is not None else None
    with transaction.atomic():
        melding = _lock(user, pk, DOSSIER_ROLLEN)
        onderzoek = _open_onderzoek(melding)
        begin = _melding_datum(melding)
        for veld, datum in (
            ("clientondersteuning_gemeld_op", clientondersteuning_gemeld_op),
            ("persoonlijk_plan_op", persoonlijk_plan_op),
        ):
            if datum and datum < begin:
                errors[veld] = [_("Deze datum ligt vóór de melding.")]
        _raise(errors)
        onderzoek.clientondersteuning_gemeld_op = clientondersteuning_gemeld_op
        onderzoek.persoonlijk_plan_op = persoonlijk_plan_op
        for veld, waarde in teksten.items():
            setattr(onderzoek, veld, (waarde or "").strip())
        onderzoek.full_clean(exclude=["melding"])
        onderzoek.save()
        velden = ["clientondersteuning", "persoonlijk_plan", *teksten]
        if schoon is not None:
            onderzoek.scores.exclude(domein__in=schoon).delete()
            for domein, (score, reden) in schoon.items():
                Domeinscore.objects.update_or_create(
                    onderzoek=onderzoek, domein=domein, defaults={"score": score, "reden": reden}
                )
            velden += [f"leefgebied:{d}" for d in sorted(schoon)]
        _begin_onderzoek(melding, user)
        _log(
            user,
            melding,
            actie=audit.Actie.WIJZIGEN,
            kanaal=kanaal,
            velden=velden,
            object_type="onderzoek",
        )
    return onderzoek


def plan_gesprek(
    user,
    pk: int,
    *,
    gepland_op,
    locatie: str,
    gevoerd: bool = False,
    notitie: str = "",
    deelnemers: list[tuple[str, str]] = (),
    kanaal: str,
) -> Gesprek:
    """Plan (or record) a conversation; the resident must first have been told of free
    independent client support."""
    _rol(user, DOSSIER_ROLLEN)
    errors: dict[str, list[str]] = {}
    _verplicht(errors, "gepland_op", gepland_op, _("Vul de datum en tijd van het gesprek in."))
    _verplicht(errors, "locatie", locatie, _("Vul de plaats van het gesprek in."))
    if gevoerd:
        _niet_in_toekomst(errors, "gepland_op", gepland_op, label=_("Een gevoerd gesprek"))
    for soort, _naam in deelnemers:
        if soort not in Deelnemer.Soort.values:
            errors.setdefault("deelnemers", []).append(_("Onbekende rol van een deelnemer."))
    _raise(errors)
    with transaction.atomic():
        melding = _lock(user, pk, DOSSIER_ROLLEN)
        onderzoek = _open_onderzoek(melding)
        if onderzoek.clientondersteuning_gemeld_op is None:
            raise ValidationError(
                {
                    "niet_veldgebonden": [
                        _(
                            "Wijs de inwoner vóór het onderzoek op gratis onafhankelijke "
                            "cliëntondersteuning en leg dat vast bij het onderzoek."
                        )
                    ]
                }
            )
        if timezone.localtime(gepland_op).date() < _melding_datum(melding):
            raise ValidationError({"gepland_op": [_("Het gesprek ligt vóór de melding.")]})
        gesprek = Gesprek.objects.create(
            melding=melding,
            gepland_op=gepland_op,
            locatie=locatie.strip(),
            gevoerd=gevoerd,
            notitie=(notitie or "").strip(),
            gespreksvoerder=user,
        )
        Deelnemer.objects.bulk_create(
            Deelnemer(gesprek=gesprek, soort=soort, naam=naam.strip())
            for soort, naam in deelnemers
            if naam and naam.strip()
        )
        _begin_onderzoek(melding, user)
        _log(
            user,
            melding,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            velden=["gesprek", "deelnemers"],
            object_type="gesprek",
        )
    return gesprek


def leg_behoefte_vast(
    user, pk: int, *, omschrijving: str, niveau, inzet: str, afwegingen: dict, kanaal: str
) -> Behoefte:
    """One need on the solution ladder: a heavier option only with, for every lighter
    option, the reason why it does not suffice."""
    _rol(user, DOSSIER_ROLLEN)
    errors: dict[str, list[str]] = {}
    _verplicht(errors, "omschrijving", omschrijving, _("Beschrijf de behoefte."))
    _verplicht(errors, "inzet", inzet, _("Beschrijf wat er wordt ingezet."))
    try:
        niveau = Niveau(int(niveau))
    except (TypeError, ValueError):
        errors["niveau"] = [_("Kies een oplossing op de ladder.")]
        niveau = None
    redenen = {}
    if niveau is not None:
        for lager in Niveau:
            if lager >= niveau:
                break
            reden = (afwegingen.get(lager.value) or afwegingen.get(str(lager.value)) or "").strip()
            if not reden:
                errors[f"afweging_{lager.value}"] = [
                    _("Leg uit waarom %(optie)s niet volstaat.") % {"optie": lager.label.lower()}
                ]
            redenen[lager.value] = reden
    _raise(errors)
    with transaction.atomic():
        melding = _lock(user, pk, DOSSIER_ROLLEN)
        _open_onderzoek(melding)
        behoefte = Behoefte.objects.create(
            melding=melding,
            omschrijving=omschrijving.strip(),
            niveau=niveau,
            inzet=inzet.strip(),
            door=user,
        )
        Afweging.objects.bulk_create(
            Afweging(behoefte=behoefte, niveau=n, waarom_niet=r) for n, r in redenen.items()
        )
        _begin_onderzoek(melding, user)
        _log(
            user,
            melding,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            velden=["behoefte", "oplossing"],
            object_type="oplossingsladder",
        )
    return behoefte


def advies(keuzes) -> str:
    """Aanvullend when most criteria point there; on a tie the lighter basis
    ("licht waar het kan, zwaar waar nodig")."""
    keuzes = list(keuzes)
    aanvullend = sum(1 for k in keuzes if k == Ondersteuning.AANVULLEND)
    return Ondersteuning.AANVULLEND if aanvullend * 2 > len(keuzes) else Ondersteuning.BASIS


def trieer(
    user,
    pk: int,
    *,
    criteriaset_id: int,
    keuzes: dict,
    besluit: str,
    afwijkingsreden: str = "",
    leveringsvorm: str = "",
    toelichting: str = "",
    kanaal: str,
) -> Triage:
    """Triage basis vs aanvullend with the municipality's criteria; the worker confirms
    the advice or overrides it with a reason."""
    _rol(user, DOSSIER_ROLLEN)
    criteriaset = selectors.criteriasets().filter(pk=criteriaset_id).first()
    if criteriaset is None:
        raise ValidationError({"criteriaset": [_("Kies een soort ondersteuning.")]})
    errors: dict[str, list[str]] = {}
    antwoorden = []
    for c in criteriaset.criteria.all():
        keuze = keuzes.get(c.pk) or keuzes.get(str(c.pk))
        if keuze not in Ondersteuning.values:
            errors[f"criterium_{c.pk}"] = [_("Kies wat het best past bij: %(c)s.") % {"c": c.naam}]
            continue
        tekst = c.basis if keuze == Ondersteuning.BASIS else c.aanvullend
        antwoorden.append({"criterium": c.naam, "keuze": keuze, "tekst": tekst})
    if besluit not in Ondersteuning.values:
        errors["besluit"] = [_("Bevestig het advies of kies anders.")]
    if leveringsvorm not in Leveringsvorm.values:
        errors["leveringsvorm"] = [_("Kies een leveringsvorm.")]
    elif leveringsvorm and besluit == Ondersteuning.BASIS:
        errors["leveringsvorm"] = [
            _(
                "Basisondersteuning is een algemene voorziening: ZIN of PGB hoort alleen bij "
                "aanvullende ondersteuning."
            )
        ]
    _raise(errors)
    uitkomst = advies(a["keuze"] for a in antwoorden)
    afwijkingsreden = (afwijkingsreden or "").strip()
    if besluit != uitkomst and not afwijkingsreden:
        raise ValidationError({"afwijkingsreden": [_("U wijkt af van het advies: geef de reden.")]})
    with transaction.atomic():
        melding = _lock(user, pk, DOSSIER_ROLLEN)
        _open_onderzoek(melding)
        triage = Triage.objects.create(
            melding=melding,
            criteriaset=criteriaset,
            antwoorden=antwoorden,
            advies=uitkomst,
            besluit=besluit,
            afwijkingsreden=afwijkingsreden if besluit != uitkomst else "",
            leveringsvorm=leveringsvorm,
            toelichting=(toelichting or "").strip(),
            door=user,
        )
        _begin_onderzoek(melding, user)
        _log(
            user,
            melding,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            velden=["triage"],
            nieuwe_waarden={"advies": uitkomst, "besluit": besluit},
            object_type="triage",
        )
    return triage


def rond_onderzoek_af(user, pk: int, *, datum, kanaal: str) -> Melding:
    """Complete the investigation; this stops the 6-week term."""
    _rol(user, DOSSIER_ROLLEN)
    errors: dict[str, list[str]] = {}
    _verplicht(errors, "datum", datum, _("Vul de datum van afronden in."))
    _niet_in_toekomst(errors, "datum", datum, label=_("De datum van afronden"))
    _raise(errors)
    with transaction.atomic():
        melding = _lock(user, pk, DOSSIER_ROLLEN)
        onderzoek = _open_onderzoek(melding)
        if datum < _melding_datum(melding):
            errors["datum"] = [_("Deze datum ligt vóór de melding.")]
        if onderzoek.clientondersteuning_gemeld_op is None:
            errors.setdefault("niet_veldgebonden", []).append(
                _("Leg vast wanneer de inwoner is gewezen op gratis cliëntondersteuning.")
            )
        if not melding.gesprekken.filter(gevoerd=True).exists():
            errors.setdefault("niet_veldgebonden", []).append(
                _("Er is nog geen gevoerd gesprek vastgelegd.")
            )
        if not onderzoek.gewenst_resultaat:
            errors.setdefault("niet_veldgebonden", []).append(
                _("Noteer het resultaat dat de inwoner wil bereiken.")
            )
        _raise(errors)
        melding.onderzoek_afgerond_op = datum
        _stap(melding, Status.ONDERZOEK_AFGEROND, user)
        melding.save(update_fields=["onderzoek_afgerond_op", "status"])
        _log(
            user,
            melding,
            actie=audit.Actie.WIJZIGEN,
            kanaal=kanaal,
            velden=["onderzoek_afgerond_op"],
            nieuwe_waarden={"onderzoek_afgerond_op": str(datum)},
        )
    return melding


def draag_over(user, pk: int, *, toelichting: str, kanaal: str) -> Overdracht:
    """Hand the outcome of Het gesprek over to the support plan (basis) or as a referral
    to aanvullende ondersteuning, following the last triage."""
    _rol(user, DOSSIER_ROLLEN)
    errors: dict[str, list[str]] = {}
    _verplicht(errors, "toelichting", toelichting, _("Noteer wat de overdracht inhoudt."))
    _raise(errors)
    with transaction.atomic():
        melding = _lock(user, pk, DOSSIER_ROLLEN)
        if melding.status != Status.ONDERZOEK_AFGEROND:
            raise ValidationError({"niet_veldgebonden": [_("Rond eerst het onderzoek af.")]})
        triage = melding.triages.order_by("-op", "-pk").first()
        if triage is None:
            raise ValidationError(
                {"niet_veldgebonden": [_("Doe eerst de triage basis of aanvullend.")]}
            )
        overdracht = Overdracht.objects.create(
            melding=melding,
            naar=Overdracht.Naar.VERWIJZING
            if triage.besluit == Ondersteuning.AANVULLEND
            else Overdracht.Naar.PLAN,
            leveringsvorm=triage.leveringsvorm,
            toelichting=toelichting.strip(),
            door=user,
        )
        _stap(melding, Status.OVERGEDRAGEN, user, overdracht.get_naar_display())
        melding.save(update_fields=["status"])
        _log(
            user,
            melding,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            velden=["overdracht"],
            nieuwe_waarden={"naar": overdracht.naar},
            object_type="overdracht",
        )
    return overdracht


def reageer_op_verslag(user, pk: int, *, tekst: str, kanaal: str) -> VerslagReactie:
    """The resident comments on the report of Het gesprek."""
    _rol(user, {Rol.INWONER})
    if not (tekst or "").strip():
        raise ValidationError({"tekst": [_("Schrijf uw reactie.")]})
    with transaction.atomic():
        melding = _lock(user, pk, {Rol.INWONER})
        if melding.onderzoek_afgerond_op is None:
            raise ValidationError({"tekst": [_("Het verslag is nog niet klaar.")]})
        reactie = VerslagReactie.objects.create(melding=melding, tekst=tekst.strip(), door=user)
        _log(
            user,
            melding,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            velden=["reactie"],
            object_type="verslag",
        )
    return reactie


# --- terms ------------------------------------------------------------------------


def leg_termijnstap_vast(user, pk: int, *, stap: str, datum, kanaal: str) -> Melding:
    """Record the aanvraag, the decision or a notice of default (ingebrekestelling)."""
    _rol(user, DOSSIER_ROLLEN)
    labels = {
        "aanvraag": _("De datum van de aanvraag"),
        "besluit": _("De datum van het besluit"),
        "ingebrekestelling": _("De datum van de ingebrekestelling"),
    }
    if stap not in labels:
        raise ValidationError({"stap": [_("Onbekende stap.")]})
    errors: dict[str, list[str]] = {}
    _verplicht(errors, "datum", datum, _("Vul de datum in."))
    _niet_in_toekomst(errors, "datum", datum, label=labels[stap])
    _raise(errors)
    with transaction.atomic():
        melding = _lock(user, pk, DOSSIER_ROLLEN)
        fout = _termijnstap_fout(melding, stap, datum)
        if fout:
            raise ValidationError({"datum": [fout]})
        veld = f"{stap}_op"
        setattr(melding, veld, datum)
        melding.save(update_fields=[veld])
        _log(
            user,
            melding,
            actie=audit.Actie.WIJZIGEN,
            kanaal=kanaal,
            velden=[veld],
            nieuwe_waarden={veld: str(datum)},
        )
    return melding


def _termijnstap_fout(melding: Melding, stap: str, datum) -> str:
    if stap == "aanvraag":
        if melding.aanvraag_op:
            return _("De aanvraag is al vastgelegd.")
        if datum < _melding_datum(melding):
            return _("De aanvraag ligt vóór de melding.")
        return ""
    if not melding.aanvraag_op:
        return _("Leg eerst de aanvraag vast.")
    if melding.besluit_op:
        return _("Op deze aanvraag is al besloten.")
    if datum < melding.aanvraag_op:
        return _("Deze datum ligt vóór de aanvraag.")
    if stap == "ingebrekestelling":
        if melding.ingebrekestelling_op:
            return _("De ingebrekestelling is al vastgelegd.")
        einde = selectors.termijnen_van(melding, datum).besluit.einddatum
        if datum <= einde:
            return _(
                "Een ingebrekestelling kan pas na afloop van de beslistermijn (%(einde)s)."
            ) % {"einde": einde.strftime("%d-%m-%Y")}
    return ""


def schort_op(user, pk: int, *, termijn: str, van, tot=None, grond: str, reden: str, kanaal: str):
    """Suspend a term at the resident's request; its days are added to the term."""
    _rol(user, DOSSIER_ROLLEN)
    errors: dict[str, list[str]] = {}
    if termijn not in Termijn.values:
        errors["termijn"] = [_("Kies de termijn.")]
    if grond not in Opschorting.Grond.values:
        errors["grond"] = [_("Kies de grond.")]
    _verplicht(errors, "van", van, _("Vul de begindatum in."))
    _verplicht(errors, "reden", reden, _("Noteer de reden van de opschorting."))
    _niet_in_toekomst(errors, "van", van, label=_("De begindatum"))
    if van and tot and tot < van:
        errors["tot"] = [_("De einddatum ligt vóór de begindatum.")]
    _raise(errors)
    with transaction.atomic():
        melding = _lock(user, pk, DOSSIER_ROLLEN)
        stand = getattr(selectors.termijnen_van(melding), termijn)
        if stand is None or stand.afgerond_op is not None:
            raise ValidationError({"termijn": [_("Deze termijn loopt niet.")]})
        if van < stand.start:
            raise ValidationError({"van": [_("De opschorting begint vóór de termijn.")]})
        if melding.opschortingen.filter(termijn=termijn, tot__isnull=True).exists():
            raise ValidationError({"van": [_("Er loopt al een opschorting; beëindig die eerst.")]})
        opschorting = Opschorting.objects.create(
            melding=melding,
            termijn=termijn,
            van=van,
            tot=tot,
            grond=grond,
            reden=reden.strip(),
            door=user,
        )
        _log(
            user,
            melding,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            velden=["opschorting"],
            nieuwe_waarden={"termijn": termijn, "van": str(van), "tot": str(tot or "")},
        )
    return opschorting


def beeindig_opschorting(user, pk: int, *, termijn: str, tot, kanaal: str) -> Opschorting:
    _rol(user, DOSSIER_ROLLEN)
    if tot is None:
        raise ValidationError({"tot": [_("Vul de einddatum in.")]})
    with transaction.atomic():
        melding = _lock(user, pk, DOSSIER_ROLLEN)
        opschorting = melding.opschortingen.filter(termijn=termijn, tot__isnull=True).first()
        if opschorting is None:
            raise ValidationError({"tot": [_("Er loopt geen opschorting.")]})
        if tot < opschorting.van:
            raise ValidationError({"tot": [_("De einddatum ligt vóór de begindatum.")]})
        opschorting.tot = tot
        opschorting.save(update_fields=["tot"])
        _log(
            user,
            melding,
            actie=audit.Actie.WIJZIGEN,
            kanaal=kanaal,
            velden=["opschorting"],
            nieuwe_waarden={"tot": str(tot)},
        )
    return opschorting


# --- household help provider ------------------------------------------------------


def hh_stap(user, pk: int, *, stap: str, kanaal: str) -> Melding:
    """The provider confirms receipt, and later that its investigation is done."""
    _rol(user, {Rol.ZORGAANBIEDER})
    with transaction.atomic():
        melding = _lock(user, pk, {Rol.ZORGAANBIEDER})
        if stap == "ontvangen" and melding.hh_ontvangen_op is None:
            melding.hh_ontvangen_op = timezone.now()
            melding.save(update_fields=["hh_ontvangen_op"])
        elif stap == "afgerond" and melding.status == Status.BIJ_AANBIEDER:
            melding.onderzoek_afgerond_op = timezone.localdate()
            melding.hh_ontvangen_op = melding.hh_ontvangen_op or timezone.now()
            _stap(melding, Status.ONDERZOEK_AFGEROND, user, _("Onderzoek door aanbieder"))
            melding.save(update_fields=["onderzoek_afgerond_op", "status", "hh_ontvangen_op"])
        else:
            raise ValidationError({"stap": [_("Deze stap is al gezet.")]})
        _log(user, melding, actie=audit.Actie.WIJZIGEN, kanaal=kanaal, velden=[stap])
    return melding


# --- background -------------------------------------------------------------------


@dataclass
class Bewaking:
    waarschuwingen: int = 0
    verlopen: int = 0
    nieuw: list = field(default_factory=list)


def bewaak_termijnen(dagen: int = 7, peildatum: datetime.date | None = None) -> Bewaking:
    """Create a Termijnsignaal for every running term that expires within ``dagen`` days
    or has expired. Idempotent: one signal per term, kind and end date."""
    from .models import Termijnsignaal

    peildatum = peildatum or timezone.localdate()
    resultaat = Bewaking()
    zaken = selectors.lopende_zaken(Melding.objects.prefetch_related("opschortingen")).order_by(
        "pk"
    )
    for melding in zaken.iterator(chunk_size=500):
        termijnen = selectors.termijnen_van(melding, peildatum)
        for soort, stand in (
            (Termijn.ONDERZOEK, termijnen.onderzoek),
            (Termijn.BESLUIT, termijnen.besluit),
        ):
            if stand is None or stand.afgerond_op is not None or stand.opgeschort:
                continue
            if stand.dagen_over > dagen:
                continue
            signaalsoort = (
                Termijnsignaal.Soort.VERLOPEN
                if stand.verlopen
                else Termijnsignaal.Soort.WAARSCHUWING
            )
            _obj, nieuw = Termijnsignaal.objects.get_or_create(
                melding=melding, termijn=soort, soort=signaalsoort, einddatum=stand.einddatum
            )
            if nieuw:
                resultaat.nieuw.append(_obj.pk)
                if stand.verlopen:
                    resultaat.verlopen += 1
                else:
                    resultaat.waarschuwingen += 1
    return resultaat
