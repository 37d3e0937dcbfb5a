"""Screens of the plannen app. Thin: forms check formats, services decide."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.inwoners.selectors import personen_in_scope
from openwmo.portaal import registry
from openwmo.privacy.services import Kanaal
from openwmo.web import require_rol as _require
from openwmo.web import verwerk_formulier as _verwerk

from . import forms, selectors, services
from .models import PlanStatus, Soort

UI = Kanaal.UI
WERK = selectors.WERK_ROLLEN
PLAN = selectors.PLAN_ROLLEN


def _formulier(request, form, *, titel, knop, plan=None, intro="", **extra):
    context = {"form": form, "titel": titel, "knop": knop, "plan": plan, "intro": intro, **extra}
    return render(request, "plannen/formulier.html", context)


def _naar_plan(pk):
    return reverse("plannen:plan", args=[pk])


@login_required
def overzicht(request):
    user = request.user
    _require(user, PLAN | {Rol.ZORGAANBIEDER})
    if user.rol == Rol.ZORGAANBIEDER:
        regels = selectors.aanbieder_regels(user, kanaal=UI)
        gedeeld = selectors.gedeeld_met_aanbieder(user)
        return render(
            request,
            "plannen/aanbieder.html",
            {
                "regels": regels,
                "naam_zichtbaar": "naam" in gedeeld,
                "plan_gedeeld": "plan" in gedeeld,
            },
        )
    return render(request, "plannen/overzicht.html", {"plannen": selectors.lijst(user, kanaal=UI)})


@login_required
def nieuw(request):
    _require(request.user, WERK)
    initial = {}
    persoon_id = request.GET.get("persoon", "")
    if persoon_id.isdigit():  # from a hand-over or a file: the BSN never goes in a URL
        persoon = personen_in_scope(request.user).filter(pk=int(persoon_id)).first()
        if persoon is not None:
            initial["bsn"] = persoon.bsn
    form = forms.PlanForm(request.POST or None, initial=initial)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.maak_plan(request.user, **d, kanaal=UI),
        gelukt=_("Het ondersteuningsplan is aangemaakt als concept."),
        naar=lambda p: _naar_plan(p.pk),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Nieuw ondersteuningsplan"),
        knop=_("Plan aanmaken"),
        intro=_("Eén huishouden, één plan, één regievoerder."),
    )


@login_required
def plan(request, pk: int):
    user = request.user
    _require(user, PLAN)
    p = selectors.plan(user, pk, kanaal=UI)
    from openwmo.besluiten import selectors as besluiten

    reactie_form = forms.ReactieForm(request.POST or None) if user.rol == Rol.INWONER else None
    if reactie_form is not None:
        antwoord = _verwerk(
            request,
            reactie_form,
            lambda d: services.reageer(user, pk, tekst=d["tekst"], kanaal=UI),
            gelukt=_("Uw reactie is bij het plan bewaard."),
            naar=_naar_plan(pk),
        )
        if antwoord:
            return antwoord
    elif request.method == "POST":
        raise PermissionDenied
    realisatie = selectors.doelrealisatie(p)
    regels = [(r, realisatie["per_regel"][r.pk]) for r in p.regels.all()]
    return render(
        request,
        "plannen/plan.html",
        {
            "plan": p,
            "regels": regels,
            "realisatie": realisatie,
            "werker": user.rol in WERK,
            "wijzigbaar": user.rol in WERK and p.status != PlanStatus.BEEINDIGD,
            "reactie_form": reactie_form,
            "brieven": besluiten.brieven_bij_plan(user, p),
            "secties": registry.plan_secties(user, p),
        },
    )


@login_required
def versie(request, pk: int, nummer: int):
    _require(request.user, PLAN)
    p = selectors.plan(request.user, pk, kanaal=UI)
    v = next((v for v in p.versies.all() if v.nummer == nummer), None)
    if v is None:
        raise Http404
    return render(request, "plannen/versie.html", {"plan": p, "versie": v})


@login_required
def regievoerder(request, pk: int):
    _require(request.user, WERK)
    p = selectors.plan(request.user, pk, kanaal=UI)
    form = forms.RegievoerderForm(
        request.POST or None,
        initial={
            "regievoerder_soort": p.regievoerder_soort,
            "regievoerder_naam": p.regievoerder_naam,
            "jeugd_procesregisseur": p.jeugd_procesregisseur,
        },
    )
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.wijzig_regievoerder(request.user, pk, **d, kanaal=UI),
        gelukt=_("De regievoerder is vastgelegd."),
        naar=_naar_plan(pk),
    )
    return antwoord or _formulier(
        request, form, titel=_("Regievoerder vastleggen"), knop=_("Opslaan"), plan=p
    )


@login_required
def activeren(request, pk: int):
    _require(request.user, WERK)
    p = selectors.plan(request.user, pk, kanaal=UI)
    fouten = []
    if request.method == "POST":
        try:
            services.activeer(request.user, pk, kanaal=UI)
        except ValidationError as exc:
            fouten = exc.messages
        else:
            messages.success(request, _("Het plan is actief."))
            return redirect(_naar_plan(pk))
    return render(request, "plannen/activeren.html", {"plan": p, "fouten": fouten})


@login_required
def beeindigen(request, pk: int):
    _require(request.user, WERK)
    p = selectors.plan(request.user, pk, kanaal=UI)
    if p.status == PlanStatus.BEEINDIGD:
        raise Http404
    form = forms.BeeindigForm(request.POST or None)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.beeindig(request.user, pk, **d, kanaal=UI),
        gelukt=_("Het plan is beëindigd."),
        naar=_naar_plan(pk),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Plan beëindigen"),
        knop=_("Plan beëindigen"),
        plan=p,
        intro=_(
            "Alle regels van het arrangement eindigen vandaag. De versies blijven zichtbaar; "
            "daarna kan het huishouden een nieuw plan krijgen."
        ),
    )


@login_required
def regel_nieuw(request, pk: int):
    _require(request.user, WERK)
    p = selectors.plan(request.user, pk, kanaal=UI)
    form = forms.RegelForm(request.POST or None, initial={"soort": request.GET.get("soort", "")})
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.voeg_regel_toe(request.user, pk, **d, kanaal=UI),
        gelukt=_("De regel is aan het arrangement toegevoegd."),
        naar=_naar_plan(pk),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Regel toevoegen aan het arrangement"),
        knop=_("Regel toevoegen"),
        plan=p,
        intro=_(
            "Eigen kracht, netwerk (naam en uren), sociale basis (activiteit of vrijwilliger), "
            "basisondersteuning (medewerker, flexibele inzet, geen besluit nodig) of aanvullende "
            "ondersteuning (categorie, aanbieder, ZIN of pgb, periode)."
        ),
    )


@login_required
def intensiteit(request, pk: int):
    _require(request.user, WERK)
    r = selectors.regel(request.user, pk, kanaal=UI)
    if r.soort != Soort.BASIS:
        raise Http404
    form = forms.IntensiteitForm(request.POST or None, initial={"uren_per_week": r.uren_per_week})
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.wijzig_intensiteit(request.user, pk, **d, kanaal=UI),
        gelukt=_("De nieuwe inzet is vastgelegd; er is geen nieuw besluit nodig."),
        naar=_naar_plan(r.plan_id),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Op- of afschalen"),
        knop=_("Inzet wijzigen"),
        plan=r.plan,
        intro=_("%(r)s — nu %(u)s uur per week.") % {"r": r.resultaat, "u": r.uren_per_week},
    )


@login_required
def evaluatie_nieuw(request, pk: int):
    _require(request.user, WERK)
    r = selectors.regel(request.user, pk, kanaal=UI)
    form = forms.EvaluatiePlannenForm(request.POST or None)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.plan_evaluatie(request.user, pk, **d, kanaal=UI),
        gelukt=_("Het evaluatiemoment is gepland."),
        naar=_naar_plan(r.plan_id),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Evaluatiemoment plannen"),
        knop=_("Evaluatie plannen"),
        plan=r.plan,
        intro=_("Resultaat: %(r)s") % {"r": r.resultaat},
    )


@login_required
def evaluatie(request, pk: int):
    _require(request.user, WERK)
    e = selectors.evaluatie(request.user, pk, kanaal=UI)
    form = forms.EvaluatieForm(request.POST or None)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.leg_evaluatie_vast(request.user, pk, **d, kanaal=UI),
        gelukt=_("De evaluatie is vastgelegd."),
        naar=_naar_plan(e.regel.plan_id),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Evaluatie vastleggen"),
        knop=_("Evaluatie vastleggen"),
        plan=e.regel.plan,
        intro=_("Resultaat: %(r)s") % {"r": e.regel.resultaat},
    )
