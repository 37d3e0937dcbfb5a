"""Screens of the transition. Thin: forms check formats, services and selectors decide."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.privacy.services import Kanaal
from openwmo.web import fouten_op_formulier
from openwmo.web import require_rol as _require
from openwmo.web import verwerk_formulier as _verwerk

from . import brieven, forms, selectors, services

UI = Kanaal.UI
WERK = selectors.WERK_ROLLEN
OVERZICHT = selectors.OVERZICHT_ROLLEN
HERBEREKENING = frozenset({Rol.WMO_CONSULENT, Rol.BELEIDSMAKER})


@login_required
def overzicht(request):
    _require(request.user, OVERZICHT)
    voortgang = selectors.voortgang(request.user, kanaal=UI)
    return render(
        request,
        "overgang/overzicht.html",
        {"v": voortgang, "importbestanden": selectors.importbestanden(5)},
    )


@login_required
def importeren(request):
    _require(request.user, services.IMPORT_ROLLEN)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    fouten = []
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            resultaat = services.importeer(
                request.user, bestandsnaam=bestand.name, inhoud=bestand.read(), kanaal=UI
            )
        except services.Importfouten as exc:
            fouten = exc.fouten
            form.add_error(
                "bestand",
                _("Het bestand heeft %(n)s fouten; er is niets ingelezen.") % {"n": len(fouten)},
            )
        else:
            if resultaat.al_ingelezen:
                messages.info(
                    request, _("Dit bestand is al eerder ingelezen; er is niets veranderd.")
                )
            else:
                messages.success(
                    request,
                    _("%(n)s bestaande beschikkingen ingelezen (%(r)s regels in het bestand).")
                    % {"n": resultaat.nieuw, "r": resultaat.regels},
                )
            return redirect("overgang:overzicht")
    return render(
        request,
        "overgang/import.html",
        {"form": form, "fouten": fouten[:500], "aantal_fouten": len(fouten)},
    )


@login_required
def planning(request):
    _require(request.user, services.PLAN_ROLLEN)
    form = forms.PlanningForm(request.POST or None)
    resultaat = None
    if request.method == "POST" and form.is_valid():
        try:
            resultaat = services.plan_gesprekken(request.user, **form.cleaned_data, kanaal=UI)
        except ValidationError as exc:
            fouten_op_formulier(form, exc)
        else:
            messages.success(
                request,
                _("%(n)s maatwerkgesprekken gepland; %(m)s cliënten konden niet worden ingepland.")
                % {"n": len(resultaat.afspraken), "m": len(resultaat.niet_gepland)},
            )
            return redirect("overgang:gesprekken")
    return render(
        request,
        "overgang/formulier.html",
        {
            "form": form,
            "titel": _("Maatwerkgesprekken plannen"),
            "knop": _("Gesprekken plannen"),
            "intro": _(
                "Plant één gesprek met elke cliënt met thuisondersteuning of dagbesteding die "
                "nog geen gesprek heeft: vóór de startdatum, gespreid over de weken, binnen de "
                "capaciteit per sociaal werker, wie het eerst een aflopende beschikking heeft "
                "eerst, en bij kwetsbare cliënten met de huidige aanbieder erbij."
            ),
        },
    )


@login_required
def gesprekken(request):
    _require(request.user, WERK)
    rijen = selectors.gesprekken(request.user, kanaal=UI)
    return render(
        request,
        "overgang/gesprekken.html",
        {
            "gesprekken": [(g, selectors.laatste_uitkomst(g)) for g in rijen],
            "vandaag": timezone.localdate(),
        },
    )


@login_required
def gesprek(request, pk: int):
    from openwmo.toegang.selectors import criteriasets

    user = request.user
    _require(user, WERK)
    dossier = selectors.gesprek(user, pk, kanaal=UI)
    sets = list(criteriasets())
    actie = request.POST.get("actie") if request.method == "POST" else None
    uitkomst_form = forms.UitkomstForm(
        request.POST if actie == "uitkomst" else None, criteriasets=sets
    )
    keuzes = selectors.begeleiderkeuzes(dossier.gesprek.persoon_id)
    begeleider_form = forms.BegeleiderForm(
        request.POST if actie == "begeleider" else None, keuzes=keuzes
    )
    hier = reverse("overgang:gesprek", args=[pk])
    if actie == "uitkomst":
        antwoord = _verwerk(
            request,
            uitkomst_form,
            lambda d: services.leg_uitkomst_vast(user, pk, **uitkomst_form.gegevens(), kanaal=UI),
            gelukt=_("De uitkomst van het gesprek is vastgelegd."),
            naar=hier,
        )
        if antwoord:
            return antwoord
    elif actie == "begeleider":
        antwoord = _verwerk(
            request,
            begeleider_form,
            lambda d: services.koppel_begeleider(
                user, dossier.gesprek.persoon_id, d["medewerker"], kanaal=UI
            ),
            gelukt=_("De vaste begeleider is vastgelegd."),
            naar=hier,
        )
        if antwoord:
            return antwoord
    return render(
        request,
        "overgang/gesprek.html",
        {
            "d": dossier,
            "uitkomst_form": uitkomst_form,
            "begeleider_form": begeleider_form if keuzes else None,
        },
    )


@login_required
def brief(request, pk: int):
    _require(request.user, WERK)
    dossier = selectors.gesprek(request.user, pk, kanaal=UI)
    if dossier.uitkomst is None:
        raise Http404
    response = HttpResponse(brieven.brief_pdf(dossier), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="overgang-{pk}.pdf"'
    return response


@login_required
def medewerkers(request):
    user = request.user
    _require(user, services.OVERSTAP_ROLLEN)
    lijst = selectors.medewerkers_met_clienten()
    form = forms.OverstapForm(
        request.POST or None,
        medewerkers=selectors.overstappers()
        .select_related("user", "organisatie", "overstap")
        .order_by("organisatie__naam", "user__last_name", "pk")[:500],
        aanbieders=selectors.basisaanbieders(),
    )
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.registreer_overstap(
            user, d["medewerker"], naar_id=d["naar"], per=d["per"], kanaal=UI
        ),
        gelukt=_("De overstap is vastgelegd."),
        naar=reverse("overgang:medewerkers"),
    )
    return antwoord or render(
        request,
        "overgang/medewerkers.html",
        {
            "form": form,
            "medewerkers": lijst,
            "overstappen": selectors.overstappen(),
            "relaties": selectors.client_werkerrelaties(),
        },
    )


@login_required
def herberekening(request):
    _require(request.user, HERBEREKENING)
    jaar = request.GET.get("jaar", "")
    jaar = (
        int(jaar) if jaar.isdigit() and 2000 <= int(jaar) <= 2100 else timezone.localdate().year + 1
    )
    try:
        h = selectors.herberekening(jaar)
    except LookupError as exc:
        h = None
        messages.error(request, _("Geen tarief gevonden: %s") % exc)
    return render(request, "overgang/herberekening.html", {"h": h, "jaar": jaar})
