"""Writing residents. Each function is one transaction with its audit record."""

import datetime
from dataclasses import asdict, dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import REGISTRATIE_ROLLEN, doel_voor, scope_of
from openwmo.gebieden.selectors import buurt_voor_postcode, normaliseer_postcode
from openwmo.privacy import services as audit

from .models import Adres, Huishouden, Persoon
from .selectors import personen_in_scope


@dataclass
class NieuweInwoner:
    bsn: str
    voornamen: str
    achternaam: str
    geboortedatum: datetime.date | None
    straat: str
    huisnummer: int | None
    postcode: str
    woonplaats: str
    voorvoegsel: str = ""
    geslacht: str = Persoon.Geslacht.ONBEKEND
    huisletter: str = ""
    huisnummertoevoeging: str = ""
    telefoon: str = ""
    email: str = ""


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def registreer_inwoner(user, gegevens: NieuweInwoner, *, kanaal: str) -> Persoon:
    """Register a resident with a new one-person household at an address in the municipality.

    Raises ValidationError (with Dutch messages per field) and stores nothing when input is wrong.
    """
    scope = scope_of(user)
    if scope.rol not in REGISTRATIE_ROLLEN:
        raise PermissionDenied(_("Uw rol mag geen inwoners registreren."))
    data = {k: _strip(v) for k, v in asdict(gegevens).items()}
    data["postcode"] = normaliseer_postcode(data["postcode"] or "")
    data["bsn"] = (data["bsn"] or "").replace(" ", "")

    adres = Adres(
        straat=data["straat"] or "",
        huisnummer=data["huisnummer"],
        huisletter=data["huisletter"] or "",
        huisnummertoevoeging=data["huisnummertoevoeging"] or "",
        postcode=data["postcode"],
        woonplaats=data["woonplaats"] or "",
    )
    persoon = Persoon(
        bsn=data["bsn"],
        voornamen=data["voornamen"] or "",
        voorvoegsel=data["voorvoegsel"] or "",
        achternaam=data["achternaam"] or "",
        geboortedatum=data["geboortedatum"],
        geslacht=data["geslacht"] or Persoon.Geslacht.ONBEKEND,
        telefoon=data["telefoon"] or "",
        email=data["email"] or "",
        rol_in_huishouden=Persoon.RolInHuishouden.HOOFDBEWONER,
    )
    errors: dict[str, list[str]] = {}
    for obj, exclude in ((adres, ["buurt"]), (persoon, ["huishouden"])):
        try:
            obj.full_clean(exclude=exclude, validate_unique=False)
        except ValidationError as exc:
            for field, msgs in exc.message_dict.items():
                errors.setdefault(field, []).extend(msgs)
    if "geboortedatum" not in errors and persoon.geboortedatum:
        if persoon.geboortedatum > timezone.localdate():
            errors["geboortedatum"] = [_("De geboortedatum ligt in de toekomst.")]
    if "bsn" not in errors and Persoon.objects.filter(bsn=persoon.bsn).exists():
        errors["bsn"] = [_("Er staat al een inwoner met dit BSN in het register.")]
    buurt = None
    if "postcode" not in errors:
        buurt = buurt_voor_postcode(adres.postcode)
        if buurt is None:
            errors["postcode"] = [_("Deze postcode ligt niet in de gemeente.")]
        elif scope.rol == Rol.SOCIAAL_WERKER and buurt.wijk_id not in scope.wijk_ids:
            errors["postcode"] = [_("Dit adres ligt buiten uw werkgebied.")]
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        adres.buurt = buurt
        adres.save()
        huishouden = Huishouden.objects.create(
            adres=adres, samenstelling=Huishouden.Samenstelling.ALLEENSTAAND
        )
        persoon.huishouden = huishouden
        persoon.save()
        audit.log(
            user,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="persoon",
            object_id=persoon.pk,
            persoon_id=persoon.pk,
            velden=["bsn", "naam", "geboortedatum", "geslacht", "adres", "contactgegevens"],
            nieuwe_waarden={"adres": str(adres), "naam": persoon.volledige_naam},
        )
    return persoon


CONTACTVELDEN = ("telefoon", "email")


