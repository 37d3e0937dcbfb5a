"""Screens of the kwaliteit app. Thin: forms check formats, services decide."""

from django import forms as djforms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol as R
from openwmo.privacy.services import Kanaal
from openwmo.web import require_rol as _require
from openwmo.web import verwerk_formulier as _verwerk

from . import forms, selectors, services
from .models import Stapsoort

UI = Kanaal.UI
KLACHT_ROLLEN = {R.INWONER, R.VRIJWILLIGER, R.SOCIAAL_WERKER, R.ZORGAANBIEDER, R.TOEZICHTHOUDER}
INDIENERS = services.INDIENERS
BEHANDELAARS = {R.ZORGAANBIEDER, R.TOEZICHTHOUDER}
CALAMITEIT_ROLLEN = {R.ZORGAANBIEDER, R.TOEZICHTHOUDER}
KADER_ROLLEN = {R.ZORGAANBIEDER, R.TOEZICHTHOUDER, R.BELEIDSMAKER}
CONTRACT_ROLLEN = {R.BELEIDSMAKER, R.TOEZICHTHOUDER}
GESPREK_ROLLEN = {R.BELEIDSMAKER, R.TOEZICHTHOUDER, R.ZORGAANBIEDER}
BELEID = {R.BELEIDSMAKER}


def _formulier(request, form, *, titel, knop, terug=None, intro=""):
    context = {"form": form, "titel": titel, "knop": knop, "terug": terug, "intro": intro}
    return render(request, "kwaliteit/formulier.html", context)


# --- complaints -------------------------------------------------------------------------


@login_required
def klachten(request):
    user = request.user
    _require(user, KLACHT_ROLLEN)
    context = {
        "klachten": [(k, selectors.huidige_stap(k)) for k in selectors.klachten(user, kanaal=UI)],
        "mag_indienen": user.rol in INDIENERS,
        "vandaag": timezone.localdate(),
    }
    if user.rol == R.TOEZICHTHOUDER:
        vandaag = timezone.localdate()
        context["telling"] = selectors.klachten_telling(
            vandaag.replace(month=1, day=1), vandaag.replace(year=vandaag.year + 1, month=1, day=1)
        )
    return render(request, "kwaliteit/klachten.html", context)


@login_required
def klacht_nieuw(request):
    user = request.user
    _require(user, INDIENERS)
    form = forms.KlachtForm(request.POST or None, namens_inwoner=user.rol != R.INWONER)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.dien_klacht_in(
            user,
            thema=d["thema"],
            omschrijving=d["omschrijving"],
            aanbieder_id=d["aanbieder"],
            namens=d["namens"],
            klachtadviseur=d["klachtadviseur"],
            bsn=d.get("bsn", ""),
            geboortedatum=d.get("geboortedatum"),
            kanaal=UI,
        ),
        gelukt=_("De klacht is ingediend. De eerste stap is gestart."),
        naar=lambda k: reverse("kwaliteit:klacht", args=[k.pk]),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Klacht indienen"),
        knop=_("Klacht indienen"),
        terug=reverse("kwaliteit:klachten"),
        intro=_(
            "Eerst praat u met de medewerker, daarna met de leidinggevende, de "
            "klachtenfunctionaris van de aanbieder en tot slot de onafhankelijke "
            "klachtencommissie. U kiest zelf of u een stap verder gaat."
        ),
    )


@login_required
def klacht(request, pk: int):
    user = request.user
    _require(user, KLACHT_ROLLEN)
    k = selectors.klacht(user, pk, kanaal=UI)
    stap = selectors.huidige_stap(k)
    open_ = k.afgesloten_op is None
    context = {
        "klacht": k,
        "stap": stap,
        "vandaag": timezone.localdate(),
        "kan_uitkomst": open_
        and stap.uitkomst_op is None
        and (
            user.rol == R.TOEZICHTHOUDER
            or (user.rol == R.ZORGAANBIEDER and stap.soort != Stapsoort.KLACHTENCOMMISSIE)
        ),
        "kan_reageren": open_
        and user.rol == R.INWONER
        and (stap.uitkomst_op is not None or stap.termijn < timezone.localdate()),
        "kan_verdagen": open_
        and user.rol == R.TOEZICHTHOUDER
        and stap.soort == Stapsoort.GEMEENTE
        and not stap.verdaagd
        and stap.uitkomst_op is None,
    }
    return render(request, "kwaliteit/klacht.html", context)


