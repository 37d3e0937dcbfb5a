"""Contracts, complaints, calamities, the quality framework, contract management and
consultation. Status changes are appended (steps, history) instead of overwritten."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openwmo.kalender import werkdagen_tussen

MAX_DAGEN = 3650
MAX_WAARDE = 1_000_000_000
# Wmo 2015 art. 3.4: report without delay; supervisors read that as within 3 working days.
MELDTERMIJN_WERKDAGEN = 3


# --- contracts --------------------------------------------------------------------------


class Rol(models.TextChoices):
    HOOFDAANNEMER = "hoofdaannemer", _("Hoofdaannemer")
    ONDERAANNEMER = "onderaannemer", _("Onderaannemer")


class Basisovereenkomst(models.Model):
    """The base agreement with all contracted parties; lots get a sub-contract."""

    naam = models.CharField(_("naam"), max_length=120, unique=True)
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"))
    max_verlengingen = models.PositiveSmallIntegerField(
        _("maximaal aantal verlengingen"), default=2, validators=[MaxValueValidator(10)]
    )
    inactief_na_dagen = models.PositiveIntegerField(
        _("signaleren na dagen zonder levering"),
        default=180,
        validators=[MinValueValidator(30), MaxValueValidator(MAX_DAGEN)],
        help_text=_("Een aanbieder die zo lang niets leverde, komt op de lijst voor beëindiging."),
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ingangsdatum"]
        verbose_name = _("basisovereenkomst")
        verbose_name_plural = _("basisovereenkomsten")

    def __str__(self):
        return self.naam

    @property
    def geldig_tot(self):
        """End date including renewals (the latest renewal wins)."""
        verlengingen = [v.tot for v in self.verlengingen.all()]
        return max([self.einddatum, *verlengingen])


class Verlenging(models.Model):
    basisovereenkomst = models.ForeignKey(
        Basisovereenkomst, on_delete=models.CASCADE, related_name="verlengingen"
    )
    tot = models.DateField(_("verlengd tot"))
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["tot"]
        verbose_name = _("verlenging")
        verbose_name_plural = _("verlengingen")

    def __str__(self):
        return f"{self.basisovereenkomst} tot {self.tot}"


class Deelovereenkomst(models.Model):
    """The sub-contract for one lot: agreed effects, parties and the small-parties deal."""

    basisovereenkomst = models.ForeignKey(
        Basisovereenkomst, on_delete=models.CASCADE, related_name="deelovereenkomsten"
    )
    perceel = models.ForeignKey(
        "organisaties.Perceel", on_delete=models.PROTECT, related_name="deelovereenkomsten"
    )
    ingangsdatum = models.DateField(_("ingangsdatum"))
    effecten = models.TextField(_("beoogde effecten"), blank=True)
    inzet_kleine_partijen = models.TextField(
        _("afspraken inzet kleine(re) partijen"),
        blank=True,
        help_text=_("Hoe de hoofdaannemer kleine(re) partijen met specifiek aanbod inzet."),
    )

    class Meta:
        ordering = ["basisovereenkomst", "perceel__code"]
        verbose_name = _("deelovereenkomst")
        verbose_name_plural = _("deelovereenkomsten")
        constraints = [
            models.UniqueConstraint(
                fields=["basisovereenkomst", "perceel"], name="een_deelovereenkomst_per_perceel"
            )
        ]

    def __str__(self):
        return f"{self.perceel} ({self.basisovereenkomst})"


class Contractpartij(models.Model):
    deelovereenkomst = models.ForeignKey(
        Deelovereenkomst, on_delete=models.CASCADE, related_name="partijen"
    )
    aanbieder = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="contractposities"
    )
    rol = models.CharField(_("rol"), max_length=14, choices=Rol)
    hoofdaannemer = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="onderaannemers",
        verbose_name=_("onder hoofdaannemer"),
    )
    kleine_partij = models.BooleanField(_("kleine(re) partij"), default=False)
    unieke_ondersteuning = models.BooleanField(
        _("unieke ondersteuning"),
        default=False,
        help_text=_("Niet signaleren bij geen levering: het aanbod is elders niet te krijgen."),
    )
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)

    class Meta:
        ordering = ["deelovereenkomst", "rol", "aanbieder__naam"]
        verbose_name = _("contractpartij")
        verbose_name_plural = _("contractpartijen")
        constraints = [
            models.UniqueConstraint(
                fields=["deelovereenkomst", "aanbieder"], name="partij_eenmaal_per_deel"
            )
        ]

    def __str__(self):
        return f"{self.aanbieder} — {self.get_rol_display()}"


class Contractindicator(models.Model):
    """An agreed effect with the steering indicator it is measured by."""

    deelovereenkomst = models.ForeignKey(
        Deelovereenkomst, on_delete=models.CASCADE, related_name="indicatoren"
    )
    effect = models.CharField(_("effect"), max_length=200)
    indicator_code = models.SlugField(_("indicator (code)"), max_length=40)
    streefwaarde = models.IntegerField(
        _("streefwaarde"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_WAARDE)],
    )

    class Meta:
        ordering = ["deelovereenkomst", "pk"]
        verbose_name = _("afgesproken indicator")
        verbose_name_plural = _("afgesproken indicatoren")

    def __str__(self):
        return f"{self.effect} ({self.indicator_code})"


# --- complaints ----------------------------------------------------------------------


class Thema(models.TextChoices):
    BEJEGENING = "bejegening", _("Bejegening")
    KWALITEIT = "kwaliteit", _("Kwaliteit van de ondersteuning")
    BEREIKBAARHEID = "bereikbaarheid", _("Bereikbaarheid en communicatie")
    WACHTTIJD = "wachttijd", _("Wachttijd")
    PRIVACY = "privacy", _("Privacy")
    OVERIG = "overig", _("Overig")


class Stapsoort(models.TextChoices):
    MEDEWERKER = "medewerker", _("Gesprek met de medewerker")
    LEIDINGGEVENDE = "leidinggevende", _("Gesprek met de leidinggevende")
    KLACHTENFUNCTIONARIS = "klachtenfunctionaris", _("Klachtenfunctionaris van de aanbieder")
    KLACHTENCOMMISSIE = "klachtencommissie", _("Externe klachtencommissie")
    GEMEENTE = "gemeente", _("Klachtbehandeling gemeente (Awb)")


class Klachttermijn(models.Model):
    """Configurable deadline per step (days); a step without a row uses the default."""

    stap = models.CharField(_("stap"), max_length=20, choices=Stapsoort, unique=True)
    dagen = models.PositiveIntegerField(
        _("termijn in dagen"), validators=[MinValueValidator(1), MaxValueValidator(365)]
    )

    class Meta:
        verbose_name = _("klachttermijn")
        verbose_name_plural = _("klachttermijnen")

    def __str__(self):
        return f"{self.get_stap_display()}: {self.dagen} dagen"


class Klacht(models.Model):
    class Kanaal(models.TextChoices):
        ONLINE = "online", _("Online")
        BUURTKAMER = "buurtkamer", _("Buurtkamer")

    persoon = models.ForeignKey("inwoners.Persoon", on_delete=models.PROTECT, related_name="+")
    aanbieder = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="klachten",
        help_text=_("Leeg: de klacht gaat over de gemeente zelf."),
    )
    thema = models.CharField(_("thema"), max_length=16, choices=Thema)
    omschrijving = models.TextField(_("omschrijving"))
    namens = models.CharField(_("ingediend door vertegenwoordiger"), max_length=120, blank=True)
    kanaal = models.CharField(_("kanaal"), max_length=10, choices=Kanaal)
    klachtadviseur = models.BooleanField(_("met klachtadviseur"), default=False)
    ingediend_op = models.DateTimeField(_("ingediend op"))
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)

    class Meta:
        ordering = ["-ingediend_op", "-pk"]
        verbose_name = _("klacht")
        verbose_name_plural = _("klachten")
        indexes = [models.Index(fields=["ingediend_op"])]

    def __str__(self):
        return f"Klacht {self.pk}"


class KlachtStap(models.Model):
    klacht = models.ForeignKey(Klacht, on_delete=models.CASCADE, related_name="stappen")
    soort = models.CharField(_("stap"), max_length=20, choices=Stapsoort)
    eigenaar = models.CharField(_("eigenaar"), max_length=120)
    gestart_op = models.DateTimeField(_("gestart op"))
    termijn = models.DateField(_("uiterlijk afgehandeld op"))
    verdaagd = models.BooleanField(_("verdaagd"), default=False)
    uitkomst = models.TextField(_("uitkomst"), blank=True)
    uitkomst_op = models.DateTimeField(_("uitkomst vastgelegd op"), null=True, blank=True)
    uitkomst_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    reactie = models.TextField(_("reactie van de inwoner"), blank=True)
    tevreden = models.BooleanField(_("tevreden"), null=True)
    reactie_op = models.DateTimeField(_("reactie op"), null=True, blank=True)

    class Meta:
        ordering = ["klacht", "gestart_op", "pk"]
        verbose_name = _("klachtstap")
        verbose_name_plural = _("klachtstappen")

    def __str__(self):
        return f"{self.klacht}: {self.get_soort_display()}"


class Melding(models.Model):
    """An append-only notice to the resident about their complaint."""

    klacht = models.ForeignKey(Klacht, on_delete=models.CASCADE, related_name="meldingen")
    persoon = models.ForeignKey("inwoners.Persoon", on_delete=models.PROTECT, related_name="+")
    tekst = models.CharField(_("tekst"), max_length=400)
    op = models.DateTimeField(_("op"))

    class Meta:
        ordering = ["-op", "-pk"]
        verbose_name = _("melding aan inwoner")
        verbose_name_plural = _("meldingen aan inwoners")

    def __str__(self):
        return self.tekst


# --- calamities ----------------------------------------------------------------------


class Calamiteit(models.Model):
    class Soort(models.TextChoices):
        CALAMITEIT = "calamiteit", _("Calamiteit")
        GEWELD = "geweld", _("Geweld in de ondersteuningsrelatie")

    aanbieder = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="calamiteiten"
    )
    soort = models.CharField(_("soort"), max_length=10, choices=Soort)
    omschrijving = models.TextField(_("omschrijving"))
    plaatsgevonden_op = models.DateField(_("datum van het voorval"))
    gemeld_op = models.DateTimeField(_("gemeld op"))
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    onderzoek_termijn = models.DateField(_("onderzoek uiterlijk klaar op"))

    class Meta:
        ordering = ["-gemeld_op", "-pk"]
        verbose_name = _("calamiteit of geweldsmelding")
        verbose_name_plural = _("calamiteiten en geweldsmeldingen")

    def __str__(self):
        return f"{self.get_soort_display()} {self.pk} ({self.aanbieder})"

    @property
    def tijdig_gemeld(self) -> bool:
        gemeld = timezone.localdate(self.gemeld_op)
        return werkdagen_tussen(self.plaatsgevonden_op, gemeld) <= MELDTERMIJN_WERKDAGEN


class CalamiteitVerloop(models.Model):
    class Soort(models.TextChoices):
        ONDERZOEK = "onderzoek", _("Onderzoek aanbieder gestart")
        BEVINDINGEN = "bevindingen", _("Bevindingen")
        MAATREGELEN = "maatregelen", _("Maatregelen")
        AFGESLOTEN = "afgesloten", _("Afgesloten door toezichthouder")

    calamiteit = models.ForeignKey(Calamiteit, on_delete=models.CASCADE, related_name="verloop")
    soort = models.CharField(_("soort"), max_length=12, choices=Soort)
    tekst = models.TextField(_("tekst"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(_("op"))

    class Meta:
        ordering = ["op", "pk"]
        verbose_name = _("verloop calamiteit")
        verbose_name_plural = _("verloop calamiteiten")

    def __str__(self):
        return f"{self.calamiteit}: {self.get_soort_display()}"


# --- quality framework -----------------------------------------------------------------


class Categorie(models.TextChoices):
    ONDERSTEUNINGSPLAN = "ondersteuningsplan", _("Ondersteuningsplan")
    KWALITEITSSYSTEEM = "kwaliteitssysteem", _("Kwaliteitssysteem (PDCA)")
    VEILIGHEID = "veiligheid", _("Veiligheid")
    PERSONEEL = "personeel", _("Personeel, vrijwilligers en ervaringsdeskundigen")


class Niveau(models.TextChoices):
    ORGANISATIE = "organisatie", _("Organisatie")
    PROFESSIONAL = "professional", _("Professional")
    RESULTAAT = "resultaat", _("Resultaat")


class Kwaliteitseis(models.Model):
    code = models.SlugField(_("code"), max_length=20, unique=True)
    categorie = models.CharField(_("categorie"), max_length=20, choices=Categorie)
    niveau = models.CharField(_("niveau"), max_length=12, choices=Niveau)
    eis = models.CharField(_("eis"), max_length=300)
    toetsing = models.CharField(_("hoe getoetst"), max_length=300)

    class Meta:
        ordering = ["code"]
        verbose_name = _("kwaliteitseis")
        verbose_name_plural = _("kwaliteitseisen")

    def __str__(self):
        return f"{self.code} {self.eis}"


class Zelfevaluatie(models.Model):
    class Oordeel(models.TextChoices):
        VOLDOET = "voldoet", _("Voldoet")
        VERBETEREN = "verbeteren", _("Voldoet met verbeterpunten")
        VOLDOET_NIET = "voldoet_niet", _("Voldoet niet")

    aanbieder = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="zelfevaluaties"
    )
    jaar = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2015), MaxValueValidator(2100)]
    )
    ingediend_op = models.DateTimeField(_("ingediend op"))
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    oordeel = models.CharField(_("oordeel gemeente"), max_length=12, choices=Oordeel, blank=True)
    oordeel_toelichting = models.TextField(_("toelichting oordeel"), blank=True)
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-jaar", "aanbieder__naam"]
        verbose_name = _("zelfevaluatie")
        verbose_name_plural = _("zelfevaluaties")
        constraints = [
            models.UniqueConstraint(fields=["aanbieder", "jaar"], name="zelfevaluatie_per_jaar")
        ]

    def __str__(self):
        return f"Zelfevaluatie {self.aanbieder} {self.jaar}"


class Antwoord(models.Model):
    class Score(models.TextChoices):
        JA = "ja", _("Voldoet")
        DEELS = "deels", _("Voldoet deels")
        NEE = "nee", _("Voldoet niet")

    zelfevaluatie = models.ForeignKey(
        Zelfevaluatie, on_delete=models.CASCADE, related_name="antwoorden"
    )
    eis = models.ForeignKey(Kwaliteitseis, on_delete=models.PROTECT, related_name="+")
    score = models.CharField(_("score"), max_length=5, choices=Score)
    bewijs = models.CharField(_("onderbouwing en bewijs"), max_length=500)

    class Meta:
        ordering = ["eis__code"]
        constraints = [
            models.UniqueConstraint(fields=["zelfevaluatie", "eis"], name="antwoord_per_eis")
        ]

    def __str__(self):
        return f"{self.eis}: {self.get_score_display()}"


class Verbeteractie(models.Model):
    """A finding of the gemeente with the improvement action the provider owes."""

    zelfevaluatie = models.ForeignKey(
        Zelfevaluatie, on_delete=models.CASCADE, related_name="verbeteracties"
    )
    eis = models.ForeignKey(Kwaliteitseis, on_delete=models.PROTECT, related_name="+")
    bevinding = models.CharField(_("bevinding"), max_length=400)
    actie = models.CharField(_("verbeteractie"), max_length=400)
    uiterlijk = models.DateField(_("uiterlijk gereed"))
    gereed_op = models.DateTimeField(_("gereed gemeld op"), null=True, blank=True)

    class Meta:
        ordering = ["uiterlijk", "pk"]
        verbose_name = _("verbeteractie")
        verbose_name_plural = _("verbeteracties")

    def __str__(self):
        return self.actie


# --- contract management ----------------------------------------------------------------


class Kwartaalgesprek(models.Model):
    """The quarterly contract-management review of one provider; numbers are a snapshot
    of the steering indicators at generation time."""

    aanbieder = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="kwartaalgesprekken"
    )
    jaar = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2015), MaxValueValidator(2100)]
    )
    kwartaal = models.PositiveSmallIntegerField(
        _("kwartaal"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    cijfers = models.JSONField(_("cijfers"), default=list)
    notities = models.TextField(_("notities"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"))
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-jaar", "-kwartaal", "aanbieder__naam"]
        verbose_name = _("kwartaalgesprek")
        verbose_name_plural = _("kwartaalgesprekken")
        constraints = [
            models.UniqueConstraint(
                fields=["aanbieder", "jaar", "kwartaal"], name="een_gesprek_per_kwartaal"
            )
        ]

    def __str__(self):
        return f"{self.aanbieder} {self.jaar}-K{self.kwartaal}"


class Actiepunt(models.Model):
    """An agreed action from a quarterly review or a consultation meeting."""

    kwartaalgesprek = models.ForeignKey(
        Kwartaalgesprek, on_delete=models.CASCADE, null=True, blank=True, related_name="acties"
    )
    agendapunt = models.ForeignKey(
        "Agendapunt", on_delete=models.CASCADE, null=True, blank=True, related_name="acties"
    )
    soort = models.CharField(
        _("soort"),
        max_length=8,
        choices=[("besluit", _("Besluit")), ("actie", _("Actie"))],
        default="actie",
    )
    tekst = models.CharField(_("tekst"), max_length=400)
    eigenaar = models.CharField(_("eigenaar"), max_length=120, blank=True)
    uiterlijk = models.DateField(_("uiterlijk"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")

    def __str__(self):
        return self.tekst


# --- consultation --------------------------------------------------------------------------


class Overleg(models.Model):
    class Niveau(models.TextChoices):
        STRATEGISCH = "strategisch", _("Strategisch")
        TACTISCH = "tactisch", _("Tactisch")
        OPERATIONEEL = "operationeel", _("Operationeel")

    titel = models.CharField(_("titel"), max_length=160)
    niveau = models.CharField(_("niveau"), max_length=12, choices=Niveau)
    datum = models.DateField(_("datum"))
    perceel = models.ForeignKey(
        "organisaties.Perceel", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    wijk = models.ForeignKey(
        "gebieden.Wijk", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    deelnemers = models.ManyToManyField(
        "organisaties.Organisatie", related_name="overleggen", verbose_name=_("deelnemers")
    )

    class Meta:
        ordering = ["-datum", "pk"]
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")

    def __str__(self):
        return f"{self.titel} ({self.datum})"


class Agendapunt(models.Model):
    overleg = models.ForeignKey(Overleg, on_delete=models.CASCADE, related_name="agendapunten")
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    indicator_code = models.SlugField(_("indicator (code)"), max_length=40, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")

    def __str__(self):
        return self.onderwerp