def wijzig_contactgegevens(user, persoon_id: int, *, kanaal: str, **wijzigingen) -> Persoon:
    """Change a resident's phone and e-mail. Old and new values go to the audit trail."""
    if scope_of(user).rol not in REGISTRATIE_ROLLEN | {Rol.INWONER}:
        raise PermissionDenied(_("Uw rol mag deze gegevens niet wijzigen."))
    onbekend = set(wijzigingen) - set(CONTACTVELDEN)
    if onbekend:
        raise ValidationError(
            {veld: [_("Dit veld kan hier niet worden gewijzigd.")] for veld in onbekend}
        )
    with transaction.atomic():
        persoon = (
            personen_in_scope(user).select_for_update(of=("self",)).filter(pk=persoon_id).first()
        )
        if persoon is None:
            raise PermissionDenied(_("Deze inwoner valt buiten uw toegang."))
        oud = {veld: getattr(persoon, veld) for veld in wijzigingen}
        for veld, waarde in wijzigingen.items():
            setattr(persoon, veld, _strip(waarde) or "")
        persoon.full_clean(exclude=["huishouden"], validate_unique=False)
        nieuw = {veld: getattr(persoon, veld) for veld in wijzigingen}
        gewijzigd = sorted(veld for veld in wijzigingen if oud[veld] != nieuw[veld])
        if not gewijzigd:
            return persoon
        persoon.save(update_fields=[*gewijzigd, "gewijzigd_op"])
        audit.log(
            user,
            actie=audit.Actie.WIJZIGEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="persoon",
            object_id=persoon.pk,
            persoon_id=persoon.pk,
            velden=gewijzigd,
            oude_waarden={v: oud[v] for v in gewijzigd},
            nieuwe_waarden={v: nieuw[v] for v in gewijzigd},
        )
    return persoon


def doorbraak(user, *, bsn: str, reden: str, kanaal: str) -> Persoon:
    """Break-the-glass: open a file outside one's work area for a stated reason.

    Only roles that work with files may do so, only for an exact BSN; the access is
    logged, lasts a few hours and is reviewed by the privacy officer."""
    if scope_of(user).rol not in REGISTRATIE_ROLLEN:
        raise PermissionDenied(_("Uw rol kan geen toegang buiten het werkgebied vragen."))
    bsn = (bsn or "").replace(" ", "")
    try:
        Persoon._meta.get_field("bsn").run_validators(bsn)
    except ValidationError as exc:
        raise ValidationError({"bsn": exc.messages}) from exc
    with transaction.atomic():
        persoon = Persoon.objects.filter(bsn=bsn).first()
        if persoon is None:
            raise ValidationError(
                {"bsn": [_("Er staat geen inwoner met dit BSN in het register.")]}
            )
        audit.registreer_doorbraak(user, persoon, reden, kanaal=kanaal)
    return persoon


def corrigeer_contactgegeven(user, persoon_id: int, *, veld: str, waarde: str, reden: str):
    """Apply a granted correction request (AVG art. 16) to a phone number or e-mail address."""
    if scope_of(user).rol != Rol.PRIVACY_FUNCTIONARIS:
        raise PermissionDenied(_("Alleen de privacyfunctionaris voert correcties door."))
    if veld not in CONTACTVELDEN:
        raise ValidationError({veld: [_("Dit gegeven kan niet zo worden gecorrigeerd.")]})
    with transaction.atomic():
        persoon = Persoon.objects.select_for_update().get(pk=persoon_id)
        oud = getattr(persoon, veld)
        setattr(persoon, veld, (waarde or "").strip())
        try:
            persoon.full_clean(exclude=["huishouden"], validate_unique=False)
        except ValidationError as exc:
            raise ValidationError({"besluit": exc.messages}) from exc
        persoon.save(update_fields=[veld, "gewijzigd_op"])
        audit.log(
            user,
            actie=audit.Actie.WIJZIGEN,
            kanaal=audit.Kanaal.UI,
            doel="Recht op rectificatie (AVG art. 16)",
            object_type="persoon",
            object_id=persoon.pk,
            persoon_id=persoon.pk,
            velden=[veld],
            oude_waarden={veld: oud},
            nieuwe_waarden={veld: getattr(persoon, veld)},
            toelichting=reden,
        )
    return persoon
