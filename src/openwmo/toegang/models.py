"""Access to support: meldingen, signalen, Het gesprek, the solution ladder and triage.

A ``Melding`` is the case. Its status changes are appended as ``MeldingStap`` records;
the dates that start and stop legal terms (aanvraag, besluit, ingebrekestelling,
onderzoek afgerond) are fields on the case, suspensions are ``Opschorting`` records.
Personal data: every read and change goes through ``toegang.selectors`` /
``toegang.services``, which write the audit trail.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL


class Basis(models.Model):
    class Meta:
        abstract = True

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"


class Kanaal(models.TextChoices):
    BUURTKAMER = "buurtkamer", _("In de buurtkamer")
    TELEFOON = "telefoon", _("Telefonisch")
    ONLINE = "online", _("Online door de inwoner")
    OVERDRACHT = "overdracht", _("Overgedragen door een andere organisatie")
    OUTREACH = "outreach", _("Na een signaal (outreachend)")


class Urgentie(models.TextChoices):
    NORMAAL = "normaal", _("Normaal")
    VOORRANG = "voorrang", _("Met voorrang")
    SPOED = "spoed", _("Spoed: direct een tijdelijke voorziening (Wmo art. 2.3.3)")


class Route(models.TextChoices):
    BREED = "breed", _("Brede route: eerste contact en zo nodig Het gesprek")
    HH = "hh", _("Snelle route huishoudelijke hulp: direct naar een aanbieder")


class Uitkomst(models.TextChoices):
    """How the first contact ends. The first four close the question at once (the 80%)."""

    INFORMATIE = "informatie", _("Informatie en advies gegeven")
    ACTIVITEIT = "activiteit", _("Activiteit uit de sociale kaart")
    VRIJWILLIGER = "vrijwilliger", _("Inzet van een vrijwilliger")
    NETWERK = "netwerk", _("Opgelost met het eigen netwerk")
    GESPREK = "gesprek", _("Overdracht aan een generalist voor Het gesprek")
    HH = "hh", _("Snelle route huishoudelijke hulp naar een aanbieder")


DIRECT_OPGELOST = frozenset(
    {Uitkomst.INFORMATIE, Uitkomst.ACTIVITEIT, Uitkomst.VRIJWILLIGER, Uitkomst.NETWERK}
)


class Status(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    OPGELOST = "opgelost", _("Opgelost in het eerste contact")
    WACHT_OP_GESPREK = "wacht_op_gesprek", _("Wacht op Het gesprek")
    IN_ONDERZOEK = "in_onderzoek", _("In onderzoek")
    ONDERZOEK_AFGEROND = "onderzoek_afgerond", _("Onderzoek afgerond")
    BIJ_AANBIEDER = "bij_aanbieder", _("Bij aanbieder huishoudelijke hulp")
    OVERGEDRAGEN = "overgedragen", _("Overgedragen voor het ondersteuningsplan")


# Statuses in which the 6-week investigation term no longer runs.
GESLOTEN = frozenset({Status.OPGELOST, Status.ONDERZOEK_AFGEROND, Status.OVERGEDRAGEN})


class Termijn(models.TextChoices):
    ONDERZOEK = "onderzoek", _("Onderzoek (6 weken, Wmo art. 2.3.2)")
    BESLUIT = "besluit", _("Besluit op aanvraag (2 weken, Wmo art. 2.3.5)")


class Melding(models.Model):
    # Empty only after anonymisation at the end of the retention term (privacy.bewaren).
    persoon = models.ForeignKey(
        "inwoners.Persoon",
        on_delete=models.PROTECT,
        null=True,
        related_name="toegang_meldingen",
    )
    huishouden = models.ForeignKey(
        "inwoners.Huishouden",
        on_delete=models.PROTECT,
        null=True,
        related_name="toegang_meldingen",
        help_text=_("Het huishouden van de inwoner op het moment van de melding."),
    )
    geanonimiseerd_op = models.DateTimeField(
        _("geanonimiseerd op"),
        null=True,
        blank=True,
        help_text=_("Na de bewaartermijn: persoonsgegevens verwijderd, telgegevens bewaard."),
    )
    kanaal = models.CharField(_("kanaal"), max_length=12, choices=Kanaal)
    buurtkamer = models.ForeignKey(
        "gebieden.Buurtkamer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meldingen",
        verbose_name=_("buurtkamer"),
    )
    overdragende_organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="overgedragen_meldingen",
        verbose_name=_("overgedragen door"),
    )
    ontvangen_op = models.DateTimeField(_("datum en tijd van de melding"))
    vraag = models.TextField(_("vraag in de woorden van de inwoner"), max_length=4000)
    namens = models.CharField(
        _("vraag gesteld door"),
        max_length=120,
        blank=True,
        help_text=_("Alleen invullen als iemand anders de vraag stelt, bijvoorbeeld een ouder."),
    )
    opgegeven_naam = models.CharField(
        _("naam zoals de bezoeker die noemde"),
        max_length=160,
        blank=True,
        help_text=_(
            "Door de vrijwilliger getypt. Een vrijwilliger ziet alleen deze naam, nooit de naam "
            "uit de registratie."
        ),
    )
    urgentie = models.CharField(
        _("urgentie"), max_length=10, choices=Urgentie, default=Urgentie.NORMAAL
    )
    route = models.CharField(_("route"), max_length=6, choices=Route, default=Route.BREED)
    hh_aanbieder = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hh_meldingen",
        verbose_name=_("aanbieder huishoudelijke hulp"),
    )
    hh_ontvangen_op = models.DateTimeField(
        _("ontvangst bevestigd door aanbieder"), null=True, blank=True
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.NIEUW)
    uitkomst = models.CharField(
        _("uitkomst eerste contact"), max_length=12, choices=Uitkomst, blank=True
    )
    uitkomst_toelichting = models.CharField(
        _("toelichting op de uitkomst"), max_length=500, blank=True
    )
    behandelaar = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="toegang_behandelt",
        verbose_name=_("generalist"),
    )
    geregistreerd_door = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    geregistreerd_op = models.DateTimeField(auto_now_add=True, db_index=True)
    onderzoek_afgerond_op = models.DateField(_("onderzoek afgerond op"), null=True, blank=True)
    aanvraag_op = models.DateField(_("aanvraag ontvangen op"), null=True, blank=True)
    besluit_op = models.DateField(_("besluit genomen op"), null=True, blank=True)
    ingebrekestelling_op = models.DateField(
        _("ingebrekestelling ontvangen op"), null=True, blank=True
    )

    class Meta:
        ordering = ["-ontvangen_op", "-pk"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        indexes = [
            models.Index(fields=["status", "ontvangen_op"]),
            models.Index(fields=["ontvangen_op"], name="toegang_melding_ontvangen"),
            # the few cases with a running term among all meldingen (selectors.lopende_zaken)
            models.Index(
                fields=["ontvangen_op"],
                name="toegang_melding_open_onderzoek",
                condition=models.Q(aanvraag_op__isnull=True, onderzoek_afgerond_op__isnull=True)
                & ~models.Q(status__in=sorted(GESLOTEN)),
            ),
            models.Index(
                fields=["aanvraag_op"],
                name="toegang_melding_open_besluit",
                condition=models.Q(aanvraag_op__isnull=False, besluit_op__isnull=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(route="hh") | models.Q(hh_aanbieder__isnull=False),
                name="hh_route_heeft_aanbieder",
            ),
            models.CheckConstraint(
                condition=~models.Q(kanaal="buurtkamer") | models.Q(buurtkamer__isnull=False),
                name="buurtkamer_melding_heeft_buurtkamer",
            ),
        ]

    def __str__(self):
        return _("Melding %(nr)s") % {"nr": self.pk}

    @property
    def is_spoed(self) -> bool:
        return self.urgentie == Urgentie.SPOED


class MeldingStap(Basis):
    """Append-only status history of a melding."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="stappen")
    status = models.CharField(_("status"), max_length=20, choices=Status)
    tijdstip = models.DateTimeField(auto_now_add=True)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        ordering = ["tijdstip", "pk"]
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")


