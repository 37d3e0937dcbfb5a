"""The transition to the new way of working: the existing beschikkingen imported from the
municipal export, one personal re-assessment conversation (maatwerkgesprek) per client,
its outcomes (appended, the latest counts), the client's regular support worker and the
staff who move from an aanvullend provider to the basis provider."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Product(models.TextChoices):
    TO_PRAKTISCH = "TO_PRAKTISCH", _("Praktische thuisondersteuning")
    TO1 = "TO1", _("Thuisondersteuning 1")
    TO2 = "TO2", _("Thuisondersteuning 2")
    TO3 = "TO3", _("Thuisondersteuning 3")
    TO4 = "TO4", _("Thuisondersteuning 4")
    DB1 = "DB1", _("Dagbesteding 1")
    DB2 = "DB2", _("Dagbesteding 2")
    DB3 = "DB3", _("Dagbesteding 3")
    DB4 = "DB4", _("Dagbesteding 4")
    DB5 = "DB5", _("Dagbesteding 5")
    DB6 = "DB6", _("Dagbesteding 6")
    HH1 = "HH1", _("Huishoudelijke hulp 1")
    HH2 = "HH2", _("Huishoudelijke hulp 2")
    KV = "KV", _("Kortdurend verblijf")


class Eenheid(models.TextChoices):
    UUR_PER_WEEK = "uur_per_week", _("uur per week")
    DAGDEEL_PER_WEEK = "dagdeel_per_week", _("dagdelen per week")
    ETMAAL_PER_JAAR = "etmaal_per_jaar", _("etmalen per jaar")


class Leveringsvorm(models.TextChoices):
    ZIN = "ZIN", _("Zorg in natura")
    PGB = "PGB", _("Persoonsgebonden budget")


class VoorlopigePijler(models.TextChoices):
    BASIS = "basis", _("Basisondersteuning")
    AANVULLEND = "aanvullend", _("Aanvullende ondersteuning")
    TE_BEOORDELEN = "te_beoordelen", _("Te beoordelen in het gesprek")


class Route(models.TextChoices):
    AANVULLEND = "aanvullend", _("Blijft aanvullende ondersteuning")
    BASIS = "basis", _("Gaat naar basisondersteuning")
    MIX = "mix", _("Deels basis, deels aanvullend")


class Importbestand(models.Model):
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200)
    sha256 = models.CharField(_("vingerafdruk"), max_length=64, unique=True)
    aantal_regels = models.PositiveIntegerField(
        _("aantal regels"), validators=[MaxValueValidator(1_000_000)]
    )
    nieuwe_regels = models.PositiveIntegerField(
        _("nieuwe regels"), validators=[MaxValueValidator(1_000_000)]
    )
    ingelezen_op = models.DateTimeField(_("ingelezen op"), auto_now_add=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-ingelezen_op", "-pk"]
        verbose_name = _("importbestand")
        verbose_name_plural = _("importbestanden")

    def __str__(self):
        return self.bestandsnaam


class BestaandeBeschikking(models.Model):
    importbestand = models.ForeignKey(Importbestand, on_delete=models.PROTECT, related_name="+")
    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.CASCADE, related_name="bestaande_beschikkingen"
    )
    product = models.CharField(_("product"), max_length=16, choices=Product)
    aanbieder = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    volume = models.PositiveIntegerField(_("volume"), validators=[MaxValueValidator(10_000)])
    eenheid = models.CharField(_("eenheid"), max_length=20, choices=Eenheid)
    leveringsvorm = models.CharField(_("leveringsvorm"), max_length=3, choices=Leveringsvorm)
    voorlopige_pijler = models.CharField(
        _("voorlopige pijler"), max_length=16, choices=VoorlopigePijler
    )

    class Meta:
        ordering = ["persoon_id", "product"]
        verbose_name = _("bestaande beschikking")
        verbose_name_plural = _("bestaande beschikkingen")
        constraints = [
            models.UniqueConstraint(
                fields=["persoon", "product", "ingangsdatum"], name="overgang_unieke_beschikking"
            )
        ]

    def __str__(self):
        return f"{self.get_product_display()} ({self.ingangsdatum})"


class Gesprek(models.Model):
    """The maatwerkgesprek with one client before the go-live date."""

    persoon = models.OneToOneField(
        "inwoners.Persoon", on_delete=models.CASCADE, related_name="overgangsgesprek"
    )
    medewerker = models.ForeignKey(
        "organisaties.Medewerker", on_delete=models.PROTECT, related_name="overgangsgesprekken"
    )
    gepland_op = models.DateField(_("gepland op"))
    uiterlijk_op = models.DateField(_("uiterlijk op"))
    kwetsbaar = models.BooleanField(_("kwetsbaar"), default=False)
    aanbieder = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("huidige aanbieder aanwezig"),
    )
    gepland_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["gepland_op", "pk"]
        verbose_name = _("maatwerkgesprek")
        verbose_name_plural = _("maatwerkgesprekken")

    def __str__(self):
        return f"{self.persoon} ({self.gepland_op})"


class Uitkomst(models.Model):
    """The outcome of a conversation; a correction appends a new one."""

    gesprek = models.ForeignKey(Gesprek, on_delete=models.CASCADE, related_name="uitkomsten")
    gehouden_op = models.DateField(_("gesprek gehouden op"))
    route = models.CharField(_("uitkomst"), max_length=16, choices=Route)
    aandeel_basis_procent = models.PositiveSmallIntegerField(
        _("aandeel basisondersteuning (procent)"), validators=[MaxValueValidator(100)]
    )
    wijzigingsdatum = models.DateField(_("datum van de wijziging"))
    overgangsperiode_maanden = models.PositiveSmallIntegerField(
        _("overgangsperiode (maanden)"), validators=[MaxValueValidator(12)]
    )
    maatwerk = models.BooleanField(_("oplossing op maat"), default=False)
    criteria = models.JSONField(_("afweging per criterium"), default=dict)
    toelichting = models.TextField(_("toelichting"), blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("uitkomst maatwerkgesprek")
        verbose_name_plural = _("uitkomsten maatwerkgesprekken")

    def __str__(self):
        return f"{self.get_route_display()} ({self.gehouden_op})"


class Begeleiding(models.Model):
    """A client's regular support worker (vaste begeleider) before the transition."""

    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.CASCADE, related_name="vaste_begeleiders"
    )
    medewerker = models.ForeignKey(
        "organisaties.Medewerker", on_delete=models.CASCADE, related_name="begeleide_clienten"
    )

    class Meta:
        verbose_name = _("vaste begeleider")
        verbose_name_plural = _("vaste begeleiders")
        constraints = [
            models.UniqueConstraint(
                fields=["persoon", "medewerker"], name="overgang_begeleiding_uniek"
            )
        ]

    def __str__(self):
        return f"{self.persoon} – {self.medewerker}"


class Overstap(models.Model):
    """A worker who moves from an aanvullend provider to the basis provider."""

    medewerker = models.OneToOneField(
        "organisaties.Medewerker", on_delete=models.CASCADE, related_name="overstap"
    )
    van = models.ForeignKey("organisaties.Organisatie", on_delete=models.PROTECT, related_name="+")
    naar = models.ForeignKey("organisaties.Organisatie", on_delete=models.PROTECT, related_name="+")
    per = models.DateField(_("per"))
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("overstap medewerker")
        verbose_name_plural = _("overstappen medewerkers")

    def __str__(self):
        return f"{self.medewerker} → {self.naar} ({self.per})"
