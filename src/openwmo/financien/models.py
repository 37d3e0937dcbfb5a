"""Finance of the Wmo: lumpsums per lot and provider, transfers between them, the legacy
tariffs and split assumptions, the abonnementstarief, subsidies and savings scenarios.

Amounts are integer euro cents; shares are basis points (10,000 = 100%)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.organisaties.models import Pijler

USER = settings.AUTH_USER_MODEL
MAX_CENTS = 10**13  # € 100 billion: far above any municipal budget
HEEL = 10_000  # basis points in 100%
cents = [MinValueValidator(0), MaxValueValidator(MAX_CENTS)]
basispunten = [MinValueValidator(0), MaxValueValidator(HEEL)]
jaren = [MinValueValidator(2000), MaxValueValidator(2100)]


class Tarief(models.Model):
    """Price per unit of a legacy product or of a lot (configuration, valid from a year)."""

    code = models.CharField(_("product of perceel"), max_length=20)
    eenheid = models.CharField(_("eenheid"), max_length=20)
    vanaf_jaar = models.PositiveSmallIntegerField(_("geldig vanaf jaar"), validators=jaren)
    bedrag_cents = models.PositiveBigIntegerField(_("bedrag per eenheid (cent)"), validators=cents)

    class Meta:
        ordering = ["code", "-vanaf_jaar"]
        verbose_name = _("tarief")
        verbose_name_plural = _("tarieven")
        constraints = [
            models.UniqueConstraint(fields=["code", "eenheid", "vanaf_jaar"], name="uniek_tarief")
        ]

    def __str__(self):
        return f"{self.code} {self.eenheid} {self.vanaf_jaar}"


class Verdeelaanname(models.Model):
    """Which share of a legacy category moves to basisondersteuning (the rest: aanvullend)."""

    categorie = models.CharField(_("categorie"), max_length=20)
    vanaf_jaar = models.PositiveSmallIntegerField(_("geldig vanaf jaar"), validators=jaren)
    aandeel_basis = models.PositiveIntegerField(
        _("aandeel naar basisondersteuning (basispunten)"), validators=basispunten
    )

    class Meta:
        ordering = ["categorie", "-vanaf_jaar"]
        verbose_name = _("verdeelaanname")
        verbose_name_plural = _("verdeelaannames")
        constraints = [
            models.UniqueConstraint(fields=["categorie", "vanaf_jaar"], name="unieke_aanname")
        ]

    def __str__(self):
        return f"{self.categorie} {self.vanaf_jaar}"


class Perceelbudget(models.Model):
    """The lumpsum of a lot for a year, with the client count and PGB share it assumes."""

    jaar = models.PositiveSmallIntegerField(_("jaar"), validators=jaren)
    perceel = models.ForeignKey(
        "organisaties.Perceel", on_delete=models.PROTECT, related_name="budgetten"
    )
    bedrag_cents = models.PositiveBigIntegerField(_("lumpsum (cent)"), validators=cents)
    verwachte_clienten = models.PositiveIntegerField(
        _("verwacht aantal cliënten"), default=0, validators=[MaxValueValidator(10**7)]
    )
    pgb_aandeel = models.PositiveIntegerField(
        _("verwacht pgb-aandeel (basispunten)"), default=0, validators=basispunten
    )

    class Meta:
        ordering = ["jaar", "perceel"]
        verbose_name = _("perceelbudget")
        verbose_name_plural = _("perceelbudgetten")
        constraints = [
            models.UniqueConstraint(fields=["jaar", "perceel"], name="uniek_perceelbudget")
        ]

    def __str__(self):
        return f"{self.perceel_id} {self.jaar}"


class Verdeelsleutel(models.Model):
    """Per-lot override of the equal split: the weight of one main contractor."""

    jaar = models.PositiveSmallIntegerField(_("jaar"), validators=jaren)
    perceel = models.ForeignKey("organisaties.Perceel", on_delete=models.PROTECT, related_name="+")
    aanbieder = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="+"
    )
    gewicht = models.PositiveIntegerField(_("gewicht"), validators=[MaxValueValidator(10**6)])

    class Meta:
        verbose_name = _("verdeelsleutel")
        verbose_name_plural = _("verdeelsleutels")
        constraints = [
            models.UniqueConstraint(
                fields=["jaar", "perceel", "aanbieder"], name="unieke_verdeelsleutel"
            )
        ]

    def __str__(self):
        return f"{self.perceel_id} {self.aanbieder_id} {self.jaar}"


class Lumpsum(models.Model):
    """The lumpsum of one provider for one lot and year. Changed only by mutations."""

    jaar = models.PositiveSmallIntegerField(_("jaar"), validators=jaren)
    perceel = models.ForeignKey("organisaties.Perceel", on_delete=models.PROTECT, related_name="+")
    aanbieder = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="lumpsums"
    )
    bedrag_cents = models.PositiveBigIntegerField(_("lumpsum (cent)"), validators=cents)

    class Meta:
        ordering = ["jaar", "perceel__pijler", "perceel__code", "aanbieder__naam"]
        verbose_name = _("lumpsum")
        verbose_name_plural = _("lumpsums")
        constraints = [
            models.UniqueConstraint(fields=["jaar", "perceel", "aanbieder"], name="unieke_lumpsum")
        ]

    def __str__(self):
        return f"{self.aanbieder} · {self.perceel} · {self.jaar}"


class Lumpsummutatie(models.Model):
    """Append-only history of a lumpsum: the initial amount and every transfer."""

    lumpsum = models.ForeignKey(Lumpsum, on_delete=models.CASCADE, related_name="mutaties")
    bedrag_cents = models.BigIntegerField(
        _("mutatie (cent)"),
        validators=[MinValueValidator(-MAX_CENTS), MaxValueValidator(MAX_CENTS)],
    )
    reden = models.CharField(_("reden"), max_length=300)
    verzoek = models.ForeignKey(
        "Herverdelingsverzoek", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["op", "pk"]

    def __str__(self):
        return f"{self.lumpsum_id}: {self.bedrag_cents}"


class Herverdelingsverzoek(models.Model):
    """A joint request of a basis and an aanvullend provider to move lumpsum between them."""

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", _("Ingediend, wacht op akkoord van de andere aanbieder")
        GEZAMENLIJK = "gezamenlijk", _("Gezamenlijk ingediend, wacht op besluit gemeente")
        TOEGEKEND = "toegekend", _("Toegekend")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    van = models.ForeignKey(Lumpsum, on_delete=models.PROTECT, related_name="verzoeken_van")
    naar = models.ForeignKey(Lumpsum, on_delete=models.PROTECT, related_name="verzoeken_naar")
    bedrag_cents = models.PositiveBigIntegerField(_("bedrag (cent)"), validators=cents)
    clienten_van = models.IntegerField(
        _("verschuiving cliënten (aantal)"),
        validators=[MinValueValidator(-(10**7)), MaxValueValidator(10**7)],
    )
    clienten_procentpunt = models.DecimalField(
        _("verschuiving cliënten (procentpunt)"), max_digits=5, decimal_places=1
    )
    onderbouwing = models.TextField(_("onderbouwing"), max_length=4000)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.INGEDIEND)
    akkoord_van = models.BooleanField(default=False)
    akkoord_naar = models.BooleanField(default=False)
    ingediend_door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    ingediend_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ingediend_op", "-pk"]
        verbose_name = _("herverdelingsverzoek")
        verbose_name_plural = _("herverdelingsverzoeken")

    def __str__(self):
        return f"Herverdelingsverzoek {self.pk}"


class Herverdelingsstap(models.Model):
    """Status history of a transfer request (who did what, when, why)."""

    verzoek = models.ForeignKey(
        Herverdelingsverzoek, on_delete=models.CASCADE, related_name="stappen"
    )
    status = models.CharField(_("status"), max_length=12, choices=Herverdelingsverzoek.Status)
    toelichting = models.CharField(_("toelichting"), max_length=1000, blank=True)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["op", "pk"]

    def __str__(self):
        return f"{self.verzoek_id}: {self.status}"


class Subsidie(models.Model):
    """A subsidy to a sociale-basis organisation for a year, with agreed activities and reach."""

    jaar = models.PositiveSmallIntegerField(_("jaar"), validators=jaren)
    organisatie = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="subsidies"
    )
    bedrag_cents = models.PositiveBigIntegerField(_("bedrag (cent)"), validators=cents)
    activiteiten = models.TextField(_("afgesproken activiteiten"), max_length=4000)
    beoogd_bereik = models.PositiveIntegerField(
        _("beoogd bereik (deelnemers)"), validators=[MaxValueValidator(10**7)]
    )
    gerealiseerd_bereik = models.PositiveIntegerField(
        _("gerealiseerd bereik"), null=True, blank=True, validators=[MaxValueValidator(10**7)]
    )
    verantwoording = models.TextField(_("verantwoording"), max_length=8000, blank=True)
    verantwoord_op = models.DateField(_("verantwoord op"), null=True, blank=True)

    class Meta:
        ordering = ["-jaar", "organisatie__naam"]
        verbose_name = _("subsidie")
        verbose_name_plural = _("subsidies")
        constraints = [
            models.UniqueConstraint(fields=["jaar", "organisatie"], name="unieke_subsidie")
        ]

    def __str__(self):
        return f"{self.organisatie_id} {self.jaar}"


class Abonnementstarief(models.Model):
    """The national eigen-bijdrage tariff for a period, and the municipal choices with it."""

    class Periode(models.TextChoices):
        VIER_WEKEN = "4_weken", _("per 4 weken")
        MAAND = "maand", _("per maand")

    geldig_vanaf = models.DateField(_("geldig vanaf"), unique=True)
    bedrag_cents = models.PositiveIntegerField(
        _("bedrag (cent)"), validators=[MaxValueValidator(10**6)]
    )
    periode = models.CharField(_("periode"), max_length=8, choices=Periode)
    inkomensafhankelijk = models.BooleanField(
        _("inkomensafhankelijk"),
        default=False,
        help_text=_("Vanaf 2027 gepland: de bijdrage hangt af van het inkomen (via het CAK)."),
    )
    vervoer_vrijgesteld = models.BooleanField(
        _("collectief vervoer vrijgesteld"),
        default=True,
        help_text=_("Keuze van de gemeente: geen bijdrage voor collectief vervoer."),
    )

    class Meta:
        ordering = ["-geldig_vanaf"]
        verbose_name = _("abonnementstarief")
        verbose_name_plural = _("abonnementstarieven")

    def __str__(self):
        return f"{self.geldig_vanaf}: {self.bedrag_cents}"


class Scenario(models.Model):
    """A savings scenario: measures against a target (taakstelling)."""

    naam = models.CharField(_("naam"), max_length=160, unique=True)
    taakstelling_cents = models.PositiveBigIntegerField(_("taakstelling (cent)"), validators=cents)
    taakstelling_vanaf = models.PositiveSmallIntegerField(
        _("taakstelling vanaf jaar"), validators=jaren
    )
    toelichting = models.TextField(_("toelichting"), max_length=4000, blank=True)
    code = models.SlugField(_("code"), max_length=40, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("bezuinigingsscenario")
        verbose_name_plural = _("bezuinigingsscenario's")

    def __str__(self):
        return self.naam


class Maatregel(models.Model):
    """A measure: a fixed yearly amount, or a percentage of a base amount, from a year on."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="maatregelen")
    naam = models.CharField(_("maatregel"), max_length=200)
    pijler = models.CharField(_("pijler"), max_length=16, choices=Pijler)
    bedrag_cents = models.PositiveBigIntegerField(
        _("bedrag per jaar (cent)"), null=True, blank=True, validators=cents
    )
    percentage = models.PositiveIntegerField(
        _("percentage (basispunten)"), null=True, blank=True, validators=basispunten
    )
    grondslag_cents = models.PositiveBigIntegerField(
        _("grondslag (cent)"), null=True, blank=True, validators=cents
    )
    vanaf_jaar = models.PositiveSmallIntegerField(_("vanaf jaar"), validators=jaren)

    class Meta:
        ordering = ["vanaf_jaar", "pk"]
        verbose_name = _("maatregel")
        verbose_name_plural = _("maatregelen")

    def __str__(self):
        return self.naam
