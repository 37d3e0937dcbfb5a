"""The ondersteuningsplan of a household: one active plan, one regievoerder, the arrangement
(plan lines of five kinds), intensity history of basis lines and evaluation moments.

Every change appends a ``PlanVersie`` with a snapshot, so earlier versions stay visible.
Personal data: reads and changes go through ``plannen.selectors`` / ``plannen.services``,
which write the audit trail.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL


class PlanStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    ACTIEF = "actief", _("Actief")
    BEEINDIGD = "beeindigd", _("Beëindigd")


class RegievoerderSoort(models.TextChoices):
    INWONER = "inwoner", _("De inwoner zelf")
    NETWERK = "netwerk", _("Iemand uit het netwerk")
    PROFESSIONAL = "professional", _("Een professional")


class Plan(models.Model):
    # both empty only after anonymisation at the end of the retention term
    huishouden = models.ForeignKey(
        "inwoners.Huishouden",
        on_delete=models.PROTECT,
        null=True,
        related_name="ondersteuningsplannen",
    )
    persoon = models.ForeignKey(
        "inwoners.Persoon",
        on_delete=models.PROTECT,
        null=True,
        related_name="ondersteuningsplannen",
        verbose_name=_("inwoner"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PlanStatus, default=PlanStatus.CONCEPT
    )
    regievoerder_soort = models.CharField(
        _("soort regievoerder"), max_length=12, choices=RegievoerderSoort, blank=True
    )
    regievoerder_naam = models.CharField(_("naam regievoerder"), max_length=160, blank=True)
    regievoerder_gebruiker = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    jeugd_procesregisseur = models.CharField(
        _("procesregisseur jeugdteam (JET)"), max_length=160, blank=True
    )
    toelichting = models.TextField(_("toelichting"), max_length=4000, blank=True)
    versie = models.PositiveIntegerField(_("versie"), default=0)
    aangemaakt_door = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    geactiveerd_op = models.DateField(_("actief sinds"), null=True, blank=True)
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("ondersteuningsplan")
        verbose_name_plural = _("ondersteuningsplannen")
        ordering = ["-aangemaakt_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["huishouden"],
                condition=Q(status="actief"),
                name="plannen_een_actief_plan_per_huishouden",
            )
        ]

    def __str__(self):
        return f"Ondersteuningsplan {self.pk}"


class PlanVersie(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versies")
    nummer = models.PositiveIntegerField(_("versie"))
    reden = models.CharField(_("wijziging"), max_length=300)
    momentopname = models.JSONField(_("inhoud van deze versie"))
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["plan", "-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "nummer"], name="plannen_versie_uniek")
        ]

    def __str__(self):
        return f"Plan {self.plan_id} versie {self.nummer}"


class Soort(models.TextChoices):
    EIGEN_KRACHT = "eigen_kracht", _("Eigen kracht")
    NETWERK = "netwerk", _("Netwerk")
    SOCIALE_BASIS = "sociale_basis", _("Sociale basis")
    BASIS = "basis", _("Basisondersteuning")
    AANVULLEND = "aanvullend", _("Aanvullende ondersteuning")


class Productcategorie(models.TextChoices):
    """Aanvullende ondersteuning; the value maps to the iWmo category (WMO020)."""

    THUISONDERSTEUNING = "thuisondersteuning", _("Thuisondersteuning")
    DAGBESTEDING = "dagbesteding", _("Dagbesteding")
    HUISHOUDELIJKE_HULP = "huishoudelijke_hulp", _("Huishoudelijke hulp")
    KORTDUREND_VERBLIJF = "kortdurend_verblijf", _("Kortdurend verblijf")


IWMO_CATEGORIE = {
    Productcategorie.THUISONDERSTEUNING: "02",
    Productcategorie.DAGBESTEDING: "07",
    Productcategorie.HUISHOUDELIJKE_HULP: "01",
    Productcategorie.KORTDUREND_VERBLIJF: "04",
}


class Leveringsvorm(models.TextChoices):
    ZIN = "zin", _("Zorg in natura (ZIN)")
    PGB = "pgb", _("Persoonsgebonden budget (pgb)")


class Regel(models.Model):
    """One line of the arrangement: what is done, by whom, for which result."""

    class Status(models.TextChoices):
        LOOPT = "loopt", _("Loopt")
        VOORGESTELD = "voorgesteld", _("Voorgesteld, wacht op verwijzing of besluit")
        TOEGEKEND = "toegekend", _("Toegekend")
        GEWEIGERD = "geweigerd", _("Geweigerd")
        BEEINDIGD = "beeindigd", _("Beëindigd")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="regels")
    soort = models.CharField(_("soort ondersteuning"), max_length=14, choices=Soort)
    resultaat = models.CharField(_("resultaat dat bereikt moet worden"), max_length=500)
    uitvoerder = models.CharField(_("wie levert dit"), max_length=160)
    omschrijving = models.CharField(_("wat wordt er gedaan"), max_length=500, blank=True)
    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="planregels",
        verbose_name=_("organisatie of aanbieder"),
    )
    uren_per_week = models.DecimalField(
        _("uren per week"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    flexibel = models.BooleanField(_("flexibele inzet"), default=False)
    productcategorie = models.CharField(
        _("productcategorie"), max_length=20, choices=Productcategorie, blank=True
    )
    leveringsvorm = models.CharField(
        _("leveringsvorm"), max_length=3, choices=Leveringsvorm, blank=True
    )
    ingangsdatum = models.DateField(_("ingangsdatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    volume = models.PositiveIntegerField(_("volume"), null=True, blank=True)
    eenheid = models.CharField(_("eenheid"), max_length=40, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.LOOPT)
    iwmo = models.CharField(_("iWmo"), max_length=500, blank=True)
    iwmo_doorgegeven = models.BooleanField(_("doorgegeven aan iWmo"), default=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("regel van het arrangement")
        verbose_name_plural = _("regels van het arrangement")
        ordering = ["plan", "pk"]
        indexes = [
            models.Index(fields=["soort", "ingangsdatum"], name="plannen_regel_soort_ingang")
        ]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.resultaat}"

    @property
    def pijler(self) -> str:
        return {
            Soort.EIGEN_KRACHT: _("Sociale basis"),
            Soort.NETWERK: _("Sociale basis"),
            Soort.SOCIALE_BASIS: _("Sociale basis"),
            Soort.BASIS: _("Basisondersteuning"),
            Soort.AANVULLEND: _("Aanvullende ondersteuning"),
        }[self.soort]


class Intensiteitswijziging(models.Model):
    """Scaling a basis line up or down: a note, no new decision."""

    regel = models.ForeignKey(Regel, on_delete=models.CASCADE, related_name="intensiteiten")
    van = models.DecimalField(_("van (uren per week)"), max_digits=4, decimal_places=1, null=True)
    naar = models.DecimalField(_("naar (uren per week)"), max_digits=4, decimal_places=1)
    ingangsdatum = models.DateField(_("ingangsdatum"))
    toelichting = models.CharField(_("toelichting"), max_length=500)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["regel", "-op", "-pk"]

    def __str__(self):
        return f"{self.van} → {self.naar}"


class Voortgang(models.TextChoices):
    BEREIKT = "bereikt", _("Bereikt")
    DEELS = "deels", _("Deels bereikt")
    NIET = "niet", _("Niet bereikt")


class Evaluatie(models.Model):
    regel = models.ForeignKey(Regel, on_delete=models.CASCADE, related_name="evaluaties")
    gepland_op = models.DateField(_("evaluatie gepland op"))
    uitgevoerd_op = models.DateField(_("geëvalueerd op"), null=True, blank=True)
    voortgang = models.CharField(_("voortgang"), max_length=8, choices=Voortgang, blank=True)
    visie_inwoner = models.TextField(_("hoe kijkt de inwoner ertegen aan?"), blank=True)
    wat_verandert = models.TextField(_("wat verandert er?"), blank=True)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["gepland_op", "pk"]
        indexes = [models.Index(fields=["uitgevoerd_op"], name="plannen_evaluatie_uitgevoerd")]

    def __str__(self):
        return f"Evaluatie {self.gepland_op}"


class Reactie(models.Model):
    """A comment by the resident on their own plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reacties")
    tekst = models.TextField(_("uw reactie"), max_length=4000)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["op"]

    def __str__(self):
        return f"Reactie {self.pk}"
