"""Two-factor authentication (TOTP) set-up and checks, enrolment codes and API tokens."""

import datetime
import io
import secrets

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from openwmo.privacy import services as privacy

from .middleware import is_medewerker
from .models import Inschrijfcode, Rol, Rolwijziging, RolwijzigingStap, User
from .selectors import doel_voor

DEVICE_NAME = "Authenticator-app"
CODE_TEKENS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to read out
CODE_LENGTE = 12


def nieuw_apparaat(user) -> TOTPDevice:
    """A new unconfirmed TOTP device; it replaces an older unconfirmed one."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def onbevestigd_apparaat(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


def _doel(user) -> str:
    return doel_voor(user) if user is not None else "Beveiliging OpenWmo"


def _normaliseer(code: str) -> str:
    return "".join(teken for teken in code.upper() if teken.isalnum())


def _hash(code: str) -> str:
    return salted_hmac("openwmo.accounts.inschrijfcode", _normaliseer(code)).hexdigest()


def _open_codes(gebruiker_id: int):
    return Inschrijfcode.objects.filter(
        gebruiker_id=gebruiker_id,
        gebruikt_op=None,
        vervallen_op=None,
        verloopt_op__gt=timezone.now(),
    )


def geef_inschrijfcode(door, gebruiker_id: int, *, kanaal: str) -> tuple[Inschrijfcode, str]:
    """A new one-time enrolment code for a staff member; earlier open codes lapse.

    ``door`` is the beheerder (never for himself), or None for the server's command line
    (``openwmo inschrijfcode``, to enrol the first beheerder). Returns the record and the
    code itself, which is stored only as a hash and shown once."""
    if door is not None and door.rol != Rol.BEHEERDER:
        raise PermissionDenied
    with transaction.atomic():
        gebruiker = User.objects.select_for_update().filter(pk=gebruiker_id).first()
        if gebruiker is None or not gebruiker.is_active or not is_medewerker(gebruiker):
            raise ValidationError(
                {"gebruiker": [_("Kies een actieve medewerker; inwoners hebben geen code nodig.")]}
            )
        if door is not None and gebruiker.pk == door.pk:
            raise ValidationError(
                {
                    "gebruiker": [
                        _(
                            "U kunt geen inschrijfcode voor uzelf uitgeven. Vraag een andere "
                            "functioneel beheerder."
                        )
                    ]
                }
            )
        nu = timezone.now()
        _open_codes(gebruiker.pk).update(vervallen_op=nu)
        code = "".join(secrets.choice(CODE_TEKENS) for _i in range(CODE_LENGTE))
        record = Inschrijfcode.objects.create(
            gebruiker=gebruiker,
            code_hash=_hash(code),
            uitgegeven_door=door if door is not None else gebruiker,
            verloopt_op=nu + datetime.timedelta(hours=settings.INSCHRIJFCODE_GELDIG_UREN),
        )
        privacy.log(
            door,
            actie=privacy.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=_doel(door),
            object_type="accounts.inschrijfcode",
            object_id=record.pk,
            nieuwe_waarden={
                "gebruiker": gebruiker.username,
                "verloopt_op": record.verloopt_op.isoformat(),
            },
            toelichting="Inschrijfcode voor tweestapsverificatie uitgegeven",
        )
    leesbaar = "-".join(code[i : i + 4] for i in range(0, CODE_LENGTE, 4))
    return record, leesbaar


def controleer_inschrijfcode(user, code: str) -> Inschrijfcode | None:
    """The user's open code that matches, or None. A wrong code counts against every open
    code of the user; after Inschrijfcode.MAX_POGINGEN wrong tries a code lapses."""
    gezocht = _hash(code)
    with transaction.atomic():
        codes = list(_open_codes(user.pk).select_for_update())
        for record in codes:
            if constant_time_compare(record.code_hash, gezocht):
                return record
        nu = timezone.now()
        for record in codes:
            record.foute_pogingen += 1
            if record.foute_pogingen >= Inschrijfcode.MAX_POGINGEN:
                record.vervallen_op = nu
            record.save(update_fields=["foute_pogingen", "vervallen_op"])
    return None


def open_inschrijfcode(user, code_id) -> Inschrijfcode | None:
    if not code_id:
        return None
    return _open_codes(user.pk).filter(pk=code_id).first()


def schrijf_apparaat_in(
    user, device: TOTPDevice, token: str, *, geverifieerd: bool, inschrijfcode_id=None
) -> bool:
    """Confirm a new authenticator app with its first code; it replaces the user's other
    devices. Allowed only from a session that passed the second factor, or with an open
    enrolment code from a beheerder (which is then used up). False for a wrong code."""
    with transaction.atomic():
        code = None
        if not geverifieerd:
            code = (
                _open_codes(user.pk).select_for_update().filter(pk=inschrijfcode_id).first()
                if inschrijfcode_id
                else None
            )
            if code is None:
                raise PermissionDenied
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
        if not device.verify_token(token):
            return False
        vervangen = TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()[0]
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        if code is not None:
            code.gebruikt_op = timezone.now()
            code.save(update_fields=["gebruikt_op"])
        privacy.log(
            user,
            actie=privacy.Actie.WIJZIGEN,
            kanaal=privacy.Kanaal.UI,
            doel=_doel(user),
            object_type="accounts.tweestaps",
            object_id=user.pk,
            nieuwe_waarden={
                "apparaat": "vervangen" if vervangen else "ingesteld",
                "via": f"inschrijfcode {code.pk}" if code else "geverifieerde sessie",
            },
            toelichting="Authenticator-app ingesteld",
        )
    return True


def nieuw_token(user, *, kanaal: str) -> Token:
    """A new API token for the user; it replaces (revokes) the previous one."""
    with transaction.atomic():
        User.objects.select_for_update().get(pk=user.pk)  # one token request at a time
        oud = Token.objects.filter(user=user).delete()[0]
        token = Token.objects.create(user=user)
        privacy.log(
            user,
            actie=privacy.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=_doel(user),
            object_type="authtoken.token",
            object_id=user.pk,
            nieuwe_waarden={"token": "uitgegeven", "vorig_token": "vervangen" if oud else "geen"},
            toelichting="API-token uitgegeven",
        )
    return token


def trek_token_in(door, gebruiker_id: int, *, kanaal: str) -> bool:
    """Revoke a user's API token: the user himself, or a beheerder. False if there was none."""
    if door.pk != gebruiker_id and door.rol != Rol.BEHEERDER:
        raise PermissionDenied
    with transaction.atomic():
        weg = Token.objects.filter(user_id=gebruiker_id).delete()[0]
        if weg:
            privacy.log(
                door,
                actie=privacy.Actie.WIJZIGEN,
                kanaal=kanaal,
                doel=_doel(door),
                object_type="authtoken.token",
                object_id=gebruiker_id,
                oude_waarden={"token": "actief"},
                nieuwe_waarden={"token": "ingetrokken"},
                toelichting="API-token ingetrokken",
            )
    return bool(weg)