class VoorlopigeVoorziening(Basis):
    """A temporary provision set up at once in an urgent case (Wmo 2015 art. 2.3.3)."""

    melding = models.ForeignKey(
        Melding, on_delete=models.CASCADE, related_name="voorlopige_voorzieningen"
    )
    omschrijving = models.CharField(_("tijdelijke voorziening"), max_length=500)
    ingezet_op = models.DateField(_("ingezet op"))
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["ingezet_op", "pk"]
        verbose_name = _("tijdelijke voorziening")
        verbose_name_plural = _("tijdelijke voorzieningen")


class Opschorting(Basis):
    class Grond(models.TextChoices):
        VERZOEK = "verzoek", _("Op verzoek van de inwoner")
        AANVULLING = "aanvulling", _("De inwoner vult de aanvraag aan (Awb art. 4:15)")

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="opschortingen")
    termijn = models.CharField(_("termijn"), max_length=10, choices=Termijn)
    grond = models.CharField(_("grond"), max_length=10, choices=Grond, default=Grond.VERZOEK)
    van = models.DateField(_("opgeschort vanaf"))
    tot = models.DateField(_("opgeschort tot en met"), null=True, blank=True)
    reden = models.CharField(_("reden"), max_length=500)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["van", "pk"]
        verbose_name = _("opschorting")
        verbose_name_plural = _("opschortingen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot__isnull=True) | models.Q(tot__gte=models.F("van")),
                name="opschorting_tot_na_van",
            )
        ]


