"""Screens of the aanbod app. Thin: forms check formats, services decide."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from openwmo.accounts.models import Rol
from openwmo.inwoners.selectors import personen_in_scope
from openwmo.privacy.services import Kanaal
from openwmo.web import fouten_op_formulier as _fouten_op_formulier
from openwmo.web import require_rol as _require

from . import forms, selectors, services
from .models import Dienst, MatchStatus

UI = Kanaal.UI


def _uitvoeren(form, uitvoeren):
    """Run a service on valid data; its ValidationError lands on the form."""
    if not form.is_valid():
        return None
    try:
        return uitvoeren(form.cleaned_data) or True
    except ValidationError as exc:
        _fouten_op_formulier(form, exc)
        return None


# --- sociale kaart -----------------------------------------------------------------------


@login_required
@require_http_methods(["GET"])
def kaart(request):
    _require(request.user, selectors.STAFF_ROLLEN)
    form = forms.ZoekForm(request.GET or None)
    uitkomst = None
    if request.GET:

        def zoek(d):
            return selectors.zoek_activiteiten(
                request.user,
                domein=d["domein"],
                wijk_id=d["wijk"],
                weekdag=d["weekdag"],
                postcode=d["postcode"],
                max_km=float(d["max_km"]) if d["max_km"] else None,
                tekst=d["tekst"],
            )

        uitkomst = _uitvoeren(form, zoek)
    return render(
        request,
        "aanbod/kaart.html",
        {
            "form": form,
            "uitkomst": uitkomst,
            "grens_km": selectors.afstandsgrens_km(),
            "mag_aanbieden": selectors.mag_aanbieden(request.user),
            "beoordelaar": request.user.rol in selectors.BEOORDELAAR_ROLLEN,
        },
    )


@login_required
@require_http_methods(["GET"])
def activiteit(request, pk):
    obj = selectors.activiteit_voor(request.user, pk)
    return render(
        request,
        "aanbod/activiteit.html",
        {
            "activiteit": obj,
            "mag_bewerken": selectors.mag_bewerken(request.user, obj),
            "beoordelaar": request.user.rol in selectors.BEOORDELAAR_ROLLEN,
        },
    )


def _gegevens(d) -> services.ActiviteitGegevens:
    return services.ActiviteitGegevens(
        titel=d["titel"],
        soort=d["soort"],
        omschrijving=d["omschrijving"],
        doelgroep=d["doelgroep"],
        domeinen=d["domeinen"],
        weekdagen=d["weekdagen"],
        van=d["van"],
        tot=d["tot"],
        buurtkamer_id=d["buurtkamer"],
        wijk_id=d["wijk"],
        locatie=d["locatie"],
        postcode=d["postcode"],
        kosten=d["kosten"],
        kosten_toelichting=d["kosten_toelichting"],
        aanmelding=d["aanmelding"],
        contact=d["contact"],
        respijt=d["respijt"],
    )


@login_required
@require_http_methods(["GET", "POST"])
def activiteit_nieuw(request):
    if not selectors.mag_aanbieden(request.user):
        raise PermissionDenied
    form = forms.ActiviteitForm(request.POST or None)
    if request.method == "POST":
        nieuw = _uitvoeren(form, lambda d: services.dien_activiteit_in(request.user, _gegevens(d)))
        if nieuw:
            messages.success(request, _("Het aanbod is ingediend; de gemeente beoordeelt het."))
            return redirect("aanbod:activiteit", nieuw.pk)
    return render(
        request,
        "aanbod/formulier.html",
        {"form": form, "titel": _("Aanbod toevoegen aan de sociale kaart"), "knop": _("Indienen")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def activiteit_wijzigen(request, pk):
    obj = selectors.activiteit_voor(request.user, pk)
    if not selectors.mag_bewerken(request.user, obj):
        raise PermissionDenied
    form = forms.ActiviteitForm(request.POST or None, initial=forms.ActiviteitForm.initial_van(obj))
    if request.method == "POST":
        if _uitvoeren(
            form, lambda d: services.wijzig_activiteit(request.user, obj.pk, _gegevens(d))
        ):
            messages.success(request, _("De wijziging is opgeslagen en gaat naar de gemeente."))
            return redirect("aanbod:activiteit", obj.pk)
    return render(
        request,
        "aanbod/formulier.html",
        {
            "form": form,
            "titel": _("Aanbod wijzigen: %(t)s") % {"t": obj.titel},
            "knop": _("Opslaan"),
        },
    )


@login_required
@require_http_methods(["GET"])
def mijn_aanbod(request):
    if not selectors.mag_aanbieden(request.user):
        raise PermissionDenied
    return render(
        request,
        "aanbod/mijn_aanbod.html",
        {"activiteiten": selectors.eigen_activiteiten(request.user)},
    )


@login_required
@require_http_methods(["GET"])
def beoordelen(request):
    return render(
        request, "aanbod/beoordelen.html", {"activiteiten": selectors.te_beoordelen(request.user)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def activiteit_beoordelen(request, pk):
    _require(request.user, selectors.BEOORDELAAR_ROLLEN)
    obj = selectors.activiteit_voor(request.user, pk)
    form = forms.BeoordelingForm(request.POST or None)
    if request.method == "POST" and _uitvoeren(
        form,
        lambda d: services.beoordeel_activiteit(
            request.user, obj.pk, oordeel=d["oordeel"], toelichting=d["toelichting"]
        ),
    ):
        messages.success(request, _("Het oordeel is vastgelegd."))
        return redirect("aanbod:beoordelen")
    return render(
        request,
        "aanbod/formulier.html",
        {
            "form": form,
            "titel": _("Beoordelen: %(t)s") % {"t": obj.titel},
            "knop": _("Oordeel vastleggen"),
            "activiteit": obj,
        },
    )


# --- volunteers --------------------------------------------------------------------------

PROFIEL_ROLLEN = {Rol.SOCIAAL_WERKER, Rol.VRIJWILLIGER}


@login_required
@require_http_methods(["GET"])
def vrijwilligers(request):
    _require(request.user, PROFIEL_ROLLEN)
    return render(
        request,
        "aanbod/vrijwilligers.html",
        {
            "profielen": list(selectors.profielen_in_scope(request.user)[:200]),
            "eigen": selectors.eigen_profiel(request.user),
        },
    )


@login_required
@require_http_methods(["GET"])
def vrijwilliger(request, pk):
    _require(request.user, PROFIEL_ROLLEN)
    profiel = selectors.profiel_voor(request.user, pk)
    mag_wijzigen = request.user.rol == Rol.VRIJWILLIGER
    return render(
        request,
        "aanbod/vrijwilliger.html",
        {
            "profiel": profiel,
            "mag_wijzigen": mag_wijzigen,
            "vog_geldig": selectors.vog_geldig(profiel.vog_datum),
            "matches": list(selectors.matches_in_scope(request.user).filter(profiel=profiel)),
        },
    )


def _profiel_initial(profiel) -> dict:
    if profiel is None:
        return {"actief": True, "max_matches": 2}
    return {
        "wijk": profiel.wijk_id,
        "postcode": profiel.postcode,
        "domeinen": [d.domein for d in profiel.domeinen.all()],
        "vaardigheden": profiel.vaardigheden,
        "beschikbaarheid": [f"{b.weekdag}-{b.dagdeel}" for b in profiel.beschikbaarheid.all()],
        "max_matches": profiel.max_matches,
        "actief": profiel.actief,
        "vog_datum": profiel.vog_datum,
    }


@login_required
@require_http_methods(["GET", "POST"])
def profiel_bewerken(request, pk=None):
    _require(request.user, {Rol.VRIJWILLIGER})
    if pk is None:
        profiel = selectors.eigen_profiel(request.user)
    else:
        profiel = selectors.profiel_voor(request.user, pk)
    coordinator = selectors.is_coordinator(request.user)
    form = forms.ProfielForm(
        request.POST or None, initial=_profiel_initial(profiel), coordinator=coordinator
    )
    if request.method == "POST":
        opgeslagen = _uitvoeren(
            form,
            lambda d: services.sla_profiel_op(
                request.user,
                services.ProfielGegevens(
                    wijk_id=d["wijk"],
                    postcode=d["postcode"],
                    domeinen=d["domeinen"],
                    beschikbaarheid=d["beschikbaarheid"],
                    vaardigheden=d["vaardigheden"],
                    vog_datum=d.get("vog_datum", profiel.vog_datum if profiel else None),
                    max_matches=d["max_matches"],
                    actief=d["actief"],
                ),
                profiel_id=pk,
            ),
        )
        if opgeslagen:
            messages.success(request, _("Het profiel is opgeslagen."))
            return redirect("aanbod:vrijwilliger", opgeslagen.pk)
    titel = (
        _("Mijn vrijwilligersprofiel") if pk is None else _("Profiel van %(n)s") % {"n": profiel}
    )
    return render(
        request, "aanbod/formulier.html", {"form": form, "titel": titel, "knop": _("Opslaan")}
    )


@login_required
@require_http_methods(["GET", "POST"])
def matcher(request, persoon):
    """Find a volunteer for a resident's need, and propose one."""
    _require(request.user, selectors.MATCH_ROLLEN)
    inwoner = personen_in_scope(request.user).filter(pk=persoon).first()
    if inwoner is None:
        raise Http404
    data = request.POST if request.method == "POST" else (request.GET or None)
    form = forms.MatcherForm(data)
    voorstel = forms.VoorstelForm(request.POST or None)
    uitkomst = None
    if data is not None and form.is_valid():
        d = form.cleaned_data
        try:
            uitkomst = selectors.kandidaten(
                request.user,
                persoon_id=inwoner.pk,
                domein=d["domein"],
                hulpvraag=d["hulpvraag"],
                weekdagen=d["weekdagen"],
            )
        except ValidationError as exc:
            _fouten_op_formulier(form, exc)
    if request.method == "POST" and uitkomst is not None and voorstel.is_valid():
        try:
            profiel_id = int(request.POST.get("profiel", ""))
        except ValueError:
            profiel_id = 0
        try:
            match = services.stel_match_voor(
                request.user,
                persoon_id=inwoner.pk,
                profiel_id=profiel_id,
                domein=form.cleaned_data["domein"],
                hulpvraag=form.cleaned_data["hulpvraag"],
                contactafspraak=voorstel.cleaned_data["contactafspraak"],
                weekdagen=form.cleaned_data["weekdagen"],
                kanaal=UI,
            )
        except ValidationError as exc:
            _fouten_op_formulier(voorstel, exc)
        else:
            messages.success(request, _("De vrijwilliger is voorgesteld."))
            return redirect("aanbod:match", match.pk)
    return render(
        request,
        "aanbod/matcher.html",
        {
            "inwoner": inwoner,
            "voornaam": selectors.voornaam(inwoner),
            "form": form,
            "voorstel": voorstel,
            "uitkomst": uitkomst,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def match(request, pk):
    beeld = selectors.match_voor(request.user, pk, kanaal=UI)
    status_form = forms.MatchStatusForm(request.POST or None)
    inzet_form = forms.InzetForm(
        request.POST if request.POST.get("actie") == "uren" else None,
        initial={"datum": timezone.localdate()},
    )
    if request.method == "POST":
        actie = request.POST.get("actie")
        if actie == "uren":
            gelukt = _uitvoeren(
                inzet_form,
                lambda d: services.registreer_inzet(
                    request.user,
                    pk,
                    datum=d["datum"],
                    uren=d["uren"],
                    omschrijving=d["omschrijving"],
                ),
            )
            tekst = _("De uren zijn geschreven.")
        elif actie in (MatchStatus.GESTART, MatchStatus.BEEINDIGD):
            gelukt = _uitvoeren(
                status_form,
                lambda d: services.wijzig_match(
                    request.user,
                    pk,
                    status=actie,
                    reden=d["reden"],
                    toelichting=d["toelichting"],
                    kanaal=UI,
                ),
            )
            tekst = _("De status van de match is bijgewerkt.")
        else:
            gelukt = False
            status_form.add_error(None, _("Kies een actie."))
        if gelukt:
            messages.success(request, tekst)
            return redirect("aanbod:match", pk)
    m = beeld.match
    return render(
        request,
        "aanbod/match.html",
        {
            "beeld": beeld,
            "match": m,
            "gebeurtenissen": list(m.gebeurtenissen.all()),
            "inzet": list(m.inzet.all()),
            "totaal_uren": sum(i.uren for i in m.inzet.all()),
            "status_form": status_form,
            "inzet_form": inzet_form,
            "mag_status": request.user.rol in (Rol.SOCIAAL_WERKER, Rol.VRIJWILLIGER)
            and m.status != MatchStatus.BEEINDIGD,
            "mag_uren": m.profiel.user_id == request.user.pk and m.status == MatchStatus.GESTART,
        },
    )


@login_required
@require_http_methods(["GET"])
def matches(request):
    _require(request.user, selectors.MATCH_LEZERS)
    return render(
        request, "aanbod/matches.html", {"matches": selectors.matches_lijst(request.user)}
    )


# --- buurtkamers -------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def buurtkamer(request, pk):
    kamer = selectors.buurtkamers_in_scope(request.user).filter(pk=pk).first()
    if kamer is None:
        raise Http404
    beheer = selectors.mag_rooster_beheren(request.user, kamer)
    actie = request.POST.get("actie") if request.method == "POST" else None
    minimum_form = forms.MinimumForm(
        request.POST if actie == "minimum" else None,
        initial={"minimum": getattr(getattr(kamer, "bezetting", None), "minimum", 2)},
        prefix="min",
    )
    dienst_form = forms.DienstForm(request.POST if actie == "dienst" else None, prefix="dienst")
    bezoek_form = forms.BezoekForm(
        request.POST if actie == "bezoek" else None,
        initial={"datum": timezone.localdate(), "aantal": 1},
        prefix="bezoek",
    )
    if actie:
        user = request.user
        if actie == "minimum":
            gelukt = _uitvoeren(
                minimum_form, lambda d: services.stel_minimum_in(user, kamer.pk, d["minimum"])
            )
        elif actie == "dienst":
            gelukt = _uitvoeren(
                dienst_form, lambda d: services.voeg_dienst_toe(user, kamer.pk, **d)
            )
        elif actie == "verwijder":
            try:
                services.verwijder_dienst(user, int(request.POST.get("dienst", "0")))
                gelukt = True
            except (ValueError, ValidationError):
                gelukt = False
                messages.error(request, _("Deze dienst kon niet worden verwijderd."))
        elif actie == "bezoek":
            gelukt = _uitvoeren(
                bezoek_form,
                lambda d: services.registreer_bezoek(
                    user, kamer.pk, datum=d["datum"], aantal=d["aantal"], melding_id=d["melding"]
                ),
            )
        else:
            gelukt = False
        if gelukt:
            messages.success(request, _("Opgeslagen."))
            return redirect("aanbod:buurtkamer", kamer.pk)
    kamer = selectors.buurtkamers_in_scope(request.user).prefetch_related("diensten").get(pk=pk)
    return render(
        request,
        "aanbod/buurtkamer.html",
        {
            "kamer": kamer,
            "rooster": selectors.rooster(kamer),
            "beheer": beheer,
            "minimum_form": minimum_form,
            "dienst_form": dienst_form,
            "bezoek_form": bezoek_form,
            "bezoeken": selectors.recente_bezoeken(kamer),
            "diensten": list(kamer.diensten.all()),
            "soorten": Dienst.Soort,
        },
    )


@login_required
@require_http_methods(["GET"])
def buurtkamers(request):
    kamers = list(selectors.buurtkamers_in_scope(request.user))
    return render(
        request,
        "aanbod/buurtkamers.html",
        {
            "kamers": kamers,
            "signalen": selectors.bezettingssignalen([k.wijk_id for k in kamers]),
        },
    )


@login_required
@require_http_methods(["GET"])
def sturing(request):
    _require(request.user, {Rol.BELEIDSMAKER, Rol.WMO_CONSULENT})
    return render(request, "aanbod/sturing.html", {"rijen": selectors.gebruik_per_wijk()})


# --- carers (mantelzorgers) --------------------------------------------------------------


@login_required
@require_http_methods(["GET"])
def mantelzorgers(request):
    rijen = list(selectors.mantelzorgers_in_scope(request.user).prefetch_related("checks")[:200])
    return render(request, "aanbod/mantelzorgers.html", {"mantelzorgers": rijen})


@login_required
@require_http_methods(["GET", "POST"])
def mantelzorger_nieuw(request, persoon):
    _require(request.user, selectors.MANTELZORG_ROLLEN)
    inwoner = personen_in_scope(request.user).filter(pk=persoon).first()
    if inwoner is None:
        raise Http404
    form = forms.MantelzorgerForm(request.POST or None, relaties=list(inwoner.relaties.all()))
    if request.method == "POST":
        mz = _uitvoeren(
            form,
            lambda d: services.registreer_mantelzorger(
                request.user,
                persoon_id=inwoner.pk,
                relatie_id=d["relatie"],
                naam=d["naam"],
                telefoon=d["telefoon"],
                postcode=d["postcode"],
                uren_per_week=d["uren_per_week"],
                sinds=d["sinds"],
                kanaal=UI,
            ),
        )
        if mz:
            messages.success(request, _("De mantelzorger is geregistreerd."))
            return redirect("aanbod:mantelzorger", mz.pk)
    return render(
        request,
        "aanbod/formulier.html",
        {
            "form": form,
            "titel": _("Mantelzorger registreren voor %(n)s") % {"n": inwoner.volledige_naam},
            "knop": _("Registreren"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def mantelzorger(request, pk):
    mz = selectors.mantelzorger_voor(request.user, pk, kanaal=UI)
    form = forms.BelastingForm(request.POST or None, vragen=selectors.BELASTINGVRAGEN)
    if request.method == "POST":
        check = _uitvoeren(
            form, lambda d: services.vul_belastingcheck_in(request.user, mz.pk, d, kanaal=UI)
        )
        if check:
            messages.success(
                request,
                _("Belastingcheck opgeslagen: score %(s)s (%(n)s).")
                % {"s": check.score, "n": check.get_niveau_display().lower()},
            )
            return redirect("aanbod:mantelzorger", mz.pk)
    return render(
        request,
        "aanbod/mantelzorger.html",
        {
            "mz": mz,
            "form": form,
            "checks": list(mz.checks.all()),
            "respijt": selectors.respijtopties(request.user, mz),
            "waarderingen": list(mz.waarderingen.select_related("activiteit")),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def waardering(request):
    _require(request.user, selectors.MANTELZORG_ROLLEN)
    try:
        jaar = int(request.POST.get("jaar") or request.GET.get("jaar") or timezone.localdate().year)
    except ValueError:
        jaar = timezone.localdate().year
    activiteiten = [
        r.activiteit for r in selectors.zoek_activiteiten(request.user, respijt=True).resultaten
    ]
    form = forms.WaarderingForm(
        request.POST or None, initial={"jaar": jaar}, activiteiten=activiteiten
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            aantal = services.nodig_uit_voor_waardering(
                request.user, jaar=d["jaar"], activiteit_id=d["activiteit"]
            )
        except ValidationError as exc:
            _fouten_op_formulier(form, exc)
        else:
            messages.success(request, _("%(n)s mantelzorgers uitgenodigd.") % {"n": aantal})
            return redirect(f"{request.path}?jaar={d['jaar']}")
    return render(
        request,
        "aanbod/waardering.html",
        {
            "form": form,
            "jaar": jaar,
            "lijst": selectors.waarderingslijst(request.user, jaar, kanaal=UI),
        },
    )
