import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openwmo.organisaties.models import Pijler


def dit_jaar() -> int:
    """The current year in the municipality's time zone, asked when a form is shown."""
    return timezone.localdate().year


class BedragField(forms.CharField):
    """An amount in euros typed the Dutch way (1.234,56 or 1234,56 or 1234.56) → cents."""

    default_error_messages = {"invalid": _("Vul een bedrag in euro's in, bijvoorbeeld 1.250,00.")}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "maxlength": "20"})

    def to_python(self, value):
        value = (super().to_python(value) or "").replace("€", "").replace(" ", "")
        if not value:
            return None
        if len(value) > 20:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d{1,2})?", value) or "," in value:
            value = value.replace(".", "").replace(",", ".")
        try:
            bedrag = Decimal(value)
        except InvalidOperation:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if bedrag < 0 or bedrag != bedrag.quantize(Decimal("0.01")) or bedrag >= 10**11:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(bedrag * 100)


class PercentageField(BedragField):
    """A percentage with at most two decimals → basis points."""

    default_error_messages = {
        "invalid": _("Vul een percentage in tussen 0 en 100, bijvoorbeeld 12,5.")
    }

    def to_python(self, value):
        bp = super().to_python(value)
        if bp is not None and bp > 10_000:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return bp


class VaststellenForm(forms.Form):
    totaal_cents = BedragField(label=_("Totale lumpsum basis en aanvullend (euro)"))
    pgb_aandeel = PercentageField(
        label=_("Verwacht pgb-aandeel van de aanvullende ondersteuning (%)"), required=False
    )


class HerverdelingForm(forms.Form):
    van_id = forms.TypedChoiceField(label=_("Van lumpsum"), coerce=int)
    naar_id = forms.TypedChoiceField(label=_("Naar lumpsum"), coerce=int)
    bedrag_cents = BedragField(label=_("Bedrag (euro)"))
    onderbouwing = forms.CharField(
        label=_("Onderbouwing"),
        widget=forms.Textarea,
        max_length=4000,
        help_text=_("Verschuiving van cliënten, in aantallen en procenten."),
    )

    def __init__(self, *args, keuzes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["van_id"].choices = keuzes
        self.fields["naar_id"].choices = keuzes


class BesluitForm(forms.Form):
    besluit = forms.ChoiceField(
        label=_("Besluit"), choices=[("toekennen", _("Toekennen")), ("afwijzen", _("Afwijzen"))]
    )
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea, max_length=1000)


class ScenarioForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=160)
    taakstelling_cents = BedragField(label=_("Taakstelling per jaar (euro)"))
    taakstelling_vanaf = forms.IntegerField(
        label=_("Taakstelling vanaf jaar"), min_value=2000, max_value=2100, initial=dit_jaar
    )


class MaatregelForm(forms.Form):
    naam = forms.CharField(label=_("Maatregel"), max_length=200)
    pijler = forms.ChoiceField(label=_("Pijler"), choices=Pijler.choices)
    bedrag_cents = BedragField(label=_("Bedrag per jaar (euro)"), required=False)
    percentage = PercentageField(label=_("Of: percentage"), required=False)
    grondslag_cents = BedragField(label=_("Grondslag van het percentage (euro)"), required=False)
    vanaf_jaar = forms.IntegerField(
        label=_("Vanaf jaar"), min_value=2000, max_value=2100, initial=dit_jaar
    )


class SubsidieForm(forms.Form):
    organisatie_id = forms.TypedChoiceField(label=_("Organisatie"), coerce=int)
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100, initial=dit_jaar)
    bedrag_cents = BedragField(label=_("Subsidiebedrag (euro)"))
    activiteiten = forms.CharField(
        label=_("Afgesproken activiteiten"), widget=forms.Textarea, max_length=4000
    )
    beoogd_bereik = forms.IntegerField(
        label=_("Beoogd bereik (deelnemers)"), min_value=0, max_value=10**7
    )

    def __init__(self, *args, organisaties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie_id"].choices = organisaties


class VerantwoordingForm(forms.Form):
    gerealiseerd_bereik = forms.IntegerField(
        label=_("Gerealiseerd bereik"), min_value=0, max_value=10**7
    )
    verantwoording = forms.CharField(
        label=_("Verantwoording"), widget=forms.Textarea, max_length=8000
    )


class CakForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2019, max_value=2100, initial=dit_jaar)
    maand = forms.IntegerField(label=_("Maand (1-12)"), min_value=1, max_value=12)
