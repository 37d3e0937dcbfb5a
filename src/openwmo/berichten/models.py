"""iWmo 3.2 message exchange: messages, code lists, contracts and the state they build.

Messages (heen and retour) are stored unchanged as bytes. The state (toewijzingen, start
and stop deliveries, requests, declaraties) is derived from them; history is appended,
never overwritten, except the ``actief`` flag of a delivery that a later StatusAanlevering 3
deletes.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# iWmo 3.2 ranges: LDT_Nummer 0-999 999 999; Volume and Bedrag 0-99 999 999.
MAX_NUMMER = 999_999_999
MAX_BEDRAG = 99_999_999


class Codewaarde(models.Model):
    """One value of an iStandaarden code list, valid in a period (code lists are data)."""

    lijst = models.CharField(_("codelijst"), max_length=20)
    code = models.CharField(_("code"), max_length=8)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    categorie = models.CharField(
        _("productcategorie"),
        max_length=2,
        blank=True,
        help_text=_("Alleen voor productcodes: de categorie (WMO020) waartoe de code hoort."),
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["lijst", "code", "ingangsdatum"]
        verbose_name = _("codewaarde")
        verbose_name_plural = _("codelijsten")
        constraints = [
            models.UniqueConstraint(
                fields=["lijst", "code", "ingangsdatum"], name="unieke_codewaarde"
            )
        ]

    def __str__(self):
        return f"{self.lijst} {self.code} {self.omschrijving}"


class Uitvoeringsvariant(models.TextChoices):
    INSPANNINGSGERICHT = "inspanningsgericht", _("Inspanningsgericht")
    OUTPUTGERICHT = "outputgericht", _("Outputgericht")
    TAAKGERICHT = "taakgericht", _("Taakgericht (geen toewijzing of declaratie per cliënt)")
    LUMPSUM_TOEWIJZING = (
        "lumpsum_toewijzing",
        _("Lumpsum met toewijzing, start en stop (keuze Leeuwarden, geen declaratie)"),
    )


MET_TOEWIJZING = frozenset(
    {
        Uitvoeringsvariant.INSPANNINGSGERICHT,
        Uitvoeringsvariant.OUTPUTGERICHT,
        Uitvoeringsvariant.LUMPSUM_TOEWIJZING,
    }
)
MET_DECLARATIE = frozenset(
    {Uitvoeringsvariant.INSPANNINGSGERICHT, Uitvoeringsvariant.OUTPUTGERICHT}
)


class Contract(models.Model):
    """What a provider delivers for a product category, and how it is funded."""

    aanbieder = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="iwmo_contracten"
    )
    productcategorie = models.CharField(_("productcategorie"), max_length=2)
    productcode = models.CharField(
        _("productcode"), max_length=5, blank=True, help_text=_("Leeg: de hele categorie.")
    )
    uitvoeringsvariant = models.CharField(
        _("uitvoeringsvariant"), max_length=20, choices=Uitvoeringsvariant
    )
    tarief = models.PositiveIntegerField(_("tarief (eurocent per eenheid)"), null=True, blank=True)
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)

    class Meta:
        ordering = ["aanbieder__naam", "productcategorie", "productcode", "ingangsdatum"]
        verbose_name = _("contract (uitvoeringsvariant)")
        verbose_name_plural = _("contracten (uitvoeringsvarianten)")

    def __str__(self):
        return (
            f"{self.aanbieder} {self.productcategorie}{self.productcode} {self.uitvoeringsvariant}"
        )

    def geldig_op(self, datum) -> bool:
        return self.ingangsdatum <= datum and (self.einddatum is None or datum <= self.einddatum)


class PgbToekenning(models.Model):
    """A personal budget for a product: paid outside iWmo, and no toewijzing may overlap it
    (OP043)."""

    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.PROTECT, related_name="pgb_toekenningen"
    )
    productcategorie = models.CharField(_("productcategorie"), max_length=2)
    productcode = models.CharField(_("productcode"), max_length=5, blank=True)
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    bron = models.CharField(_("bron"), max_length=100, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ingangsdatum"]
        verbose_name = _("pgb-toekenning")
        verbose_name_plural = _("pgb-toekenningen")

    def __str__(self):
        return f"PGB {self.productcategorie}{self.productcode} {self.ingangsdatum}"


class Bericht(models.Model):
    """A message as received or sent, stored unchanged, with its retour."""

    class Richting(models.TextChoices):
        IN = "in", _("Ontvangen door de gemeente")
        UIT = "uit", _("Verstuurd door de gemeente")

    class Status(models.TextChoices):
        GEACCEPTEERD = "geaccepteerd", _("Geaccepteerd")
        AFGEKEURD = "afgekeurd", _("Afgekeurd")
        ONLEESBAAR = "onleesbaar", _("Onleesbaar of onbekend")

    richting = models.CharField(_("richting"), max_length=3, choices=Richting)
    berichttype = models.CharField(_("berichttype"), max_length=8, blank=True)
    afzender = models.CharField(_("afzender"), max_length=8, blank=True)
    ontvanger = models.CharField(_("ontvanger"), max_length=8, blank=True)
    aanbieder = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="iwmo_berichten",
        db_index=False,  # the index (aanbieder, ontvangen_op) below serves these lookups
    )
    identificatie = models.CharField(_("identificatie"), max_length=12, blank=True)
    dagtekening = models.DateField(_("dagtekening"), null=True, blank=True)
    sha256 = models.CharField(max_length=64)
    inhoud = models.BinaryField(_("bericht"))
    status = models.CharField(_("status"), max_length=12, choices=Status)
    retourcodes = models.JSONField(_("retourcodes"), default=list)
    fouten = models.JSONField(_("bevindingen"), default=list)
    retour = models.BinaryField(_("retour"), null=True, blank=True)
    retour_identificatie = models.CharField(max_length=12, blank=True)
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ontvangen_op = models.DateTimeField(_("ontvangen/verstuurd op"), db_index=True)
    retour_op = models.DateTimeField(_("retour op"), null=True, blank=True)
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        ordering = ["-ontvangen_op", "-id"]
        verbose_name = _("iWmo-bericht")
        verbose_name_plural = _("iWmo-berichten")
        constraints = [
            models.UniqueConstraint(
                fields=["richting", "afzender", "berichttype", "identificatie", "sha256"],
                name="bericht_eenmaal_verwerkt",
            )
        ]
        indexes = [
            # a batch's identificaties (the unique constraint serves the exact message)
            models.Index(fields=["identificatie"]),
            models.Index(fields=["aanbieder", "ontvangen_op"]),
            # the few accepted messages still waiting for their retour (late-items list)
            models.Index(
                fields=["ontvangen_op"],
                condition=models.Q(retour_op__isnull=True, status="geaccepteerd"),
                name="bericht_zonder_retour",
            ),
        ]

    def __str__(self):
        return f"{self.berichttype} {self.identificatie} ({self.afzender})"

    @property
    def inhoud_tekst(self) -> str:
        return bytes(self.inhoud).decode("utf-8", errors="replace")

    @property
    def retour_tekst(self) -> str:
        return bytes(self.retour).decode("utf-8", errors="replace") if self.retour else ""


class Verzoek(models.Model):
    """A request (315 per AangevraagdProduct, or a 317) waiting for a 301 or 319."""

    class Soort(models.TextChoices):
        VOT = "vot", _("Verzoek om toewijzing (315)")
        VOW = "vow", _("Verzoek om wijziging (317)")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_ONDERZOEK = "in_onderzoek", _("In onderzoek")
        TOEGEWEZEN = "toegewezen", _("Toegewezen")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    soort = models.CharField(_("soort"), max_length=3, choices=Soort)
    aanbieder = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="iwmo_verzoeken"
    )
    gemeentecode = models.CharField(max_length=4)
    bsn = models.CharField(_("BSN"), max_length=9)
    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    referentie = models.CharField(_("referentie aanbieder"), max_length=36)
    inhoud = models.JSONField(_("gevraagd"), default=dict)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.OPEN)
    reden_afwijzing = models.CharField(_("reden afwijzing"), max_length=1, blank=True)
    bericht = models.ForeignKey(Bericht, on_delete=models.PROTECT, related_name="verzoeken")
    ontvangen_op = models.DateTimeField()
    beantwoord_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-ontvangen_op", "-id"]
        verbose_name = _("verzoek")
        verbose_name_plural = _("verzoeken")
        indexes = [models.Index(fields=["bsn"]), models.Index(fields=["referentie"])]

    def __str__(self):
        return f"{self.get_soort_display()} {self.referentie}"

    @property
    def is_lopend(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.IN_ONDERZOEK)


class Toewijzing(models.Model):
    """The current version of a toewijzing (latest Toewijzingsdatum+tijd wins, IV013)."""

    nummer = models.PositiveIntegerField(
        _("toewijzingnummer"), unique=True, validators=[MaxValueValidator(MAX_NUMMER)]
    )
    persoon = models.ForeignKey(  # empty only after anonymisation (retention term)
        "inwoners.Persoon", on_delete=models.PROTECT, null=True, related_name="toewijzingen"
    )
    bsn = models.CharField(_("BSN"), max_length=9)
    aanbieder = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="iwmo_toewijzingen"
    )
    gemeentecode = models.CharField(max_length=4)
    productcategorie = models.CharField(_("productcategorie"), max_length=2, blank=True)
    productcode = models.CharField(_("productcode"), max_length=5, blank=True)
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    volume = models.PositiveIntegerField(
        _("volume"), null=True, blank=True, validators=[MaxValueValidator(MAX_BEDRAG)]
    )
    eenheid = models.CharField(_("eenheid"), max_length=2, blank=True)
    frequentie = models.CharField(_("frequentie"), max_length=1, blank=True)
    budget = models.PositiveIntegerField(
        _("budget (eurocent)"), null=True, blank=True, validators=[MaxValueValidator(MAX_BEDRAG)]
    )
    reden_wijziging = models.CharField(_("reden wijziging"), max_length=2, blank=True)
    referentie_aanbieder = models.CharField(max_length=36, blank=True)
    toewijzingsdatum = models.DateField()
    toewijzingstijd = models.TimeField()
    commentaar = models.CharField(max_length=200, blank=True)
    bron = models.CharField(_("bron"), max_length=100, blank=True)
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)
    verzoek = models.ForeignKey(
        Verzoek, on_delete=models.SET_NULL, null=True, blank=True, related_name="toewijzingen"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    # Kept by the message pipeline (services.leverstand_bijwerken) after every batch:
    # whether an active start / stop (305/307) exists. The late-items list reads them
    # instead of searching all starts and stops for every toewijzing.
    gestart = models.BooleanField(_("gestart"), default=False, editable=False)
    gestopt = models.BooleanField(_("gestopt"), default=False, editable=False)

    class Meta:
        ordering = ["-ingangsdatum", "-nummer"]
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        indexes = [
            models.Index(fields=["bsn", "aanbieder"]),
            # the late-items list: no start yet, or started and not stopped
            models.Index(
                fields=["ingangsdatum"],
                condition=models.Q(gestart=False) & ~models.Q(reden_wijziging="13"),
                name="toewijzing_zonder_start",
            ),
            models.Index(
                fields=["einddatum"],
                condition=models.Q(gestart=True, gestopt=False) & ~models.Q(reden_wijziging="13"),
                name="toewijzing_zonder_stop",
            ),
        ]

    def __str__(self):
        return f"Toewijzing {self.nummer}"

    @property
    def verwijderd(self) -> bool:
        return self.reden_wijziging == "13"

    @property
    def product(self) -> str:
        return f"{self.productcategorie} {self.productcode}".strip()


class ToewijzingVersie(models.Model):
    """Every version of a toewijzing as it was sent in a 301 (append-only history)."""

    toewijzing = models.ForeignKey(Toewijzing, on_delete=models.CASCADE, related_name="versies")
    bericht = models.ForeignKey(Bericht, on_delete=models.PROTECT, related_name="+", null=True)
    gegevens = models.JSONField()
    toewijzingsdatum = models.DateField()
    toewijzingstijd = models.TimeField()
    gebruiker = models.CharField(max_length=150, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["toewijzing", "toewijzingsdatum", "toewijzingstijd", "id"]

    def __str__(self):
        return f"{self.toewijzing_id} {self.toewijzingsdatum} {self.toewijzingstijd}"


class Levering(models.Model):
    """A start (305) or stop (307) delivery per StartProduct/StopProduct."""

    class Soort(models.TextChoices):
        START = "start", _("Start (305)")
        STOP = "stop", _("Stop (307)")

    soort = models.CharField(_("soort"), max_length=5, choices=Soort)
    aanbieder = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="iwmo_leveringen"
    )
    gemeentecode = models.CharField(max_length=4)
    bsn = models.CharField(_("BSN"), max_length=9)
    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    toewijzing = models.ForeignKey(
        Toewijzing, on_delete=models.PROTECT, null=True, blank=True, related_name="leveringen"
    )
    toewijzingnummer = models.PositiveIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(MAX_NUMMER)]
    )
    productcategorie = models.CharField(max_length=2, blank=True)
    productcode = models.CharField(max_length=5, blank=True)
    begindatum = models.DateField(_("begindatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    reden_beeindiging = models.CharField(_("reden beëindiging"), max_length=2, blank=True)
    status_aanlevering = models.CharField(max_length=1)
    actief = models.BooleanField(default=True)
    bericht = models.ForeignKey(Bericht, on_delete=models.PROTECT, related_name="leveringen")
    ontvangen_op = models.DateTimeField()

    class Meta:
        ordering = ["begindatum", "id"]
        verbose_name = _("start- of stopmelding")
        verbose_name_plural = _("start- en stopmeldingen")
        indexes = [
            models.Index(fields=["bsn", "aanbieder"]),
            # steering: stops per period, first start per toewijzing
            models.Index(fields=["soort", "einddatum"], name="berichten_levering_stop"),
            models.Index(
                fields=["toewijzing", "soort", "begindatum"], name="berichten_levering_start"
            ),
        ]

    def __str__(self):
        return f"{self.soort} {self.toewijzingnummer or ''} {self.begindatum}"

    @property
    def tijdelijk(self) -> bool:
        return self.reden_beeindiging == "20"


class Prestatie(models.Model):
    """A claimed prestatie from a 323, with the verdict sent back in the 325."""

    bericht = models.ForeignKey(Bericht, on_delete=models.PROTECT, related_name="prestaties")
    aanbieder = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="iwmo_prestaties"
    )
    declaratienummer = models.CharField(max_length=12)
    bsn = models.CharField(max_length=9)
    referentienummer = models.CharField(max_length=20)
    vorig_referentienummer = models.CharField(max_length=20, blank=True)
    toewijzing = models.ForeignKey(
        Toewijzing, on_delete=models.PROTECT, null=True, blank=True, related_name="prestaties"
    )
    toewijzingnummer = models.PositiveIntegerField()
    productcategorie = models.CharField(max_length=2)
    productcode = models.CharField(max_length=5)
    begindatum = models.DateField()
    einddatum = models.DateField()
    volume = models.PositiveIntegerField()
    eenheid = models.CharField(max_length=2)
    tarief = models.PositiveIntegerField(null=True, blank=True)
    bedrag = models.PositiveIntegerField()
    debet_credit = models.CharField(max_length=1)
    toegekend = models.BooleanField()
    retourcodes = models.JSONField(default=list)

    class Meta:
        ordering = ["bericht", "id"]
        verbose_name = _("prestatie")
        verbose_name_plural = _("prestaties")
        indexes = [
            models.Index(fields=["referentienummer"]),
            models.Index(fields=["declaratienummer"]),
        ]

    def __str__(self):
        return f"{self.declaratienummer} {self.referentienummer}"
