from django.contrib import admin

from .models import Codewaarde, Contract


@admin.register(Codewaarde)
class CodewaardeAdmin(admin.ModelAdmin):
    list_display = ["lijst", "code", "omschrijving", "ingangsdatum", "einddatum", "categorie"]
    list_filter = ["lijst"]
    search_fields = ["code", "omschrijving"]


@admin.register(Contract)
class ContractAdmin(admin.ModelAdmin):
    list_display = [
        "aanbieder",
        "productcategorie",
        "productcode",
        "uitvoeringsvariant",
        "tarief",
        "ingangsdatum",
        "einddatum",
    ]
    list_filter = ["uitvoeringsvariant", "productcategorie"]
