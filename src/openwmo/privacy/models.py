"""The append-only audit trail of reads and changes of personal data (AVG art. 5, 30, 32)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
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
