"""The gemeente, providers, volunteer organisations, their teams and staff."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

agb_validator = RegexValidator(r"^[0-9]{8}$", _("Een AGB-code bestaat uit 8 cijfers."))
kvk_validator = RegexValidator(r"^[0-9]{8}$", _("Een KvK-nummer bestaat uit 8 cijfers."))
gemeentecode_validator = RegexValidator(
    r"^[0-9]{4}$", _("Een CBS-gemeentecode bestaat uit 4 cijfers.")
)


class Organisatie(models.Model):
    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        BASISONDERSTEUNING = "basis", _("Aanbieder basisondersteuning")
        AANVULLEND = "aanvullend", _("Aanbieder aanvullende ondersteuning")
        HUISHOUDELIJKE_HULP = "hh", _("Aanbieder huishoudelijke hulp")
        VRIJWILLIGERS = "vrijwilligers", _("Vrijwilligersorganisatie")
        PARTNER = "partner", _("Ketenpartner")

    naam = models.CharField(_("naam"), max_length=120, unique=True)
    soort = models.CharField(_("soort"), max_length=16, choices=Soort)
    agb_code = models.CharField(_("AGB-code"), max_length=8, blank=True, validators=[agb_validator])
    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, blank=True, validators=[kvk_validator]
    )
    gemeentecode = models.CharField(
        _("gemeentecode"), max_length=4, blank=True, validators=[gemeentecode_validator]
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        constraints = [
            models.UniqueConstraint(
                fields=["agb_code"], condition=~models.Q(agb_code=""), name="unieke_agb_code"
            )
        ]

    def __str__(self):
        return self.naam


class Team(models.Model):
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="teams")
    naam = models.CharField(_("naam"), max_length=120)
    wijk = models.ForeignKey(
        "gebieden.Wijk", on_delete=models.PROTECT, null=True, blank=True, related_name="teams"
    )

    class Meta:
        ordering = ["organisatie__naam", "naam"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["organisatie", "naam"], name="uniek_team_per_org")
        ]

    def __str__(self):
        return f"{self.naam} ({self.organisatie})"


class Medewerker(models.Model):
    """A staff member or volunteer of an organisation, linked to a log-in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="medewerker"
    )
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="medewerkers"
    )
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="medewerkers"
    )
    functie = models.CharField(_("functie"), max_length=80)
    is_teamleider = models.BooleanField(
        _("teamleider"),
        default=False,
        help_text=_("Ziet de niet-toegewezen en te late zaken van het team."),
    )
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.username} ({self.organisatie})"


class Pijler(models.TextChoices):
    """The pillars of the support model (values as in plannen.Soort)."""

    SOCIALE_BASIS = "sociale_basis", _("Sociale basis")
    BASIS = "basis", _("Basisondersteuning")
    AANVULLEND = "aanvullend", _("Aanvullende ondersteuning")


class Perceel(models.Model):
    """A lot (*perceel*) that providers are contracted and paid a lumpsum for.

    Shared by contracts (kwaliteit) and finance (financien). The sociale basis is funded by
    subsidies and has no lot.
    """

    code = models.SlugField(_("code"), max_length=20, unique=True)
    naam = models.CharField(_("naam"), max_length=120)
    pijler = models.CharField(_("pijler"), max_length=16, choices=Pijler)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        ordering = ["pijler", "code"]
        verbose_name = _("perceel")
        verbose_name_plural = _("percelen")

    def __str__(self):
        return self.naam