def qr_svg(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


# === gebruikersbeheer: roles, passwords and deactivation ================================
# The functioneel beheerder manages log-ins but cannot give himself (or, alone, anyone)
# access to personal data: a role that reads personal data needs a second administrator
# (four-eyes), nobody changes his own rights, superuser status is never granted through
# the product (only ``openwmo createsuperuser`` on the server), and a password is never
# chosen or seen by an administrator. Every step writes an audit record that the privacy
# officer finds in the audit log (object "gebruiker" or "rolwijziging").

# Roles that read residents' personal data, so granting them needs a second administrator:
# - vrijwilliger: visitors and matches in the buurtkamer (aanbod)
# - sociaal_werker, wmo_consulent: resident files in their wijken / municipality-wide
# - zorgaanbieder: toewijzingen, plan lines and complaints of their own clients
# - toezichthouder: complaints and calamities about residents (kwaliteit)
# - privacy_functionaris: the audit log per resident and the inzage export
# - beheerder: manages log-ins, so it can approve access for others
# Not listed: inwoner (only the own household, through the linked person) and
# beleidsmaker (figures with small numbers suppressed, contracts, budgets).
PERSOONSGEGEVENS_ROLLEN = frozenset(
    {
        Rol.VRIJWILLIGER,
        Rol.SOCIAAL_WERKER,
        Rol.ZORGAANBIEDER,
        Rol.WMO_CONSULENT,
        Rol.TOEZICHTHOUDER,
        Rol.PRIVACY_FUNCTIONARIS,
        Rol.BEHEERDER,
    }
)
BEHEER_DOEL = "Gebruikersbeheer: toegang tot persoonsgegevens bewaken (AVG art. 32)"
MIN_REDEN = 10


def is_beheerder(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.rol == Rol.BEHEERDER or user.is_superuser)
    )


