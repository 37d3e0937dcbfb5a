"""Sociale kaart (general facilities and activities), volunteers and their matches,
and the staffing of buurtkamers."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.gebieden.models import Openingstijd, postcode_validator
from openwmo.toegang.models import Domein

Weekdag = Openingstijd.Weekdag


class Beoordeling(models.TextChoices):
    INGEDIEND = "ingediend", _("Wacht op beoordeling door de gemeente")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")


class Aanmelding(models.TextChoices):
    INLOOP = "inloop", _("Vrije inloop")
    AANMELDEN = "aanmelden", _("Aanmelden")
    VERWIJZING = "verwijzing", _("Na verwijzing")


class Activiteit(models.Model):
    """A general facility, activity or service of the sociale basis."""

    class Soort(models.TextChoices):
        ACTIVITEIT = "activiteit", _("Activiteit")
        DIENST = "dienst", _("Dienst of spreekuur")
        VOORZIENING = "voorziening", _("Algemene voorziening")

    organisatie = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="activiteiten"
    )
    titel = models.CharField(_("titel"), max_length=120)
    soort = models.CharField(_("soort"), max_length=12, choices=Soort, default=Soort.ACTIVITEIT)
    omschrijving = models.TextField(_("omschrijving"), max_length=2000)
    doelgroep = models.CharField(_("voor wie"), max_length=200)
    wijk = models.ForeignKey("gebieden.Wijk", on_delete=models.PROTECT, related_name="activiteiten")
    buurtkamer = models.ForeignKey(
        "gebieden.Buurtkamer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activiteiten",
    )
    locatie = models.CharField(_("locatie"), max_length=160)
    postcode = models.CharField(_("postcode"), max_length=6, validators=[postcode_validator])
    latitude = models.DecimalField(_("breedtegraad"), max_digits=8, decimal_places=6)
    longitude = models.DecimalField(_("lengtegraad"), max_digits=8, decimal_places=6)
    kosten = models.DecimalField(
        _("eigen bijdrage (euro)"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    kosten_toelichting = models.CharField(_("toelichting kosten"), max_length=120, blank=True)
    aanmelding = models.CharField(
        _("hoe doet u mee"), max_length=10, choices=Aanmelding, default=Aanmelding.INLOOP
    )
    contact = models.CharField(_("contact voor aanmelden"), max_length=160, blank=True)
    respijt = models.BooleanField(
        _("respijt of steun voor mantelzorgers"),
        default=False,
        help_text=_("Verschijnt bij de ondersteuningsopties voor mantelzorgers."),
    )
    status = models.CharField(
        _("beoordeling"), max_length=12, choices=Beoordeling, default=Beoordeling.INGEDIEND
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["titel", "pk"]
        verbose_name = _("activiteit")
        verbose_name_plural = _("sociale kaart")
        indexes = [models.Index(fields=["status", "latitude", "longitude"])]

    def __str__(self):
        return self.titel

    @property
    def gratis(self) -> bool:
        return self.kosten == 0


class ActiviteitDomein(models.Model):
    activiteit = models.ForeignKey(Activiteit, on_delete=models.CASCADE, related_name="domeinen")
    domein = models.CharField(_("levensdomein"), max_length=16, choices=Domein)

    class Meta:
        ordering = ["domein"]
        constraints = [
            models.UniqueConstraint(fields=["activiteit", "domein"], name="uniek_activiteit_domein")
        ]

    def __str__(self):
        return self.get_domein_display()


class Tijdslot(models.Model):
    activiteit = models.ForeignKey(Activiteit, on_delete=models.CASCADE, related_name="tijden")
    weekdag = models.PositiveSmallIntegerField(
        _("weekdag"), choices=Weekdag, validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    van = models.TimeField(_("van"))
    tot = models.TimeField(_("tot"))

    class Meta:
        ordering = ["weekdag", "van"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot__gt=models.F("van")), name="aanbod_tijdslot_van_voor_tot"
            )
        ]

    def __str__(self):
        return f"{self.get_weekdag_display()} {self.van:%H:%M}–{self.tot:%H:%M}"


class ActiviteitBeoordeling(models.Model):
    """History of submissions and the gemeente's review (appended, never changed)."""

    activiteit = models.ForeignKey(
        Activiteit, on_delete=models.CASCADE, related_name="beoordelingen"
    )
    status = models.CharField(max_length=12, choices=Beoordeling)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["op", "pk"]

    def __str__(self):
        return f"{self.activiteit_id}: {self.status}"


# --- volunteers --------------------------------------------------------------------------


class Dagdeel(models.TextChoices):
    OCHTEND = "ochtend", _("ochtend")
    MIDDAG = "middag", _("middag")
    AVOND = "avond", _("avond")


