"""Screens of the besluiten app. Thin: forms check formats, services decide."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.plannen import selectors as plannen
from openwmo.plannen.models import Leveringsvorm
from openwmo.privacy.services import Kanaal
from openwmo.web import require_rol as _require
from openwmo.web import verwerk_formulier as _verwerk

from . import brieven, forms, selectors, services, termijnen
from .models import AdviesStatus, Besluitvorm

UI = Kanaal.UI
WERK = {Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT}
LEZERS = WERK | {Rol.INWONER}
CONSULENT = {Rol.WMO_CONSULENT}


def _formulier(request, form, *, titel, knop, plan=None, intro="", **extra):
    context = {"form": form, "titel": titel, "knop": knop, "plan": plan, "intro": intro, **extra}
    return render(request, "besluiten/formulier.html", context)


def _naar_plan(plan_id):
    return reverse("plannen:plan", args=[plan_id])


def _pdf_response(inhoud: bytes, naam: str) -> HttpResponse:
    response = HttpResponse(inhoud, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{naam}.pdf"'
    return response


@login_required
def overzicht(request):
    user = request.user
    _require(user, LEZERS)
    context = {
        "te_beoordelen": list(selectors.te_beoordelen(user)),
        "mijn_adviezen": list(selectors.mijn_adviezen(user)[:50]),
        "bezwaren": selectors.open_bezwaren(user),
        "beschikkingen": list(selectors.beschikkingen(user)[:50]),
        "instelling": selectors.instelling(),
    }
    rijen = [
        rij
        for k in ("te_beoordelen", "mijn_adviezen", "bezwaren", "beschikkingen")
        for rij in context[k]
    ]
    selectors.log_overzicht(user, rijen, kanaal=UI, object_type="besluiten_overzicht")
    return render(request, "besluiten/overzicht.html", context)


# --- referral ----------------------------------------------------------------------


@login_required
def verwijzing_nieuw(request, pk: int):
    _require(request.user, WERK)
    regel = plannen.regel(request.user, pk, kanaal=UI)
    instelling = selectors.instelling()
    fouten = []
    if request.method == "POST":
        try:
            v = services.maak_verwijzing(request.user, pk, kanaal=UI)
        except ValidationError as exc:
            fouten = exc.messages
        else:
            messages.success(request, _("De verwijzing %(k)s is gemaakt.") % {"k": v.kenmerk})
            return redirect(_naar_plan(regel.plan_id))
    return render(
        request,
        "besluiten/verwijzing_nieuw.html",
        {
            "regel": regel,
            "plan": regel.plan,
            "fouten": fouten,
            "altijd_beschikking": instelling.besluitvorm == Besluitvorm.BESCHIKKING,
            "pgb_check": selectors.pgb_vaardigheid(regel),
        },
    )


@login_required
def verwijzing_pdf(request, pk: int):
    _require(request.user, LEZERS)
    v = selectors.verwijzing(request.user, pk, kanaal=Kanaal.PDF)
    regel, plan = v.regel, v.regel.plan
    ctx = brieven.context(
        v.kenmerk,
        plan.persoon,
        plan.huishouden.adres,
        verwijzing=v,
        regel=regel,
        plan=plan,
        regievoerder=plan.regievoerder_naam,
        product=regel.get_productcategorie_display(),
        aanbieder=str(regel.organisatie or ""),
        leveringsvorm=regel.get_leveringsvorm_display(),
    )
    return _pdf_response(brieven.pdf("besluiten/verwijzing_pdf.html", ctx), v.kenmerk)


@login_required
def beschikking_vragen(request, pk: int):
    _require(request.user, {Rol.INWONER})
    regel = plannen.regel(request.user, pk, kanaal=UI)
    form = forms.BeschikkingVragenForm(request.POST or None)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.vraag_beschikking(request.user, pk, **d, kanaal=UI),
        gelukt=_(
            "Uw verzoek om een beschikking is ontvangen. Uw generalist schrijft een advies; "
            "de gemeente besluit daarna."
        ),
        naar=_naar_plan(regel.plan_id),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Een beschikking vragen"),
        knop=_("Beschikking vragen"),
        plan=regel.plan,
        intro=_(
            "U krijgt %(p)s via een verwijzing. U mag in plaats daarvan een beschikking vragen: "
            "een formeel besluit van de gemeente waartegen u bezwaar kunt maken "
            "(Wmo 2015 artikel 2.3.5)."
        )
        % {"p": regel.get_productcategorie_display().lower()},
    )


# --- pgb-vaardigheid ---------------------------------------------------------------


@login_required
def pgb_vaardigheid(request, pk: int):
    _require(request.user, WERK)
    regel = plannen.regel(request.user, pk, kanaal=UI)
    if regel.leveringsvorm != Leveringsvorm.PGB:
        raise PermissionDenied
    form = forms.PgbVaardigheidForm(request.POST or None)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.leg_pgb_vaardigheid_vast(request.user, pk, **d, kanaal=UI),
        gelukt=_("De pgb-vaardigheid is vastgelegd."),
        naar=_naar_plan(regel.plan_id),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Pgb-vaardigheid vastleggen"),
        knop=_("Beoordeling vastleggen"),
        plan=regel.plan,
        intro=_(
            "Een pgb kan alleen als de inwoner of de vertegenwoordiger het budget kan beheren: "
            "regie voeren, de administratie bijhouden en de hulpverlener aansturen "
            "(Wmo 2015 art. 2.3.6)."
        ),
    )


# --- weighty advice, review, beschikking ------------------------------------------


@login_required
def advies_nieuw(request, pk: int):
    _require(request.user, {Rol.SOCIAAL_WERKER})
    regel = plannen.regel(request.user, pk, kanaal=UI)
    standaard = (
        "altijd" if selectors.instelling().besluitvorm == Besluitvorm.BESCHIKKING else "verzoek"
    )
    form = forms.AdviesForm(request.POST or None, initial={"aanleiding": standaard})
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.dien_advies_in(request.user, pk, **d, kanaal=UI),
        gelukt=_("Het zwaarwegend advies is ingediend bij de Wmo-consulent."),
        naar=_naar_plan(regel.plan_id),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Zwaarwegend advies"),
        knop=_("Advies indienen"),
        plan=regel.plan,
        intro=_("%(p)s (%(v)s): %(r)s")
        % {
            "p": regel.get_productcategorie_display(),
            "v": regel.get_leveringsvorm_display(),
            "r": regel.resultaat,
        },
    )


@login_required
def advies(request, pk: int):
    user = request.user
    _require(user, WERK)
    a = selectors.advies(user, pk, kanaal=UI)
    form = None
    if user.rol == Rol.WMO_CONSULENT and a.status == AdviesStatus.INGEDIEND:
        form = forms.BeoordelingForm(request.POST or None)
        antwoord = _verwerk(
            request,
            form,
            lambda d: services.beoordeel_advies(user, pk, **d, kanaal=UI),
            gelukt=_("De beoordeling is vastgelegd."),
            naar=reverse("besluiten:advies", args=[pk]),
        )
        if antwoord:
            return antwoord
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "besluiten/advies.html",
        {
            "advies": a,
            "regel": a.regel,
            "plan": a.regel.plan,
            "form": form,
            "pgb_check": selectors.pgb_vaardigheid(a.regel),
            "beschikking": getattr(a, "beschikking", None),
        },
    )


@login_required
def beschikking_nieuw(request, pk: int):
    user = request.user
    _require(user, CONSULENT)
    a = selectors.advies(user, pk, kanaal=UI)
    regel = a.regel
    form = forms.BeschikkingForm(
        request.POST or None,
        initial={"ingangsdatum": regel.ingangsdatum, "einddatum": regel.einddatum},
    )
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.neem_beschikking(user, pk, **d, kanaal=UI),
        gelukt=_("De beschikking is vastgesteld."),
        naar=lambda b: reverse("besluiten:beschikking", args=[b.pk]),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Beschikking vaststellen"),
        knop=_("Beschikking vaststellen"),
        plan=regel.plan,
        intro=_("%(p)s (%(v)s) voor %(n)s. Advies: %(s)s.")
        % {
            "p": regel.get_productcategorie_display(),
            "v": regel.get_leveringsvorm_display(),
            "n": regel.plan.persoon.volledige_naam,
            "s": a.get_status_display().lower(),
        },
    )


@login_required
def beschikking(request, pk: int):
    _require(request.user, LEZERS)
    b = selectors.beschikking(request.user, pk, kanaal=UI)
    return render(
        request,
        "besluiten/beschikking.html",
        {
            "b": b,
            "plan": b.regel.plan,
            "bezwaartermijn": termijnen.einde_bezwaartermijn(b.verzonden_op),
        },
    )


@login_required
def beschikking_pdf(request, pk: int):
    _require(request.user, LEZERS)
    b = selectors.beschikking(request.user, pk, kanaal=Kanaal.PDF)
    plan = b.regel.plan
    ctx = brieven.context(
        b.kenmerk,
        plan.persoon,
        plan.huishouden.adres,
        b=b,
        regel=b.regel,
        plan=plan,
        bezwaartermijn=termijnen.einde_bezwaartermijn(b.verzonden_op),
        pgb_check=selectors.pgb_vaardigheid(b.regel),
    )
    return _pdf_response(brieven.pdf("besluiten/beschikking_pdf.html", ctx), b.kenmerk)


# --- objections --------------------------------------------------------------------


@login_required
def bezwaar_nieuw(request, pk: int):
    user = request.user
    _require(user, CONSULENT)
    b = selectors.beschikking(user, pk, kanaal=UI)
    form = forms.BezwaarForm(
        request.POST or None, initial={"adviescommissie": selectors.instelling().adviescommissie}
    )
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.registreer_bezwaar(user, pk, **d, kanaal=UI),
        gelukt=_("Het bezwaar is geregistreerd."),
        naar=lambda bz: reverse("besluiten:bezwaar", args=[bz.pk]),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Bezwaar registreren"),
        knop=_("Bezwaar registreren"),
        plan=b.regel.plan,
        intro=_("Tegen beschikking %(k)s, verzonden op %(d)s.")
        % {"k": b.kenmerk, "d": b.verzonden_op.strftime("%d-%m-%Y")},
    )


@login_required
def bezwaar(request, pk: int):
    user = request.user
    _require(user, CONSULENT)
    bz = selectors.bezwaar(user, pk, kanaal=UI)
    post = request.POST if request.method == "POST" else None
    actie = request.POST.get("actie", "") if post else ""
    formulieren = {
        "hoorzitting": forms.HoorzittingForm(post if actie == "hoorzitting" else None),
        "verdaging": forms.VerdagingForm(post if actie == "verdaging" else None),
        "beslissing": forms.BeslissingForm(post if actie == "beslissing" else None),
    }
    uitvoeren = {
        "hoorzitting": lambda d: services.plan_hoorzitting(user, pk, **d, kanaal=UI),
        "verdaging": lambda d: services.verdaag(user, pk, **d, kanaal=UI),
        "beslissing": lambda d: services.beslis_op_bezwaar(user, pk, **d, kanaal=UI),
    }
    if actie in formulieren:
        antwoord = _verwerk(
            request,
            formulieren[actie],
            uitvoeren[actie],
            gelukt=_("Vastgelegd."),
            naar=reverse("besluiten:bezwaar", args=[pk]),
        )
        if antwoord:
            return antwoord
    return render(
        request,
        "besluiten/bezwaar.html",
        {
            "bz": bz,
            "b": bz.beschikking,
            "plan": bz.beschikking.regel.plan,
            "stand": termijnen.stand(bz, timezone.localdate()),
            "formulieren": formulieren,
        },
    )
