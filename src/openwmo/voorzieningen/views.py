"""Screens of the voorzieningen app. Thin: forms check formats, services decide."""

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.inwoners.selectors import personen_in_scope
from openwmo.privacy.services import Kanaal
from openwmo.web import require_rol, verwerk_formulier

from . import forms, normen, selectors, services
from .models import Soort

UI = Kanaal.UI
WERK = {Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT}
ZIEN = WERK | {Rol.INWONER}
KADER_ROLLEN = {Rol.WMO_CONSULENT, Rol.BEHEERDER}


def _formulier(request, form, *, titel, knop, terug, terug_label, intro=""):
    return render(
        request,
        "voorzieningen/formulier.html",
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
    persoon = personen_in_scope(request.user).filter(pk=pk).first()
    if persoon is None:
        raise Http404
    return persoon


@login_required
def overzicht(request):
    require_rol(request.user, ZIEN)
    data = selectors.lijst(request.user, kanaal=UI)
    return render(
        request, "voorzieningen/overzicht.html", {**data, "werk": request.user.rol in WERK}
    )


def _aanvraag_formulier(request, persoon_id, terug, terug_label):
    form = forms.AanvraagForm(request.POST or None)
    antwoord = verwerk_formulier(
        request,
        form,
        lambda d: services.dien_aanvraag_in(request.user, persoon_id=persoon_id, **d, kanaal=UI),
        gelukt=_("De aanvraag is ontvangen. U hoort binnen de termijn wat er is besloten."),
        naar=lambda a: reverse("voorzieningen:aanvraag", args=[a.pk]),
    )
    termijnen = normen.route_instellingen()
    intro = " ".join(
        _("%(soort)s: besluit binnen %(d)s dagen.")
        % {"soort": s.label, "d": termijnen[s.value]["beslistermijn"]}
        for s in Soort
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Voorziening aanvragen (snelle route)"),
        knop=_("Aanvragen"),
        terug=terug,
        terug_label=terug_label,
        intro=intro,
    )


@login_required
def aanvraag_nieuw(request):
    require_rol(request.user, {Rol.INWONER})
    return _aanvraag_formulier(
        request, None, reverse("voorzieningen:overzicht"), _("Voorzieningen")
    )


@login_required
def aanvraag_namens(request, persoon: int):
    require_rol(request.user, WERK)
    p = _persoon(request, persoon)
    return _aanvraag_formulier(
        request, p.pk, reverse("inwoners:dossier", args=[p.pk]), p.volledige_naam
    )


@login_required
def aanvraag(request, pk: int):
    require_rol(request.user, ZIEN)
    a = selectors.aanvraag(request.user, pk, kanaal=UI)
    form = None
    if request.user.rol == Rol.WMO_CONSULENT and not a.besluit:
        beoordelingen = list(
            selectors.beoordelingen_in_scope(request.user).filter(persoon=a.persoon)
        )
        form = forms.BesluitForm(
            request.POST or None, beoordelingen=beoordelingen if a.soort == Soort.HH else ()
        )
        antwoord = verwerk_formulier(
            request,
            form,
            lambda d: services.beslis_aanvraag(request.user, pk, **d, kanaal=UI),
            gelukt=_("Het besluit is vastgelegd."),
            naar=reverse("voorzieningen:aanvraag", args=[pk]),
        )
        if antwoord:
            return antwoord
    elif request.method == "POST":
        raise Http404
    return render(request, "voorzieningen/aanvraag.html", {"aanvraag": a, "form": form})


@login_required
def beoordeling_nieuw(request, persoon: int):
    require_rol(request.user, WERK)
    p = _persoon(request, persoon)
    kader = selectors.geldend_normenkader()
    if kader is None:
        raise Http404
    form = forms.BeoordelingForm(request.POST or None, kader=kader)
    antwoord = verwerk_formulier(
        request,
        form,
        lambda d: services.beoordeel_hh(
            request.user, persoon_id=p.pk, **form.gegevens(), kanaal=UI
        ),
        gelukt=_("De uren zijn berekend."),
        naar=lambda b: reverse("voorzieningen:beoordeling", args=[b.pk]),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Beoordeling huishoudelijke hulp"),
        knop=_("Uren berekenen"),
        terug=reverse("inwoners:dossier", args=[p.pk]),
        terug_label=p.volledige_naam,
        intro=_("Normenkader: %(k)s") % {"k": kader},
    )


@login_required
def beoordeling(request, pk: int):
    require_rol(request.user, ZIEN)
    b = selectors.beoordeling(request.user, pk, kanaal=UI)
    form = forms.VakantieForm(request.POST or None) if request.user.rol in WERK else None
    if form is not None:
        antwoord = verwerk_formulier(
            request,
            form,
            lambda d: services.leg_vakantie_vast(request.user, pk, **d, kanaal=UI),
            gelukt=_("De vakantieafspraak is vastgelegd."),
            naar=reverse("voorzieningen:beoordeling", args=[pk]),
        )
        if antwoord:
            return antwoord
    elif request.method == "POST":
        raise Http404
    return render(request, "voorzieningen/beoordeling.html", {"b": b, "form": form})


@login_required
def advies_nieuw(request, persoon: int):
    require_rol(request.user, {Rol.SOCIAAL_WERKER})
    p = _persoon(request, persoon)
    form = forms.AdviesForm(request.POST or None)
    antwoord = verwerk_formulier(
        request,
        form,
        lambda d: services.dien_advies_in(request.user, persoon_id=p.pk, **d, kanaal=UI),
        gelukt=_("Het zwaarwegend advies is naar de gemeente gestuurd."),
        naar=lambda r: reverse("voorzieningen:advies", args=[r.pk]),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Zwaarwegend advies regionale of landelijke voorziening"),
        knop=_("Advies indienen"),
        terug=reverse("inwoners:dossier", args=[p.pk]),
        terug_label=p.volledige_naam,
        intro=_("De gemeente toetst het advies en beschikt; u houdt de regie op de uitvoering."),
    )


@login_required
def advies(request, pk: int):
    require_rol(request.user, WERK)
    r = selectors.advies(request.user, pk, kanaal=UI)
    form = None
    if request.user.rol == Rol.WMO_CONSULENT and not r.besluit:
        form = forms.AdviesBesluitForm(request.POST or None)
        antwoord = verwerk_formulier(
            request,
            form,
            lambda d: services.beslis_advies(request.user, pk, **d, kanaal=UI),
            gelukt=_("Het besluit is vastgelegd."),
            naar=reverse("voorzieningen:advies", args=[pk]),
        )
        if antwoord:
            return antwoord
    elif request.method == "POST":
        raise Http404
    return render(request, "voorzieningen/advies.html", {"advies": r, "form": form})


@login_required
def normenkaders(request):
    require_rol(request.user, KADER_ROLLEN)
    huidig = selectors.geldend_normenkader()
    form = forms.NormenkaderForm(
        request.POST or None,
        initial={
            "inhoud": json.dumps(
                huidig.inhoud if huidig else normen.VOORBEELD["inhoud"],
                ensure_ascii=False,
                indent=1,
            )
        },
    )
    antwoord = verwerk_formulier(
        request,
        form,
        lambda d: services.laad_normenkader(request.user, **d, kanaal=UI),
        gelukt=_("De nieuwe versie is geladen; die geldt voor nieuwe beoordelingen."),
        naar=reverse("voorzieningen:normenkaders"),
    )
    return antwoord or render(
        request,
        "voorzieningen/normenkaders.html",
        {"kaders": selectors.normenkaders(), "form": form},
    )
