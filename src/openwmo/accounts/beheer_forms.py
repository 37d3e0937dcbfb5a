"""Forms of the user-management screens (role change with four-eyes approval)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from openwmo.gebieden.models import Wijk

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
