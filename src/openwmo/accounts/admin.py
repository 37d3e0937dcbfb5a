from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from . import services
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


class GebruikerToevoegenForm(forms.ModelForm):
    """A new log-in: name and e-mail only. Rights come through a role change (four-eyes),
    the password through the one-time link the user receives."""

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email"]


# Everything that decides what a user may see: never edited directly in the admin.
RECHTEN = (
    "rol",
    "wijken",
    "is_active",
    "is_staff",
    "is_superuser",
    "groups",
    "user_permissions",
)


def _fouten(request, exc: ValidationError | PermissionDenied) -> None:
    berichten = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
    for bericht in berichten:
        messages.error(request, bericht)


@admin.register(User)
class UserAdmin(BeheerMixin, BaseUserAdmin):
    """Users: names only. Role and neighbourhoods through the four-eyes role change
    (/gebruikersbeheer/), deactivation and password links through audited actions;
    users are never deleted and no password is set or seen here."""

    list_display = ["username", "first_name", "last_name", "rol", "is_active"]
    list_filter = ["rol", "is_active", "wijken"]
    filter_horizontal = []
    add_form = GebruikerToevoegenForm
    add_form_template = None
    fieldsets = (
        (None, {"fields": ("username",)}),
        (_("Persoonlijke gegevens"), {"fields": ("first_name", "last_name", "email")}),
        (_("Rechten (wijzigen via Gebruikersbeheer)"), {"fields": RECHTEN}),
        (_("Data"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"fields": ("username", "first_name", "last_name", "email")}),)
    actions = ["deactiveren", "heractiveren", "wachtwoordlink_sturen"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("username", "email", *RECHTEN, "last_login", "date_joined")

    def has_delete_permission(self, request, obj=None):
        return False

    def user_change_password(self, request, id, form_url=""):
        raise PermissionDenied(
            _("Een beheerder kiest geen wachtwoord; gebruik de actie 'wachtwoordlink sturen'.")
        )

    def save_model(self, request, obj, form, change):
        if change:
            services.wijzig_naam(request.user, obj, form.initial)
        else:
            services.registreer_gebruiker(request.user, obj)

    def save_related(self, request, form, formsets, change):
        """No related rights (groups, permissions, wijken) are saved from the admin."""

    @admin.action(description=_("Geselecteerde gebruikers deactiveren"))
    def deactiveren(self, request, queryset):
        gelukt = 0
        for gebruiker in queryset:
            try:
                services.deactiveer_gebruiker(
                    request.user, gebruiker.pk, _("gedeactiveerd via beheer")
                )
                gelukt += 1
            except (ValidationError, PermissionDenied) as exc:
                _fouten(request, exc)
        if gelukt:
            messages.success(request, _("%(n)s gebruiker(s) gedeactiveerd.") % {"n": gelukt})

    @admin.action(description=_("Geselecteerde gebruikers heractiveren (met hun laatste rol)"))
    def heractiveren(self, request, queryset):
        """Through the role-change request: a role that reads personal data waits for a
        second administrator on /gebruikersbeheer/; other roles are active at once."""
        direct = wacht = 0
        for gebruiker in queryset:
            try:
                verzoek = services.vraag_heractivering_aan(
                    request.user,
                    gebruiker.pk,
                    _("Heractivering aangevraagd via het beheerscherm"),
                    basis_url=request.build_absolute_uri("/"),
                )
            except (ValidationError, PermissionDenied) as exc:
                _fouten(request, exc)
                continue
            if verzoek.status == verzoek.Status.DOORGEVOERD:
                direct += 1
            else:
                wacht += 1
        if direct:
            messages.success(request, _("%(n)s gebruiker(s) heractiveerd.") % {"n": direct})
        if wacht:
            messages.warning(
                request,
                _(
                    "Heractivering van %(n)s gebruiker(s) aangevraagd: een andere beheerder "
                    "keurt die goed op Gebruikersbeheer."
                )
                % {"n": wacht},
            )

    @admin.action(description=_("Wachtwoord ongeldig maken en eenmalige link mailen"))
    def wachtwoordlink_sturen(self, request, queryset):
        gelukt = 0
        for gebruiker in queryset:
            try:
                services.stuur_wachtwoordlink(
                    request.user, gebruiker.pk, request.build_absolute_uri("/")
                )
                gelukt += 1
            except (ValidationError, PermissionDenied) as exc:
                _fouten(request, exc)
        if gelukt:
            messages.success(
                request,
                _("Link gemaild naar %(n)s gebruiker(s); hun oude wachtwoord werkt niet meer.")
                % {"n": gelukt},
            )
