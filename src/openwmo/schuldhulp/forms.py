"""Forms check types and formats; the rules live in the services."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openwmo.portaal.forms import DateInput

from .models import Betalingssignaal, Crisis, Inzet

KIES = _("— kies —")


def _keuzes(choices):
    return [("", KIES), *choices]


class BedragField(forms.Field):
    """An amount in euros as typed ("1.840,50" or "1840") → integer cents."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        tekst = (value or "").strip().replace("€", "").replace(" ", "")
        if not tekst:
            return None
        if len(tekst) > 14:
            raise ValidationError(_("Vul een bedrag in euro in, bijvoorbeeld 1.840,50."))
        if not re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d{1,2})?|\d+(,\d{1,2})?", tekst):
            raise ValidationError(_("Vul een bedrag in euro in, bijvoorbeeld 1.840,50."))
        euro, _komma, cent = tekst.replace(".", "").partition(",")
        return int(euro) * 100 + int((cent + "00")[:2])


class SignaalForm(forms.Form):
    bron = forms.ChoiceField(
        label=_("Soort schuldeiser"), choices=_keuzes(Betalingssignaal.Bron.choices)
    )
    schuldeiser = forms.CharField(label=_("Naam schuldeiser"), max_length=160)
    fase = forms.ChoiceField(label=_("Fase"), choices=_keuzes(Betalingssignaal.Fase.choices))
    achterstand_cent = BedragField(label=_("Achterstand in euro"))
    maanden_achterstand = forms.IntegerField(
        label=_("Aantal maanden achterstand"), min_value=0, max_value=60
    )
    ontvangen_op = forms.DateField(
        label=_("Signaal ontvangen op"), widget=DateInput(), initial=timezone.localdate
    )
    outreach_op = forms.DateField(
        label=_("Outreachend huisbezoek gepland op"),
        widget=DateInput(),
        help_text=_("De inwoner vraagt zelf niet om hulp: u gaat langs."),
    )


class CrisisForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort crisis"), choices=_keuzes(Crisis.Soort.choices))
    datum_dreiging = forms.DateField(label=_("Datum ontruiming of afsluiting"), widget=DateInput())
    toelichting = forms.CharField(label=_("Situatie"), max_length=1000, widget=forms.Textarea)


class AfhandelForm(forms.Form):
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=_keuzes(Crisis.Uitkomst.choices))
    toelichting = forms.CharField(label=_("Afspraken"), max_length=1000, widget=forms.Textarea)


class InzetForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort inzet"), choices=_keuzes(Inzet.Soort.choices))
    verwezen_naar = forms.ChoiceField(
        label=_("Verwezen naar"),
        choices=_keuzes(Inzet.Naar.choices),
        required=False,
        help_text=_("Alleen bij een verwijzing."),
    )
    doel = forms.CharField(label=_("Doel voor financiële stabiliteit"), max_length=500)
    partij = forms.CharField(label=_("Wie voert het uit"), max_length=160)
    uren_per_week = forms.DecimalField(
        label=_("Uren per week"),
        required=False,
        max_digits=4,
        decimal_places=1,
        help_text=_("Bij eigen ondersteuning en nazorg."),
    )
    startdatum = forms.DateField(
        label=_("Startdatum"), widget=DateInput(), initial=timezone.localdate
    )
    einddatum = forms.DateField(label=_("Einddatum"), widget=DateInput(), required=False)
