"""Writes of the kwaliteit app: contracts, complaints, calamities, the quality framework,
contract-management reviews and consultation. Validate first, then write in one
transaction; status changes are appended."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol as Gebruikersrol
from openwmo.accounts.selectors import doel_voor, scope_of
from openwmo.organisaties.models import Organisatie, Perceel
from openwmo.privacy import services as audit

from . import contracten
from .models import (
    Basisovereenkomst,
    Contractindicator,
    Contractpartij,
    Deelovereenkomst,
    Rol,
    Verlenging,
)

CONTRACTBEHEER = frozenset({Gebruikersrol.BELEIDSMAKER})


def _alleen(user, rollen):
    if user is None or user.rol not in rollen:
        raise PermissionDenied


def _fout(veld: str, bericht: str):
    raise ValidationError({veld: [bericht]})


# --- contracts --------------------------------------------------------------------------


def maak_basisovereenkomst(
    user,
    *,
    naam: str,
    ingangsdatum: datetime.date,
    einddatum: datetime.date,
    max_verlengingen: int = 2,
    inactief_na_dagen: int = 180,
) -> Basisovereenkomst:
    _alleen(user, CONTRACTBEHEER)
    if einddatum <= ingangsdatum:
        _fout("einddatum", _("De einddatum moet na de ingangsdatum liggen."))
    basis = Basisovereenkomst(
        naam=naam.strip(),
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        max_verlengingen=max_verlengingen,
        inactief_na_dagen=inactief_na_dagen,
    )
    basis.full_clean()
    with transaction.atomic():
        basis.save()
    return basis


def verleng(user, basis_id: int, *, tot: datetime.date, toelichting: str = "") -> Verlenging:
    _alleen(user, CONTRACTBEHEER)
    with transaction.atomic():
        basis = Basisovereenkomst.objects.select_for_update().get(pk=basis_id)
        verlengingen = list(basis.verlengingen.all())
        if len(verlengingen) >= basis.max_verlengingen:
            _fout(
                "tot",
                _("Deze overeenkomst is al %(n)d keer verlengd; meer mag niet.")
                % {"n": basis.max_verlengingen},
            )
        if tot <= basis.geldig_tot:
            _fout("tot", _("Een verlenging moet na de huidige einddatum eindigen."))
        return Verlenging.objects.create(
            basisovereenkomst=basis, tot=tot, toelichting=toelichting, door=user
        )


def maak_deelovereenkomst(
    user,
    basis_id: int,
    *,
    perceel_code: str,
    ingangsdatum: datetime.date | None = None,
    effecten: str = "",
    inzet_kleine_partijen: str = "",
) -> Deelovereenkomst:
    _alleen(user, CONTRACTBEHEER)
    with transaction.atomic():
        basis = Basisovereenkomst.objects.select_for_update().get(pk=basis_id)
        perceel = Perceel.objects.filter(code=perceel_code).first()
        if perceel is None:
            _fout("perceel", _("Onbekend perceel."))
        if basis.deelovereenkomsten.filter(perceel=perceel).exists():
            _fout("perceel", _("Voor dit perceel is al een deelovereenkomst."))
        ingang = ingangsdatum or basis.ingangsdatum
        if not basis.ingangsdatum <= ingang <= basis.geldig_tot:
            _fout("ingangsdatum", _("De ingangsdatum valt buiten de basisovereenkomst."))
        return Deelovereenkomst.objects.create(
            basisovereenkomst=basis,
            perceel=perceel,
            ingangsdatum=ingang,
            effecten=effecten,
            inzet_kleine_partijen=inzet_kleine_partijen,
        )


def voeg_partij_toe(
    user,
    deel_id: int,
    *,
    aanbieder_id: int,
    rol: str,
    ingangsdatum: datetime.date | None = None,
    einddatum: datetime.date | None = None,
    hoofdaannemer_id: int | None = None,
    kleine_partij: bool = False,
    unieke_ondersteuning: bool = False,
) -> Contractpartij:
    """Add a main or sub-contractor to a lot; refuses a party that would be main
    contractor in both basis and aanvullende ondersteuning."""
    _alleen(user, CONTRACTBEHEER)
    if rol not in Rol.values:
        _fout("rol", _("Kies hoofdaannemer of onderaannemer."))
    with transaction.atomic():
        deel = (
            Deelovereenkomst.objects.select_for_update(of=("self",))
            .select_related("perceel", "basisovereenkomst")
            .get(pk=deel_id)
        )
        aanbieder = Organisatie.objects.filter(pk=aanbieder_id).exclude(
            soort__in=[Organisatie.Soort.GEMEENTE]
        )
        aanbieder = aanbieder.first()
        if aanbieder is None:
            _fout("aanbieder", _("Kies een aanbieder."))
        # The rule spans lots: serialise all party changes of this organisation.
        Organisatie.objects.select_for_update().filter(pk=aanbieder.pk).first()
        hoofd = None
        if hoofdaannemer_id:
            hoofd = Contractpartij.objects.filter(
                pk=hoofdaannemer_id, rol=Rol.HOOFDAANNEMER
            ).first()
        ingang = ingangsdatum or deel.ingangsdatum
        fouten = contracten.controleer_partij(deel, aanbieder, rol, ingang, einddatum, hoofd)
        if fouten:
            raise ValidationError(fouten)
        return Contractpartij.objects.create(
            deelovereenkomst=deel,
            aanbieder=aanbieder,
            rol=rol,
            hoofdaannemer=hoofd if rol == Rol.ONDERAANNEMER else None,
            kleine_partij=kleine_partij,
            unieke_ondersteuning=unieke_ondersteuning,
            ingangsdatum=ingang,
            einddatum=einddatum,
        )


def voeg_indicator_toe(
    user, deel_id: int, *, effect: str, indicator_code: str, streefwaarde: int | None = None
) -> Contractindicator:
    _alleen(user, CONTRACTBEHEER)
    with transaction.atomic():
        deel = Deelovereenkomst.objects.select_for_update().get(pk=deel_id)
        indicator = Contractindicator(
            deelovereenkomst=deel,
            effect=effect,
            indicator_code=indicator_code,
            streefwaarde=streefwaarde,
        )
        indicator.full_clean()
        indicator.save()
        return indicator


def _nu():
    return timezone.now()


def _log(user, *, actie, kanaal, object_type, object_id, persoon_id, velden=(), toelichting=""):
    audit.log(
        user,
        actie=actie,
        kanaal=kanaal,
        doel=doel_voor(user) if user is not None else "Uitvoering Wmo 2015",
        object_type=object_type,
        object_id=object_id,
        persoon_id=persoon_id,
        velden=velden,
        toelichting=toelichting,
    )


__all__ = ["scope_of"]
