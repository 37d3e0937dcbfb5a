from django import forms
from django.utils.translation import gettext_lazy as _

from openwmo.portaal.forms import DateInput

from .models import (
    CORRIGEERBARE_GEGEVENS,
    AuditRecord,
    Bewaarmarkering,
    Correctieverzoek,
    Doorbraak,
)

BSN_FIELD = dict(
    label=_("BSN"),
    regex=r"^[0-9]{9}$",
    error_messages={"invalid": _("Een BSN bestaat uit precies 9 cijfers.")},
    widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
)


class AuditZoekForm(forms.Form):
    gebruikersnaam = forms.CharField(label=_("Gebruikersnaam"), max_length=150, required=False)
    bsn = forms.RegexField(required=False, **BSN_FIELD)
    actie = forms.ChoiceField(
        label=_("Actie"),
        choices=[("", _("Alle acties")), *AuditRecord.Actie.choices],
        required=False,
    )
    van = forms.DateField(label=_("Vanaf"), required=False, widget=DateInput())
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", _("De einddatum ligt voor de begindatum."))
        return data


class DoorbraakBeoordelingForm(forms.Form):
    oordeel = forms.ChoiceField(label=_("Oordeel"), choices=Doorbraak.Oordeel.choices)
    toelichting = forms.CharField(
        label=_("Toelichting"), max_length=1000, required=False, widget=forms.Textarea
    )


class CorrectieBesluitForm(forms.Form):
    besluit = forms.ChoiceField(
        label=_("Besluit"),
        choices=[
            (Correctieverzoek.Status.TOEGEWEZEN, _("Toewijzen")),
            (Correctieverzoek.Status.AFGEWEZEN, _("Afwijzen")),
        ],
    )
    toelichting = forms.CharField(
        label=_("Toelichting voor de inwoner"), max_length=2000, widget=forms.Textarea
    )


class CorrectieverzoekForm(forms.Form):
    gegeven = forms.ChoiceField(label=_("Welk gegeven klopt niet?"), choices=CORRIGEERBARE_GEGEVENS)
    gewenste_waarde = forms.CharField(label=_("Wat moet het zijn?"), max_length=200)
    toelichting = forms.CharField(
        label=_("Toelichting"), max_length=2000, required=False, widget=forms.Textarea
    )


class InzageForm(forms.Form):
    bsn = forms.RegexField(**BSN_FIELD)
    formaat = forms.ChoiceField(label=_("Formaat"), choices=[("pdf", "PDF"), ("json", "JSON")])


class DoorbraakForm(forms.Form):
    bsn = forms.RegexField(**BSN_FIELD)
    reden = forms.CharField(
        label=_("Waarom heeft u toegang nodig?"),
        max_length=1000,
        widget=forms.Textarea,
        help_text=_("Bijvoorbeeld: crisis bij een inwoner buiten mijn wijk, collega afwezig."),
    )


class BewaarbesluitForm(forms.Form):
    besluit = forms.ChoiceField(label=_("Besluit"), choices=Bewaarmarkering.Besluit.choices)
    toelichting = forms.CharField(
        label=_("Toelichting (verplicht bij uitstel)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea,
    )
    uitstellen_tot = forms.DateField(label=_("Uitstellen tot"), required=False, widget=DateInput())
