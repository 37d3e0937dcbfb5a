"""Forms check types and formats; the rules live in the services."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openwmo.portaal.forms import DateInput

from .models import Opvoedsteun, Risico, Veiligheidsstap

KIES = _("— kies —")


def _keuzes(choices):
    return [("", KIES), *choices]


class ProcesregieForm(forms.Form):
    jet_medewerker = forms.CharField(
        label=_("Medewerker van het JET"),
        max_length=120,
        help_text=_("Het JET is procesregisseur op de ondersteuning vanuit de Jeugdwet."),
    )


class OverlegForm(forms.Form):
    datum = forms.DateField(
        label=_("Datum overleg"), widget=DateInput(), initial=timezone.localdate
    )
    jet_medewerker = forms.CharField(label=_("Medewerker van het JET"), max_length=160)
    advies = forms.CharField(label=_("Advies en afspraken"), max_length=4000, widget=forms.Textarea)


class OpvoedsteunForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort ondersteuning"), choices=_keuzes(Opvoedsteun.Soort.choices)
    )
    resultaat = forms.CharField(label=_("Resultaat voor het gezin"), max_length=500)
    uren_per_week = forms.DecimalField(label=_("Uren per week"), max_digits=4, decimal_places=1)
    startdatum = forms.DateField(
        label=_("Startdatum"), widget=DateInput(), initial=timezone.localdate
    )


class TaxatieForm(forms.Form):
    datum = forms.DateField(
        label=_("Datum taxatie"), widget=DateInput(), initial=timezone.localdate
    )
    risico = forms.ChoiceField(label=_("Uitkomst"), choices=_keuzes(Risico.choices))
    kindsignalen = forms.BooleanField(label=_("Er zijn signalen bij de kinderen"), required=False)
    volwassenenproblematiek = forms.CharField(
        label=_("Risico's uit problemen van de volwassenen"),
        max_length=4000,
        widget=forms.Textarea,
        help_text=_("Ook als er geen kindsignalen zijn en alleen de volwassenen cliënt zijn."),
    )
    onderbouwing = forms.CharField(label=_("Onderbouwing"), max_length=4000, widget=forms.Textarea)


class StapForm(forms.Form):
    soort = forms.ChoiceField(label=_("Stap"), choices=_keuzes(Veiligheidsstap.Soort.choices))
    datum = forms.DateField(label=_("Datum"), widget=DateInput(), initial=timezone.localdate)
    besluit = forms.ChoiceField(
        label=_("Besluit (stap 5)"),
        choices=_keuzes(Veiligheidsstap.Besluit.choices),
        required=False,
    )
    notitie = forms.CharField(label=_("Notitie"), max_length=4000, widget=forms.Textarea)
