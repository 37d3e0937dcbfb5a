"""Schuldhulp in basisondersteuning: payment-arrears signals with outreach, crisis handling
with a same-day deadline, own support, referrals to curative debt help and aftercare.

A payment-arrears signal builds on ``toegang.Signaal`` (the outreach task lives there);
this app adds the creditor, the phase and the amount. Personal data: reads and changes go
through ``schuldhulp.selectors`` / ``schuldhulp.services``, which write the audit trail.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL
MAX_CENT = 100_000_000  # € 1 miljoen


class Betalingssignaal(models.Model):
    class Bron(models.TextChoices):
        WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie (huur)")
        ENERGIE = "energie", _("Energieleverancier")
        WATER = "water", _("Drinkwaterbedrijf")
        ZORGVERZEKERAAR = "zorgverzekeraar", _("Zorgverzekeraar (premie)")

    class Fase(models.TextChoices):
        VROEG = "vroeg", _("Vroegsignaal (beginnende achterstand)")
        LAAT = "laat", _("Laatsignaal (problematische achterstand)")

    signaal = models.OneToOneField(
        "toegang.Signaal", on_delete=models.PROTECT, related_name="betalingssignaal"
    )
    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.PROTECT, related_name="betalingssignalen"
    )
    bron = models.CharField(_("soort schuldeiser"), max_length=16, choices=Bron)
    schuldeiser = models.CharField(_("naam schuldeiser"), max_length=160)
    fase = models.CharField(_("fase"), max_length=5, choices=Fase)
    achterstand_cent = models.PositiveIntegerField(
        _("achterstand in eurocent"), validators=[MaxValueValidator(MAX_CENT)]
    )
    maanden_achterstand = models.PositiveSmallIntegerField(
        _("maanden achterstand"), validators=[MaxValueValidator(60)]
    )
    ontvangen_op = models.DateField(_("ontvangen op"))
    geregistreerd_door = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-ontvangen_op", "-pk"]
        verbose_name = _("betalingssignaal")
        verbose_name_plural = _("betalingssignalen")

    def __str__(self):
        return f"Betalingssignaal {self.pk}"

    @property
    def achterstand_euro(self) -> str:
        return f"€ {self.achterstand_cent // 100},{self.achterstand_cent % 100:02d}"


class Crisis(models.Model):
    """Threatened eviction or cut-off: must be picked up the same day."""

    class Soort(models.TextChoices):
        UITHUISZETTING = "uithuiszetting", _("Dreigende uithuiszetting")
        AFSLUITING = "afsluiting", _("Dreigende afsluiting energie of water")

    class Uitkomst(models.TextChoices):
        AFGEWEND = "afgewend", _("Afgewend: betalingsregeling of uitstel afgesproken")
        OPGESCHORT = "opgeschort", _("Ontruiming of afsluiting opgeschort")
        DOORGEZET = "doorgezet", _("Niet afgewend: noodopvang of tijdelijke oplossing geregeld")

    persoon = models.ForeignKey("inwoners.Persoon", on_delete=models.PROTECT, related_name="+")
    betalingssignaal = models.ForeignKey(
        Betalingssignaal, on_delete=models.PROTECT, null=True, blank=True, related_name="crises"
    )
    soort = models.CharField(_("soort crisis"), max_length=16, choices=Soort)
    datum_dreiging = models.DateField(_("datum ontruiming of afsluiting"))
    toelichting = models.CharField(_("toelichting"), max_length=1000)
    gemeld_op = models.DateTimeField(_("gemeld op"))
    uiterlijk_op = models.DateField(_("oppakken uiterlijk op"))
    uitkomst = models.CharField(_("uitkomst"), max_length=10, choices=Uitkomst, blank=True)
    uitkomst_toelichting = models.CharField(_("afspraken"), max_length=1000, blank=True)
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-gemeld_op", "-pk"]
        verbose_name = _("crisis")
        verbose_name_plural = _("crises")

    def __str__(self):
        return f"Crisis {self.pk}"

    @property
    def op_tijd(self) -> bool | None:
        if self.afgehandeld_op is None:
            return None
        from django.utils import timezone

        return timezone.localtime(self.afgehandeld_op).date() <= self.uiterlijk_op


class Inzet(models.Model):
    """What the basis worker does or arranges: own support, a referral, aftercare."""

    class Soort(models.TextChoices):
        EIGEN = "eigen", _("Eigen ondersteuning bij eenvoudige schulden")
        VERWIJZING = "verwijzing", _("Verwijzing naar aanvullende ondersteuning")
        NAZORG = "nazorg", _("Nazorg")

    class Naar(models.TextChoices):
        SCHULDHULP = "schuldhulp", _("Curatieve schuldhulpverlening")
        BUDGETBEHEER = "budgetbeheer", _("Budgetbeheer / inkomensbeheer")
        BEWIND = "bewind", _("Beschermingsbewind")

    persoon = models.ForeignKey("inwoners.Persoon", on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(
        "plannen.Plan", on_delete=models.PROTECT, related_name="schuldhulp_inzet"
    )
    regel = models.ForeignKey(
        "plannen.Regel", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    soort = models.CharField(_("soort"), max_length=10, choices=Soort)
    verwezen_naar = models.CharField(_("verwezen naar"), max_length=12, choices=Naar, blank=True)
    partij = models.CharField(_("uitvoerende partij"), max_length=160)
    doel = models.CharField(_("doel financiële stabiliteit"), max_length=500)
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["startdatum", "pk"]
        verbose_name = _("inzet schuldhulp")
        verbose_name_plural = _("inzet schuldhulp")

    def __str__(self):
        return f"{self.get_soort_display()}: {self.partij}"
