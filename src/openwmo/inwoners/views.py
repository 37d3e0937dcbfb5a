from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import DOSSIER_ROLLEN, REGISTRATIE_ROLLEN
from openwmo.portaal import registry
from openwmo.privacy import selectors as privacy
from openwmo.privacy.forms import DoorbraakForm
from openwmo.privacy.services import Kanaal
from openwmo.web import require_rol as _require

from . import selectors, services
from .forms import RegistratieForm, ZoekForm


@login_required
def zoeken(request):
    _require(request.user, DOSSIER_ROLLEN)
    form = ZoekForm(request.GET or None)
    resultaten = None
    if form.is_bound and form.is_valid():
        vraag = selectors.Zoekvraag(**{k: v for k, v in form.cleaned_data.items() if v})
        if vraag.leeg:
            form.add_error(None, _("Vul minstens één zoekveld in."))
        else:
            resultaten = selectors.zoek_personen(request.user, vraag, kanaal=Kanaal.UI)
    context = {"form": form, "resultaten": resultaten, "max": selectors.MAX_ZOEKRESULTATEN}
    template = (
        "inwoners/_resultaten.html"
        if request.headers.get("HX-Request")
        else ("inwoners/zoeken.html")
    )
    return render(request, template, context)


@login_required
def dossier(request, pk: int):
    _require(request.user, DOSSIER_ROLLEN | {Rol.INWONER})
    gegevens = selectors.dossier(
        request.user,
        pk,
        kanaal=Kanaal.UI,
        secties=lambda persoon: registry.dossier_secties(request.user, persoon),
    )
    context = {"dossier": gegevens, "p": gegevens.persoon, "secties": gegevens.secties}
    if request.user.rol == Rol.INWONER:
        context["inzage_log"] = list(privacy.inzage_log_voor_persoon(pk)[:50])
    return render(request, "inwoners/dossier.html", context)


@login_required
def registreren(request):
    _require(request.user, REGISTRATIE_ROLLEN)
    form = RegistratieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            persoon = services.registreer_inwoner(
                request.user, services.NieuweInwoner(**form.cleaned_data), kanaal=Kanaal.UI
            )
        except ValidationError as exc:
            for field, msgs in exc.message_dict.items():
                for msg in msgs:
                    form.add_error(field if field in form.fields else None, msg)
        else:
            messages.success(
                request, _("%(naam)s is geregistreerd.") % {"naam": persoon.volledige_naam}
            )
            return redirect("inwoners:dossier", pk=persoon.pk)
    return render(request, "inwoners/registreren.html", {"form": form})


@login_required
def doorbraak(request):
    """Break-the-glass: open a file outside one's work area with a stated reason."""
    _require(request.user, REGISTRATIE_ROLLEN)
    form = DoorbraakForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            persoon = services.doorbraak(request.user, kanaal=Kanaal.UI, **form.cleaned_data)
        except ValidationError as exc:
            for field, msgs in exc.message_dict.items():
                for msg in msgs:
                    form.add_error(field if field in form.fields else None, msg)
        else:
            messages.warning(
                request,
                _("U heeft toegang buiten uw werkgebied. Dit is vastgelegd en wordt beoordeeld."),
            )
            return redirect("inwoners:dossier", pk=persoon.pk)
    return render(request, "inwoners/doorbraak.html", {"form": form})