def _alleen_beheerder(user) -> None:
    if not is_beheerder(user):
        raise PermissionDenied(_("Alleen een functioneel beheerder beheert gebruikers."))


def _niet_zelf(door, gebruiker, veld: str = "gebruiker") -> None:
    if door.pk == gebruiker.pk:
        raise ValidationError(
            {veld: [_("U kunt uw eigen account niet wijzigen. Vraag een andere beheerder.")]}
        )


def vier_ogen_nodig(nieuwe_rol: str) -> bool:
    return nieuwe_rol in PERSOONSGEGEVENS_ROLLEN


def _wijknamen(wijken) -> list[str]:
    return sorted(w.naam for w in wijken)


def _log_gebruiker(door, gebruiker, *, actie, velden, oude=None, nieuwe=None, toelichting=""):
    privacy.log(
        door,
        actie=actie,
        kanaal=privacy.Kanaal.UI,
        doel=BEHEER_DOEL,
        object_type="gebruiker",
        object_id=gebruiker.pk,
        velden=velden,
        oude_waarden=oude,
        nieuwe_waarden=nieuwe,
        toelichting=f"{gebruiker.username}: {toelichting}",
    )


def _stap(verzoek, status, door, toelichting="") -> None:
    RolwijzigingStap.objects.create(
        verzoek=verzoek, status=status, door=door, toelichting=toelichting[:1000]
    )
    aangevraagd = status == Rolwijziging.Status.AANGEVRAAGD
    privacy.log(
        door,
        actie=privacy.Actie.AANMAKEN if aangevraagd else privacy.Actie.WIJZIGEN,
        kanaal=privacy.Kanaal.UI,
        doel=BEHEER_DOEL,
        object_type="rolwijziging",
        object_id=verzoek.pk,
        velden=_verzoek_velden(verzoek),
        oude_waarden={
            "rol": verzoek.oude_rol,
            "wijken": verzoek.oude_wijken,
            **_organisatie_waarden(verzoek.oude_organisatie),
        },
        nieuwe_waarden={
            "rol": verzoek.nieuwe_rol,
            "wijken": _wijknamen(verzoek.wijken.all()),
            **_nieuwe_organisatie_waarden(verzoek),
            **({"is_active": True} if verzoek.heractiveren else {}),
            "status": status,
        },
        toelichting=f"{verzoek.gebruiker.username}: {toelichting}",
    )


def _verzoek_velden(verzoek) -> list[str]:
    velden = ["rol", "wijken"]
    if verzoek.organisatie_id:
        velden += ["organisatie", "team", "teamleider"]
    if verzoek.heractiveren:
        velden.append("is_active")
    return velden


def _organisatie_waarden(inrichting: dict) -> dict:
    return {k: inrichting.get(k) for k in ("organisatie", "team", "teamleider")}


def _nieuwe_organisatie_waarden(verzoek) -> dict:
    if not verzoek.organisatie_id:
        return {}
    return {
        "organisatie": verzoek.organisatie.naam,
        "team": verzoek.team.naam if verzoek.team_id else None,
        "teamleider": verzoek.is_teamleider,
    }


