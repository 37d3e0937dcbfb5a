"""Youth in the one household plan and zicht op veiligheid.

Light parenting support is a general provision of basisondersteuning (no decision). When
Youth Act support is needed the youth team (JET) is process coordinator for that part of
the plan (``plannen.Plan.jeugd_procesregisseur``); consultations with the JET are recorded.

Child-safety records (risk assessment per household with children, meldcode steps and the
recorded actions that follow) are visible only to social workers of the household's wijk;
every read is audited (``jeugd.selectors``).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL


class Opvoedsteun(models.Model):
    """Light support with parenting and growing up (seed §4.4: six kinds)."""

    class Soort(models.TextChoices):
        INFORMATIE = "informatie", _("Informatie en advies over opvoedvaardigheden")
        OPVOEDKUNDIG = "opvoedkundig", _("Versterken van het opvoedkundig handelen")
        DRAAGKRACHT = "draagkracht", _("Herstel balans draagkracht en draaglast")
        PSYCHOSOCIAAL = "psychosociaal", _("Psychosociaal functioneren van de jeugdige")
        COMMUNICATIE = "communicatie", _("Gezinscommunicatie")
        SPECIFIEK = "specifiek", _("Specifieke vaardigheden bij ontwikkelings- of gedragsproblemen")

    huishouden = models.ForeignKey(
        "inwoners.Huishouden", on_delete=models.PROTECT, related_name="+"
    )
    plan = models.ForeignKey("plannen.Plan", on_delete=models.PROTECT, related_name="+")
    regel = models.ForeignKey(
        "plannen.Regel", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    soort = models.CharField(_("soort ondersteuning"), max_length=14, choices=Soort)
    startdatum = models.DateField(_("startdatum"))
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["startdatum", "pk"]
        verbose_name = _("lichte opvoedondersteuning")
        verbose_name_plural = _("lichte opvoedondersteuning")

    def __str__(self):
        return self.get_soort_display()


class JetOverleg(models.Model):
    """Consultation with the youth team (JET) about a household plan."""

    plan = models.ForeignKey(
        "plannen.Plan", on_delete=models.PROTECT, related_name="jet_overleggen"
    )
    datum = models.DateField(_("datum overleg"))
    jet_medewerker = models.CharField(_("medewerker JET"), max_length=160)
    advies = models.TextField(_("advies en afspraken"), max_length=4000)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = _("overleg met het JET")
        verbose_name_plural = _("overleggen met het JET")

    def __str__(self):
        return f"JET-overleg {self.datum}"


class Risico(models.TextChoices):
    GEEN = "geen", _("Geen zorgen over de veiligheid")
    LICHT = "licht", _("Lichte zorgen: volgen")
    VERHOOGD = "verhoogd", _("Verhoogd risico: meldcode doorlopen")
    ACUUT = "acuut", _("Acuut onveilig")


class Risicotaxatie(models.Model):
    """Risk assessment of the children's safety; also when only the adults are clients."""

    # Not in a household member's inzage export: child-safety records are withheld to
    # protect the child (AVG art. 23(1)(i), UAVG art. 41); the privacy officer weighs a
    # request for them separately.
    INZAGE_UITZONDERING = (
        "Veiligheid van kinderen (meldcode): niet in het inzageoverzicht ter bescherming van "
        "het kind (AVG art. 23 lid 1 onder i, UAVG art. 41); apart te beoordelen."
    )

    huishouden = models.ForeignKey(
        "inwoners.Huishouden", on_delete=models.PROTECT, related_name="risicotaxaties"
    )
    datum = models.DateField(_("datum taxatie"))
    risico = models.CharField(_("uitkomst"), max_length=8, choices=Risico)
    kindsignalen = models.BooleanField(_("er zijn signalen bij de kinderen"), default=False)
    volwassenenproblematiek = models.TextField(
        _("risico's uit problemen van de volwassenen"), max_length=4000
    )
    onderbouwing = models.TextField(_("onderbouwing"), max_length=4000)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = _("risicotaxatie")
        verbose_name_plural = _("risicotaxaties")

    def __str__(self):
        return f"Risicotaxatie {self.datum}"


class Veiligheidsstap(models.Model):
    """One recorded step: a meldcode step with its decision, or an action that follows."""

    INZAGE_UITZONDERING = Risicotaxatie.INZAGE_UITZONDERING

    class Soort(models.TextChoices):
        SIGNALEN = "1_signalen", _("Meldcode stap 1: signalen in kaart brengen")
        CONSULTATIE = "2_consultatie", _("Meldcode stap 2: collegiale consultatie / Veilig Thuis")
        GESPREK = "3_gesprek", _("Meldcode stap 3: gesprek met de betrokkenen")
        WEGEN = "4_wegen", _("Meldcode stap 4: wegen met het afwegingskader")
        BESLISSEN = "5_beslissen", _("Meldcode stap 5: beslissen over hulp en melden")
        VEILIG_THUIS = "veilig_thuis", _("Melding bij Veilig Thuis")
        VERWIJSINDEX = "verwijsindex", _("Registratie in de Verwijsindex")
        VEILIGHEIDSPLAN = "veiligheidsplan", _("Veiligheidsplan opgesteld")
        HERSTELPLAN = "herstelplan", _("Herstelplan opgesteld")
        RAAD = "raad", _("Verzoek tot onderzoek Raad voor de Kinderbescherming")
        MDO = "mdo", _("Multidisciplinair overleg")

    class Besluit(models.TextChoices):
        HULP = "hulp", _("Hulp organiseren, geen melding")
        MELDEN = "melden", _("Melden bij Veilig Thuis")
        GEEN = "geen", _("Geen vervolg nodig")

    huishouden = models.ForeignKey(
        "inwoners.Huishouden", on_delete=models.PROTECT, related_name="veiligheidsstappen"
    )
    soort = models.CharField(_("stap"), max_length=16, choices=Soort)
    datum = models.DateField(_("datum"))
    besluit = models.CharField(_("besluit"), max_length=6, choices=Besluit, blank=True)
    notitie = models.TextField(_("notitie"), max_length=4000)
    door = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["datum", "pk"]
        verbose_name = _("stap zicht op veiligheid")
        verbose_name_plural = _("stappen zicht op veiligheid")

    def __str__(self):
        return self.get_soort_display()
