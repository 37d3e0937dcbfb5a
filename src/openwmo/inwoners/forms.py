from django import forms
from django.utils.translation import gettext_lazy as _

from openwmo.portaal.forms import DateInput

from .models import Persoon
from .validators import validate_bsn


class ZoekForm(forms.Form):
    bsn = forms.RegexField(
        label=_("BSN"),
        regex=r"^[0-9]{9}$",
        required=False,
        error_messages={"invalid": _("Een BSN bestaat uit precies 9 cijfers.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    naam = forms.CharField(label=_("Naam"), max_length=120, required=False)
    geboortedatum = forms.DateField(label=_("Geboortedatum"), required=False, widget=DateInput())
    postcode = forms.CharField(label=_("Postcode"), max_length=7, required=False)


class RegistratieForm(forms.Form):
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=9,
        validators=[validate_bsn],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    voornamen = forms.CharField(label=_("Voornamen"), max_length=120)
    voorvoegsel = forms.CharField(label=_("Voorvoegsel"), max_length=10, required=False)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=120)
    geboortedatum = forms.DateField(label=_("Geboortedatum"), widget=DateInput())
    geslacht = forms.ChoiceField(label=_("Geslacht"), choices=Persoon.Geslacht.choices)
    straat = forms.CharField(label=_("Straat"), max_length=80)
    huisnummer = forms.IntegerField(label=_("Huisnummer"), min_value=1, max_value=99999)
    huisletter = forms.CharField(label=_("Huisletter"), max_length=1, required=False)
    huisnummertoevoeging = forms.CharField(label=_("Toevoeging"), max_length=4, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=7)
    woonplaats = forms.CharField(label=_("Woonplaats"), max_length=80)
    telefoon = forms.CharField(label=_("Telefoon"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-mailadres"), max_length=120, required=False)