def _inrichting_gelijk(nu: dict, toen: dict) -> bool:
    sleutels = ("organisatie_id", "team_id", "teamleider")
    return not toen or all(nu.get(k) == toen.get(k) for k in sleutels)


HERSTART_OUD = {"wachtwoord": "bruikbaar", "tweestaps": "ingesteld", "api_token": "mogelijk"}
HERSTART_NIEUW = {
    "wachtwoord": "ongeldig; eenmalige link",
    "tweestaps": "verwijderd; nieuwe inschrijfcode nodig",
    "api_token": "ingetrokken",
}


def _begin_opnieuw(gebruiker: User, basis_url: str) -> None:
    """A re-activated user keeps nothing to log in with: his authenticator apps, API tokens
    and open enrolment codes go, and the one-time password link goes to his own address."""
    TOTPDevice.objects.filter(user=gebruiker).delete()
    Token.objects.filter(user=gebruiker).delete()
    _open_codes(gebruiker.pk).update(vervallen_op=timezone.now())
    if gebruiker.email and basis_url:
        adres, link = gebruiker.email, wachtwoordlink(gebruiker, basis_url)
        transaction.on_commit(lambda: _mail_link(adres, link))


def _voer_rolwijziging_uit(door, verzoek, basis_url: str = "") -> None:
    from openwmo.organisaties import selectors as organisaties
    from openwmo.organisaties import services as organisatiebeheer

    gebruiker = User.objects.select_for_update(of=("self",)).get(pk=verzoek.gebruiker_id)
    inrichting = organisaties.inrichting(gebruiker)
    if (
        gebruiker.rol != verzoek.oude_rol
        or gebruiker.is_active == verzoek.heractiveren
        or not _inrichting_gelijk(inrichting, verzoek.oude_organisatie)
    ):
        raise ValidationError(
            {
                "verzoek": [
                    _(
                        "De gebruiker is intussen gewijzigd of gedeactiveerd. "
                        "Wijs dit verzoek af en vraag zo nodig opnieuw aan."
                    )
                ]
            }
        )
    oude = {
        "rol": gebruiker.rol,
        "wijken": _wijknamen(gebruiker.wijken.all()),
        **_organisatie_waarden(inrichting),
    }
    wijken = list(verzoek.wijken.all())
    gebruiker.rol = verzoek.nieuwe_rol
    # only an administrator reaches the Django admin; superusers are made on the server
    gebruiker.is_staff = gebruiker.rol == Rol.BEHEERDER or gebruiker.is_superuser
    velden = ["rol", "is_staff"]
    if verzoek.heractiveren:
        oude["is_active"] = gebruiker.is_active
        gebruiker.is_active = True
        # back with a fresh start: the old password, authenticator app and API token stop
        # working; a new password via the one-time link, a new app via an enrolment code
        gebruiker.set_unusable_password()
        velden += ["is_active", "password"]
    gebruiker.save(update_fields=velden)
    if verzoek.heractiveren:
        _begin_opnieuw(gebruiker, basis_url)
    gebruiker.wijken.set(wijken)
    if verzoek.organisatie_id:
        organisatiebeheer.zet_organisatie(
            gebruiker,
            verzoek.organisatie,
            verzoek.team,
            verzoek.is_teamleider,
            functie=str(Rol(gebruiker.rol).label),
        )
    nieuwe = {
        "rol": gebruiker.rol,
        "wijken": _wijknamen(wijken),
        **_organisatie_waarden(organisaties.inrichting(gebruiker)),
        **({"is_active": True} if verzoek.heractiveren else {}),
    }
    if verzoek.heractiveren:
        oude.update(HERSTART_OUD)
        nieuwe.update(HERSTART_NIEUW)
    # rol and wijken as before; organisation, team, teamleider, is_active only when changed
    velden = ["rol", "wijken"] + [
        k for k in nieuwe if k not in ("rol", "wijken") and nieuwe[k] != oude.get(k)
    ]
    _log_gebruiker(
        door,
        gebruiker,
        actie=privacy.Actie.WIJZIGEN,
        velden=velden,
        oude={k: oude.get(k) for k in velden},
        nieuwe={k: nieuwe[k] for k in velden},
        toelichting=(
            _("heractiveerd (verzoek %(pk)s)")
            if verzoek.heractiveren
            else _("rol of organisatie gewijzigd (verzoek %(pk)s)")
        )
        % {"pk": verzoek.pk},
    )


