"""Residents, their households, addresses, relations, carers and representatives.

Personal data under the AVG. Every read and change goes through
``inwoners.services`` / ``inwoners.selectors``, which write the audit trail.
"""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openwmo.gebieden.models import postcode_validator
from openwmo.privacy.models import Gegeven

from .validators import validate_bsn

telefoon_validator = RegexValidator(
    r"^\+?[0-9][0-9 \-]{7,17}$", _("Vul een geldig telefoonnummer in, bijvoorbeeld 0612345678.")
)


def leeftijd_op(geboortedatum: datetime.date, peildatum: datetime.date) -> int:
    """Age in whole years on a date."""
    verjaard = (peildatum.month, peildatum.day) >= (geboortedatum.month, geboortedatum.day)
    return peildatum.year - geboortedatum.year - (0 if verjaard else 1)


class Adres(models.Model):
    straat = models.CharField(_("straat"), max_length=80)
    huisnummer = models.PositiveIntegerField(
        _("huisnummer"), validators=[MinValueValidator(1), MaxValueValidator(99999)]
    )
    huisletter = models.CharField(
        _("huisletter"),
        max_length=1,
        blank=True,
        validators=[RegexValidator(r"^[A-Za-z]$", _("Een huisletter is één letter."))],
    )
    huisnummertoevoeging = models.CharField(_("toevoeging"), max_length=4, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, validators=[postcode_validator])
    woonplaats = models.CharField(_("woonplaats"), max_length=80)
    buurt = models.ForeignKey(
        "gebieden.Buurt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adressen",
        help_text=_("Afgeleid uit de postcode."),
    )

    PERSOONSGEGEVENS = {
        veld: Gegeven("Woonadres: wijk en buurt bepalen, bereikbaarheid, huisbezoek")
        for veld in (
            "straat",
            "huisnummer",
            "huisletter",
            "huisnummertoevoeging",
            "postcode",
            "woonplaats",
            "buurt",
        )
    }

    class Meta:
        verbose_name = _("adres")
        verbose_name_plural = _("adressen")
        indexes = [models.Index(fields=["postcode", "huisnummer"])]

    def __str__(self):
        nummer = f"{self.huisnummer}{self.huisletter}"
        if self.huisnummertoevoeging:
            nummer += f"-{self.huisnummertoevoeging}"
        return f"{self.straat} {nummer}, {self.postcode} {self.woonplaats}"


class Huishouden(models.Model):
    class Samenstelling(models.TextChoices):
        ALLEENSTAAND = "alleenstaand", _("Alleenstaand")
        PAAR = "paar", _("Paar zonder kinderen")
        PAAR_MET_KINDEREN = "paar_kinderen", _("Paar met kinderen")
        EENOUDER = "eenouder", _("Eenoudergezin")
        OVERIG = "overig", _("Overig meerpersoonshuishouden")

    adres = models.ForeignKey(Adres, on_delete=models.PROTECT, related_name="huishoudens")
    samenstelling = models.CharField(_("samenstelling"), max_length=16, choices=Samenstelling)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    PERSOONSGEGEVENS = {
        "adres": Gegeven("Eén huishouden, één plan: het huishouden als eenheid van ondersteuning"),
        "samenstelling": Gegeven(
            "Eén huishouden, één plan: het huishouden als eenheid van ondersteuning"
        ),
    }

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")

    def __str__(self):
        return _("Huishouden %(nr)s") % {"nr": self.pk}