def _naar_klacht(pk):
    return reverse("kwaliteit:klacht", args=[pk])


@login_required
def klacht_uitkomst(request, pk: int):
    user = request.user
    _require(user, BEHANDELAARS)
    k = selectors.klacht(user, pk, kanaal=UI)
    form = forms.UitkomstForm(request.POST or None)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.leg_uitkomst_vast(user, k.pk, uitkomst=d["uitkomst"], kanaal=UI),
        gelukt=_("De uitkomst is vastgelegd en de inwoner is geïnformeerd."),
        naar=_naar_klacht(k.pk),
    )
    stap = selectors.huidige_stap(k)
    return antwoord or _formulier(
        request,
        form,
        titel=_("Uitkomst vastleggen: %(s)s") % {"s": stap.get_soort_display()},
        knop=_("Uitkomst vastleggen"),
        terug=_naar_klacht(k.pk),
    )


@login_required
def klacht_reactie(request, pk: int):
    user = request.user
    _require(user, {R.INWONER})
    k = selectors.klacht(user, pk, kanaal=UI)
    stap = selectors.huidige_stap(k)
    form = forms.ReactieForm(request.POST or None, volgende=services.volgende_stap(k, stap.soort))
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.reageer_op_klacht(
            user, k.pk, reactie=d["reactie"], tevreden=d["tevreden"], naar=d["naar"], kanaal=UI
        ),
        gelukt=_("Uw reactie is verwerkt."),
        naar=_naar_klacht(k.pk),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Reageren op de uitkomst"),
        knop=_("Reactie versturen"),
        terug=_naar_klacht(k.pk),
    )


@login_required
def klacht_verdagen(request, pk: int):
    user = request.user
    _require(user, {R.TOEZICHTHOUDER})
    k = selectors.klacht(user, pk, kanaal=UI)
    form = forms.VerdagingForm(request.POST or None)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.verdaag_klacht(user, k.pk, reden=d["reden"], kanaal=UI),
        gelukt=_("De termijn is met vier weken verlengd; de inwoner is geïnformeerd."),
        naar=_naar_klacht(k.pk),
    )
    return antwoord or _formulier(
        request, form, titel=_("Termijn verdagen"), knop=_("Verdagen"), terug=_naar_klacht(k.pk)
    )


# --- calamities ------------------------------------------------------------------------


@login_required
def calamiteiten(request):
    _require(request.user, CALAMITEIT_ROLLEN)
    return render(
        request,
        "kwaliteit/calamiteiten.html",
        {
            "calamiteiten": selectors.calamiteiten(request.user),
            "vandaag": timezone.localdate(),
        },
    )


@login_required
def calamiteit_nieuw(request):
    user = request.user
    _require(user, {R.ZORGAANBIEDER})
    form = forms.CalamiteitForm(request.POST or None)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.meld_calamiteit(user, **d),
        gelukt=_("De melding is bij de toezichthouder binnen."),
        naar=lambda c: reverse("kwaliteit:calamiteit", args=[c.pk]),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Calamiteit of geweld melden"),
        knop=_("Melden"),
        terug=reverse("kwaliteit:calamiteiten"),
        intro=_("Meld direct, uiterlijk binnen drie werkdagen (Wmo 2015 artikel 3.4)."),
    )


@login_required
def calamiteit(request, pk: int):
    _require(request.user, CALAMITEIT_ROLLEN)
    c = selectors.calamiteit(request.user, pk)
    return render(
        request,
        "kwaliteit/calamiteit.html",
        {"c": c, "vandaag": timezone.localdate(), "afgesloten": selectors.afgesloten(c)},
    )


@login_required
def calamiteit_verloop(request, pk: int):
    user = request.user
    _require(user, {R.TOEZICHTHOUDER})
    c = selectors.calamiteit(user, pk)
    form = forms.VerloopForm(request.POST or None)
    naar = reverse("kwaliteit:calamiteit", args=[c.pk])
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.registreer_calamiteitverloop(user, c.pk, **d),
        gelukt=_("Vastgelegd."),
        naar=naar,
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Onderzoek en maatregelen vastleggen"),
        knop=_("Vastleggen"),
        terug=naar,
    )


# --- quality framework --------------------------------------------------------------------


@login_required
def kader(request):
    _require(request.user, KADER_ROLLEN)
    return render(
        request,
        "kwaliteit/kader.html",
        {
            "eisen": selectors.kwaliteitseisen(),
            "zelfevaluaties": selectors.zelfevaluaties(request.user),
            "aanbieder": request.user.rol == R.ZORGAANBIEDER,
        },
    )