def vraag_rolwijziging_aan(
    door,
    gebruiker,
    nieuwe_rol: str,
    wijken,
    reden: str,
    *,
    organisatie=None,
    team=None,
    is_teamleider: bool = False,
    heractiveren: bool = False,
    basis_url: str = "",
) -> Rolwijziging:
    """Request a new role, neighbourhoods and (optionally) organisation, team and teamleider
    flag for another user, or the re-activation of a deactivated user. When the (new) role
    reads personal data a second administrator must approve; otherwise it is applied at once.
    Without ``organisatie`` the user's organisation, team and teamleider flag stay as they are."""
    from openwmo.organisaties import selectors as organisaties
    from openwmo.organisaties import services as organisatiebeheer

    _alleen_beheerder(door)
    reden = (reden or "").strip()
    wijken = list(wijken or [])
    fouten = {}
    if door.pk == gebruiker.pk:
        fouten["gebruiker"] = [_("U kunt uw eigen rol niet wijzigen. Vraag een andere beheerder.")]
    elif heractiveren and gebruiker.is_active:
        fouten["gebruiker"] = [_("Deze gebruiker is niet gedeactiveerd.")]
    elif not heractiveren and not gebruiker.is_active:
        fouten["gebruiker"] = [_("Deze gebruiker is gedeactiveerd. Vraag eerst heractivering aan.")]
    if organisatie is None and (team is not None or is_teamleider):
        fouten["organisatie"] = [_("Kies de organisatie bij het team of de teamleider.")]
    else:
        try:
            organisatiebeheer.controleer_team(organisatie, team)
        except ValidationError as exc:
            fouten.update(exc.message_dict)
    inrichting = organisaties.inrichting(gebruiker)
    zelfde_organisatie = organisatie is None or (
        inrichting["organisatie_id"] == organisatie.pk
        and inrichting["team_id"] == (team.pk if team else None)
        and inrichting["teamleider"] == bool(is_teamleider)
    )
    if nieuwe_rol not in Rol.values:
        fouten["nieuwe_rol"] = [_("Kies een rol.")]
    elif (
        not heractiveren
        and nieuwe_rol == gebruiker.rol
        and zelfde_organisatie
        and {w.pk for w in wijken} == set(gebruiker.wijken.values_list("pk", flat=True))
    ):
        fouten["nieuwe_rol"] = [
            _("Er verandert niets: dit zijn al de rol, de wijken en de organisatie.")
        ]
    if len(reden) < MIN_REDEN:
        fouten["reden"] = [_("Beschrijf de reden in minstens %(n)s tekens.") % {"n": MIN_REDEN}]
    elif len(reden) > 1000:
        fouten["reden"] = [_("De reden mag niet langer zijn dan 1000 tekens.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        gebruiker = User.objects.select_for_update(of=("self",)).get(pk=gebruiker.pk)
        if gebruiker.is_active == heractiveren:
            raise ValidationError(
                {
                    "gebruiker": [
                        _("Deze gebruiker is niet gedeactiveerd.")
                        if heractiveren
                        else _("Deze gebruiker is gedeactiveerd. Vraag eerst heractivering aan.")
                    ]
                }
            )
        if Rolwijziging.objects.filter(
            gebruiker=gebruiker, status=Rolwijziging.Status.AANGEVRAAGD
        ).exists():
            raise ValidationError(
                {"gebruiker": [_("Voor deze gebruiker wacht al een rolwijziging op goedkeuring.")]}
            )
        verzoek = Rolwijziging.objects.create(
            gebruiker=gebruiker,
            oude_rol=gebruiker.rol,
            nieuwe_rol=nieuwe_rol,
            oude_wijken=_wijknamen(gebruiker.wijken.all()),
            oude_organisatie=organisaties.inrichting(gebruiker),
            organisatie=organisatie,
            team=team if organisatie is not None else None,
            is_teamleider=bool(is_teamleider) and organisatie is not None,
            heractiveren=heractiveren,
            reden=reden,
            aangevraagd_door=door,
        )
        verzoek.wijken.set(wijken)
        _stap(verzoek, Rolwijziging.Status.AANGEVRAAGD, door, reden)
        if not vier_ogen_nodig(nieuwe_rol):
            _doorvoeren(
                door,
                verzoek,
                basis_url,
                _("Direct doorgevoerd: deze rol leest geen persoonsgegevens."),
            )
    return verzoek


def _doorvoeren(door, verzoek, basis_url, toelichting: str) -> None:
    """Carry out a request and append the 'doorgevoerd' step."""
    _voer_rolwijziging_uit(door, verzoek, basis_url)
    verzoek.status = Rolwijziging.Status.DOORGEVOERD
    verzoek.save(update_fields=["status"])
    _stap(verzoek, Rolwijziging.Status.DOORGEVOERD, door, toelichting)


def vraag_heractivering_aan(
    door, gebruiker_id: int, reden: str, *, basis_url: str = ""
) -> Rolwijziging:
    """Give a deactivated user access again with his last role, wijken and organisation.
    Through the same request as a role change: four-eyes when that role reads personal data,
    never for oneself, every step in the audit log."""
    gebruiker = User.objects.get(pk=gebruiker_id)
    return vraag_rolwijziging_aan(
        door,
        gebruiker,
        gebruiker.rol,
        gebruiker.wijken.all(),
        reden,
        heractiveren=True,
        basis_url=basis_url,
    )


def controleer_medewerker_aanmaken(door, gebruiker) -> None:
    """May ``door`` give ``gebruiker`` a first organisation in the admin?"""
    _alleen_beheerder(door)
    _niet_zelf(door, gebruiker, "user")
    if vier_ogen_nodig(gebruiker.rol):
        raise ValidationError(
            {
                "user": [
                    _(
                        "Deze gebruiker heeft een rol die persoonsgegevens leest. Kies de "
                        "organisatie via Gebruikersbeheer (rolwijziging aanvragen); een tweede "
                        "beheerder keurt die goed."
                    )
                ]
            }
        )


def maak_medewerker_aan(door, gebruiker, organisatie, team, functie: str, telefoon: str = ""):
    """A first organisation for a user without one, from the admin. Only for a role that
    reads no personal data; otherwise the organisation goes through a (four-eyes) request."""
    from openwmo.organisaties import services as organisatiebeheer

    controleer_medewerker_aanmaken(door, gebruiker)
    with transaction.atomic():
        gebruiker = User.objects.select_for_update(of=("self",)).get(pk=gebruiker.pk)
        if hasattr(gebruiker, "medewerker"):
            raise ValidationError({"user": [_("Deze gebruiker hoort al bij een organisatie.")]})
        medewerker = organisatiebeheer.maak_medewerker(
            gebruiker, organisatie, team, functie, telefoon
        )
        _log_gebruiker(
            door,
            gebruiker,
            actie=privacy.Actie.AANMAKEN,
            velden=["organisatie", "team", "functie"],
            nieuwe={
                "organisatie": organisatie.naam,
                "team": team.naam if team else None,
                "functie": functie,
            },
            toelichting=_("organisatie toegekend (rol zonder persoonsgegevens)"),
        )
    return medewerker


def wijzig_medewerker_contact(door, medewerker_id: int, functie: str, telefoon: str, oude: dict):
    """Function title and phone number of a staff member: no rights, but audited."""
    from openwmo.organisaties import services as organisatiebeheer

    _alleen_beheerder(door)
    with transaction.atomic():
        medewerker = organisatiebeheer.wijzig_contactgegevens(medewerker_id, functie, telefoon)
        nieuwe = {"functie": functie, "telefoon": telefoon}
        velden = [v for v in nieuwe if oude.get(v) != nieuwe[v]]
        if velden:
            _log_gebruiker(
                door,
                medewerker.user,
                actie=privacy.Actie.WIJZIGEN,
                velden=velden,
                oude={v: oude.get(v) for v in velden},
                nieuwe={v: nieuwe[v] for v in velden},
                toelichting=_("functie of telefoon gewijzigd"),
            )
    return medewerker


def _open_verzoek(verzoek_id: int) -> Rolwijziging:
    verzoek = (
        Rolwijziging.objects.select_for_update(of=("self",))
        .select_related("gebruiker")
        .get(pk=verzoek_id)
    )
    if verzoek.status != Rolwijziging.Status.AANGEVRAAGD:
        raise ValidationError({"verzoek": [_("Over dit verzoek is al beslist.")]})
    return verzoek


def keur_rolwijziging_goed(
    door, verzoek_id: int, toelichting: str = "", *, basis_url: str = ""
) -> Rolwijziging:
    """A second administrator approves: the new role and neighbourhoods take effect."""
    _alleen_beheerder(door)
    with transaction.atomic():
        verzoek = _open_verzoek(verzoek_id)
        if door.pk == verzoek.aangevraagd_door_id:
            raise ValidationError(
                {"verzoek": [_("Een andere beheerder dan de aanvrager moet dit goedkeuren.")]}
            )
        _niet_zelf(door, verzoek.gebruiker, "verzoek")
        _doorvoeren(
            door,
            verzoek,
            basis_url,
            (toelichting or "").strip() or _("Goedgekeurd door een tweede beheerder."),
        )
    return verzoek


def wijs_rolwijziging_af(door, verzoek_id: int, toelichting: str) -> Rolwijziging:
    """Refuse (or, by the requester, withdraw) a pending role change; nothing changes."""
    _alleen_beheerder(door)
    toelichting = (toelichting or "").strip()
    if not toelichting:
        raise ValidationError({"toelichting": [_("Licht toe waarom u het verzoek afwijst.")]})
    with transaction.atomic():
        verzoek = _open_verzoek(verzoek_id)
        _niet_zelf(door, verzoek.gebruiker, "verzoek")
        verzoek.status = Rolwijziging.Status.AFGEWEZEN
        verzoek.save(update_fields=["status"])
        _stap(verzoek, Rolwijziging.Status.AFGEWEZEN, door, toelichting)
    return verzoek


def registreer_gebruiker(door, gebruiker: User) -> User:
    """A new log-in made in the admin: no rights (role inwoner without a person, no staff
    or superuser status) and no usable password until the user sets one via the link."""
    _alleen_beheerder(door)
    gebruiker.rol = Rol.INWONER
    gebruiker.is_staff = False
    gebruiker.is_superuser = False
    gebruiker.is_active = True
    gebruiker.set_unusable_password()
    with transaction.atomic():
        gebruiker.save()
        _log_gebruiker(
            door,
            gebruiker,
            actie=privacy.Actie.AANMAKEN,
            velden=["username", "first_name", "last_name", "email"],
            nieuwe={
                "username": gebruiker.username,
                "first_name": gebruiker.first_name,
                "last_name": gebruiker.last_name,
                "email": gebruiker.email,
            },
            toelichting=_("account aangemaakt zonder rechten"),
        )
    return gebruiker


def wijzig_naam(door, gebruiker: User, oude: dict) -> User:
    """Save a changed first or last name from the admin, with old and new in the audit."""
    _alleen_beheerder(door)
    velden = [v for v in ("first_name", "last_name") if oude.get(v) != getattr(gebruiker, v)]
    if not velden:
        return gebruiker
    with transaction.atomic():
        gebruiker.save(update_fields=velden)
        _log_gebruiker(
            door,
            gebruiker,
            actie=privacy.Actie.WIJZIGEN,
            velden=velden,
            oude={v: oude.get(v) for v in velden},
            nieuwe={v: getattr(gebruiker, v) for v in velden},
            toelichting=_("naam gewijzigd"),
        )
    return gebruiker


def deactiveer_gebruiker(door, gebruiker_id: int, reden: str = "") -> User:
    """Users are deactivated, never deleted: audit records keep referring to them."""
    _alleen_beheerder(door)
    with transaction.atomic():
        gebruiker = User.objects.select_for_update(of=("self",)).get(pk=gebruiker_id)
        _niet_zelf(door, gebruiker)
        if not gebruiker.is_active:
            return gebruiker
        gebruiker.is_active = False
        gebruiker.save(update_fields=["is_active"])
        for verzoek in Rolwijziging.objects.select_for_update(of=("self",)).filter(
            gebruiker=gebruiker, status=Rolwijziging.Status.AANGEVRAAGD
        ):
            verzoek.status = Rolwijziging.Status.AFGEWEZEN
            verzoek.save(update_fields=["status"])
            _stap(verzoek, verzoek.status, door, _("Vervallen: gebruiker gedeactiveerd."))
        _log_gebruiker(
            door,
            gebruiker,
            actie=privacy.Actie.WIJZIGEN,
            velden=["is_active"],
            oude={"is_active": True},
            nieuwe={"is_active": False},
            toelichting=(reden or "").strip() or _("gedeactiveerd"),
        )
    return gebruiker


def wachtwoordlink(gebruiker: User, basis_url: str) -> str:
    """The one-time link to set a new password (valid until used or expired)."""
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    pad = reverse(
        "gebruikersbeheer:wachtwoord-instellen",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(gebruiker.pk)),
            "token": default_token_generator.make_token(gebruiker),
        },
    )
    return basis_url.rstrip("/") + pad


