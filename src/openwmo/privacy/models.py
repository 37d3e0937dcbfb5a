"""The append-only audit trail of reads and changes of personal data (AVG art. 5, 30, 32)."""

import calendar
import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def een_maand_later(dag: datetime.date) -> datetime.date:
    """The same day next month, or the last day of next month when it is shorter."""
    jaar, maand = (dag.year + 1, 1) if dag.month == 12 else (dag.year, dag.month + 1)
    return datetime.date(jaar, maand, min(dag.day, calendar.monthrange(jaar, maand)[1]))


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an audit record."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Auditregels kunnen niet worden gewijzigd.")

    def delete(self):
        raise AppendOnlyError("Auditregels kunnen niet worden verwijderd.")


class AuditRecord(models.Model):
    class Actie(models.TextChoices):
        ZOEKEN = "zoeken", _("Zoeken")
        LEZEN = "lezen", _("Inzien")
        AANMAKEN = "aanmaken", _("Aanmaken")
        WIJZIGEN = "wijzigen", _("Wijzigen")
        EXPORT = "export", _("Exporteren")

    class Kanaal(models.TextChoices):
        UI = "ui", _("Webapplicatie")
        API = "api", _("API")
        EXPORT = "export", _("Export")
        PDF = "pdf", _("PDF")
        SYSTEEM = "systeem", _("Systeem")

    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    # PROTECT: a user with audit records cannot be removed (users are deactivated), so the
    # append-only rows are never rewritten (SET_NULL updated them; PostgreSQL's trigger
    # then refused the whole deletion with a server error).
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        db_constraint=False,
    )
    gebruikersnaam = models.CharField(_("gebruiker"), max_length=150)
    rol = models.CharField(_("rol"), max_length=24)
    organisatie = models.CharField(_("organisatie"), max_length=120, blank=True)
    actie = models.CharField(_("actie"), max_length=10, choices=Actie)
    kanaal = models.CharField(_("kanaal"), max_length=8, choices=Kanaal)
    doel = models.CharField(_("doel"), max_length=200)
    object_type = models.CharField(_("soort gegeven"), max_length=60)
    object_id = models.CharField(_("object"), max_length=40, blank=True)
    persoon_id = models.BigIntegerField(_("persoon"), null=True, db_index=True)
    velden = models.JSONField(_("velden"), default=list)
    oude_waarden = models.JSONField(_("oude waarden"), default=dict, blank=True)
    nieuwe_waarden = models.JSONField(_("nieuwe waarden"), default=dict, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-tijdstip", "-id"]
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditregels")
        indexes = [
            # a worker's recently opened files (start page), newest first
            models.Index(
                fields=["gebruiker", "-tijdstip", "-id"],
                name="audit_gelezen_door",
                condition=models.Q(actie="lezen", persoon_id__isnull=False),
            )
        ]

    def __str__(self):
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.gebruikersnaam} {self.actie}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Auditregels kunnen niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Auditregels kunnen niet worden verwijderd.")

    @property
    def rol_omschrijving(self) -> str:
        from openwmo.accounts.models import Rol

        return Rol(self.rol).label if self.rol in Rol.values else self.rol


class Gegeven:
    """The purpose and legal ground of one kind of personal data, declared on the model.

    Models that hold personal data carry ``PERSOONSGEGEVENS = {field: Gegeven(...)}``;
    the privacy officer lists them by purpose, a test checks that no field is missing.
    """

    GEWOON = "gewoon"
    BIJZONDER = "bijzonder"
    BSN = "bsn"
    CATEGORIEEN = {
        GEWOON: _("Gewoon persoonsgegeven"),
        BIJZONDER: _("Bijzonder persoonsgegeven (AVG art. 9)"),
        BSN: _("Wettelijk identificatienummer (AVG art. 87, UAVG art. 46)"),
    }

    def __init__(self, doel: str, categorie: str = GEWOON, grondslag: str = ""):
        assert categorie in self.CATEGORIEEN
        self.doel = doel
        self.categorie = categorie
        self.grondslag = (
            grondslag or "Wettelijke taak: Wmo 2015 art. 2.3.2 en 5.1.1 (AVG art. 6.1.e)"
        )

    @property
    def categorie_omschrijving(self):
        return self.CATEGORIEEN[self.categorie]


