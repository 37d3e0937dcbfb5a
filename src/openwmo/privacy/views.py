"""Screens of the privacy officer and the resident's own rights (inzage, correction)."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from openwmo.accounts.models import Rol
from openwmo.inwoners import selectors as inwoners
from openwmo.web import fouten_op_formulier, require_rol

from . import bewaren, selectors, services
from .forms import (
    AuditZoekForm,
    BewaarbesluitForm,
    CorrectieBesluitForm,
    CorrectieverzoekForm,
    DoorbraakBeoordelingForm,
    InzageForm,
)
from .models import DEELGEGEVENS, PARTNERSOORTEN, Bewaarmarkering, Correctieverzoek, Doorbraak


@login_required
def auditlog(request):
    require_rol(request.user, {Rol.PRIVACY_FUNCTIONARIS})
    form = AuditZoekForm(request.GET or None)
    regels = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        persoon_id = None
        if data["bsn"]:
            persoon_id = inwoners.persoon_id_voor_bsn(data["bsn"]) or -1
        regels = list(
            selectors.zoek_auditregels(
                gebruikersnaam=data["gebruikersnaam"],
                persoon_id=persoon_id,
                actie=data["actie"],
                van=data["van"],
                tot=data["tot"],
            )
        )
        services.log(
            request.user,
            actie=services.Actie.ZOEKEN,
            kanaal=services.Kanaal.UI,
            doel="Toezicht op rechtmatig gebruik (AVG art. 32)",
            object_type="auditlog",
            persoon_id=persoon_id if persoon_id and persoon_id > 0 else None,
            velden=sorted(k for k, v in data.items() if v),
            toelichting=f"{len(regels)} regels",
        )
    return render(request, "privacy/auditlog.html", {"form": form, "regels": regels})


# Review queues of the privacy officer: a list with one decision form per item.
WACHTRIJEN = {
    "doorbraken": dict(
        model=Doorbraak,
        form=DoorbraakBeoordelingForm,
        service=services.beoordeel_doorbraak,
        items=selectors.te_beoordelen_doorbraken,
        context_naam="doorbraken",
        gelukt=gettext_lazy("Het oordeel is vastgelegd."),
    ),
    "correctieverzoeken": dict(
        model=Correctieverzoek,
        form=CorrectieBesluitForm,
        service=services.behandel_correctieverzoek,
        items=selectors.correctieverzoeken,
        context_naam="verzoeken",
        gelukt=gettext_lazy("Het besluit is vastgelegd."),
    ),
    "bewaren": dict(
        model=Bewaarmarkering,
        form=BewaarbesluitForm,
        service=bewaren.beoordeel,
        items=selectors.te_beoordelen_bewaarmarkeringen,
        context_naam="markeringen",
        gelukt=gettext_lazy(
            "Het besluit is vastgelegd; anonimiseren gebeurt door de achtergrondtaak."
        ),
    ),
}


def _wachtrij(request, naam: str, pk: int | None = None):
    require_rol(request.user, {Rol.PRIVACY_FUNCTIONARIS})
    rij = WACHTRIJEN[naam]
    form = rij["form"]()
    if pk is not None:
        get_object_or_404(rij["model"], pk=pk)
        form = rij["form"](request.POST)
        if form.is_valid():
            try:
                rij["service"](request.user, pk, **form.cleaned_data)
            except ValidationError as exc:
                fouten_op_formulier(form, exc)
            else:
                messages.success(request, rij["gelukt"])
                return redirect(f"privacy:{naam}")
    context = {rij["context_naam"]: rij["items"](), "form": form, "fout_bij": pk}
    if naam == "bewaren":
        context["termijnen"] = selectors.bewaartermijnen()
    return render(request, f"privacy/{naam}.html", context)


@login_required
def doorbraken(request):
    return _wachtrij(request, "doorbraken")


@login_required
@require_POST
def doorbraak_beoordelen(request, pk: int):
    return _wachtrij(request, "doorbraken", pk)


@login_required
def correctieverzoeken(request):
    return _wachtrij(request, "correctieverzoeken")


@login_required
@require_POST
def correctieverzoek_behandelen(request, pk: int):
    return _wachtrij(request, "correctieverzoeken", pk)


@login_required
def bewaarmarkeringen(request):
    return _wachtrij(request, "bewaren")


@login_required
@require_POST
def bewaarmarkering_beoordelen(request, pk: int):
    return _wachtrij(request, "bewaren", pk)


@login_required
@require_POST
def bewaartermijn_wijzigen(request, soort: str):
    require_rol(request.user, {Rol.PRIVACY_FUNCTIONARIS})
    try:
        services.wijzig_bewaartermijn(
            request.user,
            soort,
            jaren=request.POST.get("jaren"),
            toelichting=request.POST.get("toelichting", ""),
        )
    except ValidationError as exc:
        for fout in exc.messages:
            messages.error(request, fout)
        return _wachtrij(request, "bewaren")  # the page again, with the error, nothing saved
    messages.success(request, _("De bewaartermijn is gewijzigd."))
    return redirect("privacy:bewaren")


@login_required
def convenant(request):
    require_rol(request.user, {Rol.PRIVACY_FUNCTIONARIS})
    if request.method == "POST":
        afspraken = {
            (g, s): f"{g}__{s}" in request.POST
            for g, _l in DEELGEGEVENS
            for s, _m in PARTNERSOORTEN
        }
        aantal = services.zet_deelafspraken(request.user, afspraken)
        messages.success(request, _("%(n)s afspraken gewijzigd.") % {"n": aantal})
        return redirect("privacy:convenant")
    matrix = selectors.deelmatrix()
    rijen = [
        {
            "gegeven": label,
            "cellen": [
                {"naam": f"{g}__{s}", "aan": matrix.get((g, s), False), "partner": plabel}
                for s, plabel in PARTNERSOORTEN
            ],
        }
        for g, label in DEELGEGEVENS
    ]
    return render(
        request,
        "privacy/convenant.html",
        {"rijen": rijen, "partners": [label for _s, label in PARTNERSOORTEN]},
    )


@login_required
def gegevensregister(request):
    require_rol(request.user, {Rol.PRIVACY_FUNCTIONARIS})
    return render(
        request,
        "privacy/gegevensregister.html",
        {
            "rijen": selectors.gegevensregister(),
            "uitzonderingen": selectors.inzage_uitzonderingen(),
        },
    )


def _download(request, export: dict, formaat: str, naam: str):
    if formaat == "json":
        response = HttpResponse(
            json.dumps(export, ensure_ascii=False, indent=2, default=str),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{naam}.json"'
        return response
    from weasyprint import HTML

    html = render_to_string("privacy/inzage_pdf.html", {"export": export}, request=request)
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{naam}.pdf"'
    return response


@login_required
def inzage(request):
    """The privacy officer answers an inzage request (AVG art. 15) for a resident."""
    require_rol(request.user, {Rol.PRIVACY_FUNCTIONARIS})
    form = InzageForm(request.GET or None)
    if form.is_bound and form.is_valid():
        persoon = inwoners.persoon_voor_inzage(form.cleaned_data["bsn"])
        if persoon is None:
            form.add_error("bsn", _("Er staat geen inwoner met dit BSN in het register."))
        else:
            formaat = form.cleaned_data["formaat"]
            export = services.inzage_export(request.user, persoon, kanaal=formaat)
            return _download(request, export, formaat, f"inzage-{persoon.pk}")
    return render(request, "privacy/inzage.html", {"form": form})


@login_required
def mijn_gegevens(request, formaat: str):
    """The resident downloads everything OpenWmo holds about them."""
    require_rol(request.user, {Rol.INWONER})
    if not request.user.persoon_id:
        raise PermissionDenied
    if formaat not in ("json", "pdf"):
        raise Http404
    persoon = inwoners.persoon_voor_inzage_door_inwoner(request.user)
    export = services.inzage_export(request.user, persoon, kanaal=formaat)
    return _download(request, export, formaat, "mijn-gegevens")


@login_required
def correctie(request):
    require_rol(request.user, {Rol.INWONER})
    if not request.user.persoon_id:
        raise PermissionDenied
    form = CorrectieverzoekForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        persoon = inwoners.persoon_voor_inzage_door_inwoner(request.user)
        try:
            services.dien_correctieverzoek_in(request.user, persoon, **form.cleaned_data)
        except ValidationError as exc:
            fouten_op_formulier(form, exc)
        else:
            messages.success(
                request, _("Uw verzoek is ontvangen. U krijgt binnen een maand antwoord.")
            )
            return redirect("portaal:start")
    return render(request, "privacy/correctie.html", {"form": form})