class Termijnsignaal(Basis):
    """A warning created by the background task for a term that (nearly) expires."""

    class Soort(models.TextChoices):
        WAARSCHUWING = "waarschuwing", _("Verloopt binnenkort")
        VERLOPEN = "verlopen", _("Verlopen")

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="termijnsignalen")
    termijn = models.CharField(_("termijn"), max_length=10, choices=Termijn)
    soort = models.CharField(_("soort"), max_length=12, choices=Soort)
    einddatum = models.DateField(_("einddatum"))
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["einddatum", "pk"]
        verbose_name = _("termijnsignaal")
        verbose_name_plural = _("termijnsignalen")
        constraints = [
            models.UniqueConstraint(
                fields=["melding", "termijn", "soort", "einddatum"], name="uniek_termijnsignaal"
            )
        ]


class Signaal(models.Model):
    """A concern about a resident who does not ask for support himself."""

    class Bron(models.TextChoices):
        PROFESSIONAL = "professional", _("Professional (bijvoorbeeld huisarts of wijkverpleging)")
        BUUR = "buur", _("Buurtgenoot of familie")
        GGD = "ggd", _("GGD")
        WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
        VROEGSIGNALERING = "vroegsignalering", _("Vroegsignalering schulden")
        OVERIG = "overig", _("Andere ketenpartner")

    class Besluit(models.TextChoices):
        OUTREACH = "outreach", _("Outreachend huisbezoek")
        CASUISTIEK = "casuistiek", _("Bespreken in het casuïstiekoverleg")
        GEEN_ACTIE = "geen_actie", _("Geen actie")

    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.PROTECT, related_name="toegang_signalen"
    )
    bron = models.CharField(_("bron"), max_length=16, choices=Bron)
    melder = models.CharField(
        _("signaalgever"), max_length=160, help_text=_("Naam en organisatie van wie het meldt.")
    )
    zorg = models.TextField(_("waar maakt de signaalgever zich zorgen over?"), max_length=4000)
    ontvangen_op = models.DateTimeField(_("datum en tijd van het signaal"))
    geregistreerd_door = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    geregistreerd_op = models.DateTimeField(auto_now_add=True)
    besluit = models.CharField(_("besluit"), max_length=12, choices=Besluit, blank=True)
    besluit_reden = models.CharField(_("reden of afspraak"), max_length=1000, blank=True)
    gepland_op = models.DateField(_("gepland op"), null=True, blank=True)
    getrieerd_door = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    getrieerd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-ontvangen_op", "-pk"]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")

    def __str__(self):
        return _("Signaal %(nr)s") % {"nr": self.pk}


