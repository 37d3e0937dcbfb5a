"""Screens of the finance app. Thin: forms parse amounts, services decide."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo import rekenblad
from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import scope_of
from openwmo.organisaties.models import Organisatie
from openwmo.privacy.services import Kanaal
from openwmo.web import fouten_op_formulier
from openwmo.web import require_rol as _require
from openwmo.web import verwerk_formulier as _verwerk

from . import forms, selectors, services
from .models import Herverdelingsverzoek, Lumpsum, Scenario, Subsidie
from .templatetags.financien import euro_tekst

CONTROLLER = selectors.CONTROLLER
MAANDEN = [
    _("jan"), _("feb"), _("mrt"), _("apr"), _("mei"), _("jun"),
    _("jul"), _("aug"), _("sep"), _("okt"), _("nov"), _("dec"),
]  # fmt: skip


def _jaar(request) -> int:
    jaar = request.GET.get("jaar", "")
    return int(jaar) if jaar.isdigit() and 2000 <= int(jaar) <= 2100 else timezone.localdate().year


def _formulier(request, form, *, titel, knop, intro=""):
    context = {"form": form, "titel": titel, "knop": knop, "intro": intro}
    return render(request, "financien/formulier.html", context)


def _grafiek(labels, reeksen) -> dict:
    return {"labels": [str(label) for label in labels], "reeksen": reeksen}


@login_required
def overzicht(request):
    _require(request.user, CONTROLLER)
    jaar = _jaar(request)
    rijen = selectors.lumpsum_overzicht(jaar)
    clienten = selectors.clienten_per_maand(jaar)
    totaal = {
        k: sum(r[k] for r in rijen) for k in ("lumpsum_cents", "besteed_cents", "prognose_cents")
    }
    context = {
        "jaar": jaar,
        "rijen": rijen,
        "totaal": totaal,
        "clienten": [{**c, "naam": MAANDEN[c["maand"] - 1]} for c in clienten],
        "verschuiving": selectors.verschuiving(jaar),
        "pgb": selectors.pgb_overzicht(jaar),
        "verwacht": selectors.verwachte_basisaandeel(jaar),
        "grafiek_lumpsum": _grafiek(
            [f"{r['aanbieder']} · {r['perceel']}" for r in rijen],
            [
                {"label": _("Lumpsum"), "data": [r["lumpsum_cents"] / 100 for r in rijen]},
                {"label": _("Besteed"), "data": [r["besteed_cents"] / 100 for r in rijen]},
                {"label": _("Prognose"), "data": [r["prognose_cents"] / 100 for r in rijen]},
            ],
        ),
        "grafiek_clienten": _grafiek(
            MAANDEN,
            [
                {"label": _("Basisondersteuning"), "data": [c["basis"] for c in clienten]},
                {
                    "label": _("Aanvullende ondersteuning"),
                    "data": [c["aanvullend"] for c in clienten],
                },
            ],
        ),
    }
    return render(request, "financien/overzicht.html", context)


# --- Excel ------------------------------------------------------------------------------


def _excel(naam: str, kolommen: list[str], rijen: list[list]) -> HttpResponse:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = naam[:31]
    rekenblad.voeg_rij_toe(ws, kolommen)
    for rij in rijen:
        rekenblad.voeg_rij_toe(ws, rij)  # text stays text, never a formula
    for kolom in ws.columns:
        ws.column_dimensions[kolom[0].column_letter].width = max(
            12, min(60, max(len(str(c.value or "")) for c in kolom) + 2)
        )
    buffer = io.BytesIO()
    wb.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{naam}.xlsx"'
    return response


def _eur(cents):
    """Cents as a Decimal euro amount for Excel (exact, never a float)."""
    from decimal import Decimal

    return None if cents is None else Decimal(cents) / 100


@login_required
def export(request, tabel: str):
    _require(request.user, CONTROLLER)
    jaar = _jaar(request)
    if tabel == "lumpsums":
        rijen = selectors.lumpsum_overzicht(jaar)
        return _excel(
            f"lumpsums-{jaar}",
            [_("Aanbieder"), _("Pijler"), _("Perceel"), _("Lumpsum (€)"), _("Besteed (€)"),
             _("Prognose jaareinde (€)"), _("Uitputting prognose (%)")],
            [[r["aanbieder"], r["pijler"], r["perceel"], _eur(r["lumpsum_cents"]),
              _eur(r["besteed_cents"]), _eur(r["prognose_cents"]), r["uitputting_pct"]]
             for r in rijen],
        )  # fmt: skip
    if tabel == "clienten":
        return _excel(
            f"clienten-per-pijler-{jaar}",
            [_("Maand"), _("Basis"), _("Aanvullend"), _("Aanvullend volgens iWmo"),
             _("Aandeel basis (%)"), _("Aangenomen aandeel basis (%)")],
            [[f"{jaar}-{c['maand']:02d}", c["basis"], c["aanvullend"], c["aanvullend_iwmo"],
              c["aandeel_basis_pct"], c["verwacht_basis_pct"]]
             for c in selectors.clienten_per_maand(jaar)],
        )  # fmt: skip
    if tabel == "pgb":
        p = selectors.pgb_overzicht(jaar)
        return _excel(
            f"pgb-zin-{jaar}",
            [_("Budget aanvullend (€)"), _("Verwacht pgb (€)"), _("Toegekend pgb (€)"),
             _("Aantal pgb-beschikkingen"), _("Verrekening (€)")],
            [[_eur(p["aanvullend_cents"]), _eur(p["verwacht_cents"]), _eur(p["werkelijk_cents"]),
              p["aantal"], _eur(p["verrekening_cents"])]],
        )  # fmt: skip
    if tabel == "subsidies":
        return _excel(
            f"subsidies-{jaar}",
            [_("Organisatie"), _("Bedrag (€)"), _("Activiteiten"), _("Beoogd bereik"),
             _("Gerealiseerd bereik"), _("Verantwoord op")],
            [[s.organisatie.naam, _eur(s.bedrag_cents), s.activiteiten, s.beoogd_bereik,
              s.gerealiseerd_bereik, s.verantwoord_op] for s in selectors.subsidies(jaar)],
        )  # fmt: skip
    if tabel == "startverdeling":
        groepen, start = _startverdeling(jaar)
        if start is None:
            raise Http404
        return _excel(
            f"startverdeling-{jaar}",
            [_("Categorie"), _("Cliënten"), _("Kosten (€)"), _("Basis (€)"), _("Aanvullend (€)")],
            [[g.categorie, g.aantal, _eur(g.kosten_cents),
              *map(_eur, start.per_categorie[g.categorie])] for g in groepen],
        )  # fmt: skip
    raise Http404


# --- initial split ----------------------------------------------------------------------


def _startverdeling(jaar):
    try:
        groepen = selectors.startgroepen(jaar)
    except LookupError:  # no tariff for a product in this year
        return [], None
    if not groepen:
        return [], None
    return groepen, selectors.verdeel_clientenbestand(groepen, jaar)


@login_required
def startverdeling(request):
    _require(request.user, CONTROLLER)
    jaar = _jaar(request)
    groepen, start = _startverdeling(jaar)
    form = forms.VaststellenForm(request.POST or None)
    if start is not None:
        antwoord = _verwerk(
            request,
            form,
            lambda d: services.stel_lumpsums_vast(
                request.user,
                jaar=jaar,
                totaal_cents=d["totaal_cents"],
                groepen=groepen,
                pgb_aandeel=d["pgb_aandeel"] or 0,
            ),
            gelukt=_("De lumpsums zijn vastgesteld."),
            naar=f"{reverse('financien:overzicht')}?jaar={jaar}",
        )
        if antwoord:
            return antwoord
    aandelen = services.perceelaandelen(start) if start else {}
    context = {
        "jaar": jaar,
        "groepen": [
            {
                "groep": g,
                "basis": start.per_categorie[g.categorie][0],
                "aanvullend": start.per_categorie[g.categorie][1],
            }
            for g in groepen
        ],  # fmt: skip
        "start": start,
        "aandelen": aandelen,
        "totaal_kosten": sum(aandelen.values()),
        "form": form,
        "vastgesteld": Lumpsum.objects.filter(jaar=jaar).exists(),
    }
    return render(request, "financien/startverdeling.html", context)


# --- transfer requests ------------------------------------------------------------------


@login_required
def herverdelingen(request):
    user = request.user
    _require(user, selectors.HERVERDELING_ROLLEN)
    jaar = _jaar(request)
    eigen = []
    if user.rol == Rol.ZORGAANBIEDER:
        eigen = selectors.lumpsum_overzicht(jaar, aanbieder_id=scope_of(user).organisatie_id or 0)
    context = {
        "jaar": jaar,
        "verzoeken": selectors.herverdelingen_in_scope(user)[:200],
        "eigen": eigen,
    }
    return render(request, "financien/herverdelingen.html", context)


@login_required
def herverdeling_nieuw(request):
    user = request.user
    _require(user, {Rol.ZORGAANBIEDER})
    jaar = _jaar(request)
    keuzes = [
        (ls.pk, f"{ls.aanbieder.naam} · {ls.perceel.naam} ({euro_tekst(ls.bedrag_cents)})")
        for ls in selectors.lumpsums(jaar)
    ]
    form = forms.HerverdelingForm(request.POST or None, keuzes=keuzes)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.dien_herverdeling_in(user, **d),
        gelukt=_("Het verzoek is ingediend; de andere aanbieder moet nog akkoord geven."),
        naar=lambda v: reverse("financien:herverdeling", args=[v.pk]),
    )
    grond = selectors.verschuiving(jaar)
    intro = _(
        "Verschuiving van cliënten ten opzichte van de startverdeling: %(n)s cliënten, "
        "%(p)s procentpunt (wordt bij het verzoek vastgelegd)."
    ) % {"n": grond["clienten"], "p": grond["procentpunt"]}
    return antwoord or _formulier(
        request, form, titel=_("Herverdeling aanvragen"), knop=_("Verzoek indienen"), intro=intro
    )


@login_required
def herverdeling(request, pk: int):
    user = request.user
    _require(user, selectors.HERVERDELING_ROLLEN)
    try:
        verzoek = selectors.herverdeling(user, pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    org = scope_of(user).organisatie_id
    akkoord_mogelijk = (
        user.rol == Rol.ZORGAANBIEDER
        and verzoek.status == Herverdelingsverzoek.Status.INGEDIEND
        and (
            (org == verzoek.van.aanbieder_id and not verzoek.akkoord_van)
            or (org == verzoek.naar.aanbieder_id and not verzoek.akkoord_naar)
        )
    )
    besluit_form = None
    if user.rol == Rol.BELEIDSMAKER and verzoek.status == Herverdelingsverzoek.Status.GEZAMENLIJK:
        besluit_form = forms.BesluitForm(request.POST or None)
        antwoord = _verwerk(
            request,
            besluit_form,
            lambda d: services.beslis_herverdeling(
                user, pk, toekennen=d["besluit"] == "toekennen", toelichting=d["toelichting"]
            ),
            gelukt=_("Het besluit is vastgelegd."),
            naar=reverse("financien:herverdeling", args=[pk]),
        )
        if antwoord:
            return antwoord
    elif request.method == "POST" and akkoord_mogelijk:
        try:
            services.geef_akkoord(user, pk)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("financien:herverdeling", pk=pk)
    context = {"verzoek": verzoek, "akkoord_mogelijk": akkoord_mogelijk, "form": besluit_form}
    return render(request, "financien/herverdeling.html", context)


# --- scenarios --------------------------------------------------------------------------


@login_required
def scenarios(request):
    _require(request.user, CONTROLLER)
    form = forms.ScenarioForm(request.POST or None)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.maak_scenario(request.user, **d),
        gelukt=_("Het scenario is aangemaakt."),
        naar=lambda s: reverse("financien:scenario", args=[s.pk]),
    )
    if antwoord:
        return antwoord
    rijen = [
        {"scenario": s, **selectors.scenario_uitkomst(s)}
        for s in Scenario.objects.prefetch_related("maatregelen")
    ]
    return render(request, "financien/scenarios.html", {"rijen": rijen, "form": form})


@login_required
def scenario(request, pk: int):
    _require(request.user, CONTROLLER)
    s = get_object_or_404(Scenario, pk=pk)
    form = forms.MaatregelForm(request.POST or None)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.voeg_maatregel_toe(request.user, pk, **d),
        gelukt=_("De maatregel is toegevoegd."),
        naar=reverse("financien:scenario", args=[pk]),
    )
    if antwoord:
        return antwoord
    uitkomst = selectors.scenario_uitkomst(s)
    if request.GET.get("export") == "xlsx":
        rijen = [
            [r["maatregel"].naam, r["maatregel"].get_pijler_display(), r["maatregel"].vanaf_jaar,
             _eur(r["effect_cents"])] for r in uitkomst["maatregelen"]
        ] + [
            [_("Totaal maatregelen"), "", "", _eur(uitkomst["measures_total"])],
            [_("Taakstelling"), "", s.taakstelling_vanaf, _eur(uitkomst["target"])],
            [_("Risicoreserve"), "", "", _eur(uitkomst["reserve"])],
        ]  # fmt: skip
        return _excel(
            f"scenario-{s.pk}", [_("Maatregel"), _("Pijler"), _("Vanaf"), _("Effect (€)")], rijen
        )
    context = {
        "scenario": s,
        "uitkomst": uitkomst,
        "form": form,
        "grafiek": _grafiek(
            [r["jaar"] for r in uitkomst["per_jaar"]],
            [
                {
                    "label": _("Effect maatregelen"),
                    "data": [r["effect_cents"] / 100 for r in uitkomst["per_jaar"]],
                },
                {
                    "label": _("Taakstelling"),
                    "data": [r["taakstelling_cents"] / 100 for r in uitkomst["per_jaar"]],
                },
            ],
        ),  # fmt: skip
    }
    return render(request, "financien/scenario.html", context)


# --- subsidies --------------------------------------------------------------------------


@login_required
def subsidies(request):
    _require(request.user, CONTROLLER)
    jaar = _jaar(request)
    organisaties = [
        (o.pk, o.naam)
        for o in Organisatie.objects.filter(actief=True).exclude(soort=Organisatie.Soort.GEMEENTE)
    ]
    form = forms.SubsidieForm(
        request.POST or None, organisaties=organisaties, initial={"jaar": jaar}
    )
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.verleen_subsidie(request.user, **d),
        gelukt=_("De subsidie is vastgelegd."),
        naar=lambda s: f"{reverse('financien:subsidies')}?jaar={s.jaar}",
    )
    if antwoord:
        return antwoord
    rijen = list(selectors.subsidies(jaar))
    context = {
        "jaar": jaar,
        "rijen": rijen,
        "totaal": sum(s.bedrag_cents for s in rijen),
        "form": form,
    }
    return render(request, "financien/subsidies.html", context)


@login_required
def subsidie_verantwoorden(request, pk: int):
    _require(request.user, CONTROLLER)
    s = get_object_or_404(Subsidie.objects.select_related("organisatie"), pk=pk)
    form = forms.VerantwoordingForm(request.POST or None)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.verantwoord_subsidie(request.user, pk, **d),
        gelukt=_("De verantwoording is vastgelegd."),
        naar=f"{reverse('financien:subsidies')}?jaar={s.jaar}",
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Verantwoording subsidie %(org)s %(jaar)s")
        % {"org": s.organisatie.naam, "jaar": s.jaar},
        knop=_("Verantwoording vastleggen"),
        intro=_("Afgesproken: %(act)s — beoogd bereik %(n)s deelnemers.")
        % {"act": s.activiteiten, "n": s.beoogd_bereik},
    )


# --- eigen bijdrage ---------------------------------------------------------------------


@login_required
def cak(request):
    _require(request.user, CONTROLLER)
    form = forms.CakForm(request.GET if "maand" in request.GET else None)
    if form.is_bound and form.is_valid():
        try:
            tekst = services.cak_levering(request.user, **form.cleaned_data)
        except ValidationError as exc:
            fouten_op_formulier(form, exc)
        else:
            d = form.cleaned_data
            naam = f"cak-abonnementstarief-{d['jaar']}-{d['maand']:02d}"
            response = HttpResponse(tekst, content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{naam}.csv"'
            return response
    return render(request, "financien/cak.html", {"form": form})


@login_required
def eigen_bijdrage(request):
    user = request.user
    _require(user, {Rol.INWONER})
    if not user.persoon_id:
        raise Http404
    uitkomst = selectors.eigen_bijdrage(user, user.persoon_id, kanaal=Kanaal.UI)
    return render(request, "financien/eigen_bijdrage.html", {"b": uitkomst})
