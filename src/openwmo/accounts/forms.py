from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Code uit uw authenticator-app"),
        regex=r"^[0-9]{6}$",
        error_messages={"invalid": _("Vul de 6 cijfers uit uw authenticator-app in.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class InschrijfcodeForm(forms.Form):
    code = forms.CharField(
        label=_("Inschrijfcode van de functioneel beheerder"),
        max_length=32,
        help_text=_("Bijvoorbeeld ABCD-EFGH-JKLM. Hoofdletters en streepjes maken niet uit."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class InschrijfcodeUitgevenForm(forms.Form):
    gebruiker = forms.ModelChoiceField(
        label=_("Medewerker"),
        queryset=None,
        empty_label=_("Kies een medewerker"),
        error_messages={"invalid_choice": _("Kies een medewerker uit de lijst.")},
    )

    def __init__(self, *args, beheerder, **kwargs):
        from .selectors import medewerkers_voor_inschrijfcode

        super().__init__(*args, **kwargs)
        self.fields["gebruiker"].queryset = medewerkers_voor_inschrijfcode(beheerder)
        self.fields["gebruiker"].label_from_instance = lambda u: (
            f"{u.username} — {u.get_full_name() or u.get_rol_display()}"
        )
