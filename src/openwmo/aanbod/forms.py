"""Forms check types and formats; the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from openwmo.gebieden import selectors as gebieden
from openwmo.portaal.forms import DateInput
from openwmo.toegang.models import Domein

from .models import Aanmelding, Activiteit, Beoordeling, Dagdeel, Dienst, EindReden, Weekdag

KLASSEN = {
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "radioselect": "utrecht-radio-button utrecht-radio-button--html-input",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "checkboxselectmultiple": "utrecht-checkbox utrecht-checkbox--html-input",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class Formulier(forms.Form):
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for bound in self:
            widget = bound.field.widget
            widget.attrs["class"] = KLASSEN.get(bound.widget_type, TEXTBOX)
            if bound.field.required and bound.widget_type != "checkboxselectmultiple":
                widget.attrs["aria-required"] = "true"


def _wijken():
    return [("", _("— alle wijken —"))] + [(w.pk, w.naam) for w in gebieden.wijken()]


def _dagen(leeg=None):
    keuzes = [(d.value, d.label) for d in Weekdag]
    return [("", leeg)] + keuzes if leeg else keuzes


class ZoekForm(Formulier):
    postcode = forms.CharField(
        label=_("Postcode van de inwoner"),
        required=False,
        max_length=7,
        help_text=_("Toont alleen aanbod binnen de afstandsgrens, dichtstbijzijnde eerst."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    domein = forms.ChoiceField(
        label=_("Levensdomein"),
        required=False,
        choices=[("", _("— alle levensdomeinen —"))] + list(Domein.choices),
    )
    wijk = forms.TypedChoiceField(
        label=_("Wijk of dorp"), required=False, coerce=int, empty_value=None
    )
    weekdag = forms.TypedChoiceField(label=_("Dag"), required=False, coerce=int, empty_value=None)
    max_km = forms.DecimalField(
        label=_("Maximale afstand (km)"),
        required=False,
        min_value=0.1,
        max_digits=5,
        decimal_places=1,
    )
    tekst = forms.CharField(label=_("Zoekwoorden"), required=False, max_length=80)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = _wijken()
        self.fields["weekdag"].choices = _dagen(_("— alle dagen —"))


class ActiviteitForm(Formulier):
    titel = forms.CharField(label=_("Titel"), max_length=120)
    soort = forms.ChoiceField(label=_("Soort"), choices=Activiteit.Soort.choices)
    omschrijving = forms.CharField(
        label=_("Omschrijving"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    doelgroep = forms.CharField(label=_("Voor wie"), max_length=200)
    domeinen = forms.MultipleChoiceField(
        label=_("Levensdomeinen"), choices=Domein.choices, widget=forms.CheckboxSelectMultiple
    )
    buurtkamer = forms.TypedChoiceField(
        label=_("In de buurtkamer"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Of kies hieronder een wijk met een ander adres."),
    )
    wijk = forms.TypedChoiceField(
        label=_("Wijk of dorp"), required=False, coerce=int, empty_value=None
    )
    locatie = forms.CharField(label=_("Locatie (naam en straat)"), required=False, max_length=160)
    postcode = forms.CharField(label=_("Postcode van de locatie"), required=False, max_length=7)
    weekdagen = forms.TypedMultipleChoiceField(
        label=_("Dagen"), coerce=int, choices=_dagen(), widget=forms.CheckboxSelectMultiple
    )
    van = forms.TimeField(label=_("Van"), widget=TimeInput())
    tot = forms.TimeField(label=_("Tot"), widget=TimeInput())
    kosten = forms.DecimalField(
        label=_("Eigen bijdrage in euro"), min_value=0, max_digits=7, decimal_places=2, initial=0
    )
    kosten_toelichting = forms.CharField(
        label=_("Toelichting kosten"), required=False, max_length=120
    )
    aanmelding = forms.ChoiceField(
        label=_("Hoe doet een inwoner mee?"), choices=Aanmelding.choices, widget=forms.RadioSelect
    )
    contact = forms.CharField(label=_("Contact voor aanmelden"), required=False, max_length=160)
    respijt = forms.BooleanField(label=_("Respijt of steun voor mantelzorgers"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buurtkamer"].choices = [("", _("— niet in een buurtkamer —"))] + [
            (k.pk, f"{k.naam} ({k.wijk.naam})") for k in gebieden.buurtkamers()
        ]
        self.fields["wijk"].choices = [("", _("— kies —"))] + _wijken()[1:]

    @classmethod
    def initial_van(cls, activiteit: Activiteit) -> dict:
        tijden = list(activiteit.tijden.all())
        return {
            "titel": activiteit.titel,
            "soort": activiteit.soort,
            "omschrijving": activiteit.omschrijving,
            "doelgroep": activiteit.doelgroep,
            "domeinen": [d.domein for d in activiteit.domeinen.all()],
            "buurtkamer": activiteit.buurtkamer_id,
            "wijk": activiteit.wijk_id,
            "locatie": "" if activiteit.buurtkamer_id else activiteit.locatie,
            "postcode": "" if activiteit.buurtkamer_id else activiteit.postcode,
            "weekdagen": [t.weekdag for t in tijden],
            "van": tijden[0].van if tijden else None,
            "tot": tijden[0].tot if tijden else None,
            "kosten": activiteit.kosten,
            "kosten_toelichting": activiteit.kosten_toelichting,
            "aanmelding": activiteit.aanmelding,
            "contact": activiteit.contact,
            "respijt": activiteit.respijt,
        }


class BeoordelingForm(Formulier):
    oordeel = forms.ChoiceField(
        label=_("Oordeel"),
        choices=[
            (Beoordeling.GOEDGEKEURD, _("Goedkeuren: op de sociale kaart")),
            (Beoordeling.AFGEWEZEN, _("Afwijzen")),
        ],
        widget=forms.RadioSelect,
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _dagdelen():
    return [(f"{d.value}-{p.value}", f"{d.label} {p.label}") for d in Weekdag for p in Dagdeel]


class ProfielForm(Formulier):
    wijk = forms.TypedChoiceField(label=_("Wijk of dorp"), coerce=int)
    postcode = forms.CharField(
        label=_("Postcode woonadres"),
        max_length=7,
        help_text=_("Alleen om de afstand tot inwoners te berekenen."),
    )
    domeinen = forms.MultipleChoiceField(
        label=_("Waarbij kunt u helpen?"),
        choices=Domein.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    vaardigheden = forms.CharField(
        label=_("Vaardigheden en ervaring"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    beschikbaarheid = forms.MultipleChoiceField(
        label=_("Wanneer bent u beschikbaar?"),
        required=False,
        choices=_dagdelen,
        widget=forms.CheckboxSelectMultiple,
    )
    max_matches = forms.IntegerField(
        label=_("Hoeveel inwoners tegelijk?"), min_value=1, max_value=10, initial=2
    )
    actief = forms.BooleanField(label=_("Beschikbaar voor nieuwe matches"), required=False)
    vog_datum = forms.DateField(
        label=_("Datum Verklaring Omtrent het Gedrag (VOG)"),
        required=False,
        widget=DateInput(),
        help_text=_("Alleen in te vullen door de coördinator."),
    )

    def __init__(self, *args, coordinator=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = [("", _("— kies —"))] + _wijken()[1:]
        if not coordinator:
            del self.fields["vog_datum"]


class MatcherForm(Formulier):
    domein = forms.ChoiceField(
        label=_("Levensdomein van de vraag"), choices=[("", _("— kies —"))] + list(Domein.choices)
    )
    hulpvraag = forms.CharField(
        label=_("Waar helpt de vrijwilliger bij?"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    weekdagen = forms.TypedMultipleChoiceField(
        label=_("Voorkeursdagen van de inwoner"),
        required=False,
        coerce=int,
        choices=_dagen(),
        widget=forms.CheckboxSelectMultiple,
    )


class VoorstelForm(Formulier):
    contactafspraak = forms.CharField(
        label=_("Afgesproken contact"),
        max_length=200,
        help_text=_("Bijvoorbeeld: belt dinsdagochtend op 06-nummer dat de inwoner heeft gegeven."),
    )


class MatchStatusForm(Formulier):
    reden = forms.ChoiceField(
        label=_("Reden einde"),
        required=False,
        choices=[("", _("— kies —"))] + list(EindReden.choices),
    )
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=500)


class InzetForm(Formulier):
    datum = forms.DateField(label=_("Datum"), widget=DateInput())
    uren = forms.DecimalField(label=_("Uren"), min_value=0.25, max_value=12, decimal_places=2)
    omschrijving = forms.CharField(label=_("Wat heeft u gedaan?"), required=False, max_length=200)


class MinimumForm(Formulier):
    minimum = forms.IntegerField(
        label=_("Minimale bezetting per dagdeel"), min_value=1, max_value=20
    )


class DienstForm(Formulier):
    weekdag = forms.TypedChoiceField(label=_("Dag"), coerce=int, choices=_dagen())
    van = forms.TimeField(label=_("Van"), widget=TimeInput())
    tot = forms.TimeField(label=_("Tot"), widget=TimeInput())
    soort = forms.ChoiceField(label=_("Wie"), choices=Dienst.Soort.choices)
    naam = forms.CharField(label=_("Naam"), max_length=120)


class BezoekForm(Formulier):
    datum = forms.DateField(label=_("Datum"), widget=DateInput())
    aantal = forms.IntegerField(label=_("Aantal bezoekers"), min_value=1, max_value=500, initial=1)
    melding = forms.IntegerField(
        label=_("Nummer van de melding"),
        required=False,
        min_value=1,
        help_text=_("Alleen als het bezoek bij een melding hoort; tel dan één bezoeker."),
    )


class MantelzorgerForm(Formulier):
    relatie = forms.TypedChoiceField(
        label=_("Relatie uit het dossier"), required=False, coerce=int, empty_value=None
    )
    naam = forms.CharField(
        label=_("Naam mantelzorger"),
        required=False,
        max_length=160,
        help_text=_("Niet nodig als u een relatie kiest."),
    )
    telefoon = forms.CharField(label=_("Telefoon"), required=False, max_length=20)
    postcode = forms.CharField(label=_("Postcode mantelzorger"), required=False, max_length=7)
    uren_per_week = forms.IntegerField(label=_("Uren zorg per week"), min_value=1, max_value=168)
    sinds = forms.DateField(label=_("Mantelzorger sinds"), required=False, widget=DateInput())

    def __init__(self, *args, relaties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["relatie"].choices = [("", _("— geen, nieuwe naam —"))] + [
            (r.pk, f"{r} ({r.get_soort_display()})") for r in relaties
        ]


ANTWOORDEN = [("nee", _("nee")), ("soms", _("soms")), ("ja", _("ja"))]


class BelastingForm(Formulier):
    def __init__(self, *args, vragen=(), **kwargs):
        super().__init__(*args, **kwargs)
        for code, vraag in vragen:
            self.fields[code] = forms.ChoiceField(
                label=vraag,
                choices=ANTWOORDEN,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Kies nee, soms of ja."),
                    "invalid_choice": _("Kies nee, soms of ja."),
                },
            )
            self.fields[code].widget.attrs["class"] = KLASSEN["radioselect"]


class WaarderingForm(Formulier):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2015, max_value=2100)
    activiteit = forms.TypedChoiceField(label=_("Activiteit als blijk van waardering"), coerce=int)

    def __init__(self, *args, activiteiten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activiteit"].choices = [("", _("— kies —"))] + [
            (a.pk, f"{a.titel} ({a.wijk.naam})") for a in activiteiten
        ]