class Doorbraak(models.Model):
    """Break-the-glass: access to a file outside one's normal scope, with a stated reason.

    It is valid for a few hours, logged, and reviewed by the privacy officer."""

    class Oordeel(models.TextChoices):
        TERECHT = "terecht", _("Terecht")
        ONTERECHT = "onterecht", _("Onterecht")

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="doorbraken"
    )
    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.CASCADE, related_name="doorbraken"
    )
    reden = models.TextField(_("reden"), max_length=1000)
    begin = models.DateTimeField(_("begin"), auto_now_add=True)
    einde = models.DateTimeField(_("geldig tot"))
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="beoordeelde_doorbraken",
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    oordeel = models.CharField(_("oordeel"), max_length=10, choices=Oordeel, blank=True)
    toelichting = models.TextField(_("toelichting bij oordeel"), max_length=1000, blank=True)

    class Meta:
        ordering = ["-begin", "-pk"]
        verbose_name = _("doorbraak (break-the-glass)")
        verbose_name_plural = _("doorbraken (break-the-glass)")

    def __str__(self):
        return f"{self.gebruiker} → {self.persoon_id} ({self.begin:%Y-%m-%d %H:%M})"


class Correctieverzoek(models.Model):
    """A resident's request to correct their data (AVG art. 16), with its handling."""

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", _("Ingediend")
        TOEGEWEZEN = "toegewezen", _("Toegewezen: gegevens aangepast")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    persoon = models.ForeignKey(
        "inwoners.Persoon", on_delete=models.CASCADE, related_name="correctieverzoeken"
    )
    gegeven = models.CharField(_("welk gegeven"), max_length=40)
    gewenste_waarde = models.CharField(_("wat het moet zijn"), max_length=200)
    toelichting = models.TextField(_("toelichting"), max_length=2000, blank=True)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    ingediend_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ingediend_op", "-pk"]
        verbose_name = _("correctieverzoek")
        verbose_name_plural = _("correctieverzoeken")

    def __str__(self):
        return f"{self.get_gegeven_display()} ({self.persoon_id})"

    def get_gegeven_display(self):
        return dict(CORRIGEERBARE_GEGEVENS).get(self.gegeven, self.gegeven)

    @property
    def status(self) -> str:
        statussen = list(self.statussen.all())  # prefetch-friendly; ordered by op, pk
        return statussen[-1].status if statussen else self.Status.INGEDIEND

    def get_status_display(self) -> str:
        return self.Status(self.status).label

    @property
    def uiterlijk_besluit(self):
        """AVG art. 12(3): answer within one month of receipt."""
        return een_maand_later(timezone.localtime(self.ingediend_op).date())


CORRIGEERBARE_GEGEVENS = [
    ("naam", _("Naam")),
    ("geboortedatum", _("Geboortedatum")),
    ("adres", _("Adres")),
    ("telefoon", _("Telefoonnummer")),
    ("email", _("E-mailadres")),
    ("relaties", _("Relaties, mantelzorgers of vertegenwoordiging")),
    ("overig", _("Iets anders in mijn dossier")),
]


class CorrectieverzoekStatus(models.Model):
    """Status history of a correction request (appended, never overwritten)."""

    verzoek = models.ForeignKey(
        Correctieverzoek, on_delete=models.CASCADE, related_name="statussen"
    )
    status = models.CharField(_("status"), max_length=12, choices=Correctieverzoek.Status)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(auto_now_add=True)
    toelichting = models.TextField(_("toelichting"), max_length=2000, blank=True)

    class Meta:
        ordering = ["op", "pk"]
        verbose_name = _("status correctieverzoek")
        verbose_name_plural = _("statussen correctieverzoek")

    def __str__(self):
        return self.get_status_display()


