"""Forms check types and formats; the rules live in the services."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openwmo.organisaties import selectors as organisaties
from openwmo.portaal.forms import DateInput

from .models import Leveringsvorm, Productcategorie, RegievoerderSoort, Soort, Voortgang

KIES = _("— kies —")


def _keuzes(choices, leeg=KIES):
    return [("", leeg), *choices]


class PlanForm(forms.Form):
    bsn = forms.CharField(
        label=_("BSN van de inwoner"),
        max_length=9,
        min_length=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    regievoerder_soort = forms.ChoiceField(
        label=_("Wie voert de regie?"),
        choices=_keuzes(RegievoerderSoort.choices, _("— nog niet bekend —")),
        required=False,
        help_text=_(
            "De inwoner zelf waar dat kan; anders iemand uit het netwerk of een "
            "professional. Zonder regievoerder kan het plan niet actief worden."
        ),
    )
    regievoerder_naam = forms.CharField(
        label=_("Naam regievoerder"), max_length=160, required=False
    )
    jeugd_procesregisseur = forms.CharField(
        label=_("Procesregisseur jeugdteam (JET)"),
        max_length=160,
        required=False,
        help_text=_("Alleen bij jeugd: de procesregisseur naast de regievoerder."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), max_length=4000, required=False, widget=forms.Textarea
    )


class RegievoerderForm(forms.Form):
    regievoerder_soort = forms.ChoiceField(
        label=_("Wie voert de regie?"), choices=_keuzes(RegievoerderSoort.choices)
    )
    regievoerder_naam = forms.CharField(label=_("Naam regievoerder"), max_length=160)
    jeugd_procesregisseur = forms.CharField(
        label=_("Procesregisseur jeugdteam (JET)"), max_length=160, required=False
    )


class RegelForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort ondersteuning"), choices=_keuzes(Soort.choices))
    resultaat = forms.CharField(
        label=_("Resultaat dat bereikt moet worden"), max_length=500, widget=forms.Textarea
    )
    uitvoerder = forms.CharField(
        label=_("Wie levert dit"),
        max_length=160,
        help_text=_("De inwoner, de naam uit het netwerk, de vrijwilliger of de medewerker."),
    )
    omschrijving = forms.CharField(
        label=_("Wat wordt er gedaan"),
        max_length=500,
        required=False,
        help_text=_("Bij sociale basis: de activiteit of de vrijwilligersinzet."),
    )
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie of aanbieder"),
        queryset=organisaties.organisaties(),
        required=False,
        empty_label=_("— geen —"),
    )
    uren_per_week = forms.DecimalField(
        label=_("Uren per week"),
        required=False,
        max_digits=4,
        decimal_places=1,
        localize=True,
        help_text=_("Verplicht bij netwerk en basisondersteuning."),
    )
    flexibel = forms.BooleanField(label=_("Flexibele inzet (basisondersteuning)"), required=False)
    productcategorie = forms.ChoiceField(
        label=_("Productcategorie (aanvullend)"),
        choices=_keuzes(Productcategorie.choices, _("— niet van toepassing —")),
        required=False,
    )
    leveringsvorm = forms.ChoiceField(
        label=_("Leveringsvorm (aanvullend)"),
        choices=_keuzes(Leveringsvorm.choices, _("— niet van toepassing —")),
        required=False,
    )
    ingangsdatum = forms.DateField(label=_("Ingangsdatum"), required=False, widget=DateInput())
    einddatum = forms.DateField(label=_("Einddatum"), required=False, widget=DateInput())
    volume = forms.IntegerField(
        label=_("Volume"),
        required=False,
        min_value=1,
        max_value=9999,
        help_text=_("Alleen als de financiering erom vraagt."),
    )
    eenheid = forms.CharField(label=_("Eenheid van het volume"), max_length=40, required=False)


class IntensiteitForm(forms.Form):
    uren_per_week = forms.DecimalField(
        label=_("Nieuwe inzet (uren per week)"), max_digits=4, decimal_places=1, localize=True
    )
    ingangsdatum = forms.DateField(
        label=_("Met ingang van"), widget=DateInput(), initial=timezone.localdate
    )
    toelichting = forms.CharField(label=_("Waarom verandert de inzet?"), max_length=500)


class EvaluatiePlannenForm(forms.Form):
    gepland_op = forms.DateField(label=_("Datum van de evaluatie"), widget=DateInput())


class EvaluatieForm(forms.Form):
    voortgang = forms.ChoiceField(
        label=_("Is het resultaat bereikt?"), choices=_keuzes(Voortgang.choices)
    )
    visie_inwoner = forms.CharField(
        label=_("Hoe kijkt de inwoner er zelf tegen aan?"),
        max_length=4000,
        widget=forms.Textarea,
    )
    wat_verandert = forms.CharField(
        label=_("Wat verandert er?"), max_length=4000, required=False, widget=forms.Textarea
    )


class ReactieForm(forms.Form):
    tekst = forms.CharField(
        label=_("Uw reactie op het plan"), max_length=4000, widget=forms.Textarea
    )


class BeeindigForm(forms.Form):
    reden = forms.CharField(label=_("Reden van beëindigen"), max_length=300, widget=forms.Textarea)
