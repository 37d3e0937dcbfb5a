from django.contrib import admin

from openwmo.accounts.admin import BeheerAdmin

from .models import Medewerker, Organisatie, Perceel, Team


@admin.register(Organisatie)
class OrganisatieAdmin(BeheerAdmin):
    list_display = ["naam", "soort", "agb_code", "kvk_nummer", "actief"]
    list_filter = ["soort", "actief"]
    search_fields = ["naam", "agb_code", "kvk_nummer"]


@admin.register(Team)
class TeamAdmin(BeheerAdmin):
    list_display = ["naam", "organisatie", "wijk"]
    list_filter = ["organisatie"]


@admin.register(Medewerker)
class MedewerkerAdmin(BeheerAdmin):
    list_display = ["user", "organisatie", "team", "functie"]
    list_filter = ["organisatie"]
    search_fields = ["user__username", "user__last_name"]
    autocomplete_fields = ["user"]


@admin.register(Perceel)
class PerceelAdmin(BeheerAdmin):
    list_display = ["code", "naam", "pijler"]
    list_filter = ["pijler"]
