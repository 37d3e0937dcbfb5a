"""Referrals (verwijzing), weighty advice (zwaarwegend advies) and its review, the
beschikking, the pgb-vaardigheid check and objections (bezwaar), plus the municipal
letter settings and the editable text blocks of the letters."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL


class Besluitvorm(models.TextChoices):
    VERWIJZING = "verwijzing", _("Verwijzing, tenzij de inwoner om een beschikking vraagt")
    BESCHIKKING = "beschikking", _("Altijd een beschikking (Wmo 2015 art. 2.3.5)")


class Instelling(models.Model):
    """Per municipality: how aanvullende ondersteuning is decided and the letterhead."""

    gemeente = models.CharField(_("gemeente"), max_length=80, unique=True)
    besluitvorm = models.CharField(
        _("besluitvorm aanvullende ondersteuning"),
        max_length=12,
        choices=Besluitvorm,
        default=Besluitvorm.VERWIJZING,
    )
    adviescommissie = models.BooleanField(
        _("bezwaren gaan naar een adviescommissie (beslistermijn 12 weken)"), default=False
    )
    afdeling = models.CharField(_("afzender (afdeling)"), max_length=120, default="Team Wmo")
    postadres = models.CharField(_("postadres"), max_length=200)
    telefoon = models.CharField(_("telefoon"), max_length=20, default="14 058")
    website = models.CharField(_("website"), max_length=120, blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("instelling besluiten en brieven")
        verbose_name_plural = _("instellingen besluiten en brieven")

    def __str__(self):
        return self.gemeente


class Tekstblok(models.Model):
    """An editable text block of a letter (Django template syntax, edited in the admin)."""

    sleutel = models.SlugField(_("sleutel"), max_length=60, unique=True)
    titel = models.CharField(_("titel"), max_length=120)
    tekst = models.TextField(_("tekst"))

    class Meta:
        ordering = ["sleutel"]
        verbose_name = _("tekstblok voor brieven")
        verbose_name_plural = _("tekstblokken voor brieven")

    def __str__(self):
        return self.titel

    def clean(self):
        from django.core.exceptions import ValidationError
        from django.template import Template, TemplateSyntaxError

        try:
            Template(self.tekst)
        except TemplateSyntaxError as exc:
            fout = _("De tekst bevat een fout: %(f)s") % {"f": exc}
            raise ValidationError({"tekst": fout}) from exc


class PgbBeheerder(models.TextChoices):
    INWONER = "inwoner", _("De inwoner zelf")
    VERTEGENWOORDIGER = "vertegenwoordiger", _("Een vertegenwoordiger")


class PgbVaardigheid(models.Model):
    """The recorded check that the resident or representative can manage a budget
    (Wmo 2015 art. 2.3.6 lid 2 onder a)."""

    regel = models.ForeignKey(
        "plannen.Regel", on_delete=models.CASCADE, related_name="pgb_vaardigheden"
    )
    beheerder = models.CharField(_("wie beheert het pgb?"), max_length=20, choices=PgbBeheerder)
    beheerder_naam = models.CharField(_("naam van de budgetbeheerder"), max_length=160)
    regie = models.BooleanField(_("kan regie voeren over de ondersteuning"), default=False)
    administratie = models.BooleanField(_("kan de administratie bijhouden"), default=False)
    opdrachtgeverschap = models.BooleanField(
        _("kan afspraken maken met en aansturen van de hulpverlener"), default=False
    )
    vaardig = models.BooleanField(_("pgb-vaardig"), default=False)
    toelichting = models.CharField(_("toelichting"), max_length=1000)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-op", "-pk"]

    def __str__(self):
        return f"Pgb-vaardigheid {self.beheerder_naam}"


class Verwijzing(models.Model):
    regel = models.ForeignKey(
        "plannen.Regel", on_delete=models.PROTECT, related_name="verwijzingen"
    )
    datum = models.DateField(_("datum"))
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return self.kenmerk

    @property
    def kenmerk(self) -> str:
        return f"VW-{self.datum.year}-{self.pk:05d}"


class Aanleiding(models.TextChoices):
    VERZOEK = "verzoek", _("De inwoner vraagt om een beschikking")
    ALTIJD = "altijd", _("De gemeente besluit altijd met een beschikking")


class AdviesStatus(models.TextChoices):
    INGEDIEND = "ingediend", _("Ingediend, wacht op beoordeling")
    GEACCEPTEERD = "geaccepteerd", _("Geaccepteerd")
    WIJZIGEN = "wijzigen", _("Wijziging gevraagd")
    GEWEIGERD = "geweigerd", _("Geweigerd")


class Advies(models.Model):
    """Weighty advice on the plan. A request for change is answered with a new Advies;
    the earlier one stays with its review."""

    regel = models.ForeignKey("plannen.Regel", on_delete=models.PROTECT, related_name="adviezen")
    aanleiding = models.CharField(_("aanleiding"), max_length=8, choices=Aanleiding)
    tekst = models.TextField(_("zwaarwegend advies"), max_length=8000)
    status = models.CharField(
        _("status"), max_length=12, choices=AdviesStatus, default=AdviesStatus.INGEDIEND
    )
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)
    beoordeling = models.TextField(_("motivering van de beoordeling"), blank=True)
    beoordeeld_door = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    beoordeeld_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-op", "-pk"]
        verbose_name = _("zwaarwegend advies")
        verbose_name_plural = _("zwaarwegende adviezen")

    def __str__(self):
        return f"Advies {self.pk}"


class Beschikkingsverzoek(models.Model):
    """The resident asks for a formal decision instead of a referral (Wmo 2015 art. 2.3.5)."""

    regel = models.ForeignKey(
        "plannen.Regel", on_delete=models.CASCADE, related_name="beschikkingsverzoeken"
    )
    toelichting = models.TextField(_("toelichting"), max_length=2000, blank=True)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)
    advies = models.ForeignKey(
        Advies, on_delete=models.SET_NULL, null=True, blank=True, related_name="verzoeken"
    )

    class Meta:
        ordering = ["op", "pk"]

    def __str__(self):
        return f"Verzoek om beschikking {self.pk}"


class Beschikking(models.Model):
    advies = models.OneToOneField(Advies, on_delete=models.PROTECT, related_name="beschikking")
    regel = models.ForeignKey(
        "plannen.Regel", on_delete=models.PROTECT, related_name="beschikkingen"
    )
    besluitdatum = models.DateField(_("datum besluit"))
    verzonden_op = models.DateField(_("verzonden op"))
    toegekend = models.CharField(_("wat wordt toegekend"), max_length=500)
    leveringsvorm = models.CharField(_("leveringsvorm"), max_length=3)
    pgb_bedrag = models.DecimalField(
        _("pgb-bedrag (euro)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    pgb_periode = models.CharField(_("pgb-bedrag per"), max_length=20, blank=True)
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"))
    motivering = models.TextField(_("motivering"), max_length=8000)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-besluitdatum", "-pk"]
        verbose_name_plural = _("beschikkingen")

    def __str__(self):
        return self.kenmerk

    @property
    def kenmerk(self) -> str:
        return f"BS-{self.besluitdatum.year}-{self.pk:05d}"


class BezwaarUitkomst(models.TextChoices):
    GEGROND = "gegrond", _("Gegrond")
    ONGEGROND = "ongegrond", _("Ongegrond")
    NIET_ONTVANKELIJK = "niet_ontvankelijk", _("Niet-ontvankelijk")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


class Bezwaar(models.Model):
    beschikking = models.ForeignKey(Beschikking, on_delete=models.PROTECT, related_name="bezwaren")
    ontvangen_op = models.DateField(_("bezwaarschrift ontvangen op"))
    gronden = models.TextField(_("gronden van het bezwaar"), max_length=8000)
    adviescommissie = models.BooleanField(_("advies van een bezwaarcommissie"), default=False)
    verdaging_weken = models.PositiveSmallIntegerField(_("verdaagd met (weken)"), default=0)
    verdaagd_op = models.DateField(_("verdaagd op"), null=True, blank=True)
    hoorzitting_op = models.DateField(_("hoorzitting op"), null=True, blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=18, choices=BezwaarUitkomst, blank=True)
    beslist_op = models.DateField(_("beslist op"), null=True, blank=True)
    toelichting_uitkomst = models.TextField(_("toelichting op de beslissing"), blank=True)
    gewijzigd_besluit = models.TextField(_("gewijzigd besluit"), blank=True)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ontvangen_op", "-pk"]
        verbose_name_plural = _("bezwaren")

    def __str__(self):
        return f"Bezwaar {self.pk}"
