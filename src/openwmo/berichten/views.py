"""Screens for the message exchange: provider portal and the gemeente's side. Thin."""

from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.inwoners.selectors import personen_in_scope
from openwmo.privacy.services import Kanaal
from openwmo.web import fouten_op_formulier as _fouten
from openwmo.web import require_rol as _require

from . import codelijsten, selectors, services
from .forms import (
    AntwoordForm,
    EinddatumForm,
    PgbForm,
    StartForm,
    StopForm,
    TaakgerichtStartForm,
    ToewijzingForm,
    VerzoekForm,
)
from .models import Bericht, Levering

GEMEENTE = {Rol.WMO_CONSULENT}
AANBIEDER = {Rol.ZORGAANBIEDER}
BEIDE = GEMEENTE | AANBIEDER
STURING = {Rol.WMO_CONSULENT, Rol.BELEIDSMAKER}


def _persoon(user, form):
    persoon = personen_in_scope(user).filter(bsn=form.cleaned_data["bsn"]).first()
    if persoon is None:
        form.add_error("bsn", _("Er staat geen inwoner met dit BSN in het register."))
    return persoon


def _retour_melding(request, resultaat, wat):
    messages.success(
        request,
        _("%(wat)s is verstuurd en geaccepteerd (retourcode %(codes)s).")
        % {"wat": wat, "codes": ", ".join(resultaat.retourcodes)},
    )


@login_required
def overzicht(request):
    _require(request.user, BEIDE)
    qs = selectors.berichten_in_scope(request.user)
    richting = request.GET.get("richting", "")
    if richting in Bericht.Richting.values:
        qs = qs.filter(richting=richting)
    pagina = Paginator(qs, 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "berichten/overzicht.html",
        {"pagina": pagina, "richting": richting, "te_laat": selectors.te_laat(request.user)},
    )


@login_required
def bericht(request, pk):
    _require(request.user, BEIDE)
    b = selectors.bericht(request.user, pk, kanaal=Kanaal.UI)
    controle = []
    if b.richting == Bericht.Richting.IN and b.berichttype in ("WMO305", "WMO307") and b.bsn:
        # a start or stop without toewijzing carries the client as the provider states it
        controle = selectors.clientcontrole(
            request.user, SimpleNamespace(bericht=b, persoon=b.persoon)
        )
    return render(request, "berichten/bericht.html", {"b": b, "controle": controle})


@login_required
def toewijzingen(request):
    _require(request.user, BEIDE)
    qs = selectors.toewijzingen_in_scope(request.user)
    pagina = Paginator(qs, 50).get_page(request.GET.get("pagina"))
    lopende_starts = selectors.lopende_starts(request.user)[:100]
    selectors.log_overzicht(
        request.user, [*pagina, *lopende_starts], kanaal=Kanaal.UI, object_type="toewijzing"
    )
    return render(
        request,
        "berichten/toewijzingen.html",
        {"pagina": pagina, "lopende_starts": lopende_starts},
    )


@login_required
def toewijzing(request, pk):
    _require(request.user, BEIDE)
    t = selectors.toewijzing(request.user, pk, kanaal=Kanaal.UI)
    codes = codelijsten.huidige()
    leveringen = list(t.leveringen.all())
    gestopt = {
        (s.begindatum, s.toewijzingnummer)
        for s in leveringen
        if s.soort == Levering.Soort.STOP and s.actief
    }
    return render(
        request,
        "berichten/toewijzing.html",
        {
            "t": t,
            "leveringen": leveringen,
            "stopbaar": [
                s
                for s in leveringen
                if s.soort == Levering.Soort.START
                and s.actief
                and (s.begindatum, s.toewijzingnummer) not in gestopt
            ],
            "definitief_gestopt": any(
                s.soort == Levering.Soort.STOP and s.actief and not s.tijdelijk for s in leveringen
            ),
            "product_omschrijving": codes.omschrijving("WMO020", t.productcategorie),
            "eenheid": codes.omschrijving("WJ756", t.eenheid) if t.eenheid else "",
            "frequentie": codes.omschrijving("WMO757", t.frequentie) if t.frequentie else "",
            "start_form": StartForm(),
            "einddatum_form": EinddatumForm(),
        },
    )


