from django.contrib import admin

from openwmo.accounts.admin import BeheerAdmin

from .models import Buurt, Buurtkamer, Openingstijd, Postcode, Wijk


class BuurtInline(admin.TabularInline):
    model = Buurt
    extra = 0


@admin.register(Wijk)
class WijkAdmin(BeheerAdmin):
    list_display = ["code", "naam", "soort"]
    search_fields = ["code", "naam"]
    inlines = [BuurtInline]


@admin.register(Postcode)
class PostcodeAdmin(BeheerAdmin):
    list_display = ["postcode", "straat", "woonplaats", "buurt"]
    search_fields = ["postcode", "straat"]
    list_select_related = ["buurt"]


class OpeningstijdInline(admin.TabularInline):
    model = Openingstijd
    extra = 0


@admin.register(Buurtkamer)
class BuurtkamerAdmin(BeheerAdmin):
    list_display = ["naam", "soort", "wijk", "straat", "huisnummer"]
    list_filter = ["wijk"]
    inlines = [OpeningstijdInline]