class Vrijwilligersprofiel(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vrijwilligersprofiel"
    )
    organisatie = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="vrijwilligers"
    )
    wijk = models.ForeignKey("gebieden.Wijk", on_delete=models.PROTECT, related_name="+")
    postcode = models.CharField(
        _("postcode (woonadres)"), max_length=6, validators=[postcode_validator]
    )
    latitude = models.DecimalField(max_digits=8, decimal_places=6)
    longitude = models.DecimalField(max_digits=8, decimal_places=6)
    vaardigheden = models.CharField(_("vaardigheden en ervaring"), max_length=500, blank=True)
    vog_datum = models.DateField(_("datum VOG"), null=True, blank=True)
    max_matches = models.PositiveSmallIntegerField(
        _("hoeveel inwoners tegelijk"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    actief = models.BooleanField(_("beschikbaar voor nieuwe matches"), default=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["user__last_name", "user__first_name", "pk"]
        verbose_name = _("vrijwilligersprofiel")
        verbose_name_plural = _("vrijwilligersprofielen")

    def __str__(self):
        return self.user.get_full_name() or self.user.username


class VrijwilligerDomein(models.Model):
    """A life domain the volunteer can help with."""

    profiel = models.ForeignKey(
        Vrijwilligersprofiel, on_delete=models.CASCADE, related_name="domeinen"
    )
    domein = models.CharField(_("levensdomein"), max_length=16, choices=Domein)

    class Meta:
        ordering = ["domein"]
        constraints = [
            models.UniqueConstraint(fields=["profiel", "domein"], name="uniek_vrijwilliger_domein")
        ]

    def __str__(self):
        return self.get_domein_display()


class Beschikbaarheid(models.Model):
    profiel = models.ForeignKey(
        Vrijwilligersprofiel, on_delete=models.CASCADE, related_name="beschikbaarheid"
    )
    weekdag = models.PositiveSmallIntegerField(
        choices=Weekdag, validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    dagdeel = models.CharField(max_length=8, choices=Dagdeel)

    class Meta:
        ordering = ["weekdag", "dagdeel"]
        constraints = [
            models.UniqueConstraint(
                fields=["profiel", "weekdag", "dagdeel"], name="unieke_beschikbaarheid"
            )
        ]

    def __str__(self):
        return f"{self.get_weekdag_display()} {self.get_dagdeel_display()}"


class MatchStatus(models.TextChoices):
    VOORGESTELD = "voorgesteld", _("Voorgesteld")
    GESTART = "gestart", _("Gestart")
    BEEINDIGD = "beeindigd", _("Beëindigd")


class EindReden(models.TextChoices):
    DOEL_BEREIKT = "doel_bereikt", _("Doel bereikt")
    INWONER_STOPT = "inwoner_stopt", _("Inwoner wil stoppen")
    VRIJWILLIGER_STOPT = "vrijwilliger_stopt", _("Vrijwilliger stopt")
    KLIK_NIET = "klik_niet", _("Geen goede klik")
    ZWAARDERE_HULP = "zwaardere_hulp", _("Zwaardere ondersteuning nodig")
    NIET_GESTART = "niet_gestart", _("Niet gestart")


class Match(models.Model):
    """A volunteer helping one resident with one need."""

    profiel = models.ForeignKey(
        Vrijwilligersprofiel, on_delete=models.PROTECT, related_name="matches"
    )
    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.PROTECT, related_name="vrijwilligersmatches"
    )
    domein = models.CharField(_("levensdomein"), max_length=16, choices=Domein)
    hulpvraag = models.CharField(_("waar helpt de vrijwilliger bij"), max_length=300)
    contactafspraak = models.CharField(
        _("afgesproken contact"),
        max_length=200,
        help_text=_("Hoe en wanneer neemt de vrijwilliger contact op? Alleen wat nodig is."),
    )
    status = models.CharField(max_length=12, choices=MatchStatus, default=MatchStatus.VOORGESTELD)
    eind_reden = models.CharField(_("reden einde"), max_length=20, choices=EindReden, blank=True)
    uitleg = models.JSONField(_("waarom deze vrijwilliger"), default=list)
    score = models.PositiveSmallIntegerField(default=0)
    voorgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")

    def __str__(self):
        return f"{self.get_domein_display()}: {self.hulpvraag[:40]}"


class MatchGebeurtenis(models.Model):
    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="gebeurtenissen")
    status = models.CharField(max_length=12, choices=MatchStatus)
    reden = models.CharField(max_length=20, choices=EindReden, blank=True)
    toelichting = models.CharField(max_length=500, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["op", "pk"]

    def __str__(self):
        return f"{self.match_id}: {self.status}"


class Inzet(models.Model):
    """Hours a volunteer spent on a match."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="inzet")
    datum = models.DateField(_("datum"))
    uren = models.DecimalField(
        _("uren"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("12"))],
    )
    omschrijving = models.CharField(_("wat is er gedaan"), max_length=200, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"{self.datum}: {self.uren}"


# --- buurtkamers -------------------------------------------------------------------------


class Bezetting(models.Model):
    """The minimum number of people agreed to be present while a buurtkamer is open."""

    buurtkamer = models.OneToOneField(
        "gebieden.Buurtkamer", on_delete=models.CASCADE, related_name="bezetting"
    )
    minimum = models.PositiveSmallIntegerField(
        _("minimale bezetting"), default=2, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )

    def __str__(self):
        return f"{self.buurtkamer_id}: {self.minimum}"


class Dienst(models.Model):
    """Who is present in a buurtkamer when (a weekly roster)."""

    class Soort(models.TextChoices):
        VRIJWILLIGER = "vrijwilliger", _("Vrijwilliger")
        BASIS = "basis", _("Basisondersteuning")
        AANVULLEND = "aanvullend", _("Aanvullende ondersteuning")
        JEUGD = "jeugd", _("Jeugdteam")
        SOCIALE_ZAKEN = "sociale_zaken", _("Sociale zaken")

    buurtkamer = models.ForeignKey(
        "gebieden.Buurtkamer", on_delete=models.CASCADE, related_name="diensten"
    )
    weekdag = models.PositiveSmallIntegerField(
        _("weekdag"), choices=Weekdag, validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    van = models.TimeField(_("van"))
    tot = models.TimeField(_("tot"))
    soort = models.CharField(_("wie"), max_length=14, choices=Soort)
    naam = models.CharField(_("naam"), max_length=120)

    class Meta:
        ordering = ["weekdag", "van", "naam", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot__gt=models.F("van")), name="aanbod_dienst_van_voor_tot"
            )
        ]

    def __str__(self):
        return f"{self.get_weekdag_display()} {self.van:%H:%M}–{self.tot:%H:%M} {self.naam}"


class Bezoek(models.Model):
    """Visitors of a buurtkamer: an anonymous count, or one visit linked to a melding."""

    buurtkamer = models.ForeignKey(
        "gebieden.Buurtkamer", on_delete=models.PROTECT, related_name="bezoeken"
    )
    datum = models.DateField(_("datum"))
    aantal = models.PositiveSmallIntegerField(
        _("aantal bezoekers"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    melding = models.ForeignKey(
        "toegang.Melding", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"{self.datum}: {self.aantal}"


# --- carers (mantelzorgers) --------------------------------------------------------------


class Mantelzorger(models.Model):
    """A carer registered with the person they care for (support, respite, appreciation)."""

    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.PROTECT, related_name="aanbod_mantelzorgers"
    )
    relatie = models.ForeignKey(
        "inwoners.Relatie", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    naam = models.CharField(_("naam mantelzorger"), max_length=160)
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)
    postcode = models.CharField(
        _("postcode mantelzorger"), max_length=6, blank=True, validators=[postcode_validator]
    )
    uren_per_week = models.PositiveSmallIntegerField(
        _("uren zorg per week"), validators=[MinValueValidator(1), MaxValueValidator(168)]
    )
    sinds = models.DateField(_("mantelzorger sinds"), null=True, blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["naam", "pk"]
        verbose_name = _("mantelzorger")
        verbose_name_plural = _("mantelzorgers")

    def __str__(self):
        return self.naam


class Belastingcheck(models.Model):
    """A short questionnaire on the carer's burden; the score is kept with the answers."""

    class Niveau(models.TextChoices):
        LAAG = "laag", _("Niet of nauwelijks belast")
        MATIG = "matig", _("Matig belast")
        HOOG = "hoog", _("Zwaar belast: dreigende overbelasting")

    mantelzorger = models.ForeignKey(Mantelzorger, on_delete=models.CASCADE, related_name="checks")
    datum = models.DateField(_("datum"))
    antwoorden = models.JSONField(default=dict)
    score = models.PositiveSmallIntegerField()
    niveau = models.CharField(max_length=5, choices=Niveau)
    ingevuld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"{self.datum}: {self.score}"


class Waardering(models.Model):
    """The yearly appreciation (blijk van waardering): an invitation to an activity."""

    mantelzorger = models.ForeignKey(
        Mantelzorger, on_delete=models.CASCADE, related_name="waarderingen"
    )
    jaar = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2015), MaxValueValidator(2100)]
    )
    activiteit = models.ForeignKey(Activiteit, on_delete=models.PROTECT, related_name="+")
    uitgenodigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["jaar", "mantelzorger__naam", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["mantelzorger", "jaar"], name="een_waardering_per_jaar")
        ]

    def __str__(self):
        return f"{self.jaar}: {self.mantelzorger_id}"
