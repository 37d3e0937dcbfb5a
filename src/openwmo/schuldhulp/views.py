"""Screens of the schuldhulp app. Thin: forms check formats, services decide."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from openwmo.inwoners.selectors import personen_in_scope
from openwmo.plannen import selectors as plannen
from openwmo.privacy.services import Kanaal
from openwmo.web import require_rol, verwerk_formulier

from . import forms, selectors, services

UI = Kanaal.UI


def _formulier(request, form, *, titel, knop, terug, terug_label, intro=""):
    return render(
        request,
        "schuldhulp/formulier.html",
        {
            "form": form,
            "titel": titel,
            "knop": knop,
            "terug": terug,
            "terug_label": terug_label,
            "intro": intro,
        },
    )


def _persoon(request, pk):
    from django.http import Http404

    persoon = personen_in_scope(request.user).filter(pk=pk).first()
    if persoon is None:
        raise Http404
    return persoon


def _dossier(persoon):
    return reverse("inwoners:dossier", args=[persoon.pk])


@login_required
def overzicht(request):
    require_rol(request.user, selectors.ROLLEN)
    return render(
        request,
        "schuldhulp/overzicht.html",
        {"sectie": {"crises": selectors.open_crises(request.user)}},
    )


@login_required
def signaal_nieuw(request, persoon: int):
    require_rol(request.user, selectors.ROLLEN)
    p = _persoon(request, persoon)
    form = forms.SignaalForm(request.POST or None)
    antwoord = verwerk_formulier(
        request,
        form,
        lambda d: services.registreer_betalingssignaal(
            request.user, persoon_id=p.pk, **d, kanaal=UI
        ),
        gelukt=_("Het betalingssignaal is vastgelegd en het huisbezoek is gepland."),
        naar=_dossier(p),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Betalingsachterstand vastleggen"),
        knop=_("Signaal vastleggen"),
        terug=_dossier(p),
        terug_label=p.volledige_naam,
    )


@login_required
def crisis_nieuw(request, persoon: int):
    require_rol(request.user, selectors.ROLLEN)
    p = _persoon(request, persoon)
    form = forms.CrisisForm(request.POST or None)
    antwoord = verwerk_formulier(
        request,
        form,
        lambda d: services.meld_crisis(request.user, persoon_id=p.pk, **d, kanaal=UI),
        gelukt=_("De crisis is vastgelegd: pak hem vandaag op."),
        naar=lambda c: reverse("schuldhulp:crisis", args=[c.pk]),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Crisis melden"),
        knop=_("Crisis vastleggen"),
        terug=_dossier(p),
        terug_label=p.volledige_naam,
        intro=_("Dreigende uithuiszetting of afsluiting wordt dezelfde dag opgepakt."),
    )


@login_required
def crisis(request, pk: int):
    require_rol(request.user, selectors.ROLLEN)
    c = selectors.crisis(request.user, pk, kanaal=UI)
    form = forms.AfhandelForm(request.POST or None) if not c.afgehandeld_op else None
    if form is not None:
        antwoord = verwerk_formulier(
            request,
            form,
            lambda d: services.handel_crisis_af(request.user, pk, **d, kanaal=UI),
            gelukt=_("De uitkomst van de crisis is vastgelegd."),
            naar=reverse("schuldhulp:crisis", args=[pk]),
        )
        if antwoord:
            return antwoord
    return render(request, "schuldhulp/crisis.html", {"crisis": c, "form": form})


@login_required
def inzet_nieuw(request, plan: int):
    require_rol(request.user, selectors.ROLLEN)
    p = plannen.plan(request.user, plan, kanaal=UI)
    form = forms.InzetForm(request.POST or None)
    terug = reverse("plannen:plan", args=[p.pk])
    antwoord = verwerk_formulier(
        request,
        form,
        lambda d: services.start_inzet(request.user, plan_id=p.pk, **d, kanaal=UI),
        gelukt=_("De schuldhulp is aan het plan toegevoegd."),
        naar=terug,
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Schuldhulp in het plan"),
        knop=_("Toevoegen aan het plan"),
        terug=terug,
        terug_label=p.persoon.volledige_naam,
        intro=_(
            "Eigen ondersteuning en nazorg worden een regel basisondersteuning; een "
            "verwijzing legt de externe partij vast."
        ),
    )
