"""Areas of the municipality: wijken/dorpen, buurten, postcodes and buurtkamers."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

postcode_validator = RegexValidator(
    r"^[1-9][0-9]{3}(?!SA|SD|SS)[A-Z]{2}$",
    _("Vul een geldige postcode in, bijvoorbeeld 1234AB."),
)


class Wijk(models.Model):
    class Soort(models.TextChoices):
        WIJK = "wijk", _("Wijk")
        DORP = "dorp", _("Dorp")

    code = models.CharField(_("CBS-wijkcode"), max_length=8, unique=True)
    naam = models.CharField(_("naam"), max_length=80)
    soort = models.CharField(_("soort"), max_length=4, choices=Soort, default=Soort.WIJK)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("wijk of dorp")
        verbose_name_plural = _("wijken en dorpen")

    def __str__(self):
        return self.naam


class Buurt(models.Model):
    code = models.CharField(_("CBS-buurtcode"), max_length=10, unique=True)
    naam = models.CharField(_("naam"), max_length=80)
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="buurten")

    class Meta:
        ordering = ["naam"]
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")

    def __str__(self):
        return self.naam


class Postcode(models.Model):
    """A six-position postcode, the buurt it lies in and its centre point."""

    postcode = models.CharField(
        _("postcode"), max_length=6, unique=True, validators=[postcode_validator]
    )
    buurt = models.ForeignKey(Buurt, on_delete=models.PROTECT, related_name="postcodes")
    straat = models.CharField(_("straat"), max_length=80)
    woonplaats = models.CharField(_("woonplaats"), max_length=80)
    latitude = models.DecimalField(_("breedtegraad"), max_digits=8, decimal_places=6)
    longitude = models.DecimalField(_("lengtegraad"), max_digits=8, decimal_places=6)

    class Meta:
        ordering = ["postcode"]
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")

    def __str__(self):
        return self.postcode


class Buurtkamer(models.Model):
    class Soort(models.TextChoices):
        BUURTKAMER = "buurtkamer", _("Buurtkamer")
        DORPSKAMER = "dorpskamer", _("Dorpskamer")

    naam = models.CharField(_("naam"), max_length=100)
    soort = models.CharField(_("soort"), max_length=10, choices=Soort, default=Soort.BUURTKAMER)
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="buurtkamers")
    straat = models.CharField(_("straat"), max_length=80)
    huisnummer = models.PositiveIntegerField(
        _("huisnummer"), validators=[MinValueValidator(1), MaxValueValidator(99999)]
    )
    postcode = models.CharField(_("postcode"), max_length=6, validators=[postcode_validator])
    woonplaats = models.CharField(_("woonplaats"), max_length=80)
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("buurtkamer")
        verbose_name_plural = _("buurtkamers")

    def __str__(self):
        return self.naam


class Openingstijd(models.Model):
    class Weekdag(models.IntegerChoices):
        MAANDAG = 1, _("maandag")
        DINSDAG = 2, _("dinsdag")
        WOENSDAG = 3, _("woensdag")
        DONDERDAG = 4, _("donderdag")
        VRIJDAG = 5, _("vrijdag")
        ZATERDAG = 6, _("zaterdag")
        ZONDAG = 7, _("zondag")

    buurtkamer = models.ForeignKey(
        Buurtkamer, on_delete=models.CASCADE, related_name="openingstijden"
    )
    weekdag = models.PositiveSmallIntegerField(
        _("weekdag"), choices=Weekdag, validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    van = models.TimeField(_("van"))
    tot = models.TimeField(_("tot"))

    class Meta:
        ordering = ["weekdag", "van"]
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot__gt=models.F("van")), name="open_voor_dicht"
            )
        ]

    def __str__(self):
        return f"{self.get_weekdag_display()} {self.van:%H:%M}–{self.tot:%H:%M}"
