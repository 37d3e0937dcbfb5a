"""Forms check types and formats; the rules live in the services."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openwmo.portaal.forms import DateInput

from .models import Aanleiding, AdviesStatus, BezwaarUitkomst, PgbBeheerder


def _keuzes(choices):
    return [("", _("— kies —")), *choices]


class PgbVaardigheidForm(forms.Form):
    beheerder = forms.ChoiceField(
        label=_("Wie beheert het pgb?"), choices=_keuzes(PgbBeheerder.choices)
    )
    beheerder_naam = forms.CharField(label=_("Naam van de budgetbeheerder"), max_length=160)
    regie = forms.BooleanField(label=_("Kan regie voeren over de ondersteuning"), required=False)
    administratie = forms.BooleanField(
        label=_("Kan de administratie van het budget bijhouden"), required=False
    )
    opdrachtgeverschap = forms.BooleanField(
        label=_("Kan afspraken maken met en aansturen van de hulpverlener"), required=False
    )
    toelichting = forms.CharField(
        label=_("Toelichting op de beoordeling"), max_length=1000, widget=forms.Textarea
    )


class AdviesForm(forms.Form):
    aanleiding = forms.ChoiceField(label=_("Aanleiding"), choices=_keuzes(Aanleiding.choices))
    tekst = forms.CharField(
        label=_("Zwaarwegend advies"),
        max_length=8000,
        widget=forms.Textarea,
        help_text=_(
            "Wat is nodig, waarom past basisondersteuning niet, welk resultaat, "
            "welke periode en leveringsvorm."
        ),
    )


class BeoordelingForm(forms.Form):
    uitkomst = forms.ChoiceField(
        label=_("Beoordeling"),
        choices=_keuzes(
            [
                (AdviesStatus.GEACCEPTEERD, _("Accepteren")),
                (AdviesStatus.WIJZIGEN, _("Wijziging vragen")),
                (AdviesStatus.GEWEIGERD, _("Weigeren")),
            ]
        ),
    )
    motivering = forms.CharField(
        label=_("Motivering"),
        max_length=4000,
        required=False,
        widget=forms.Textarea,
        help_text=_("Verplicht bij wijziging vragen of weigeren."),
    )


class BeschikkingForm(forms.Form):
    ingangsdatum = forms.DateField(label=_("Ingangsdatum"), widget=DateInput())
    einddatum = forms.DateField(label=_("Einddatum"), widget=DateInput())
    pgb_bedrag = forms.DecimalField(
        label=_("Pgb-bedrag in euro"),
        required=False,
        max_digits=9,
        decimal_places=2,
        min_value=0,
        localize=True,
        help_text=_("Alleen bij een pgb."),
    )
    pgb_periode = forms.ChoiceField(
        label=_("Het pgb-bedrag geldt per"),
        required=False,
        choices=[
            ("", _("— niet van toepassing —")),
            ("week", _("week")),
            ("maand", _("maand")),
            ("jaar", _("jaar")),
            ("totaal", _("totaal voor de hele periode")),
        ],
    )
    motivering = forms.CharField(
        label=_("Motivering van het besluit"), max_length=8000, widget=forms.Textarea
    )


class BezwaarForm(forms.Form):
    ontvangen_op = forms.DateField(
        label=_("Bezwaarschrift ontvangen op"), widget=DateInput(), initial=timezone.localdate
    )
    gronden = forms.CharField(
        label=_("Gronden van het bezwaar"), max_length=8000, widget=forms.Textarea
    )
    adviescommissie = forms.BooleanField(
        label=_("Advies van de bezwaarcommissie (beslistermijn 12 weken)"), required=False
    )


class HoorzittingForm(forms.Form):
    hoorzitting_op = forms.DateField(label=_("Datum hoorzitting"), widget=DateInput())


class VerdagingForm(forms.Form):
    weken = forms.IntegerField(
        label=_("Beslistermijn verdagen met (weken)"), min_value=1, max_value=6
    )


class BeslissingForm(forms.Form):
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=_keuzes(BezwaarUitkomst.choices))
    toelichting = forms.CharField(
        label=_("Toelichting op de beslissing"), max_length=8000, widget=forms.Textarea
    )
    gewijzigd_besluit = forms.CharField(
        label=_("Gewijzigd besluit"),
        max_length=8000,
        required=False,
        widget=forms.Textarea,
        help_text=_("Alleen als het besluit verandert."),
    )


class BeschikkingVragenForm(forms.Form):
    toelichting = forms.CharField(
        label=_("Wilt u iets toelichten?"), max_length=2000, required=False, widget=forms.Textarea
    )