class Onderzoek(Basis):
    """Het gesprek: the broad investigation of one melding (Wmo 2015 art. 2.3.2)."""

    class Mantelzorgbelasting(models.TextChoices):
        ONBEKEND = "", _("Niet van toepassing of niet besproken")
        GEEN = "geen", _("Geen zorgen over de belasting")
        MATIG = "matig", _("Zwaar belast, maar houdt het vol")
        RISICO = "risico", _("Risico op overbelasting")

    melding = models.OneToOneField(Melding, on_delete=models.CASCADE, related_name="onderzoek")
    clientondersteuning_gemeld_op = models.DateField(
        _("gewezen op gratis cliëntondersteuning op"), null=True, blank=True
    )
    persoonlijk_plan_op = models.DateField(
        _("persoonlijk plan ontvangen op"), null=True, blank=True
    )
    eigen_mogelijkheden = models.TextField(_("wat kan de inwoner zelf?"), blank=True)
    netwerk = models.TextField(_("gebruikelijke hulp en netwerk"), blank=True)
    mantelzorgbelasting = models.CharField(
        _("belasting van de mantelzorger"),
        max_length=8,
        choices=Mantelzorgbelasting,
        blank=True,
        default=Mantelzorgbelasting.ONBEKEND,
    )
    algemene_voorzieningen = models.TextField(_("algemene voorzieningen die helpen"), blank=True)
    wederkerigheid = models.TextField(
        _("wat wil de inwoner bijdragen (wederkerigheid)?"), blank=True
    )
    gewenst_resultaat = models.TextField(_("resultaat dat de inwoner wil bereiken"), blank=True)
    conclusie = models.TextField(_("conclusie van het gesprek"), blank=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("onderzoek")
        verbose_name_plural = _("onderzoeken")


class Domein(models.TextChoices):
    """The life domains of the Zelfredzaamheid-Matrix (ZRM)."""

    FINANCIEN = "financien", _("Financiën")
    DAGBESTEDING = "dagbesteding", _("Dagbesteding")
    HUISVESTING = "huisvesting", _("Huisvesting")
    RELATIES = "relaties", _("Huiselijke relaties")
    GEESTELIJK = "geestelijk", _("Geestelijke gezondheid")
    LICHAMELIJK = "lichamelijk", _("Lichamelijke gezondheid")
    VERSLAVING = "verslaving", _("Verslaving")
    ADL = "adl", _("Algemene dagelijkse levensverrichtingen (ADL)")
    NETWERK = "netwerk", _("Sociaal netwerk")
    PARTICIPATIE = "participatie", _("Maatschappelijke participatie")
    JUSTITIE = "justitie", _("Justitie")


class Score(models.IntegerChoices):
    ACUUT = 1, _("1 – Acute problematiek")
    NIET = 2, _("2 – Niet zelfredzaam")
    BEPERKT = 3, _("3 – Beperkt zelfredzaam")
    VOLDOENDE = 4, _("4 – Voldoende zelfredzaam")
    VOLLEDIG = 5, _("5 – Volledig zelfredzaam")


class Domeinscore(Basis):
    """A ZRM score, stored only for a domain that bears on the question, with the reason."""

    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.CASCADE, related_name="scores")
    domein = models.CharField(_("leefgebied"), max_length=14, choices=Domein)
    score = models.PositiveSmallIntegerField(
        _("score"), choices=Score, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    reden = models.CharField(_("waarom van belang voor de vraag"), max_length=1000)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("score leefgebied")
        verbose_name_plural = _("scores leefgebieden")
        constraints = [
            models.UniqueConstraint(fields=["onderzoek", "domein"], name="een_score_per_domein"),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="score_1_tot_5"
            ),
        ]


