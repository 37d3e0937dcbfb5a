"""Forms check types and formats; the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from openwmo.organisaties.models import Organisatie
from openwmo.portaal.forms import DateInput

from .models import (
    Antwoord,
    Calamiteit,
    CalamiteitVerloop,
    Contractpartij,
    Deelovereenkomst,
    Kwaliteitseis,
    Overleg,
    Rol,
    Stapsoort,
    Thema,
    Zelfevaluatie,
)

KIES = _("— kies —")


def _keuzes(choices, leeg=KIES):
    return [("", leeg), *choices]


def _aanbieders():
    return Organisatie.objects.exclude(
        soort__in=[Organisatie.Soort.GEMEENTE, Organisatie.Soort.PARTNER]
    ).values_list("pk", "naam")


class KlachtForm(forms.Form):
    aanbieder = forms.TypedChoiceField(
        label=_("Over wie gaat uw klacht?"), coerce=int, empty_value=None, required=False
    )
    thema = forms.ChoiceField(label=_("Waar gaat de klacht over?"), choices=_keuzes(Thema.choices))
    omschrijving = forms.CharField(
        label=_("Beschrijf uw klacht"),
        widget=forms.Textarea,
        max_length=4000,
        help_text=_("Wat is er gebeurd, wanneer, en wat had u verwacht?"),
    )
    namens = forms.CharField(
        label=_("Dient u de klacht in namens iemand anders? Uw naam en relatie"),
        max_length=120,
        required=False,
    )
    klachtadviseur = forms.BooleanField(
        label=_(
            "Ik word bijgestaan door een klachtadviseur (alleen bij een klacht over de gemeente)"
        ),
        required=False,
    )

    def __init__(self, *args, namens_inwoner=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].choices = [
            ("", _("De gemeente zelf")),
            *_aanbieders().exclude(soort=Organisatie.Soort.VRIJWILLIGERS),
        ]
        if namens_inwoner:
            self.fields["bsn"] = forms.CharField(label=_("BSN van de inwoner"), max_length=9)
            self.fields["geboortedatum"] = forms.DateField(
                label=_("Geboortedatum van de inwoner"), widget=DateInput()
            )


class UitkomstForm(forms.Form):
    uitkomst = forms.CharField(label=_("Uitkomst van deze stap"), widget=forms.Textarea)


class ReactieForm(forms.Form):
    reactie = forms.CharField(label=_("Uw reactie"), widget=forms.Textarea, required=False)
    tevreden = forms.BooleanField(label=_("Ik ben tevreden met de uitkomst"), required=False)
    naar = forms.ChoiceField(label=_("Wat wilt u nu?"))

    def __init__(self, *args, volgende=None, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = [("", _("Klacht afsluiten"))]
        if volgende:
            keuzes.append((volgende, _("Verder naar: %(s)s") % {"s": Stapsoort(volgende).label}))
        self.fields["naar"].choices = keuzes
        self.fields["naar"].required = False


class VerdagingForm(forms.Form):
    reden = forms.CharField(label=_("Reden van de verdaging"), max_length=300)


class CalamiteitForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort melding"), choices=_keuzes(Calamiteit.Soort.choices))
    plaatsgevonden_op = forms.DateField(label=_("Datum van het voorval"), widget=DateInput())
    omschrijving = forms.CharField(label=_("Wat is er gebeurd?"), widget=forms.Textarea)


class VerloopForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Wat legt u vast?"), choices=_keuzes(CalamiteitVerloop.Soort.choices)
    )
    tekst = forms.CharField(label=_("Toelichting"), widget=forms.Textarea)


class ZelfevaluatieForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2015, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.eisen = list(Kwaliteitseis.objects.all())
        for eis in self.eisen:
            self.fields[f"score_{eis.code}"] = forms.ChoiceField(
                label=f"{eis.code} {eis.eis}",
                choices=_keuzes(Antwoord.Score.choices),
                help_text=_("Getoetst met: %(t)s") % {"t": eis.toetsing},
            )
            self.fields[f"eis_{eis.code}"] = forms.CharField(
                label=_("Onderbouwing en bewijs bij %(c)s") % {"c": eis.code}, max_length=500
            )

    def antwoorden(self) -> dict:
        d = self.cleaned_data
        return {e.code: (d[f"score_{e.code}"], d[f"eis_{e.code}"]) for e in self.eisen}


class BeoordelingForm(forms.Form):
    oordeel = forms.ChoiceField(label=_("Oordeel"), choices=_keuzes(Zelfevaluatie.Oordeel.choices))
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea, required=False)
    eis = forms.ChoiceField(label=_("Bevinding bij eis"), required=False)
    bevinding = forms.CharField(label=_("Bevinding"), max_length=400, required=False)
    actie = forms.CharField(label=_("Verbeteractie"), max_length=400, required=False)
    uiterlijk = forms.DateField(label=_("Uiterlijk gereed"), widget=DateInput(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eis"].choices = _keuzes(
            [(e.code, f"{e.code} {e.eis}") for e in Kwaliteitseis.objects.all()],
            _("— geen bevinding —"),
        )

    def bevindingen(self) -> list:
        d = self.cleaned_data
        if not d["eis"]:
            return []
        return [(d["eis"], d["bevinding"], d["actie"], d["uiterlijk"])]


class PartijForm(forms.Form):
    deelovereenkomst = forms.TypedChoiceField(label=_("Perceel"), coerce=int)
    aanbieder = forms.TypedChoiceField(label=_("Aanbieder"), coerce=int)
    rol = forms.ChoiceField(label=_("Rol"), choices=_keuzes(Rol.choices))
    hoofdaannemer = forms.TypedChoiceField(
        label=_("Onder hoofdaannemer (alleen voor een onderaannemer)"),
        coerce=int,
        empty_value=None,
        required=False,
    )
    ingangsdatum = forms.DateField(label=_("Ingangsdatum"), widget=DateInput(), required=False)
    einddatum = forms.DateField(label=_("Einddatum"), widget=DateInput(), required=False)
    kleine_partij = forms.BooleanField(label=_("Kleine(re) partij"), required=False)
    unieke_ondersteuning = forms.BooleanField(
        label=_("Unieke ondersteuning (niet signaleren bij geen levering)"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deelovereenkomst"].choices = _keuzes(
            [
                (d.pk, f"{d.perceel.naam} — {d.basisovereenkomst.naam}")
                for d in Deelovereenkomst.objects.select_related("perceel", "basisovereenkomst")
            ]
        )
        self.fields["aanbieder"].choices = _keuzes(list(_aanbieders()))
        self.fields["hoofdaannemer"].choices = _keuzes(
            [
                (p.pk, f"{p.aanbieder.naam} ({p.deelovereenkomst.perceel.naam})")
                for p in Contractpartij.objects.filter(rol=Rol.HOOFDAANNEMER).select_related(
                    "aanbieder", "deelovereenkomst__perceel"
                )
            ],
            _("— geen —"),
        )


class KwartaalgesprekForm(forms.Form):
    aanbieder = forms.TypedChoiceField(label=_("Aanbieder"), coerce=int)
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2015, max_value=2100)
    kwartaal = forms.TypedChoiceField(
        label=_("Kwartaal"), coerce=int, choices=[(k, f"K{k}") for k in range(1, 5)]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].choices = _keuzes(
            list(
                Organisatie.objects.filter(contractposities__isnull=False)
                .distinct()
                .values_list("pk", "naam")
            )
        )


class VerslagForm(forms.Form):
    notities = forms.CharField(label=_("Notities"), widget=forms.Textarea, required=False)
    actie = forms.CharField(label=_("Nieuwe afgesproken actie"), max_length=400, required=False)
    eigenaar = forms.CharField(label=_("Eigenaar van de actie"), max_length=120, required=False)
    uiterlijk = forms.DateField(label=_("Uiterlijk"), widget=DateInput(), required=False)


class OverlegForm(forms.Form):
    titel = forms.CharField(label=_("Titel"), max_length=160)
    niveau = forms.ChoiceField(label=_("Niveau"), choices=_keuzes(Overleg.Niveau.choices))
    datum = forms.DateField(label=_("Datum"), widget=DateInput())
    perceel = forms.ChoiceField(label=_("Perceel"), required=False)
    deelnemers = forms.TypedMultipleChoiceField(
        label=_("Deelnemende organisaties"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    agenda = forms.CharField(
        label=_("Agendapunten"),
        widget=forms.Textarea,
        help_text=_(
            "Eén punt per regel. Koppel een indicator met een dubbele punt, "
            "bijvoorbeeld: Wachttijden: wachttijd_mediaan"
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from openwmo.organisaties.models import Perceel

        self.fields["perceel"].choices = _keuzes(
            list(Perceel.objects.values_list("code", "naam")), _("— geen —")
        )
        self.fields["deelnemers"].choices = list(_aanbieders())

    def agendapunten(self) -> list[tuple[str, str]]:
        punten = []
        for regel in self.cleaned_data["agenda"].splitlines():
            onderwerp, _sep, code = regel.partition(":")
            punten.append((onderwerp.strip(), code.strip()))
        return punten


class OverleguitkomstForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort"), choices=[("besluit", _("Besluit")), ("actie", _("Actie"))]
    )
    tekst = forms.CharField(label=_("Besluit of actie"), max_length=400)
    eigenaar = forms.CharField(label=_("Eigenaar"), max_length=120, required=False)
    uiterlijk = forms.DateField(label=_("Uiterlijk"), widget=DateInput(), required=False)


class VerlengingForm(forms.Form):
    tot = forms.DateField(label=_("Verlengen tot en met"), widget=DateInput())
    toelichting = forms.CharField(label=_("Toelichting"), max_length=300, required=False)
