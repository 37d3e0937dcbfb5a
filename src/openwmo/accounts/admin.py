from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Rol, User


class BeheerMixin:
    """The functioneel beheerder manages users, organisations and areas in the admin.

    Residents' personal data is deliberately not in the admin: it is only reachable
    through the audited screens and API."""

    def _beheerder(self, request):
        return request.user.is_active and (
            request.user.is_superuser or request.user.rol == Rol.BEHEERDER
        )

    def has_module_permission(self, request):
        return self._beheerder(request)

    def has_view_permission(self, request, obj=None):
        return self._beheerder(request)

    def has_add_permission(self, request, *args):
        return self._beheerder(request)

    def has_change_permission(self, request, obj=None):
        return self._beheerder(request)

    def has_delete_permission(self, request, obj=None):
        return self._beheerder(request)


class BeheerAdmin(BeheerMixin, admin.ModelAdmin):
    pass


@admin.register(User)
class UserAdmin(BeheerMixin, BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "rol", "is_active"]
    list_filter = ["rol", "is_active", "wijken"]
    filter_horizontal = ["wijken", "groups", "user_permissions"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Rol en werkgebied"), {"fields": ("rol", "wijken")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("Rol en werkgebied"), {"fields": ("rol", "wijken")}),
    )