@login_required
def zelfevaluatie_nieuw(request):
    user = request.user
    _require(user, {R.ZORGAANBIEDER})
    form = forms.ZelfevaluatieForm(
        request.POST or None, initial={"jaar": timezone.localdate().year}
    )
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.dien_zelfevaluatie_in(
            user, jaar=d["jaar"], antwoorden=form.antwoorden()
        ),
        gelukt=_("De zelfevaluatie is ingediend bij de gemeente."),
        naar=lambda z: reverse("kwaliteit:zelfevaluatie", args=[z.pk]),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Zelfevaluatie kwaliteitskader"),
        knop=_("Indienen"),
        terug=reverse("kwaliteit:kader"),
    )


@login_required
def zelfevaluatie(request, pk: int):
    _require(request.user, KADER_ROLLEN)
    z = selectors.zelfevaluatie(request.user, pk)
    return render(request, "kwaliteit/zelfevaluatie.html", {"z": z})


@login_required
def zelfevaluatie_beoordelen(request, pk: int):
    user = request.user
    _require(user, {R.TOEZICHTHOUDER})
    z = selectors.zelfevaluatie(user, pk)
    form = forms.BeoordelingForm(request.POST or None)
    naar = reverse("kwaliteit:zelfevaluatie", args=[z.pk])
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.beoordeel_zelfevaluatie(
            user,
            z.pk,
            oordeel=d["oordeel"],
            toelichting=d["toelichting"],
            bevindingen=form.bevindingen(),
        ),
        gelukt=_("De beoordeling is vastgelegd."),
        naar=naar,
    )
    return antwoord or _formulier(
        request, form, titel=_("Zelfevaluatie beoordelen"), knop=_("Beoordelen"), terug=naar
    )


@login_required
def verbeteractie_gereed(request, pk: int):
    user = request.user
    _require(user, {R.ZORGAANBIEDER})
    actie = selectors.verbeteractie(user, pk)
    form = djforms.Form(request.POST or None)
    naar = reverse("kwaliteit:zelfevaluatie", args=[actie.zelfevaluatie_id])
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.meld_verbeteractie_gereed(user, actie.pk),
        gelukt=_("De verbeteractie is gereed gemeld."),
        naar=naar,
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Verbeteractie gereed melden"),
        knop=_("Gereed melden"),
        terug=naar,
        intro=actie.actie,
    )


# --- contracts and contract management ---------------------------------------------------


@login_required
def contracten(request):
    _require(request.user, CONTRACT_ROLLEN)
    vandaag = timezone.localdate()
    return render(
        request,
        "kwaliteit/contracten.html",
        {
            "overeenkomsten": selectors.basisovereenkomsten(),
            "kleine_partijen": selectors.kleine_partijen_rapport(vandaag.year),
            "inactief": selectors.signalering_inactief(vandaag),
            "beleid": request.user.rol == R.BELEIDSMAKER,
        },
    )


@login_required
def partij_nieuw(request):
    user = request.user
    _require(user, BELEID)
    form = forms.PartijForm(request.POST or None)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.voeg_partij_toe(
            user,
            d["deelovereenkomst"],
            aanbieder_id=d["aanbieder"],
            rol=d["rol"],
            ingangsdatum=d["ingangsdatum"],
            einddatum=d["einddatum"],
            hoofdaannemer_id=d["hoofdaannemer"],
            kleine_partij=d["kleine_partij"],
            unieke_ondersteuning=d["unieke_ondersteuning"],
        ),
        gelukt=_("De contractpartij is toegevoegd."),
        naar=reverse("kwaliteit:contracten"),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Contractpartij toevoegen"),
        knop=_("Toevoegen"),
        terug=reverse("kwaliteit:contracten"),
        intro=_(
            "Een partij mag niet hoofdaannemer zijn in zowel de basisondersteuning als de "
            "aanvullende ondersteuning; onderaannemer in beide kan wel."
        ),
    )


@login_required
def kwartaalgesprekken(request):
    _require(request.user, GESPREK_ROLLEN)
    return render(
        request,
        "kwaliteit/kwartaalgesprekken.html",
        {
            "gesprekken": selectors.kwartaalgesprekken_in_scope(request.user),
            "beleid": request.user.rol == R.BELEIDSMAKER,
        },
    )