class Gesprek(Basis):
    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="gesprekken")
    gepland_op = models.DateTimeField(_("datum en tijd"))
    locatie = models.CharField(_("plaats"), max_length=120)
    gevoerd = models.BooleanField(_("het gesprek heeft plaatsgevonden"), default=False)
    notitie = models.TextField(_("korte notitie"), max_length=4000, blank=True)
    gespreksvoerder = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="toegang_gesprekken"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["gepland_op", "pk"]
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")


class Deelnemer(Basis):
    class Soort(models.TextChoices):
        FAMILIE = "familie", _("Familie")
        MANTELZORGER = "mantelzorger", _("Mantelzorger")
        ERVARINGSDESKUNDIGE = "ervaringsdeskundige", _("Ervaringsdeskundige")
        SPECIALIST = "specialist", _("Specialist")
        CLIENTONDERSTEUNER = "clientondersteuner", _("Onafhankelijke cliëntondersteuner")

    gesprek = models.ForeignKey(Gesprek, on_delete=models.CASCADE, related_name="deelnemers")
    soort = models.CharField(_("rol"), max_length=20, choices=Soort)
    naam = models.CharField(_("naam"), max_length=160)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")


class Niveau(models.IntegerChoices):
    """The solution ladder, lightest first."""

    EIGEN_KRACHT = 1, _("Eigen kracht")
    NETWERK = 2, _("Eigen netwerk")
    SOCIALE_BASIS = 3, _("Sociale basis")
    BASIS = 4, _("Basisondersteuning")
    AANVULLEND = 5, _("Aanvullende ondersteuning")


class Behoefte(Basis):
    """One need from Het gesprek and where on the solution ladder it is met."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="behoeften")
    omschrijving = models.CharField(_("behoefte"), max_length=300)
    niveau = models.PositiveSmallIntegerField(_("gekozen oplossing"), choices=Niveau)
    inzet = models.CharField(_("wat wordt ingezet"), max_length=500)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("behoefte")
        verbose_name_plural = _("behoeften")


class Afweging(Basis):
    """Why a lighter rung of the ladder does not suffice for a need."""

    behoefte = models.ForeignKey(Behoefte, on_delete=models.CASCADE, related_name="afwegingen")
    niveau = models.PositiveSmallIntegerField(_("overwogen oplossing"), choices=Niveau)
    waarom_niet = models.CharField(_("waarom volstaat dit niet"), max_length=1000)

    class Meta:
        ordering = ["niveau"]
        verbose_name = _("afweging")
        verbose_name_plural = _("afwegingen")
        constraints = [
            models.UniqueConstraint(fields=["behoefte", "niveau"], name="een_afweging_per_niveau")
        ]


class Criteriaset(models.Model):
    """A municipality's criteria for basis vs aanvullende ondersteuning (configuration)."""

    gemeente = models.CharField(_("gemeente"), max_length=80)
    naam = models.CharField(_("soort ondersteuning"), max_length=80)
    doel_basis = models.CharField(_("doel basisondersteuning"), max_length=500)
    doel_aanvullend = models.CharField(_("doel aanvullende ondersteuning"), max_length=500)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["gemeente", "naam"]
        verbose_name = _("criteriaset triage")
        verbose_name_plural = _("criteriasets triage")
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "naam"], name="unieke_criteriaset")
        ]

    def __str__(self):
        return f"{self.naam} ({self.gemeente})"


class Criterium(models.Model):
    criteriaset = models.ForeignKey(Criteriaset, on_delete=models.CASCADE, related_name="criteria")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=1)
    naam = models.CharField(_("criterium"), max_length=120)
    basis = models.CharField(_("past bij basisondersteuning"), max_length=500)
    aanvullend = models.CharField(_("past bij aanvullende ondersteuning"), max_length=500)

    class Meta:
        ordering = ["volgorde", "pk"]
        verbose_name = _("criterium")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return self.naam