@login_required
def toewijzing_nieuw(request):
    _require(request.user, GEMEENTE)
    form = ToewijzingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        persoon = _persoon(request.user, form)
        if persoon is not None:
            d = form.cleaned_data
            try:
                t = services.maak_toewijzing(
                    request.user,
                    persoon=persoon,
                    aanbieder=d["aanbieder"],
                    product_categorie=d["product_categorie"],
                    product_code=d["product_code"].strip(),
                    ingangsdatum=d["ingangsdatum"],
                    einddatum=d["einddatum"],
                    volume=d["volume"],
                    eenheid=d["eenheid"],
                    frequentie=d["frequentie"],
                    kanaal=Kanaal.UI,
                )
            except ValidationError as exc:
                _fouten(form, exc)
            else:
                messages.success(
                    request,
                    _("Toewijzing %(nr)s is verstuurd aan %(aanbieder)s.")
                    % {"nr": t.nummer, "aanbieder": t.aanbieder},
                )
                return redirect("berichten:toewijzing", pk=t.pk)
    return render(
        request,
        "berichten/formulier.html",
        {
            "form": form,
            "titel": _("Nieuwe toewijzing"),
            "uitleg": _(
                "Wijs zorg in natura toe aan een aanbieder. De aanbieder ontvangt een "
                "toewijzingsbericht (WMO301) met alle lopende toewijzingen van deze cliënt. Een "
                "pgb wordt niet via iWmo toegewezen."
            ),
        },
    )


@login_required
def start(request, pk):
    _require(request.user, AANBIEDER)
    t = selectors.toewijzing(request.user, pk, kanaal=Kanaal.UI)
    form = StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            r = services.meld_start(request.user, t.pk, begindatum=form.cleaned_data["begindatum"])
        except ValidationError as exc:
            _fouten(form, exc)
        else:
            _retour_melding(request, r, _("Het startbericht (WMO305)"))
            return redirect("berichten:toewijzing", pk=t.pk)
    return render(
        request,
        "berichten/formulier.html",
        {"form": form, "titel": _("Start melden voor toewijzing %(nr)s") % {"nr": t.nummer}},
    )


@login_required
def stop(request, pk):
    _require(request.user, AANBIEDER)
    start_melding = selectors.leveringen_in_scope(request.user).filter(pk=pk).first()
    if start_melding is None:
        raise PermissionDenied
    form = StopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            r = services.meld_stop(
                request.user,
                start_melding.pk,
                einddatum=form.cleaned_data["einddatum"],
                reden=form.cleaned_data["reden"],
            )
        except ValidationError as exc:
            _fouten(form, exc)
        else:
            _retour_melding(request, r, _("Het stopbericht (WMO307)"))
            if start_melding.toewijzing_id:
                return redirect("berichten:toewijzing", pk=start_melding.toewijzing_id)
            return redirect("berichten:toewijzingen")
    return render(
        request,
        "berichten/formulier.html",
        {
            "form": form,
            "titel": _("Stop melden"),
            "uitleg": _(
                "Reden 20 is een tijdelijke stop; daarna volgt een nieuwe start of een "
                "definitieve stop."
            ),
        },
    )