@login_required
def kwartaalgesprek_nieuw(request):
    user = request.user
    _require(user, BELEID)
    vandaag = timezone.localdate()
    form = forms.KwartaalgesprekForm(
        request.POST or None,
        initial={"jaar": vandaag.year, "kwartaal": (vandaag.month - 1) // 3 + 1},
    )
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.genereer_kwartaalgesprek(
            user, aanbieder_id=d["aanbieder"], jaar=d["jaar"], kwartaal=d["kwartaal"]
        ),
        gelukt=_("Het kwartaalgesprek is voorbereid met de cijfers uit de sturing."),
        naar=lambda g: reverse("kwaliteit:kwartaalgesprek", args=[g.pk]),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Kwartaalgesprek voorbereiden"),
        knop=_("Cijfers ophalen"),
        terug=reverse("kwaliteit:kwartaalgesprekken"),
    )


@login_required
def kwartaalgesprek(request, pk: int):
    user = request.user
    _require(user, GESPREK_ROLLEN)
    gesprek = selectors.kwartaalgesprekken_in_scope(user).filter(pk=pk).first()
    if gesprek is None:
        raise Http404
    form = None
    if user.rol == R.BELEIDSMAKER:
        form = forms.VerslagForm(request.POST or None, initial={"notities": gesprek.notities})
        antwoord = _verwerk(
            request,
            form,
            lambda d: services.bewaar_gespreksverslag(user, gesprek.pk, **d),
            gelukt=_("Het verslag is bewaard."),
            naar=reverse("kwaliteit:kwartaalgesprek", args=[gesprek.pk]),
        )
        if antwoord:
            return antwoord
    elif request.method == "POST":
        raise PermissionDenied
    return render(request, "kwaliteit/kwartaalgesprek.html", {"gesprek": gesprek, "form": form})


# --- consultation --------------------------------------------------------------------------


@login_required
def overleggen(request):
    _require(request.user, BELEID)
    return render(request, "kwaliteit/overleggen.html", {"overleggen": selectors.overleggen()})


@login_required
def overleg_nieuw(request):
    user = request.user
    _require(user, BELEID)
    form = forms.OverlegForm(request.POST or None)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.plan_overleg(
            user,
            titel=d["titel"],
            niveau=d["niveau"],
            datum=d["datum"],
            perceel_code=d["perceel"],
            deelnemer_ids=d["deelnemers"],
            agenda=form.agendapunten(),
        ),
        gelukt=_("Het overleg is gepland."),
        naar=lambda o: reverse("kwaliteit:overleg", args=[o.pk]),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Overleg plannen"),
        knop=_("Plannen"),
        terug=reverse("kwaliteit:overleggen"),
    )


@login_required
def overleg(request, pk: int):
    _require(request.user, BELEID)
    o = selectors.overleggen().filter(pk=pk).first()
    if o is None:
        raise Http404
    return render(request, "kwaliteit/overleg.html", {"overleg": o})


@login_required
def overleg_uitkomst(request, pk: int):
    user = request.user
    _require(user, BELEID)
    punt = selectors.agendapunt(pk)
    form = forms.OverleguitkomstForm(request.POST or None)
    naar = reverse("kwaliteit:overleg", args=[punt.overleg_id])
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.leg_overleguitkomst_vast(user, punt.pk, **d),
        gelukt=_("Vastgelegd."),
        naar=naar,
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("Besluit of actie bij: %(o)s") % {"o": punt.onderwerp},
        knop=_("Vastleggen"),
        terug=naar,
    )


@login_required
def verlengen(request, pk: int):
    user = request.user
    _require(user, BELEID)
    basis = next((b for b in selectors.basisovereenkomsten() if b.pk == pk), None)
    if basis is None:
        raise Http404
    form = forms.VerlengingForm(request.POST or None)
    antwoord = _verwerk(
        request,
        form,
        lambda d: services.verleng(user, basis.pk, **d),
        gelukt=_("De overeenkomst is verlengd."),
        naar=reverse("kwaliteit:contracten"),
    )
    return antwoord or _formulier(
        request,
        form,
        titel=_("%(n)s verlengen") % {"n": basis.naam},
        knop=_("Verlengen"),
        terug=reverse("kwaliteit:contracten"),
        intro=_("Nu geldig tot en met %(d)s; %(n)d van %(m)d verlengingen gebruikt.")
        % {
            "d": basis.geldig_tot.strftime("%d-%m-%Y"),
            "n": len(basis.verlengingen.all()),
            "m": basis.max_verlengingen,
        },
    )
