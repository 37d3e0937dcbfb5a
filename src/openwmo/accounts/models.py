"""Log-ins with a role, scoped to an organisation (via Medewerker) and neighbourhoods."""

from django.contrib.auth.models import AbstractUser, UserManager
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


class GebruikerVerwijderenError(Exception):
    """Users are deactivated, never deleted: audit records refer to them."""

    def __init__(self):
        super().__init__(
            _(
                "Gebruikers worden niet verwijderd: auditregels verwijzen naar hen. "
                "Deactiveer de gebruiker in plaats daarvan."
            )
        )


class GebruikerQuerySet(models.QuerySet):
    def delete(self):
        raise GebruikerVerwijderenError()


class GebruikerManager(UserManager.from_queryset(GebruikerQuerySet)):
    pass


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

    objects = GebruikerManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def delete(self, *args, **kwargs):
        raise GebruikerVerwijderenError()


class Inschrijfcode(models.Model):
    """A one-time code a beheerder issues so a staff member can (re-)enrol an
    authenticator app without a verified second factor. Only a hash is stored."""

    MAX_POGINGEN = 5

    gebruiker = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="inschrijfcodes", verbose_name=_("voor")
    )
    code_hash = models.CharField(max_length=128)
    uitgegeven_door = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("uitgegeven door")
    )
    uitgegeven_op = models.DateTimeField(_("uitgegeven op"), auto_now_add=True)
    verloopt_op = models.DateTimeField(_("verloopt op"))
    gebruikt_op = models.DateTimeField(_("gebruikt op"), null=True, blank=True)
    vervallen_op = models.DateTimeField(
        _("vervallen op"),
        null=True,
        blank=True,
        help_text=_("Vervangen door een nieuwe code of te vaak fout ingevuld."),
    )
    foute_pogingen = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("inschrijfcode")
        verbose_name_plural = _("inschrijfcodes")
        ordering = ["-uitgegeven_op", "-pk"]

    def __str__(self):
        return f"{self.gebruiker} ({self.uitgegeven_op:%Y-%m-%d})"


# --- gebruikersbeheer: role changes with four-eyes approval ----------------------------


class Rolwijziging(models.Model):
    """A request to change a user's role and neighbourhoods.

    A role that reads personal data needs the approval of a second administrator
    (four-eyes); other roles take effect at once. The steps are kept in ``stappen``."""

    class Status(models.TextChoices):
        AANGEVRAAGD = "aangevraagd", _("Wacht op goedkeuring")
        DOORGEVOERD = "doorgevoerd", _("Doorgevoerd")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    gebruiker = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="rolwijzigingen", verbose_name=_("gebruiker")
    )
    oude_rol = models.CharField(_("huidige rol"), max_length=24, choices=Rol)
    nieuwe_rol = models.CharField(_("nieuwe rol"), max_length=24, choices=Rol)
    oude_wijken = models.JSONField(_("huidig werkgebied"), default=list)
    wijken = models.ManyToManyField(
        "gebieden.Wijk", blank=True, related_name="+", verbose_name=_("nieuw werkgebied")
    )
    # Organisation and team decide what e.g. a zorgaanbieder sees, so they go through the
    # same request. Empty organisatie: organisation, team and teamleider stay as they are.
    oude_organisatie = models.JSONField(_("huidige organisatie"), default=dict, blank=True)
    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nieuwe organisatie"),
    )
    team = models.ForeignKey(
        "organisaties.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nieuw team"),
    )
    is_teamleider = models.BooleanField(_("teamleider"), default=False)
    heractiveren = models.BooleanField(
        _("heractiveren"),
        default=False,
        help_text=_("Een gedeactiveerde gebruiker weer toegang geven."),
    )
    reden = models.TextField(_("reden"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.AANGEVRAAGD
    )
    aangevraagd_door = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("aangevraagd door")
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)

    class Meta:
        ordering = ["-aangevraagd_op", "-pk"]
        verbose_name = _("rolwijziging")
        verbose_name_plural = _("rolwijzigingen")
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker"],
                condition=models.Q(status="aangevraagd"),
                name="rolwijziging_een_open_verzoek",
            )
        ]

    def __str__(self):
        return f"{self.gebruiker} → {self.get_nieuwe_rol_display()} ({self.get_status_display()})"


class RolwijzigingStap(models.Model):
    """One step in the history of a role change: requested, approved, refused, applied."""

    verzoek = models.ForeignKey(Rolwijziging, on_delete=models.PROTECT, related_name="stappen")
    status = models.CharField(_("status"), max_length=12, choices=Rolwijziging.Status)
    door = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(auto_now_add=True)
    toelichting = models.CharField(_("toelichting"), max_length=1000, blank=True)

    class Meta:
        ordering = ["op", "pk"]
        verbose_name = _("stap van een rolwijziging")
        verbose_name_plural = _("stappen van rolwijzigingen")

    def __str__(self):
        return f"{self.verzoek_id}: {self.get_status_display()} ({self.op:%Y-%m-%d %H:%M})"
