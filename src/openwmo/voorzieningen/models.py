"""Household-help norms, fast routes for single provisions and regional facilities.

``Normenkader`` is versioned configuration (JSON): the municipality loads its own framework;
an assessment keeps the version it was computed with and its full computation, so a new
version applies only to new assessments. ``Aanvraag`` is the fast route for household help,
a collective transport pass or a simple home adaptation, with its own deadlines.
``RegionaalAdvies`` is the weighty advice from basisondersteuning for beschermd wonen,
ThuisPlus or a national facility, checked and decided by the gemeente.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL


class Normenkader(models.Model):
    naam = models.CharField(_("naam"), max_length=160)
    bron = models.CharField(_("bron"), max_length=500)
    versie = models.PositiveIntegerField(_("versie"), validators=[MaxValueValidator(9999)])
    ingangsdatum = models.DateField(_("ingangsdatum"))
    inhoud = models.JSONField(_("activiteiten en toeslagen"))
    geladen_door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    geladen_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-versie"]
        constraints = [
            models.UniqueConstraint(fields=["versie"], name="voorzieningen_normenkader_versie")
        ]
        verbose_name = _("normenkader huishoudelijke ondersteuning")
        verbose_name_plural = _("normenkaders huishoudelijke ondersteuning")

    def __str__(self):
        return f"{self.naam} (versie {self.versie})"


class Beoordeling(models.Model):
    """A household-help assessment: input, framework version and the computation."""

    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.PROTECT, related_name="hh_beoordelingen"
    )
    normenkader = models.ForeignKey(Normenkader, on_delete=models.PROTECT, related_name="+")
    invoer = models.JSONField(_("invoer"))
    berekening = models.JSONField(_("berekening"))
    minuten_per_week = models.PositiveIntegerField(
        _("minuten per week"), validators=[MaxValueValidator(6000)]
    )
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-op", "-pk"]
        verbose_name = _("beoordeling huishoudelijke hulp")
        verbose_name_plural = _("beoordelingen huishoudelijke hulp")

    def __str__(self):
        return f"Beoordeling {self.pk}"

    @property
    def uren_tekst(self) -> str:
        uren, minuten = divmod(self.minuten_per_week, 60)
        return f"{uren} uur {minuten} minuten"


class Vakantieafspraak(models.Model):
    """Agreed reduced cleaning during a holiday period."""

    beoordeling = models.ForeignKey(
        Beoordeling, on_delete=models.CASCADE, related_name="vakantieafspraken"
    )
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    minuten_per_week = models.PositiveIntegerField(
        _("minuten per week in deze periode"), validators=[MaxValueValidator(6000)]
    )
    afspraak = models.CharField(_("afspraak met de inwoner"), max_length=500)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["van", "pk"]
        verbose_name = _("vakantieafspraak")
        verbose_name_plural = _("vakantieafspraken")

    def __str__(self):
        return f"{self.van} – {self.tot}"


class Soort(models.TextChoices):
    HH = "hh", _("Hulp bij het huishouden")
    VERVOERSPAS = "vervoerspas", _("Pas voor collectief vervoer")
    WOONAANPASSING = "woonaanpassing", _("Eenvoudige woonaanpassing of hulpmiddel")


class Aanvraag(models.Model):
    """A request on the fast route: no full gesprek, own deadlines."""

    class Besluit(models.TextChoices):
        TOEGEKEND = "toegekend", _("Toegekend")
        AFGEWEZEN = "afgewezen", _("Afgewezen")
        BREED = "breed", _("Niet enkelvoudig: naar het brede gesprek")

    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.PROTECT, related_name="snelle_aanvragen"
    )
    soort = models.CharField(_("voorziening"), max_length=14, choices=Soort)
    toelichting = models.CharField(_("toelichting"), max_length=1000)
    chronisch = models.BooleanField(_("chronische beperking"), default=False)
    ingediend_op = models.DateField(_("ingediend op"))
    ingediend_door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    beslissen_uiterlijk = models.DateField(_("beslissen uiterlijk op"))
    beoordeling = models.ForeignKey(
        Beoordeling, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    besluit = models.CharField(_("besluit"), max_length=10, choices=Besluit, blank=True)
    reden = models.CharField(_("motivering"), max_length=1000, blank=True)
    besloten_op = models.DateField(_("besloten op"), null=True, blank=True)
    besloten_door = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    leveren_uiterlijk = models.DateField(_("leveren uiterlijk op"), null=True, blank=True)
    geldig_tot = models.DateField(_("geldig tot"), null=True, blank=True)

    class Meta:
        ordering = ["-ingediend_op", "-pk"]
        verbose_name = _("aanvraag snelle route")
        verbose_name_plural = _("aanvragen snelle route")

    def __str__(self):
        return f"Aanvraag {self.pk}"


class RegionaalAdvies(models.Model):
    class Voorziening(models.TextChoices):
        BESCHERMD_WONEN = "beschermd_wonen", _("Beschermd wonen")
        THUISPLUS = "thuisplus", _("ThuisPlus")
        LANDELIJK = "landelijk", _("Landelijke voorziening")

    class Besluit(models.TextChoices):
        TOEGEKEND = "toegekend", _("Advies gevolgd: toegekend")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.PROTECT, related_name="regionale_adviezen"
    )
    voorziening = models.CharField(_("voorziening"), max_length=16, choices=Voorziening)
    advies = models.TextField(_("zwaarwegend advies"), max_length=8000)
    expertteam = models.CharField(_("meegedacht door expertteam"), max_length=160, blank=True)
    regievoerder = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("regie op de uitvoering"),
    )
    ingediend_op = models.DateField(_("ingediend op"))
    besluit = models.CharField(_("besluit"), max_length=10, choices=Besluit, blank=True)
    toetsing = models.CharField(_("toetsing door de gemeente"), max_length=2000, blank=True)
    besloten_op = models.DateField(_("besloten op"), null=True, blank=True)
    besloten_door = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-ingediend_op", "-pk"]
        verbose_name = _("zwaarwegend advies regionale voorziening")
        verbose_name_plural = _("zwaarwegende adviezen regionale voorzieningen")

    def __str__(self):
        return f"Advies {self.pk}"
