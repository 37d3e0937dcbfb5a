"""Forms check types and formats; the rules live in the services."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import scope_of
from openwmo.gebieden import selectors as gebieden
from openwmo.organisaties import selectors as organisaties
from openwmo.portaal.forms import DateInput

from . import selectors
from .models import (
    Deelnemer,
    Domein,
    Kanaal,
    Leveringsvorm,
    Niveau,
    Ondersteuning,
    Onderzoek,
    Opschorting,
    Route,
    Score,
    Signaal,
    Termijn,
    Uitkomst,
    Urgentie,
)

KLASSEN = {
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "radioselect": "utrecht-radio-button utrecht-radio-button--html-input",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
BSN_ATTRS = {"inputmode": "numeric", "autocomplete": "off"}


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def _nu():
    return timezone.localtime().replace(second=0, microsecond=0)


def _tekst(label, *, required=True, max_length=4000, rows=4, **kwargs):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


def _keuze(label, choices, *, required=True, radio=True, **kwargs):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.RadioSelect if radio else forms.Select,
        **kwargs,
    )


class Formulier(forms.Form):
    """NL Design System classes on every widget, and fields grouped in fieldsets."""

    groepen_spec: list[tuple[str | None, list[str]]] = []
    # No HTML "required": the server validates (novalidate), and the browser's :invalid
    # styling would mark empty fields red before anyone typed. aria-required says it.
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for bound in self:
            widget = bound.field.widget
            klasse = KLASSEN.get(bound.widget_type, TEXTBOX)
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {klasse}".strip()
            if bound.field.required and bound.widget_type not in ("radioselect", "hidden"):
                widget.attrs["aria-required"] = "true"

    @property
    def groepen(self):
        spec = self.groepen_spec or [(None, list(self.fields))]
        return [(legend, [self[n] for n in namen if n in self.fields]) for legend, namen in spec]


class IdentificatieMixin(forms.Form):
    bsn = forms.CharField(
        label=_("BSN van de inwoner"),
        max_length=11,
        widget=forms.TextInput(attrs=BSN_ATTRS),
        help_text=_("Controleer het BSN en de geboortedatum met een identiteitsbewijs."),
    )
    geboortedatum = forms.DateField(label=_("Geboortedatum"), widget=DateInput())


class MeldingForm(IdentificatieMixin, Formulier):
    naam = forms.CharField(
        label=_("Naam van de bezoeker"),
        max_length=160,
        help_text=_(
            "Zoals de bezoeker die zelf noemt. U krijgt geen gegevens uit de registratie te "
            "zien: het sociaal team controleert het BSN en de geboortedatum."
        ),
    )
    kanaal = _keuze(_("Hoe kwam de vraag binnen?"), [])
    buurtkamer = forms.ModelChoiceField(
        label=_("Buurtkamer"), queryset=None, required=False, empty_label=_("— kies —")
    )
    overdragende_organisatie = forms.ModelChoiceField(
        label=_("Overgedragen door (organisatie)"),
        queryset=None,
        required=False,
        empty_label=_("— kies —"),
    )
    ontvangen_op = forms.DateTimeField(
        label=_("Datum en tijd van de melding"), widget=DateTimeInput()
    )
    namens = forms.CharField(
        label=_("Vraag gesteld door (als dat niet de inwoner zelf is)"),
        max_length=120,
        required=False,
    )
    vraag = _tekst(_("De vraag, in de woorden van de inwoner"))
    urgentie = _keuze(_("Urgentie"), Urgentie.choices, initial=Urgentie.NORMAAL)
    voorlopige_voorziening = forms.CharField(
        label=_("Tijdelijke voorziening die direct wordt ingezet (bij spoed)"),
        max_length=500,
        required=False,
    )
    route = _keuze(_("Route"), Route.choices, initial=Route.BREED)
    hh_aanbieder = forms.ModelChoiceField(
        label=_("Aanbieder huishoudelijke hulp (bij de snelle route)"),
        queryset=None,
        required=False,
        empty_label=_("— kies —"),
    )
    groepen_spec = [
        (_("Inwoner"), ["naam", "bsn", "geboortedatum", "namens"]),
        (
            _("De vraag"),
            ["kanaal", "buurtkamer", "overdragende_organisatie", "ontvangen_op", "vraag"],
        ),
        (_("Urgentie en route"), ["urgentie", "voorlopige_voorziening", "route", "hh_aanbieder"]),
    ]

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("ontvangen_op", _nu())
        super().__init__(*args, **kwargs)
        scope = scope_of(user)
        vrijwilliger = user.rol == Rol.VRIJWILLIGER
        if not vrijwilliger:
            del self.fields["naam"]  # staff see the register's name once identified
        kanalen = (
            [(k.value, k.label) for k in (Kanaal.BUURTKAMER,)]
            if vrijwilliger
            else [
                (k.value, k.label)
                for k in (Kanaal.BUURTKAMER, Kanaal.TELEFOON, Kanaal.OVERDRACHT, Kanaal.OUTREACH)
            ]
        )
        self.fields["kanaal"].choices = kanalen
        self.fields["kanaal"].initial = Kanaal.BUURTKAMER
        self.fields["buurtkamer"].queryset = gebieden.buurtkamers(
            scope.wijk_ids if vrijwilliger or not scope.gemeentebreed else None
        )
        self.fields["overdragende_organisatie"].queryset = organisaties.organisaties()
        self.fields["hh_aanbieder"].queryset = selectors.hh_aanbieders()


class UitkomstForm(Formulier):
    uitkomst = _keuze(_("Hoe loopt het eerste contact af?"), Uitkomst.choices)
    toelichting = forms.CharField(
        label=_("Welk advies, welke activiteit of welke hulp?"), max_length=500, required=False
    )
    hh_aanbieder = forms.ModelChoiceField(
        label=_("Aanbieder huishoudelijke hulp (bij de snelle route)"),
        queryset=None,
        required=False,
        empty_label=_("— kies —"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hh_aanbieder"].queryset = selectors.hh_aanbieders()


class ToewijzenForm(Formulier):
    behandelaar = forms.ModelChoiceField(label=_("Generalist"), queryset=None, empty_label=None)

    def __init__(self, *args, melding, user, **kwargs):
        super().__init__(*args, **kwargs)
        qs = selectors.generalisten(melding)
        if not selectors.is_teamleider(user):
            qs = qs.model.objects.filter(pk=user.pk)
        self.fields["behandelaar"].queryset = qs
        self.fields["behandelaar"].label_from_instance = lambda u: u.get_full_name() or u.username


SCORE_KEUZES = [("", _("Niet van belang voor deze vraag"))] + [
    (str(v), label) for v, label in Score.choices
]


class OnderzoekForm(Formulier):
    clientondersteuning_gemeld_op = forms.DateField(
        label=_("Gewezen op gratis onafhankelijke cliëntondersteuning op"),
        required=False,
        widget=DateInput(),
        help_text=_("Verplicht vóór het onderzoek (Wmo 2015 art. 2.3.2)."),
    )
    persoonlijk_plan_op = forms.DateField(
        label=_("Persoonlijk plan ontvangen op"),
        required=False,
        widget=DateInput(),
        help_text=_("De inwoner mag binnen 7 dagen na de melding een persoonlijk plan geven."),
    )
    eigen_mogelijkheden = _tekst(_("Wat kan de inwoner zelf?"), required=False, rows=3)
    netwerk = _tekst(_("Gebruikelijke hulp en netwerk"), required=False, rows=3)
    mantelzorgbelasting = _keuze(
        _("Belasting van de mantelzorger"),
        Onderzoek.Mantelzorgbelasting.choices,
        required=False,
        radio=False,
    )
    algemene_voorzieningen = _tekst(_("Algemene voorzieningen die helpen"), required=False, rows=3)
    wederkerigheid = _tekst(
        _("Wat wil de inwoner bijdragen (wederkerigheid)?"), required=False, rows=2
    )
    gewenst_resultaat = _tekst(_("Resultaat dat de inwoner wil bereiken"), required=False, rows=3)
    conclusie = _tekst(_("Conclusie van het gesprek"), required=False, rows=3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for domein in Domein:
            self.fields[f"score_{domein.value}"] = forms.ChoiceField(
                label=_("Score %(d)s") % {"d": domein.label},
                choices=SCORE_KEUZES,
                required=False,
                error_messages={"invalid_choice": _("Een score ligt tussen 1 en 5.")},
                widget=forms.Select(attrs={"class": KLASSEN["select"]}),
            )
            self.fields[f"reden_{domein.value}"] = forms.CharField(
                label=_("Waarom van belang voor de vraag (%(d)s)") % {"d": domein.label},
                max_length=1000,
                required=False,
                widget=forms.TextInput(attrs={"class": TEXTBOX}),
            )

    @property
    def domeinen(self):
        return [(d.label, self[f"score_{d.value}"], self[f"reden_{d.value}"]) for d in Domein]

    @property
    def groepen(self):
        return [
            (
                _("Cliëntondersteuning en persoonlijk plan"),
                [self["clientondersteuning_gemeld_op"], self["persoonlijk_plan_op"]],
            ),
            (
                _("Het gesprek"),
                [
                    self[n]
                    for n in (
                        "eigen_mogelijkheden",
                        "netwerk",
                        "mantelzorgbelasting",
                        "algemene_voorzieningen",
                        "wederkerigheid",
                        "gewenst_resultaat",
                        "conclusie",
                    )
                ],
            ),
        ]

    def scores(self) -> dict:
        d = self.cleaned_data
        return {
            domein.value: (
                d.get(f"score_{domein.value}") or None,
                d.get(f"reden_{domein.value}", ""),
            )
            for domein in Domein
        }

    def teksten(self) -> dict:
        return {
            n: self.cleaned_data.get(n, "")
            for n in (
                "eigen_mogelijkheden",
                "netwerk",
                "mantelzorgbelasting",
                "algemene_voorzieningen",
                "wederkerigheid",
                "gewenst_resultaat",
                "conclusie",
            )
        }


class GesprekForm(Formulier):
    gepland_op = forms.DateTimeField(label=_("Datum en tijd"), widget=DateTimeInput())
    locatie = forms.CharField(label=_("Plaats"), max_length=120, initial=_("Bij de inwoner thuis"))
    gevoerd = forms.BooleanField(label=_("Het gesprek heeft al plaatsgevonden"), required=False)
    notitie = _tekst(_("Korte notitie"), required=False, rows=3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for soort in Deelnemer.Soort:
            self.fields[f"deelnemer_{soort.value}"] = forms.CharField(
                label=_("Naam %(rol)s") % {"rol": soort.label.lower()},
                max_length=160,
                required=False,
                widget=forms.TextInput(attrs={"class": TEXTBOX}),
            )

    @property
    def groepen(self):
        return [
            (_("Gesprek"), [self["gepland_op"], self["locatie"], self["gevoerd"], self["notitie"]]),
            (
                _("Wie zijn er (naast de inwoner) bij?"),
                [self[f"deelnemer_{s.value}"] for s in Deelnemer.Soort],
            ),
        ]

    def deelnemers(self):
        return [
            (s.value, self.cleaned_data.get(f"deelnemer_{s.value}", "")) for s in Deelnemer.Soort
        ]


class BehoefteForm(Formulier):
    omschrijving = forms.CharField(label=_("Behoefte"), max_length=300)
    niveau = forms.TypedChoiceField(
        label=_("Gekozen oplossing"),
        choices=Niveau.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    inzet = forms.CharField(label=_("Wat wordt ingezet (wie, hoe vaak)?"), max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for niveau in list(Niveau)[:-1]:
            self.fields[f"afweging_{niveau.value}"] = forms.CharField(
                label=_("Waarom volstaat %(optie)s niet?") % {"optie": niveau.label.lower()},
                max_length=1000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "class": KLASSEN["textarea"]}),
                help_text=_("Alleen nodig als u een zwaardere oplossing kiest."),
            )

    @property
    def groepen(self):
        return [
            (_("Behoefte en oplossing"), [self["omschrijving"], self["niveau"], self["inzet"]]),
            (
                _("Afweging: waarom volstaat een lichtere oplossing niet?"),
                [self[f"afweging_{n.value}"] for n in list(Niveau)[:-1]],
            ),
        ]

    def afwegingen(self):
        return {
            n.value: self.cleaned_data.get(f"afweging_{n.value}", "") for n in list(Niveau)[:-1]
        }


class TriageForm(Formulier):
    besluit = _keuze(_("Uw besluit"), Ondersteuning.choices, required=False)
    afwijkingsreden = forms.CharField(
        label=_("Reden als u afwijkt van het advies"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    leveringsvorm = _keuze(
        _("Wens voor de leveringsvorm (alleen bij aanvullende ondersteuning)"),
        Leveringsvorm.choices,
        required=False,
        radio=False,
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, criteriaset, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteriaset = criteriaset
        for c in criteriaset.criteria.all():
            self.fields[f"criterium_{c.pk}"] = forms.ChoiceField(
                label=c.naam,
                choices=[(Ondersteuning.BASIS, c.basis), (Ondersteuning.AANVULLEND, c.aanvullend)],
                widget=forms.RadioSelect(attrs={"class": KLASSEN["radioselect"]}),
                error_messages={"required": _("Kies wat het best past.")},
            )

    @property
    def criteria(self):
        return [self[f"criterium_{c.pk}"] for c in self.criteriaset.criteria.all()]

    @property
    def besluitvelden(self):
        return [
            self["besluit"],
            self["afwijkingsreden"],
            self["leveringsvorm"],
            self["toelichting"],
        ]

    def keuzes(self):
        return {
            c.pk: self.cleaned_data.get(f"criterium_{c.pk}")
            for c in self.criteriaset.criteria.all()
        }


class DatumForm(Formulier):
    datum = forms.DateField(label=_("Datum"), widget=DateInput(), initial=timezone.localdate)


class TermijnstapForm(DatumForm):
    stap = forms.ChoiceField(
        choices=[("aanvraag", "aanvraag"), ("besluit", "besluit"), ("ingebrekestelling", "x")],
        widget=forms.HiddenInput,
    )


class OpschortingForm(Formulier):
    termijn = _keuze(_("Welke termijn?"), Termijn.choices)
    grond = _keuze(_("Grond"), Opschorting.Grond.choices, initial=Opschorting.Grond.VERZOEK)
    van = forms.DateField(label=_("Opgeschort vanaf"), widget=DateInput())
    tot = forms.DateField(
        label=_("Tot en met"),
        widget=DateInput(),
        required=False,
        help_text=_("Leeg laten als de einddatum nog niet bekend is."),
    )
    reden = forms.CharField(label=_("Reden"), max_length=500)


class BeeindigForm(Formulier):
    termijn = forms.ChoiceField(choices=Termijn.choices, widget=forms.HiddenInput)
    tot = forms.DateField(label=_("Opschorting eindigt op (tot en met)"), widget=DateInput())


class OverdrachtForm(Formulier):
    toelichting = _tekst(_("Wat geeft u mee aan het ondersteuningsplan?"), max_length=1000)


class SignaalForm(IdentificatieMixin, Formulier):
    bron = _keuze(_("Van wie komt het signaal?"), Signaal.Bron.choices)
    melder = forms.CharField(label=_("Naam en organisatie van de signaalgever"), max_length=160)
    zorg = _tekst(_("Waar maakt de signaalgever zich zorgen over?"))
    ontvangen_op = forms.DateTimeField(
        label=_("Datum en tijd van het signaal"), widget=DateTimeInput()
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("ontvangen_op", _nu())
        super().__init__(*args, **kwargs)


class SignaalTriageForm(Formulier):
    besluit = _keuze(_("Wat gebeurt er met het signaal?"), Signaal.Besluit.choices)
    reden = _tekst(_("Afspraak of reden"), max_length=1000, rows=2, required=False)
    gepland_op = forms.DateField(
        label=_("Datum bezoek of overleg"), widget=DateInput(), required=False
    )


class KoppelForm(IdentificatieMixin, Formulier):
    pass


class ReactieForm(Formulier):
    tekst = _tekst(_("Uw reactie op het verslag"))


class OnlineForm(Formulier):
    """The public form. ``website`` is a honeypot: people do not see it, bots fill it in."""

    naam = forms.CharField(label=_("Uw naam"), max_length=160)
    bsn = forms.CharField(label=_("Uw BSN"), max_length=11, widget=forms.TextInput(attrs=BSN_ATTRS))
    geboortedatum = forms.DateField(label=_("Uw geboortedatum"), widget=DateInput())
    postcode = forms.CharField(label=_("Uw postcode"), max_length=7)
    telefoon = forms.CharField(label=_("Telefoonnummer"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-mailadres"), max_length=120, required=False)
    vraag = _tekst(_("Waar wilt u hulp bij?"))
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    groepen_spec = [
        (_("Over u"), ["naam", "bsn", "geboortedatum", "postcode"]),
        (_("Hoe kunnen wij u bereiken?"), ["telefoon", "email"]),
        (_("Uw vraag"), ["vraag"]),
    ]
