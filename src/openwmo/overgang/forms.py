"""Forms check types and formats; the rules live in the services."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openwmo.portaal.forms import DateInput

from .models import Route

KIES = _("— kies —")
MAX_BESTAND = 20 * 1024 * 1024


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("Export van bestaande beschikkingen"),
        help_text=_(
            "CSV (komma of puntkomma) of Excel (.xlsx) met de kolommen bsn, achternaam, "
            "geboortedatum, postcode, huisnummer, product, aanbieder_agb, ingangsdatum, "
            "einddatum, volume, eenheid en leveringsvorm."
        ),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_BESTAND:
            raise forms.ValidationError(_("Het bestand is groter dan 20 MB."))
        return bestand


def _volgend_jaar():
    return datetime.date(timezone.localdate().year + 1, 1, 1)


class PlanningForm(forms.Form):
    start = forms.DateField(
        label=_("Eerste gespreksdag"), widget=DateInput(), initial=timezone.localdate
    )
    golive = forms.DateField(
        label=_("Startdatum nieuwe werkwijze"),
        widget=DateInput(),
        initial=_volgend_jaar,
        help_text=_("Alle gesprekken vinden vóór deze datum plaats."),
    )
    capaciteit_per_week = forms.IntegerField(
        label=_("Gesprekken per sociaal werker per week"), min_value=1, max_value=40, initial=4
    )


class UitkomstForm(forms.Form):
    gehouden_op = forms.DateField(
        label=_("Gesprek gehouden op"), widget=DateInput(), initial=timezone.localdate
    )
    route = forms.ChoiceField(
        label=_("Uitkomst van het gesprek"), choices=[("", KIES), *Route.choices]
    )
    aandeel_basis_procent = forms.IntegerField(
        label=_("Deel basisondersteuning bij een mix (procent)"),
        min_value=1,
        max_value=99,
        required=False,
    )
    wijzigingsdatum = forms.DateField(label=_("Datum van de wijziging"), widget=DateInput())
    overgangsperiode_maanden = forms.IntegerField(
        label=_("Overgangsperiode (maanden)"),
        min_value=0,
        max_value=12,
        initial=0,
        help_text=_("Tijd om samen met begeleider en regievoerder over te gaan."),
    )
    maatwerk = forms.BooleanField(
        label=_("Nieuwe route niet te regelen: oplossing op maat"), required=False
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), widget=forms.Textarea, max_length=2000, required=False
    )

    def __init__(self, *args, criteriasets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteriavelden = []
        keuzes = [
            ("", KIES),
            ("basis", _("Past bij basis")),
            ("aanvullend", _("Past bij aanvullend")),
        ]
        for cs in criteriasets:
            for c in cs.criteria.all():
                naam = f"criterium_{c.pk}"
                self.fields[naam] = forms.ChoiceField(
                    label=f"{cs.naam}: {c.naam}",
                    choices=keuzes,
                    required=False,
                    help_text=_("Basis: %(b)s — Aanvullend: %(a)s")
                    % {"b": c.basis, "a": c.aanvullend},
                )
                self.criteriavelden.append((naam, f"{cs.naam}: {c.naam}"))

    def gegevens(self) -> dict:
        d = dict(self.cleaned_data)
        d["criteria"] = {label: d.pop(naam) for naam, label in self.criteriavelden if d.get(naam)}
        for naam, _label in self.criteriavelden:
            d.pop(naam, None)
        d["overgangsperiode_maanden"] = d["overgangsperiode_maanden"] or 0
        return d


class BegeleiderForm(forms.Form):
    medewerker = forms.TypedChoiceField(label=_("Begeleider bij de huidige aanbieder"), coerce=int)

    def __init__(self, *args, keuzes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].choices = [("", KIES)] + [
            (m.pk, f"{m.user.get_full_name() or m.user.username} ({m.organisatie.naam})")
            for m in keuzes
        ]


class OverstapForm(forms.Form):
    medewerker = forms.TypedChoiceField(label=_("Medewerker"), coerce=int)
    naar = forms.TypedChoiceField(label=_("Naar aanbieder basisondersteuning"), coerce=int)
    per = forms.DateField(label=_("Per"), widget=DateInput(), initial=_volgend_jaar)

    def __init__(self, *args, medewerkers=(), aanbieders=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].choices = [("", KIES)] + [
            (m.pk, f"{m.user.get_full_name() or m.user.username} ({m.organisatie.naam})")
            for m in medewerkers
            if not hasattr(m, "overstap")
        ]
        self.fields["naar"].choices = [(o.pk, o.naam) for o in aanbieders]
