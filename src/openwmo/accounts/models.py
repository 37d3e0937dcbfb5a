"""Log-ins with a role, scoped to an organisation (via Medewerker) and neighbourhoods."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    INWONER = "inwoner", _("Inwoner")
    VRIJWILLIGER = "vrijwilliger", _("Vrijwilliger buurtkamer")
    SOCIAAL_WERKER = "sociaal_werker", _("Sociaal werker / generalist")
    ZORGAANBIEDER = "zorgaanbieder", _("Zorgaanbieder")
    WMO_CONSULENT = "wmo_consulent", _("Wmo-consulent gemeente")
    BELEIDSMAKER = "beleidsmaker", _("Beleidsmaker / controller / contractmanager")
    TOEZICHTHOUDER = "toezichthouder", _("Toezichthouder / klachtenfunctionaris")
    PRIVACY_FUNCTIONARIS = "privacy_functionaris", _("Privacyfunctionaris")
    BEHEERDER = "beheerder", _("Functioneel beheerder")


class User(AbstractUser):
    rol = models.CharField(_("rol"), max_length=24, choices=Rol, default=Rol.INWONER)
    wijken = models.ManyToManyField(
        "gebieden.Wijk",
        blank=True,
        related_name="gebruikers",
        verbose_name=_("werkgebied"),
        help_text=_("Wijken en dorpen waarvoor deze gebruiker werkt; leeg is geen wijk."),
    )
    persoon = models.OneToOneField(
        "inwoners.Persoon",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="account",
        help_text=_("Alleen voor de rol inwoner: de persoon van wie dit account is."),
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