class Ondersteuning(models.TextChoices):
    BASIS = "basis", _("Basisondersteuning")
    AANVULLEND = "aanvullend", _("Aanvullende ondersteuning")


class Leveringsvorm(models.TextChoices):
    GEEN = "", _("Nog niet bekend")
    ZIN = "zin", _("Zorg in natura (ZIN)")
    PGB = "pgb", _("Persoonsgebonden budget (PGB)")


class Triage(Basis):
    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="triages")
    criteriaset = models.ForeignKey(Criteriaset, on_delete=models.PROTECT, related_name="+")
    antwoorden = models.JSONField(
        _("antwoorden"), help_text=_("Per criterium de keuze en de tekst zoals getoond.")
    )
    advies = models.CharField(_("advies"), max_length=10, choices=Ondersteuning)
    besluit = models.CharField(_("besluit"), max_length=10, choices=Ondersteuning)
    afwijkingsreden = models.CharField(_("reden van afwijken"), max_length=1000, blank=True)
    leveringsvorm = models.CharField(
        _("wens leveringsvorm"), max_length=3, choices=Leveringsvorm, blank=True
    )
    toelichting = models.CharField(_("toelichting"), max_length=1000, blank=True)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["op", "pk"]
        verbose_name = _("triage")
        verbose_name_plural = _("triages")


class Overdracht(Basis):
    """Hand-over from the investigation to the support plan (continued by the plan app)."""

    class Naar(models.TextChoices):
        PLAN = "plan", _("Ondersteuningsplan in de basisondersteuning")
        VERWIJZING = "verwijzing", _("Verwijzing naar aanvullende ondersteuning")

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="overdrachten")
    naar = models.CharField(_("overdracht naar"), max_length=10, choices=Naar)
    leveringsvorm = models.CharField(
        _("wens leveringsvorm"), max_length=3, choices=Leveringsvorm, blank=True
    )
    toelichting = models.CharField(_("toelichting"), max_length=1000)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["op", "pk"]
        verbose_name = _("overdracht")
        verbose_name_plural = _("overdrachten")


class VerslagReactie(Basis):
    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="reacties")
    tekst = models.TextField(_("uw reactie op het verslag"), max_length=4000)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["op", "pk"]
        verbose_name = _("reactie op verslag")
        verbose_name_plural = _("reacties op verslagen")


class OnlineMelding(Basis):
    """A question sent with the public form that did not match a resident in the register.

    A worker matches it to a resident; the melding then keeps the original date."""

    vraag = models.TextField(_("vraag"), max_length=4000)
    naam = models.CharField(_("naam"), max_length=160)
    bsn = models.CharField(_("BSN"), max_length=9)
    geboortedatum = models.DateField(_("geboortedatum"))
    postcode = models.CharField(_("postcode"), max_length=6)
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mailadres"), max_length=120, blank=True)
    ontvangen_op = models.DateTimeField(_("ontvangen op"))
    wijk = models.ForeignKey(
        "gebieden.Wijk", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    melding = models.OneToOneField(
        Melding, on_delete=models.SET_NULL, null=True, blank=True, related_name="online_bron"
    )
    gekoppeld_door = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A volunteer's question in the buurtkamer whose BSN and birth date matched no resident:
    # the melding as the volunteer registered it (without a resident, so the volunteer sees
    # it like any other visitor). Matching fills in the resident on this melding, which keeps
    # its channel, buurtkamer and first-contact outcome.
    bezoek = models.OneToOneField(
        Melding,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="buurtkamervraag",
        verbose_name=_("melding uit de buurtkamer"),
    )

    class Meta:
        ordering = ["ontvangen_op", "pk"]
        verbose_name = _("online melding (niet gekoppeld)")
        verbose_name_plural = _("online meldingen (niet gekoppeld)")