class Deelafspraak(models.Model):
    """The privacy covenant as data: which data item may be shared with which kind of partner."""

    gegeven = models.CharField(_("gegeven"), max_length=40)
    partnersoort = models.CharField(_("soort partner"), max_length=16)
    toegestaan = models.BooleanField(_("mag gedeeld worden"), default=False)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["gegeven", "partnersoort"]
        verbose_name = _("deelafspraak")
        verbose_name_plural = _("deelafspraken (privacyconvenant)")
        constraints = [
            models.UniqueConstraint(fields=["gegeven", "partnersoort"], name="uniek_deelafspraak")
        ]

    def __str__(self):
        return f"{self.gegeven} → {self.partnersoort}: {'ja' if self.toegestaan else 'nee'}"


# Data items of the privacy covenant and the kinds of partner they may go to.
DEELGEGEVENS = [
    ("naam", _("Naam")),
    ("bsn", _("BSN")),
    ("geboortedatum", _("Geboortedatum")),
    ("adres", _("Adres")),
    ("contact", _("Telefoon en e-mail")),
    ("hulpvraag", _("Hulpvraag in eigen woorden")),
    ("huishouden", _("Samenstelling huishouden")),
    ("netwerk", _("Netwerk en mantelzorg")),
    ("vertegenwoordiging", _("Wettelijke vertegenwoordiging")),
    ("levensdomeinen", _("Levensdomeinen en gespreksverslag")),
    ("plan", _("Ondersteuningsplan (regels van die partner)")),
]
PARTNERSOORTEN = [
    ("basis", _("Basisondersteuning")),
    ("aanvullend", _("Aanvullende ondersteuning")),
    ("hh", _("Huishoudelijke hulp")),
    ("vrijwilligers", _("Vrijwilligersorganisatie")),
    ("partner", _("Ketenpartner")),
]


class Bewaarsoort(models.TextChoices):
    WMO_DOSSIER = "wmo_dossier", _("Wmo-cliëntdossier met een voorziening")
    ZONDER_VOORZIENING = (
        "zonder_voorziening",
        _("Ondersteuning die niet tot een voorziening leidde"),
    )


class Bewaartermijn(models.Model):
    """How long a kind of record is kept after it was closed; set per municipality."""

    soort = models.CharField(_("soort"), max_length=20, choices=Bewaarsoort, unique=True)
    jaren = models.PositiveSmallIntegerField(_("bewaartermijn in jaren"))
    toelichting = models.CharField(_("toelichting en grondslag"), max_length=300)

    class Meta:
        ordering = ["soort"]
        verbose_name = _("bewaartermijn")
        verbose_name_plural = _("bewaartermijnen")

    def __str__(self):
        return f"{self.get_soort_display()}: {self.jaren} jaar"


class Bewaarmarkering(models.Model):
    """A record past its retention term: flagged, reviewed, then anonymised (or postponed)."""

    class Besluit(models.TextChoices):
        ANONIMISEREN = "anonimiseren", _("Anonimiseren")
        UITSTELLEN = "uitstellen", _("Uitstellen (bijvoorbeeld lopend bezwaar of klacht)")

    soort = models.CharField(_("soort"), max_length=20, choices=Bewaarsoort)
    object_type = models.CharField(_("soort gegeven"), max_length=40)
    object_id = models.BigIntegerField(_("object"))
    persoon_id = models.BigIntegerField(_("persoon"), null=True)
    afgesloten_op = models.DateField(_("afgesloten op"))
    verlopen_op = models.DateField(_("termijn verlopen op"))
    gemarkeerd_op = models.DateTimeField(auto_now_add=True)
    besluit = models.CharField(_("besluit"), max_length=12, choices=Besluit, blank=True)
    besluit_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    besluit_op = models.DateTimeField(null=True, blank=True)
    uitstellen_tot = models.DateField(_("uitstellen tot"), null=True, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=1000, blank=True)
    uitgevoerd_op = models.DateTimeField(_("uitgevoerd op"), null=True, blank=True)
    verwijderd = models.JSONField(_("wat is verwijderd"), default=dict, blank=True)

    class Meta:
        ordering = ["verlopen_op", "pk"]
        verbose_name = _("bewaarmarkering")
        verbose_name_plural = _("bewaarmarkeringen")
        constraints = [
            models.UniqueConstraint(
                fields=["object_type", "object_id"], name="een_markering_per_object"
            )
        ]

    def __str__(self):
        return f"{self.object_type} {self.object_id} ({self.get_soort_display()})"
