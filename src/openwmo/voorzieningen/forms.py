"""Forms check types and formats; the rules live in the services."""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openwmo.portaal.forms import DateInput

from .models import Aanvraag, RegionaalAdvies, Soort
from .services import PROCENTEN

KIES = _("— kies —")


def _keuzes(choices):
    return [("", KIES), *choices]


class AanvraagForm(forms.Form):
    soort = forms.ChoiceField(label=_("Wat vraagt u aan?"), choices=_keuzes(Soort.choices))
    toelichting = forms.CharField(
        label=_("Waarvoor heeft u het nodig?"), max_length=1000, widget=forms.Textarea
    )
    chronisch = forms.BooleanField(
        label=_("Ik heb een chronische ziekte of beperking"), required=False
    )


class BesluitForm(forms.Form):
    besluit = forms.ChoiceField(label=_("Besluit"), choices=_keuzes(Aanvraag.Besluit.choices))
    reden = forms.CharField(label=_("Motivering"), max_length=1000, widget=forms.Textarea)
    beoordeling_id = forms.TypedChoiceField(
        label=_("Beoordeling huishoudelijke hulp"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, beoordelingen=(), **kwargs):
        super().__init__(*args, **kwargs)
        if beoordelingen:
            self.fields["beoordeling_id"].choices = _keuzes(
                [(b.pk, f"{b.op:%d-%m-%Y}: {b.uren_tekst}") for b in beoordelingen]
            )
        else:
            del self.fields["beoordeling_id"]


class BeoordelingForm(forms.Form):
    """Fields follow the framework in force: one choice per activity, one box per supplement."""

    personen = forms.IntegerField(
        label=_("Aantal personen in het huishouden"), min_value=1, max_value=12
    )
    kamers = forms.IntegerField(label=_("Aantal kamers in gebruik"), min_value=1, max_value=15)

    def __init__(self, *args, kader, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = _keuzes([(p, f"{p}%") for p in PROCENTEN])
        for a in kader.inhoud["activiteiten"]:
            self.fields[f"overname_{a['code']}"] = forms.TypedChoiceField(
                label=_("%(naam)s: deel dat overgenomen moet worden") % {"naam": a["naam"]},
                choices=keuzes,
                coerce=int,
                help_text=_("Na wat de inwoner zelf kan en de gebruikelijke hulp."),
            )
        for t in kader.inhoud.get("toeslagen", []):
            self.fields[f"toeslag_{t['code']}"] = forms.BooleanField(
                label=_("Toeslag: %(naam)s (+%(m)s min)") % {"naam": t["naam"], "m": t["minuten"]},
                required=False,
            )

    def gegevens(self) -> dict:
        d = self.cleaned_data
        return {
            "personen": d["personen"],
            "kamers": d["kamers"],
            "overname": {k[9:]: v for k, v in d.items() if k.startswith("overname_")},
            "toeslagen": [k[8:] for k, v in d.items() if k.startswith("toeslag_") and v],
        }


class VakantieForm(forms.Form):
    van = forms.DateField(label=_("Van"), widget=DateInput())
    tot = forms.DateField(label=_("Tot en met"), widget=DateInput())
    minuten_per_week = forms.IntegerField(
        label=_("Minuten per week in deze periode"), min_value=0, max_value=6000
    )
    afspraak = forms.CharField(label=_("Afspraak met de inwoner"), max_length=500)


class AdviesForm(forms.Form):
    voorziening = forms.ChoiceField(
        label=_("Voorziening"), choices=_keuzes(RegionaalAdvies.Voorziening.choices)
    )
    advies = forms.CharField(label=_("Zwaarwegend advies"), max_length=8000, widget=forms.Textarea)
    expertteam = forms.CharField(label=_("Expertteam dat meedacht"), max_length=160, required=False)


class AdviesBesluitForm(forms.Form):
    besluit = forms.ChoiceField(
        label=_("Besluit"), choices=_keuzes(RegionaalAdvies.Besluit.choices)
    )
    toetsing = forms.CharField(
        label=_("Toetsing van het advies"), max_length=2000, widget=forms.Textarea
    )


class NormenkaderForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=160)
    bron = forms.CharField(label=_("Bron"), max_length=500)
    ingangsdatum = forms.DateField(
        label=_("Ingangsdatum"), widget=DateInput(), initial=timezone.localdate
    )
    inhoud = forms.CharField(
        label=_("Activiteiten en toeslagen (JSON)"),
        widget=forms.Textarea,
        max_length=50000,
        help_text=_(
            '{"activiteiten": [{"code", "naam", "minuten", "per_extra_persoon", '
            '"kamers_inbegrepen", "per_extra_kamer"}], "toeslagen": [{"code", "naam", "minuten"}]}'
        ),
    )

    def clean_inhoud(self):
        try:
            return json.loads(self.cleaned_data["inhoud"])
        except ValueError as exc:
            raise ValidationError(_("Dit is geen geldige JSON.")) from exc
