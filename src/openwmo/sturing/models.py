"""Steering information: the indicator registry and the client-experience survey."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.privacy.models import Gegeven

USER = settings.AUTH_USER_MODEL


class Niveau(models.TextChoices):
    """Level in the goal tree (doelenboom), from society-wide effect down to means."""

    IMPACT = "impact", _("Maatschappelijk effect (impact)")
    OUTCOME = "outcome", _("Effect voor de inwoner (outcome)")
    OUTPUT = "output", _("Prestatie (output)")
    THROUGHPUT = "throughput", _("Proces (throughput)")
    INPUT = "input", _("Middelen (input)")


class Eenheid(models.TextChoices):
    AANTAL = "aantal", _("aantal")
    PERCENTAGE = "percentage", _("procent")
    PER_1000 = "per_1000", _("per 1.000")
    DAGEN = "dagen", _("dagen")


class Indicator(models.Model):
    """One indicator. The policy maker edits the words, level and target; ``bron`` is the
    code of the computation in ``sturing.bronnen``."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=120)
    definitie = models.TextField(_("definitie"), max_length=2000)
    niveau = models.CharField(_("niveau in de doelenboom"), max_length=10, choices=Niveau)
    eenheid = models.CharField(_("eenheid"), max_length=10, choices=Eenheid)
    bron = models.CharField(_("bron"), max_length=40)
    streefwaarde = models.DecimalField(
        _("streefwaarde"), max_digits=9, decimal_places=1, null=True, blank=True
    )
    hoger_is_beter = models.BooleanField(_("hoger is beter"), default=True)
    volgorde = models.PositiveSmallIntegerField(
        _("volgorde"), default=100, validators=[MaxValueValidator(999)]
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["volgorde", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")

    def __str__(self):
        return self.naam


class IndicatorWijziging(models.Model):
    """History of edits to an indicator (appended, never overwritten)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="wijzigingen")
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)
    oud = models.JSONField(default=dict)
    nieuw = models.JSONField(default=dict)

    class Meta:
        ordering = ["-op", "-pk"]

    def __str__(self):
        return f"{self.indicator_id} {self.op:%Y-%m-%d}"


class Aanleiding(models.TextChoices):
    EVALUATIE = "evaluatie", _("Na een evaluatie van het plan")
    EINDE = "einde", _("Na het einde van de ondersteuning")


class Uitnodiging(models.Model):
    """An invitation to the client-experience survey; one answer per invitation."""

    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.CASCADE, related_name="enquete_uitnodigingen"
    )
    aanleiding = models.CharField(_("aanleiding"), max_length=10, choices=Aanleiding)
    # the evaluation or the stop message that led to it; unique per aanleiding
    bron_id = models.PositiveBigIntegerField()
    aanbieder = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name = _("uitnodiging cliëntervaringsonderzoek")
        verbose_name_plural = _("uitnodigingen cliëntervaringsonderzoek")
        constraints = [
            models.UniqueConstraint(
                fields=["aanleiding", "bron_id"], name="sturing_uitnodiging_uniek"
            )
        ]

    def __str__(self):
        return f"{self.get_aanleiding_display()} ({self.aangemaakt_op:%d-%m-%Y})"


SCORE = [MinValueValidator(1), MaxValueValidator(5)]


class Antwoord(models.Model):
    """Answers on a five-point scale (1 = helemaal oneens, 5 = helemaal eens); empty =
    weet niet / niet van toepassing."""

    uitnodiging = models.OneToOneField(
        Uitnodiging, on_delete=models.CASCADE, related_name="antwoord"
    )
    toegang_wist = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCORE)
    toegang_snel = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCORE)
    kwaliteit_serieus = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCORE)
    kwaliteit_passend = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCORE)
    effect_redden = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCORE)
    effect_leven = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCORE)
    toelichting = models.TextField(_("toelichting"), max_length=2000, blank=True)
    beantwoord_op = models.DateField(_("beantwoord op"), db_index=True)

    class Meta:
        ordering = ["-beantwoord_op", "-pk"]
        verbose_name = _("antwoord cliëntervaringsonderzoek")
        verbose_name_plural = _("antwoorden cliëntervaringsonderzoek")

    def __str__(self):
        return f"{self.uitnodiging_id} {self.beantwoord_op}"


class Tussenstand(models.Model):
    """A dashboard table computed ahead by the nightly refresh (`openwmo sturing_bijwerken`,
    background task ``tussenstanden_bijwerken``): the figures "as of" ``berekend_op``.
    The key is a hash of what was computed (source, periods, grouping, filter). Dashboards
    read a fresh one instead of aggregating the case tables on every request; the lists
    of cases behind a number are always read live."""

    sleutel = models.CharField(max_length=64, unique=True)
    omschrijving = models.CharField(max_length=400)
    uitkomst = models.JSONField()
    berekend_op = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("tussenstand")
        verbose_name_plural = _("tussenstanden")

    def __str__(self):
        return f"{self.omschrijving} ({self.berekend_op:%d-%m-%Y %H:%M})"


class Geval(models.Model):
    """One case behind an indicator source, as of the last refresh (the "feitentabel"):
    the cases of every source in one narrow, indexed table, written by
    ``services.feiten_bijwerken`` straight from the sources' own querysets. Aggregating
    it gives the same figures as the case tables themselves (test), without their joins
    and subqueries. Derived data with pseudonymous keys only; replaced on every refresh."""

    bron = models.CharField(max_length=40)
    geval_id = models.BigIntegerField()  # primary key of the case in its own model
    persoon_id = models.BigIntegerField(null=True)
    wijk_id = models.BigIntegerField(null=True)
    aanbieder_id = models.BigIntegerField(null=True)
    # the date that places the case in a period; for spans (active clients, plans) the
    # first day, with ``einde`` the last (empty: still running)
    begin = models.DateField(null=True)
    einde = models.DateField(null=True)
    vanaf = models.DateField(null=True)  # waiting times: from this date to ``begin``
    teller = models.BooleanField(null=True)  # counts in the numerator of a share
    punten = models.PositiveIntegerField(null=True)  # scores: points per case
    aantal = models.PositiveIntegerField(null=True)  # scores: statements answered

    _DOEL = "Sturing: de cijfers per wijk en aanbieder en de gevallen achter een cijfer"
    _GRONDSLAG = "Wettelijke taak: Wmo 2015 art. 2.1.2 en 5.1.1 (AVG art. 6.1.e)"
    PERSOONSGEGEVENS = {
        "persoon_id": Gegeven(_DOEL + " (alleen een sleutel, geen naam)", grondslag=_GRONDSLAG),
        "wijk_id": Gegeven(_DOEL + " (wijk van de inwoner)", grondslag=_GRONDSLAG),
    }

    class Meta:
        verbose_name = _("geval (sturing)")
        verbose_name_plural = _("gevallen (sturing)")
        indexes = [
            models.Index(fields=["bron", "begin"], name="sturing_geval_bron_begin"),
            models.Index(fields=["bron", "wijk_id"], name="sturing_geval_bron_wijk"),
            models.Index(fields=["bron", "aanbieder_id"], name="sturing_geval_bron_aanb"),
        ]

    def __str__(self):
        return f"{self.bron} {self.geval_id}"


class Feitenstand(models.Model):
    """One refresh of the case table (appended; the newest is the current stand)."""

    berekend_op = models.DateTimeField(db_index=True)
    gevallen = models.PositiveIntegerField()
    seconden = models.DecimalField(max_digits=8, decimal_places=1)

    class Meta:
        ordering = ["-berekend_op", "-pk"]
        verbose_name = _("stand van de feitentabel")
        verbose_name_plural = _("standen van de feitentabel")

    def __str__(self):
        return f"{self.berekend_op:%d-%m-%Y %H:%M} ({self.gevallen})"