@login_required
def wijzigen(request, pk):
    _require(request.user, GEMEENTE)
    t = selectors.toewijzing(request.user, pk, kanaal=Kanaal.UI)
    form = EinddatumForm(request.POST or None)
    if request.method == "POST" and request.POST.get("actie") == "verwijderen":
        try:
            services.verwijder_toewijzing(request.user, t.pk, kanaal=Kanaal.UI)
        except ValidationError as exc:
            messages.error(request, " ".join(m for ms in exc.message_dict.values() for m in ms))
        else:
            messages.success(request, _("De toewijzing is verwijderd (reden 13) en verstuurd."))
        return redirect("berichten:toewijzing", pk=t.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.wijzig_einddatum(
                request.user,
                t.pk,
                einddatum=form.cleaned_data["einddatum"],
                reden_wijziging=form.cleaned_data["reden_wijziging"],
                kanaal=Kanaal.UI,
            )
        except ValidationError as exc:
            _fouten(form, exc)
        else:
            messages.success(
                request, _("De nieuwe einddatum is verstuurd (zelfde toewijzingnummer).")
            )
            return redirect("berichten:toewijzing", pk=t.pk)
    return render(
        request,
        "berichten/formulier.html",
        {"form": form, "titel": _("Einddatum wijzigen van toewijzing %(nr)s") % {"nr": t.nummer}},
    )


@login_required
def taakgericht_start(request):
    _require(request.user, AANBIEDER)
    form = TaakgerichtStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            r = services.meld_start_taakgericht(
                request.user,
                bsn=d["bsn"],
                achternaam=d["achternaam"],
                voorvoegsel=d["voorvoegsel"],
                voorletters=d["voorletters"],
                geboortedatum=d["geboortedatum"],
                geslacht=d["geslacht"],
                product_categorie=d["product_categorie"],
                begindatum=d["begindatum"],
            )
        except ValidationError as exc:
            _fouten(form, exc)
        else:
            _retour_melding(request, r, _("Het startbericht (WMO305)"))
            return redirect("berichten:toewijzingen")
    return render(
        request,
        "berichten/formulier.html",
        {
            "form": form,
            "titel": _("Start melden zonder toewijzing (taakgericht)"),
            "uitleg": _(
                "Bij taakgerichte financiering is er geen toewijzing per cliënt. U meldt de start "
                "en stop wel, zodat de gemeente ziet wie ondersteuning krijgt. Vul de gegevens "
                "van de cliënt zelf in; de gemeente controleert ze."
            ),
        },
    )


@login_required
def verzoeken(request):
    _require(request.user, BEIDE)
    qs = selectors.verzoeken_in_scope(request.user)
    pagina = Paginator(qs, 50).get_page(request.GET.get("pagina"))
    selectors.log_overzicht(request.user, pagina, kanaal=Kanaal.UI, object_type="verzoek")
    return render(request, "berichten/verzoeken.html", {"pagina": pagina})


@login_required
def verzoek_nieuw(request):
    _require(request.user, AANBIEDER)
    form = VerzoekForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            r = services.vraag_toewijzing_aan(
                request.user,
                bsn=d["bsn"],
                achternaam=d["achternaam"],
                voorvoegsel=d["voorvoegsel"],
                voorletters=d["voorletters"],
                geboortedatum=d["geboortedatum"],
                geslacht=d["geslacht"],
                product_categorie=d["product_categorie"],
                product_code=d["product_code"].strip(),
                ingangsdatum=d["ingangsdatum"],
                einddatum=d["einddatum"],
                volume=d["volume"],
                eenheid=d["eenheid"],
                frequentie=d["frequentie"],
            )
        except ValidationError as exc:
            _fouten(form, exc)
        else:
            _retour_melding(request, r, _("Het verzoek om toewijzing (WMO315)"))
            return redirect("berichten:verzoeken")
    return render(
        request,
        "berichten/formulier.html",
        {"form": form, "titel": _("Verzoek om toewijzing (WMO315)")},
    )


@login_required
def verzoek(request, pk):
    _require(request.user, BEIDE)
    v = selectors.verzoek(request.user, pk, kanaal=Kanaal.UI)
    form = AntwoordForm(request.POST or None)
    if request.method == "POST":
        _require(request.user, GEMEENTE)
        if form.is_valid():
            try:
                services.beantwoord_verzoek(
                    request.user,
                    v.pk,
                    besluit=form.cleaned_data["besluit"],
                    reden_afwijzing=form.cleaned_data["reden_afwijzing"],
                    kanaal=Kanaal.UI,
                )
            except ValidationError as exc:
                _fouten(form, exc)
            else:
                messages.success(request, _("Het antwoord is verstuurd."))
                return redirect("berichten:verzoeken")
    return render(
        request,
        "berichten/verzoek.html",
        {"v": v, "form": form, "controle": selectors.clientcontrole(request.user, v)},
    )


@login_required
def pgb_nieuw(request):
    _require(request.user, GEMEENTE)
    form = PgbForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        persoon = _persoon(request.user, form)
        if persoon is not None:
            d = form.cleaned_data
            try:
                services.registreer_pgb(
                    request.user,
                    persoon=persoon,
                    product_categorie=d["product_categorie"],
                    product_code=d["product_code"].strip(),
                    ingangsdatum=d["ingangsdatum"],
                    einddatum=d["einddatum"],
                    kanaal=Kanaal.UI,
                )
            except ValidationError as exc:
                _fouten(form, exc)
            else:
                messages.success(request, _("Het pgb is vastgelegd. Een pgb gaat niet via iWmo."))
                return redirect("berichten:toewijzingen")
    return render(
        request,
        "berichten/formulier.html",
        {
            "form": form,
            "titel": _("Pgb vastleggen"),
            "uitleg": _(
                "Een persoonsgebonden budget wordt buiten iWmo betaald. Zorg in natura voor "
                "hetzelfde product mag er niet mee overlappen (OP043)."
            ),
        },
    )


@login_required
def sturing(request):
    _require(request.user, STURING)
    try:
        pagina = max(1, int(request.GET.get("pagina") or 1))
    except ValueError:
        pagina = 1
    return render(
        request,
        "berichten/sturing.html",
        {
            "s": selectors.sturingsinformatie(request.user, pagina=pagina),
            "vandaag": timezone.localdate(),
        },
    )
