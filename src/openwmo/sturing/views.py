"""Screens of the sturing app: thin; dashboards.py builds the tables, services write."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_http_methods

from openwmo.accounts.models import Rol
from openwmo.web import require_rol

from . import dashboards, exports, selectors, services
from .models import Niveau

NIVEAUS = {
    "strategisch": dashboards.strategisch,
    "tactisch": dashboards.tactisch,
    "wijken": dashboards.wijken,
    "operationeel": dashboards.operationeel,
}


def _jaar(request) -> int:
    vandaag = timezone.localdate()
    try:
        jaar = int(request.GET.get("jaar", vandaag.year))
    except ValueError:
        return vandaag.year
    return jaar if 2000 <= jaar <= vandaag.year + 1 else vandaag.year


def _datum(request, naam: str, standaard: datetime.date) -> datetime.date:
    try:
        return datetime.date.fromisoformat(request.GET.get(naam, ""))
    except ValueError:
        return standaard


def _int(request, naam: str) -> int | None:
    try:
        waarde = int(request.GET.get(naam, ""))
    except ValueError:
        return None
    return waarde if 0 < waarde < 2**31 else None


def _overzicht(request, niveau: str):
    if niveau not in NIVEAUS or not selectors.mag(request.user, niveau):
        raise PermissionDenied
    code = request.GET.get("indicator")
    if niveau == "operationeel":
        return NIVEAUS[niveau](request.user, _datum(request, "tot", timezone.localdate()), code)
    return NIVEAUS[niveau](request.user, _jaar(request), code)


@login_required
@require_http_methods(["GET"])
def index(request):
    niveaus = selectors.niveaus_voor(request.user)
    if not niveaus:
        raise PermissionDenied
    return render(
        request,
        "sturing/index.html",
        {"niveaus": niveaus, "beleid": request.user.rol == Rol.BELEIDSMAKER},
    )


def _scherm(niveau):
    @login_required
    @require_http_methods(["GET"])
    def view(request):
        with selectors.gebruikte_stand() as gebruikt:
            overzicht = _overzicht(request, niveau)
            context = _context(request, niveau, overzicht)
        context["stand"] = min(gebruikt) if gebruikt else None
        return render(request, f"sturing/{niveau}.html", context)

    view.__name__ = niveau
    return view


def _context(request, niveau, overzicht) -> dict:
    context = {
        "overzicht": overzicht,
        "niveaus": selectors.niveaus_voor(request.user),
        "indicatoren": [r.indicator for t in overzicht.tabellen for r in t.rijen if r.indicator]
        or selectors.indicatoren(),
        "query": request.GET.urlencode(),
    }
    if niveau == "tactisch":
        context["redenen"] = dashboards.redenen_beeindiging(_jaar(request))
    if niveau == "operationeel":
        context["redenen"] = dashboards.redenen_beeindiging(
            timezone.localdate().year, selectors.vaste_aanbieder(request.user)
        )
    context["beleid"] = request.user.rol == Rol.BELEIDSMAKER
    return context


@login_required
@require_http_methods(["GET", "POST"])
def bijwerken(request):
    """A policy maker asks for fresh figures now instead of waiting for the night; the
    page shows the last refreshes."""
    require_rol(request.user, {Rol.BELEIDSMAKER})
    if request.method == "GET":
        return render(
            request, "sturing/bijwerken.html", {"standen": selectors.laatste_feitenstanden()}
        )
    services.vraag_bijwerken(request.user)
    messages.success(
        request,
        _("De cijfers worden bijgewerkt. Over enkele minuten ziet u de nieuwe stand."),
    )
    terug = request.POST.get("niveau", "")
    return redirect(f"sturing:{terug}" if terug in NIVEAUS else "sturing:index")


strategisch = _scherm("strategisch")
tactisch = _scherm("tactisch")
wijken = _scherm("wijken")
operationeel = _scherm("operationeel")


@login_required
@require_http_methods(["GET"])
def export(request, niveau, formaat):
    overzicht = _overzicht(request, niveau)
    naam = f"sturing-{niveau}"
    if formaat == "xlsx":
        response = HttpResponse(
            exports.als_xlsx(overzicht),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(exports.als_csv(overzicht), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return response


@login_required
@require_http_methods(["GET"])
def raadsrapportage(request, jaar):
    require_rol(request.user, {Rol.BELEIDSMAKER})
    if not 2000 <= jaar <= timezone.localdate().year + 1:
        raise PermissionDenied
    pdf = exports.raadsrapportage(
        dashboards.strategisch(request.user, jaar),
        dashboards.wijken(request.user, jaar),
        dashboards.redenen_beeindiging(jaar),
        jaar,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="raadsrapportage-wmo-{jaar}.pdf"'
    return response


@login_required
@require_http_methods(["GET"])
def gevallen(request, code):
    vandaag = timezone.localdate()
    tot = _datum(request, "tot", vandaag)
    van = _datum(request, "van", tot - datetime.timedelta(days=6))
    if van > tot:
        van, tot = tot, van
    uitkomst = selectors.gevallen(
        request.user,
        code,
        van,
        tot,
        aanbieder_id=_int(request, "aanbieder"),
        wijk_id=_int(request, "wijk"),
    )
    return render(request, "sturing/gevallen.html", {"g": uitkomst})


@login_required
@require_http_methods(["GET"])
def indicatoren(request):
    require_rol(request.user, {Rol.BELEIDSMAKER})
    return render(request, "sturing/indicatoren.html", {"indicatoren": selectors.indicatoren()})


@login_required
@require_http_methods(["GET", "POST"])
def indicator(request, code):
    require_rol(request.user, {Rol.BELEIDSMAKER})
    ind = selectors.indicator(code)
    fouten = {}
    gegevens = {
        "naam": ind.naam,
        "definitie": ind.definitie,
        "niveau": ind.niveau,
        "streefwaarde": "" if ind.streefwaarde is None else str(ind.streefwaarde),
    }
    if request.method == "POST":
        gegevens = {k: request.POST.get(k, "") for k in gegevens}
        try:
            services.wijzig_indicator(request.user, code, gegevens)
        except ValidationError as exc:
            fouten = exc.message_dict
        else:
            messages.success(request, _("De indicator is bijgewerkt."))
            return redirect("sturing:indicatoren")
    return render(
        request,
        "sturing/indicator.html",
        {
            "indicator": ind,
            "gegevens": gegevens,
            "fouten": fouten,
            "niveaus": Niveau.choices,
            "wijzigingen": ind.wijzigingen.select_related("door")[:20],
        },
    )


ANTWOORDEN = [
    ("5", _l("Helemaal eens")),
    ("4", _l("Eens")),
    ("3", _l("Niet eens, niet oneens")),
    ("2", _l("Oneens")),
    ("1", _l("Helemaal oneens")),
    ("0", _l("Weet ik niet / niet van toepassing")),
]


def vragen():
    return [
        ("toegang_wist", _l("Ik wist waar ik met mijn vraag terecht kon."), "toegang"),
        ("toegang_snel", _l("Ik werd snel geholpen."), "toegang"),
        ("kwaliteit_serieus", _l("De medewerker nam mij en mijn vraag serieus."), "kwaliteit"),
        (
            "kwaliteit_passend",
            _l("De ondersteuning die ik krijg, past bij mijn vraag."),
            "kwaliteit",
        ),
        (
            "effect_redden",
            _l("Door de ondersteuning kan ik mij beter redden."),
            "effect",
        ),
        (
            "effect_leven",
            _l("Door de ondersteuning heb ik een betere kwaliteit van leven."),
            "effect",
        ),
    ]


@login_required
@require_http_methods(["GET", "POST"])
def enquete(request, pk):
    uitnodiging = selectors.uitnodiging_voor(request.user, pk)
    if hasattr(uitnodiging, "antwoord"):
        return render(request, "sturing/enquete_klaar.html", {"al": True})
    fouten = {}
    gekozen = {}
    if request.method == "POST":
        gekozen = {k: request.POST.get(k, "") for k, _v, _t in vragen()}
        gekozen["toelichting"] = request.POST.get("toelichting", "")
        try:
            services.beantwoord(request.user, pk, gekozen)
        except ValidationError as exc:
            fouten = exc.message_dict
        else:
            return render(request, "sturing/enquete_klaar.html", {"al": False})
    return render(
        request,
        "sturing/enquete.html",
        {
            "uitnodiging": uitnodiging,
            "vragen": [
                {
                    "code": c,
                    "vraag": v,
                    "thema": t,
                    "gekozen": gekozen.get(c, ""),
                    "fouten": fouten.get(c, []),
                }
                for c, v, t in vragen()
            ],
            "antwoorden": ANTWOORDEN,
            "toelichting": gekozen.get("toelichting", ""),
            "fouten": fouten,
        },
    )
