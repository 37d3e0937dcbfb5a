"""Screens of the jeugd app. Thin: forms check formats, services decide."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from openwmo.plannen import selectors as plannen
from openwmo.privacy.services import Kanaal
from openwmo.web import require_rol, verwerk_formulier

from . import forms, selectors, services

UI = Kanaal.UI


def _formulier(request, form, *, titel, knop, terug, terug_label, intro=""):
    return render(
        request,
        "jeugd/formulier.html",
        {
            "form": form,
            "titel": titel,
            "knop": knop,
            "terug": terug,
            "terug_label": terug_label,
            "intro": intro,
        },
    )


def _plan_formulier(request, plan_pk, form_class, uitvoeren, *, titel, knop, gelukt, intro=""):
    require_rol(request.user, selectors.PLAN_ROLLEN)
    p = plannen.plan(request.user, plan_pk, kanaal=UI)
    form = form_class(request.POST or None)
    terug = reverse("plannen:plan", args=[p.pk])
    antwoord = verwerk_formulier(
        request, form, lambda d: uitvoeren(p, d), gelukt=gelukt, naar=terug
    )
    return antwoord or _formulier(
        request,
        form,
        titel=titel,
        knop=knop,
        terug=terug,
        terug_label=p.persoon.volledige_naam,
        intro=intro,
    )


@login_required
def procesregie(request, plan: int):
    return _plan_formulier(
        request,
        plan,
        forms.ProcesregieForm,
        lambda p, d: services.zet_jet_procesregie(request.user, plan_id=p.pk, **d, kanaal=UI),
        titel=_("JET als procesregisseur jeugddeel"),
        knop=_("Vastleggen"),
        gelukt=_("Het JET is procesregisseur op het jeugddeel van het plan."),
        intro=_(
            "De regievoerder van het huishouden blijft; het JET voert de procesregie op "
            "de ondersteuning vanuit de Jeugdwet."
        ),
    )


@login_required
def overleg_nieuw(request, plan: int):
    return _plan_formulier(
        request,
        plan,
        forms.OverlegForm,
        lambda p, d: services.leg_jet_overleg_vast(request.user, plan_id=p.pk, **d, kanaal=UI),
        titel=_("Overleg met het JET vastleggen"),
        knop=_("Overleg vastleggen"),
        gelukt=_("Het overleg met het JET is vastgelegd."),
    )


@login_required
def opvoedsteun_nieuw(request, plan: int):
    return _plan_formulier(
        request,
        plan,
        forms.OpvoedsteunForm,
        lambda p, d: services.start_opvoedsteun(request.user, plan_id=p.pk, **d, kanaal=UI),
        titel=_("Lichte opvoedondersteuning"),
        knop=_("Toevoegen aan het plan"),
        gelukt=_("De opvoedondersteuning is aan het plan toegevoegd."),
        intro=_("Algemene voorziening van de basisondersteuning: geen beschikking nodig."),
    )


@login_required
def veiligheid(request, huishouden: int):
    require_rol(request.user, selectors.VEILIGHEID_ROLLEN)
    data = selectors.veiligheid(request.user, huishouden, kanaal=UI)
    return render(request, "jeugd/veiligheid.html", data)


def _veiligheid_formulier(request, huishouden, form, uitvoeren, *, titel, knop, gelukt, intro=""):
    require_rol(request.user, selectors.VEILIGHEID_ROLLEN)
    data = selectors.veiligheid(request.user, huishouden, kanaal=UI)
    terug = reverse("jeugd:veiligheid", args=[huishouden])
    antwoord = verwerk_formulier(request, form, uitvoeren, gelukt=gelukt, naar=terug)
    return antwoord or _formulier(
        request,
        form,
        titel=titel,
        knop=knop,
        terug=terug,
        terug_label=_("Zicht op veiligheid: %(adres)s") % {"adres": data["huishouden"].adres},
        intro=intro,
    )


@login_required
def taxatie_nieuw(request, huishouden: int):
    return _veiligheid_formulier(
        request,
        huishouden,
        forms.TaxatieForm(request.POST or None),
        lambda d: services.leg_risicotaxatie_vast(
            request.user, huishouden_id=huishouden, **d, kanaal=UI
        ),
        titel=_("Risicotaxatie veiligheid kinderen"),
        knop=_("Taxatie vastleggen"),
        gelukt=_("De risicotaxatie is vastgelegd."),
    )


@login_required
def stap_nieuw(request, huishouden: int):
    return _veiligheid_formulier(
        request,
        huishouden,
        forms.StapForm(request.POST or None),
        lambda d: services.leg_stap_vast(request.user, huishouden_id=huishouden, **d, kanaal=UI),
        titel=_("Stap vastleggen"),
        knop=_("Stap vastleggen"),
        gelukt=_("De stap is vastgelegd."),
        intro=_(
            "De stappen van de meldcode op volgorde; een melding bij Veilig Thuis volgt "
            "op het besluit in stap 5."
        ),
    )
