from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from openwmo.accounts import services
from openwmo.accounts.admin import BeheerAdmin

from . import services as organisatiebeheer
from .models import Medewerker, Organisatie, Perceel, Team


@admin.register(Organisatie)
class OrganisatieAdmin(BeheerAdmin):
    list_display = ["naam", "soort", "agb_code", "kvk_nummer", "actief"]
    list_filter = ["soort", "actief"]
    search_fields = ["naam", "agb_code", "kvk_nummer"]

    def get_readonly_fields(self, request, obj=None):
        # the kind decides what its staff see (e.g. household-help queues, covenant partner)
        return ("soort",) if obj is not None else ()


@admin.register(Team)
class TeamAdmin(BeheerAdmin):
    list_display = ["naam", "organisatie", "wijk"]
    list_filter = ["organisatie"]

    def get_readonly_fields(self, request, obj=None):
        # a team stays in its organisation: its members' organisation does not move with it
        return ("organisatie",) if obj is not None else ()


class MedewerkerToevoegenForm(forms.ModelForm):
    """A first organisation for a user who has none, only when his role reads no personal
    data (the service checks it again); otherwise through Gebruikersbeheer."""

    class Meta:
        model = Medewerker
        fields = ["user", "organisatie", "team", "functie", "telefoon"]

    def clean(self):
        data = super().clean()
        gebruiker, organisatie = data.get("user"), data.get("organisatie")
        if gebruiker is not None:
            try:
                services.controleer_medewerker_aanmaken(self.door, gebruiker)
            except ValidationError as exc:
                self.add_error("user", exc.messages)
        if organisatie is not None:
            try:
                organisatiebeheer.controleer_team(organisatie, data.get("team"))
            except ValidationError as exc:
                self.add_error("team", exc.messages)
        return data


@admin.register(Medewerker)
class MedewerkerAdmin(BeheerAdmin):
    """Organisation, team and teamleider decide what a user sees: they change only through
    Gebruikersbeheer (four-eyes for roles that read personal data). Here: function title and
    phone, and a first organisation for a user whose role reads no personal data."""

    list_display = ["user", "organisatie", "team", "functie"]
    list_filter = ["organisatie"]
    search_fields = ["user__username", "user__last_name"]
    autocomplete_fields = ["user"]
    add_form = MedewerkerToevoegenForm
    RECHTEN = ("user", "organisatie", "team", "is_teamleider")

    def get_fields(self, request, obj=None):
        if obj is None:
            return list(MedewerkerToevoegenForm.Meta.fields)
        return [*self.RECHTEN, "functie", "telefoon"]

    def get_readonly_fields(self, request, obj=None):
        return self.RECHTEN if obj is not None else ()

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        form = super().get_form(request, obj, **kwargs)
        form.door = request.user
        return form

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            services.wijzig_medewerker_contact(
                request.user, obj.pk, data["functie"], data["telefoon"], form.initial
            )
        else:
            obj.pk = services.maak_medewerker_aan(
                request.user,
                data["user"],
                data["organisatie"],
                data.get("team"),
                data["functie"],
                data.get("telefoon", ""),
            ).pk


@admin.register(Perceel)
class PerceelAdmin(BeheerAdmin):
    list_display = ["code", "naam", "pijler"]
    list_filter = ["pijler"]
