from django.contrib import admin

from openwmo.accounts.admin import BeheerAdmin

from .models import Instelling, Tekstblok


@admin.register(Instelling)
class InstellingAdmin(BeheerAdmin):
    list_display = ["gemeente", "besluitvorm", "adviescommissie", "actief"]


@admin.register(Tekstblok)
class TekstblokAdmin(BeheerAdmin):
    list_display = ["sleutel", "titel"]
    search_fields = ["sleutel", "titel", "tekst"]