def stuur_wachtwoordlink(door, gebruiker_id: int, basis_url: str) -> User:
    """Reset another user's password: the old one stops working at once (with sessions and
    API tokens) and a one-time link goes to the user's own e-mail address. The
    administrator never chooses or sees a password, nor the link."""
    _alleen_beheerder(door)
    with transaction.atomic():
        gebruiker = User.objects.select_for_update(of=("self",)).get(pk=gebruiker_id)
        _niet_zelf(door, gebruiker)
        if not gebruiker.is_active:
            raise ValidationError({"gebruiker": [_("Deze gebruiker is gedeactiveerd.")]})
        if not gebruiker.email:
            raise ValidationError(
                {"gebruiker": [_("Deze gebruiker heeft geen e-mailadres voor de link.")]}
            )
        gebruiker.set_unusable_password()
        gebruiker.save(update_fields=["password"])
        Token.objects.filter(user=gebruiker).delete()
        link = wachtwoordlink(gebruiker, basis_url)
        _log_gebruiker(
            door,
            gebruiker,
            actie=privacy.Actie.WIJZIGEN,
            velden=["wachtwoord"],
            toelichting=_("wachtwoord ongeldig gemaakt; eenmalige link naar eigen e-mailadres"),
        )
        adres = gebruiker.email
        transaction.on_commit(lambda: _mail_link(adres, link))
    return gebruiker


def _mail_link(adres: str, link: str) -> None:
    from django.core.mail import send_mail

    send_mail(
        _("Stel een nieuw wachtwoord in voor OpenWmo"),
        _(
            "Uw beheerder heeft uw wachtwoord ongeldig gemaakt. Stel via deze link een nieuw "
            "wachtwoord in; de link werkt één keer:\n\n%(link)s\n\n"
            "Heeft u hier niet om gevraagd? Neem dan contact op met de privacyfunctionaris."
        )
        % {"link": link},
        None,
        [adres],
    )


def wachtwoord_ingesteld(gebruiker: User) -> None:
    """Audit record when a user has set a new password through the one-time link."""
    _log_gebruiker(
        gebruiker,
        gebruiker,
        actie=privacy.Actie.WIJZIGEN,
        velden=["wachtwoord"],
        toelichting=_("nieuw wachtwoord ingesteld via eenmalige link"),
    )
