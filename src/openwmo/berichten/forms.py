from django import forms
from django.utils.translation import gettext_lazy as _

from openwmo.organisaties.models import Organisatie
from openwmo.portaal.forms import DateInput

from . import codelijsten

BSN_VELD = dict(
    label=_("BSN van de cliënt"),
    regex=r"^[0-9]{9}$",
    error_messages={"invalid": _("Een BSN bestaat uit precies 9 cijfers.")},
    widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
)


def _keuzes(lijst, leeg=True):
    keuzes = codelijsten.huidige().keuzes(lijst)
    return ([("", _("— kies —"))] if leeg else []) + keuzes


class CodeKeuze(forms.ChoiceField):
    """A choice from a code list, read when the form is made (code lists are data)."""

    def __init__(self, lijst, *, leeg=True, **kwargs):
        self.lijst, self.leeg = lijst, leeg
        super().__init__(choices=(), **kwargs)


class CodeForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            if isinstance(veld, CodeKeuze):
                veld.choices = _keuzes(veld.lijst, veld.leeg)


class ToewijzingForm(CodeForm):
    bsn = forms.RegexField(**BSN_VELD)
    aanbieder = forms.ModelChoiceField(
        label=_("Aanbieder"),
        queryset=Organisatie.objects.exclude(agb_code="").order_by("naam"),
        empty_label=_("— kies —"),
    )
    product_categorie = CodeKeuze("WMO020", label=_("Productcategorie"))
    product_code = forms.CharField(label=_("Productcode"), max_length=5, required=False)
    ingangsdatum = forms.DateField(label=_("Ingangsdatum"), widget=DateInput())
    einddatum = forms.DateField(label=_("Einddatum"), required=False, widget=DateInput())
    volume = forms.IntegerField(
        label=_("Volume"), min_value=0, max_value=99_999_999, required=False
    )
    eenheid = CodeKeuze("WJ756", label=_("Eenheid"), required=False)
    frequentie = CodeKeuze("WMO757", label=_("Frequentie"), required=False)


class PgbForm(CodeForm):
    bsn = forms.RegexField(**BSN_VELD)
    product_categorie = CodeKeuze("WMO020", label=_("Productcategorie"))
    product_code = forms.CharField(label=_("Productcode"), max_length=5, required=False)
    ingangsdatum = forms.DateField(label=_("Ingangsdatum"), widget=DateInput())
    einddatum = forms.DateField(label=_("Einddatum"), required=False, widget=DateInput())


class StartForm(forms.Form):
    begindatum = forms.DateField(label=_("Werkelijke begindatum"), widget=DateInput())


class ClientGegevens(forms.Form):
    """The client as the provider states it (for a new client it cannot look a resident
    up by BSN; the gemeente checks the data against the register)."""

    bsn = forms.RegexField(**BSN_VELD)
    achternaam = forms.CharField(label=_("Achternaam van de cliënt"), max_length=200)
    voorvoegsel = forms.CharField(label=_("Voorvoegsel"), max_length=10, required=False)
    voorletters = forms.CharField(label=_("Voorletters"), max_length=12, required=False)
    geboortedatum = forms.DateField(label=_("Geboortedatum van de cliënt"), widget=DateInput())
    geslacht = forms.ChoiceField(
        label=_("Geslacht"),
        choices=[("0", _("Onbekend")), ("1", _("Man")), ("2", _("Vrouw"))],
    )


class TaakgerichtStartForm(ClientGegevens, CodeForm):
    product_categorie = CodeKeuze("WMO020", label=_("Productcategorie"), required=False)
    begindatum = forms.DateField(label=_("Werkelijke begindatum"), widget=DateInput())


class StopForm(CodeForm):
    einddatum = forms.DateField(label=_("Werkelijke einddatum"), widget=DateInput())
    reden = CodeKeuze("WMO588", label=_("Reden beëindiging"))


class EinddatumForm(CodeForm):
    einddatum = forms.DateField(label=_("Nieuwe einddatum"), widget=DateInput())
    reden_wijziging = CodeKeuze("WMO002", label=_("Reden wijziging"), required=False)


class VerzoekForm(CodeForm):
    """A provider asks for a toewijzing. It types the client's data itself (the gemeente
    checks them against the register); it cannot look a resident up by BSN."""

    bsn = forms.RegexField(**BSN_VELD)
    achternaam = forms.CharField(label=_("Achternaam van de cliënt"), max_length=200)
    voorvoegsel = forms.CharField(label=_("Voorvoegsel"), max_length=10, required=False)
    voorletters = forms.CharField(label=_("Voorletters"), max_length=12, required=False)
    geboortedatum = forms.DateField(label=_("Geboortedatum van de cliënt"), widget=DateInput())
    geslacht = forms.ChoiceField(
        label=_("Geslacht"),
        choices=[("0", _("Onbekend")), ("1", _("Man")), ("2", _("Vrouw"))],
    )
    product_categorie = CodeKeuze("WMO020", label=_("Productcategorie"))
    product_code = forms.CharField(label=_("Productcode"), max_length=5, required=False)
    ingangsdatum = forms.DateField(label=_("Gewenste ingangsdatum"), widget=DateInput())
    einddatum = forms.DateField(label=_("Gewenste einddatum"), required=False, widget=DateInput())
    volume = forms.IntegerField(
        label=_("Volume"), min_value=0, max_value=99_999_999, required=False
    )
    eenheid = CodeKeuze("WJ756", label=_("Eenheid"), required=False)
    frequentie = CodeKeuze("WMO757", label=_("Frequentie"), required=False)


class AntwoordForm(CodeForm):
    besluit = forms.ChoiceField(
        label=_("Besluit"),
        choices=[
            ("toewijzen", _("Toewijzen (301)")),
            ("afwijzen", _("Afwijzen (319)")),
            ("onderzoek", _("In onderzoek (319)")),
        ],
    )
    reden_afwijzing = CodeKeuze("WJ759", label=_("Reden afwijzing"), required=False)