class Persoon(models.Model):
    class Geslacht(models.TextChoices):
        # iWmo code list COD046
        ONBEKEND = "0", _("Onbekend")
        MAN = "1", _("Man")
        VROUW = "2", _("Vrouw")

    class RolInHuishouden(models.TextChoices):
        HOOFDBEWONER = "hoofdbewoner", _("Hoofdbewoner")
        PARTNER = "partner", _("Partner")
        KIND = "kind", _("Kind")
        OVERIG = "overig", _("Overig lid")

    bsn = models.CharField(_("BSN"), max_length=9, unique=True, validators=[validate_bsn])
    voornamen = models.CharField(_("voornamen"), max_length=120)
    voorvoegsel = models.CharField(_("voorvoegsel"), max_length=10, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=120)
    geboortedatum = models.DateField(_("geboortedatum"))
    geslacht = models.CharField(
        _("geslacht"), max_length=1, choices=Geslacht, default=Geslacht.ONBEKEND
    )
    huishouden = models.ForeignKey(
        Huishouden, on_delete=models.PROTECT, related_name="leden", null=True, blank=True
    )
    rol_in_huishouden = models.CharField(
        _("rol in huishouden"),
        max_length=12,
        choices=RolInHuishouden,
        default=RolInHuishouden.HOOFDBEWONER,
    )
    telefoon = models.CharField(
        _("telefoon"), max_length=20, blank=True, validators=[telefoon_validator]
    )
    email = models.EmailField(_("e-mailadres"), max_length=120, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    PERSOONSGEGEVENS = {
        "bsn": Gegeven(
            "Eenduidige identificatie; uitwisseling met aanbieders (iWmo) en het CAK",
            Gegeven.BSN,
            "Wmo 2015 art. 5.1.3; Wet algemene bepalingen burgerservicenummer",
        ),
        "voornamen": Gegeven("Identificatie en aanspreken van de inwoner"),
        "voorvoegsel": Gegeven("Identificatie en aanspreken van de inwoner"),
        "achternaam": Gegeven("Identificatie en aanspreken van de inwoner"),
        "geboortedatum": Gegeven("Identificatie; leeftijd bepaalt wat passende ondersteuning is"),
        "geslacht": Gegeven("Aanspreekvorm; verplicht gegeven in iWmo-berichten (COD046)"),
        "huishouden": Gegeven("Eén huishouden, één plan"),
        "rol_in_huishouden": Gegeven("Eén huishouden, één plan"),
        "telefoon": Gegeven("Contact met de inwoner over de ondersteuning"),
        "email": Gegeven("Contact met de inwoner over de ondersteuning"),
    }

    class Meta:
        ordering = ["achternaam", "voornamen"]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        indexes = [
            models.Index(fields=["achternaam"]),
            models.Index(fields=["geboortedatum"]),
        ]

    def __str__(self):
        return self.volledige_naam

    @property
    def leeftijd(self) -> int:
        return leeftijd_op(self.geboortedatum, timezone.localdate())

    @property
    def volledige_naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.voorvoegsel, self.achternaam) if p)


class Relatie(models.Model):
    """A person around the resident: family, network, carer or legal representative."""

    class Soort(models.TextChoices):
        PARTNER = "partner", _("Partner")
        OUDER = "ouder", _("Ouder")
        KIND = "kind", _("Kind")
        BROER_ZUS = "broer_zus", _("Broer of zus")
        FAMILIE = "familie", _("Overige familie")
        BUUR = "buur", _("Buurtgenoot")
        VRIEND = "vriend", _("Vriend of kennis")
        PROFESSIONAL = "professional", _("Professional")

    class Vertegenwoordiging(models.TextChoices):
        GEEN = "", _("Geen")
        CURATELE = "curatele", _("Curator")
        BEWIND = "bewind", _("Beschermingsbewindvoerder")
        MENTORSCHAP = "mentorschap", _("Mentor")
        GEZAG = "gezag", _("Ouder met gezag")
        VOOGDIJ = "voogdij", _("Voogd")
        GEMACHTIGDE = "gemachtigde", _("Schriftelijk gemachtigde")

    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="relaties")
    gerelateerde = models.ForeignKey(
        Persoon,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="relaties_als_gerelateerde",
        help_text=_("Alleen als de persoon zelf in het register staat."),
    )
    naam = models.CharField(_("naam"), max_length=160, blank=True)
    soort = models.CharField(_("soort relatie"), max_length=12, choices=Soort)
    telefoon = models.CharField(
        _("telefoon"), max_length=20, blank=True, validators=[telefoon_validator]
    )
    is_mantelzorger = models.BooleanField(_("mantelzorger"), default=False)
    mantelzorg_uren_per_week = models.PositiveSmallIntegerField(
        _("mantelzorg (uren per week)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(168)],
    )
    vertegenwoordiging = models.CharField(
        _("wettelijke vertegenwoordiging"),
        max_length=12,
        choices=Vertegenwoordiging,
        blank=True,
        default=Vertegenwoordiging.GEEN,
    )
    sinds = models.DateField(_("sinds"), null=True, blank=True)

    PERSOONSGEGEVENS = {
        **{
            veld: Gegeven("Netwerk en mantelzorg in kaart brengen (Wmo 2015 art. 2.3.2 lid 4)")
            for veld in ("persoon", "gerelateerde", "naam", "soort", "telefoon", "sinds")
        },
        "is_mantelzorger": Gegeven(
            "Mantelzorg en het risico op overbelasting meewegen (Wmo 2015 art. 2.3.2 lid 4c)"
        ),
        "mantelzorg_uren_per_week": Gegeven(
            "Mantelzorg en het risico op overbelasting meewegen (Wmo 2015 art. 2.3.2 lid 4c)"
        ),
        "vertegenwoordiging": Gegeven(
            "Vaststellen wie namens de inwoner mag optreden",
            grondslag="BW boek 1, titels 16 en 19-20",
        ),
    }

    class Meta:
        ordering = ["soort", "naam"]
        verbose_name = _("relatie")
        verbose_name_plural = _("relaties")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(gerelateerde__isnull=True, naam=""),
                name="relatie_heeft_naam_of_persoon",
            )
        ]

    def __str__(self):
        return self.weergavenaam

    @property
    def weergavenaam(self) -> str:
        return self.gerelateerde.volledige_naam if self.gerelateerde_id else self.naam
