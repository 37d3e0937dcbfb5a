"""Forms of the user-management screens (role change with four-eyes approval)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from openwmo.gebieden.models import Wijk
from openwmo.organisaties.models import Organisatie, Team

from .models import Rol, User


class RolwijzigingForm(forms.Form):
    gebruiker = forms.ModelChoiceField(
        label=_("Gebruiker"),
        queryset=User.objects.none(),
        error_messages={
            "required": _("Kies een gebruiker."),
            "invalid_choice": _("Kies een gebruiker."),
        },
    )
    nieuwe_rol = forms.ChoiceField(label=_("Nieuwe rol"), choices=Rol.choices)
    wijken = forms.ModelMultipleChoiceField(
        label=_("Werkgebied (wijken)"),
        queryset=Wijk.objects.order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nodig voor sociaal werkers en vrijwilligers; leeg is geen wijk."),
    )
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisatie.objects.filter(actief=True).order_by("naam"),
        required=False,
        empty_label=_("Blijft zoals het is"),
        help_text=_(
            "Bepaalt wat de gebruiker ziet (bijvoorbeeld de cliënten van een zorgaanbieder). "
            "Leeg: organisatie, team en teamleider blijven zoals ze zijn."
        ),
    )
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.select_related("organisatie").order_by("organisatie__naam", "naam"),
        required=False,
        empty_label=_("Geen team"),
        help_text=_("Alleen met een organisatie; het team hoort bij die organisatie."),
    )
    is_teamleider = forms.BooleanField(
        label=_("Teamleider (ziet de niet-toegewezen zaken van het team)"), required=False
    )
    reden = forms.CharField(
        label=_("Reden"),
        max_length=1000,
        widget=forms.Textarea,
        help_text=_("Waarom heeft deze persoon deze rol nodig? De privacyfunctionaris leest mee."),
    )

    def __init__(self, *args, gebruikers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebruiker"].queryset = gebruikers
        self.fields["gebruiker"].label_from_instance = lambda u: (
            f"{u.username} — {u.get_full_name() or '?'} ({u.get_rol_display()})"
        )


class BeslissingForm(forms.Form):
    besluit = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("goedkeuren", _("Goedkeuren")), ("afwijzen", _("Afwijzen"))],
        error_messages={"required": _("Kies goedkeuren of afwijzen.")},
    )
    toelichting = forms.CharField(
        label=_("Toelichting (verplicht bij afwijzen)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea,
    )
