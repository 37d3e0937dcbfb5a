"""Screens of the functioneel beheerder for role changes (four-eyes), and the page where a
user sets a new password through the one-time link."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openwmo.web import fouten_op_formulier

from . import selectors, services
from .beheer_forms import BeslissingForm, RolwijzigingForm
from .models import Rolwijziging


def _alleen_beheerder(user):
    if not services.is_beheerder(user):
        raise PermissionDenied


def _overzicht(request, form=None, fout_bij=None):
    context = {
        "open": selectors.rolwijzigingen(open_only=True),
        "afgehandeld": selectors.rolwijzigingen(open_only=False),
        "form": form or BeslissingForm(),
        "fout_bij": fout_bij,
        "persoonsgegevens_rollen": sorted(str(r.label) for r in services.PERSOONSGEGEVENS_ROLLEN),
    }
    return render(request, "accounts/gebruikersbeheer_overzicht.html", context)


@login_required
def overzicht(request):
    _alleen_beheerder(request.user)
    return _overzicht(request)


@login_required
def aanvragen(request):
    _alleen_beheerder(request.user)
    form = RolwijzigingForm(
        request.POST or None, gebruikers=selectors.beheerbare_gebruikers(request.user)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            verzoek = services.vraag_rolwijziging_aan(
                request.user,
                data["gebruiker"],
                data["nieuwe_rol"],
                data["wijken"],
                data["reden"],
                organisatie=data["organisatie"],
                team=data["team"],
                is_teamleider=data["is_teamleider"],
            )
        except ValidationError as exc:
            fouten_op_formulier(form, exc)
        else:
            if verzoek.status == Rolwijziging.Status.DOORGEVOERD:
                messages.success(request, _("De rol is gewijzigd."))
            else:
                messages.success(
                    request,
                    _("Aangevraagd. Een andere beheerder moet de rolwijziging goedkeuren."),
                )
            return redirect("gebruikersbeheer:overzicht")
    return render(request, "accounts/gebruikersbeheer_aanvragen.html", {"form": form})


@login_required
@require_POST
def beslissen(request, pk: int):
    _alleen_beheerder(request.user)
    get_object_or_404(Rolwijziging, pk=pk)
    form = BeslissingForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["besluit"] == "goedkeuren":
                services.keur_rolwijziging_goed(
                    request.user,
                    pk,
                    data["toelichting"],
                    basis_url=request.build_absolute_uri("/"),
                )
            else:
                services.wijs_rolwijziging_af(request.user, pk, data["toelichting"])
        except ValidationError as exc:
            fouten_op_formulier(form, exc)
        else:
            messages.success(request, _("Het besluit is vastgelegd."))
            return redirect("gebruikersbeheer:overzicht")
    return _overzicht(request, form=form, fout_bij=pk)


class WachtwoordInstellenView(auth_views.PasswordResetConfirmView):
    """The user sets a new password through the one-time link; the link then stops working."""

    template_name = "accounts/wachtwoord_instellen.html"
    success_url = reverse_lazy("login")
    post_reset_login = False

    def form_valid(self, form):
        response = super().form_valid(form)
        services.wachtwoord_ingesteld(form.user)
        messages.success(self.request, _("Uw nieuwe wachtwoord is ingesteld. Log nu in."))
        return response
