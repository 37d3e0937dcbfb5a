from django.contrib import admin

from openwmo.accounts.admin import BeheerAdmin, BeheerMixin

from .models import Criteriaset, Criterium


class CriteriumInline(BeheerMixin, admin.TabularInline):
    model = Criterium
    extra = 1
    fields = ["volgorde", "naam", "basis", "aanvullend"]


@admin.register(Criteriaset)
class CriteriasetAdmin(BeheerAdmin):
    """Triage criteria per municipality: wording is configuration, not code."""

    list_display = ["naam", "gemeente", "actief"]
    list_filter = ["gemeente", "actief"]
    inlines = [CriteriumInline]
