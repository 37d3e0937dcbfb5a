"""Screens of the toegang app. Thin: forms check formats, services decide."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from openwmo.accounts.beveiliging import client_ip
from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import DOSSIER_ROLLEN
from openwmo.privacy.services import Kanaal
from openwmo.web import fouten_op_formulier as _fouten_op_formulier
from openwmo.web import require_rol as _require
from openwmo.web import verwerk_formulier as _verwerk

from . import forms, selectors, services
from .models import Ondersteuning, Route, Status, Termijn

UI = Kanaal.UI
MELDER_ROLLEN = services.MELDER_ROLLEN
WERKVOORRAAD_ROLLEN = MELDER_ROLLEN | {Rol.ZORGAANBIEDER, Rol.INWONER}
ONLINE_MAX = 5  # public form: at most this many submissions per IP address ...
ONLINE_VENSTER = 10 * 60  # ... per 10 minutes


def _formulier(request, form, *, titel, knop, zaak=None, intro="", template=None, **extra):
    context = {"form": form, "titel": titel, "knop": knop, "zaak": zaak, "intro": intro, **extra}
    return render(request, template or "toegang/formulier.html", context)


def _terug(pk):
    return reverse("toegang:melding", args=[pk])


# --- queues -----------------------------------------------------------------------


@login_required
def werkvoorraad(request):
    user = request.user
    _require(user, WERKVOORRAAD_ROLLEN)
    lijsten = list(selectors.LIJSTEN) if user.rol in DOSSIER_ROLLEN else []
    standaard = "mijn" if user.rol == Rol.SOCIAAL_WERKER else "alle"
    lijst = request.GET.get("lijst", standaard)
    if lijst not in selectors.LIJSTEN:
        lijst = standaard
    context = {
        "lijst": lijst,
        "lijsten": [(k, selectors.LIJSTEN[k]) for k in lijsten],
        "regels": selectors.werklijst(user, lijst, kanaal=UI),
        "toon": selectors.velden_voor(user),
    }
    if user.rol in DOSSIER_ROLLEN:
        context["signalen"] = selectors.open_signalen(user)
        context["online"] = list(selectors.online_meldingen_in_scope(user)[:50])
    return render(request, "toegang/werkvoorraad.html", context)


# --- melding ----------------------------------------------------------------------


@login_required
def melding_nieuw(request):
    _require(request.user, MELDER_ROLLEN)
    form = forms.MeldingForm(request.POST or None, user=request.user)

    vrijwilliger = request.user.rol == Rol.VRIJWILLIGER

    def uitvoeren(d):
        return services.registreer_melding(
            request.user,
            services.NieuweMelding(
                naam=d.get("naam", ""),
                bsn=d["bsn"],
                geboortedatum=d["geboortedatum"],
                kanaal=d["kanaal"],
                ontvangen_op=d["ontvangen_op"],
                vraag=d["vraag"],
                urgentie=d["urgentie"],
                namens=d["namens"],
                buurtkamer_id=d["buurtkamer"].pk if d["buurtkamer"] else None,
                overdragende_organisatie_id=d["overdragende_organisatie"].pk
                if d["overdragende_organisatie"]
                else None,
                route=d["route"],
                hh_aanbieder_id=d["hh_aanbieder"].pk if d["hh_aanbieder"] else None,
                voorlopige_voorziening=d["voorlopige_voorziening"],
            ),
            kanaal=UI,
        )

    return _verwerk(
        request,
        form,
        uitvoeren,
        # a volunteer gets the same answer whether or not the BSN matches a resident
        gelukt=_("De vraag is doorgegeven aan het sociaal team.")
        if vrijwilliger
        else _("De melding is geregistreerd."),
        naar=lambda m: reverse("toegang:werkvoorraad") if vrijwilliger else _terug(m.pk),
    ) or _formulier(
        request,
        form,
        titel=_("Melding registreren"),
        knop=_("Melding registreren"),
        intro=_(
            "Leg de vraag vast zoals de inwoner hem stelt. Bij hulp bij het huishouden kiest u "
            "de snelle route: de melding gaat dan direct naar de aanbieder."
        ),
    )


@login_required
def melding(request, pk: int):
    _require(request.user, WERKVOORRAAD_ROLLEN)
    zaak = selectors.zaak(request.user, pk, kanaal=UI)
    m = zaak.melding
    user = request.user
    dossier = user.rol in DOSSIER_ROLLEN
    context = {
        "zaak": zaak,
        "m": m,
        "toon": zaak.velden,
        "kan_eerste_contact": user.rol in MELDER_ROLLEN and m.status == Status.NIEUW,
        "kan_onderzoek": dossier and m.route == Route.BREED and m.status in services.ONDERZOEK_OPEN,
        "kan_afronden": dossier and m.status in (Status.IN_ONDERZOEK, Status.WACHT_OP_GESPREK),
        "kan_overdragen": dossier and m.status == Status.ONDERZOEK_AFGEROND and zaak.triages,
        "kan_hh": user.rol == Rol.ZORGAANBIEDER and m.status == Status.BIJ_AANBIEDER,
        "dossier": dossier,
        "is_teamleider": selectors.is_teamleider(user),
    }
    return render(request, "toegang/melding.html", context)


@login_required
def eerste_contact(request, pk: int):
    _require(request.user, MELDER_ROLLEN)
    zaak = selectors.zaak(request.user, pk, kanaal=UI)
    form = forms.UitkomstForm(request.POST or None)

    def uitvoeren(d):
        return services.leg_uitkomst_vast(
            request.user,
            pk,
            uitkomst=d["uitkomst"],
            toelichting=d["toelichting"],
            hh_aanbieder_id=d["hh_aanbieder"].pk if d["hh_aanbieder"] else None,
            kanaal=UI,
        )

    return _verwerk(
        request, form, uitvoeren, gelukt=_("De uitkomst is vastgelegd."), naar=_terug(pk)
    ) or _formulier(
        request,
        form,
        titel=_("Uitkomst eerste contact"),
        knop=_("Uitkomst vastleggen"),
        zaak=zaak,
        intro=_(
            "De meeste vragen zijn direct op te lossen met advies, een activiteit, een "
            "vrijwilliger of het eigen netwerk. Is meer nodig, draag de vraag dan over aan een "
            "generalist voor Het gesprek."
        ),
    )


@login_required
def toewijzen(request, pk: int):
    _require(request.user, DOSSIER_ROLLEN)
    zaak = selectors.zaak(request.user, pk, kanaal=UI)
    form = forms.ToewijzenForm(
        request.POST or None,
        melding=zaak.melding,
        user=request.user,
        initial={"behandelaar": request.user.pk},
    )

    def uitvoeren(d):
        return services.wijs_toe(request.user, pk, behandelaar_id=d["behandelaar"].pk, kanaal=UI)

    return _verwerk(
        request, form, uitvoeren, gelukt=_("De melding is toegewezen."), naar=_terug(pk)
    ) or _formulier(request, form, titel=_("Melding toewijzen"), knop=_("Toewijzen"), zaak=zaak)


# --- Het gesprek ------------------------------------------------------------------


@login_required
def onderzoek(request, pk: int):
    _require(request.user, DOSSIER_ROLLEN)
    zaak = selectors.zaak(request.user, pk, kanaal=UI)
    initial = {}
    if zaak.onderzoek is not None:
        o = zaak.onderzoek
        initial = {n: getattr(o, n) for n in services.ONDERZOEK_TEKSTVELDEN}
        initial["clientondersteuning_gemeld_op"] = o.clientondersteuning_gemeld_op
        initial["persoonlijk_plan_op"] = o.persoonlijk_plan_op
        for s in o.scores.all():
            initial[f"score_{s.domein}"] = str(s.score)
            initial[f"reden_{s.domein}"] = s.reden
    form = forms.OnderzoekForm(request.POST or None, initial=initial)

    def uitvoeren(d):
        return services.leg_onderzoek_vast(
            request.user,
            pk,
            kanaal=UI,
            clientondersteuning_gemeld_op=d["clientondersteuning_gemeld_op"],
            persoonlijk_plan_op=d["persoonlijk_plan_op"],
            scores=form.scores(),
            **form.teksten(),
        )

    return _verwerk(
        request, form, uitvoeren, gelukt=_("Het onderzoek is opgeslagen."), naar=_terug(pk)
    ) or _formulier(
        request,
        form,
        titel=_("Het gesprek: onderzoek"),
        knop=_("Onderzoek opslaan"),
        zaak=zaak,
        template="toegang/onderzoek.html",
    )


@login_required
def gesprek_nieuw(request, pk: int):
    _require(request.user, DOSSIER_ROLLEN)
    zaak = selectors.zaak(request.user, pk, kanaal=UI)
    form = forms.GesprekForm(request.POST or None)

    def uitvoeren(d):
        return services.plan_gesprek(
            request.user,
            pk,
            gepland_op=d["gepland_op"],
            locatie=d["locatie"],
            gevoerd=d["gevoerd"],
            notitie=d["notitie"],
            deelnemers=form.deelnemers(),
            kanaal=UI,
        )

    return _verwerk(
        request, form, uitvoeren, gelukt=_("Het gesprek is vastgelegd."), naar=_terug(pk)
    ) or _formulier(
        request,
        form,
        titel=_("Gesprek plannen of vastleggen"),
        knop=_("Gesprek vastleggen"),
        zaak=zaak,
        intro=_(
            "Nodig naast de inwoner uit wie helpt: familie, mantelzorger, een "
            "ervaringsdeskundige, een specialist of een onafhankelijke cliëntondersteuner."
        ),
    )


@login_required
def behoefte_nieuw(request, pk: int):
    _require(request.user, DOSSIER_ROLLEN)
    zaak = selectors.zaak(request.user, pk, kanaal=UI)
    form = forms.BehoefteForm(request.POST or None)

    def uitvoeren(d):
        return services.leg_behoefte_vast(
            request.user,
            pk,
            omschrijving=d["omschrijving"],
            niveau=d["niveau"],
            inzet=d["inzet"],
            afwegingen=form.afwegingen(),
            kanaal=UI,
        )

    return _verwerk(
        request, form, uitvoeren, gelukt=_("De oplossing is vastgelegd."), naar=_terug(pk)
    ) or _formulier(
        request,
        form,
        titel=_("Oplossingsladder: behoefte en oplossing"),
        knop=_("Oplossing vastleggen"),
        zaak=zaak,
        intro=_(
            "Loop de ladder af van licht naar zwaar: eigen kracht, eigen netwerk, sociale basis, "
            "basisondersteuning, aanvullende ondersteuning. Kiest u een zwaardere oplossing, "
            "leg dan per lichtere oplossing uit waarom die niet volstaat."
        ),
    )


@login_required
def triage(request, pk: int):
    _require(request.user, DOSSIER_ROLLEN)
    zaak = selectors.zaak(request.user, pk, kanaal=UI)
    sets = list(selectors.criteriasets())
    gekozen = request.POST.get("criteriaset") or request.GET.get("set")
    criteriaset = next((s for s in sets if str(s.pk) == gekozen), None)
    context = {"zaak": zaak, "sets": sets, "criteriaset": criteriaset}
    if criteriaset is None:
        return render(request, "toegang/triage.html", context)
    form = forms.TriageForm(request.POST or None, criteriaset=criteriaset)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        keuzes = form.keuzes()
        context["advies"] = Ondersteuning(services.advies(keuzes.values()))
        if request.POST.get("stap") == "advies" or not form.cleaned_data["besluit"]:
            if request.POST.get("stap") != "advies":
                form.add_error("besluit", _("Bevestig het advies of kies anders."))
            return render(request, "toegang/triage.html", context)
        try:
            services.trieer(
                request.user,
                pk,
                criteriaset_id=criteriaset.pk,
                keuzes=keuzes,
                besluit=form.cleaned_data["besluit"],
                afwijkingsreden=form.cleaned_data["afwijkingsreden"],
                leveringsvorm=form.cleaned_data["leveringsvorm"],
                toelichting=form.cleaned_data["toelichting"],
                kanaal=UI,
            )
        except ValidationError as exc:
            _fouten_op_formulier(form, exc)
        else:
            messages.success(request, _("De triage is vastgelegd."))
            return redirect(_terug(pk))
    return render(request, "toegang/triage.html", context)


@login_required
def afronden(request, pk: int):
    _require(request.user, DOSSIER_ROLLEN)
    zaak = selectors.zaak(request.user, pk, kanaal=UI)
    form = forms.DatumForm(request.POST or None)
    form.fields["datum"].label = _("Onderzoek afgerond op")

    def uitvoeren(d):
        return services.rond_onderzoek_af(request.user, pk, datum=d["datum"], kanaal=UI)

    return _verwerk(
        request, form, uitvoeren, gelukt=_("Het onderzoek is afgerond."), naar=_terug(pk)
    ) or _formulier(
        request,
        form,
        titel=_("Onderzoek afronden"),
        knop=_("Onderzoek afronden"),
        zaak=zaak,
        intro=_(
            "Na afronden krijgt de inwoner het verslag te zien en kan hij erop reageren. "
            "De onderzoekstermijn van 6 weken stopt."
        ),
    )


@login_required
def overdracht(request, pk: int):
    _require(request.user, DOSSIER_ROLLEN)
    zaak = selectors.zaak(request.user, pk, kanaal=UI)
    form = forms.OverdrachtForm(request.POST or None)

    def uitvoeren(d):
        return services.draag_over(request.user, pk, toelichting=d["toelichting"], kanaal=UI)

    return _verwerk(
        request, form, uitvoeren, gelukt=_("De overdracht is vastgelegd."), naar=_terug(pk)
    ) or _formulier(
        request,
        form,
        titel=_("Overdragen voor het ondersteuningsplan"),
        knop=_("Overdracht vastleggen"),
        zaak=zaak,
        intro=_(
            "De overdracht volgt de triage: basisondersteuning gaat naar het ondersteuningsplan, "
            "aanvullende ondersteuning wordt een verwijzing (met de wens voor ZIN of PGB)."
        ),
    )


@login_required
def termijnen(request, pk: int):
    _require(request.user, DOSSIER_ROLLEN)
    zaak = selectors.zaak(request.user, pk, kanaal=UI)
    post = request.POST if request.method == "POST" else None
    actie = request.POST.get("actie") if post else None
    stap_form = forms.TermijnstapForm(post if actie == "stap" else None, prefix="stap")
    opschort_form = forms.OpschortingForm(post if actie == "opschorten" else None, prefix="ops")
    eind_form = forms.BeeindigForm(post if actie == "beeindigen" else None, prefix="eind")
    ingebreke_form = forms.DatumForm(post if actie == "ingebreke" else None, prefix="ingebreke")
    ingebreke_form.fields["datum"].label = _("Ingebrekestelling ontvangen op")
    gelukt = _("De termijn is bijgewerkt.")
    antwoord = None
    if actie == "stap":
        antwoord = _verwerk(
            request,
            stap_form,
            lambda d: services.leg_termijnstap_vast(
                request.user, pk, stap=d["stap"], datum=d["datum"], kanaal=UI
            ),
            gelukt=gelukt,
            naar=request.path,
        )
    elif actie == "ingebreke":
        antwoord = _verwerk(
            request,
            ingebreke_form,
            lambda d: services.leg_termijnstap_vast(
                request.user, pk, stap="ingebrekestelling", datum=d["datum"], kanaal=UI
            ),
            gelukt=gelukt,
            naar=request.path,
        )
    elif actie == "opschorten":
        antwoord = _verwerk(
            request,
            opschort_form,
            lambda d: services.schort_op(request.user, pk, kanaal=UI, **d),
            gelukt=gelukt,
            naar=request.path,
        )
    elif actie == "beeindigen":
        antwoord = _verwerk(
            request,
            eind_form,
            lambda d: services.beeindig_opschorting(request.user, pk, kanaal=UI, **d),
            gelukt=gelukt,
            naar=request.path,
        )
    if antwoord:
        return antwoord
    m = zaak.melding
    volgende_stap = None
    if not m.aanvraag_op:
        volgende_stap = ("aanvraag", _("Aanvraag ontvangen op"))
    elif not m.besluit_op:
        volgende_stap = ("besluit", _("Besluit genomen op"))
    if volgende_stap and actie != "stap":
        stap_form = forms.TermijnstapForm(prefix="stap", initial={"stap": volgende_stap[0]})
    if volgende_stap:
        stap_form.fields["datum"].label = volgende_stap[1]
    lopend = [o for o in m.opschortingen.all() if o.tot is None]
    if lopend and not (post and actie == "beeindigen"):
        eind_form = forms.BeeindigForm(prefix="eind", initial={"termijn": lopend[0].termijn})
    return render(
        request,
        "toegang/termijnen.html",
        {
            "zaak": zaak,
            "m": m,
            "stap_form": stap_form,
            "volgende_stap": volgende_stap,
            "opschort_form": opschort_form,
            "ingebreke_form": ingebreke_form,
            "eind_form": eind_form if lopend else None,
            "kan_ingebrekestelling": m.aanvraag_op
            and not m.besluit_op
            and not m.ingebrekestelling_op
            and zaak.termijnen.besluit.verlopen,
            "Termijn": Termijn,
        },
    )


# --- verslag ----------------------------------------------------------------------


@login_required
def verslag(request, pk: int):
    _require(request.user, DOSSIER_ROLLEN | {Rol.INWONER})
    zaak = selectors.verslag(request.user, pk, kanaal=UI)
    form = None
    if request.user.rol == Rol.INWONER:
        form = forms.ReactieForm(request.POST or None)
        antwoord = _verwerk(
            request,
            form,
            lambda d: services.reageer_op_verslag(request.user, pk, tekst=d["tekst"], kanaal=UI),
            gelukt=_("Uw reactie is toegevoegd aan het verslag."),
            naar=request.path,
        )
        if antwoord:
            return antwoord
    elif request.method == "POST":
        raise PermissionDenied
    return render(request, "toegang/verslag.html", {"zaak": zaak, "m": zaak.melding, "form": form})


@login_required
@require_http_methods(["GET"])
def verslag_pdf(request, pk: int):
    _require(request.user, DOSSIER_ROLLEN | {Rol.INWONER})
    zaak = selectors.verslag(request.user, pk, kanaal=Kanaal.PDF)
    html = render_to_string(
        "toegang/verslag_pdf.html",
        {"zaak": zaak, "m": zaak.melding, "gemaakt_op": timezone.localtime()},
    )
    import weasyprint  # heavy: only loaded when a PDF is asked for

    response = HttpResponse(
        weasyprint.HTML(string=html).write_pdf(), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="verslag-melding-{pk}.pdf"'
    return response


# --- household help provider ------------------------------------------------------


@login_required
def huishoudelijke_hulp(request, pk: int):
    _require(request.user, {Rol.ZORGAANBIEDER})
    zaak = selectors.zaak(request.user, pk, kanaal=UI)
    if request.method == "POST":
        try:
            services.hh_stap(request.user, pk, stap=request.POST.get("stap", ""), kanaal=UI)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Vastgelegd."))
            return redirect(_terug(pk))
    return render(request, "toegang/huishoudelijke_hulp.html", {"zaak": zaak, "m": zaak.melding})


# --- signalen ---------------------------------------------------------------------


@login_required
def signaal_nieuw(request):
    _require(request.user, DOSSIER_ROLLEN)
    form = forms.SignaalForm(request.POST or None)

    def uitvoeren(d):
        return services.registreer_signaal(request.user, kanaal=UI, **d)

    return _verwerk(
        request,
        form,
        uitvoeren,
        gelukt=_("Het signaal is geregistreerd."),
        naar=lambda s: reverse("toegang:signaal", args=[s.pk]),
    ) or _formulier(
        request,
        form,
        titel=_("Signaal registreren"),
        knop=_("Signaal registreren"),
        intro=_(
            "Een signaal is een zorg over een inwoner die zelf (nog) geen hulp vraagt, van een "
            "professional, buurtgenoot of ketenpartner."
        ),
    )


@login_required
def signaal(request, pk: int):
    _require(request.user, DOSSIER_ROLLEN)
    gevonden = selectors.signaal(request.user, pk, kanaal=UI)
    form = forms.SignaalTriageForm(request.POST or None) if not gevonden.besluit else None
    if form is not None:
        antwoord = _verwerk(
            request,
            form,
            lambda d: services.trieer_signaal(request.user, pk, kanaal=UI, **d),
            gelukt=_("Het signaal is beoordeeld."),
            naar=request.path,
        )
        if antwoord:
            return antwoord
    elif request.method == "POST":
        messages.error(request, _("Dit signaal is al beoordeeld."))
    return render(request, "toegang/signaal.html", {"s": gevonden, "form": form})


# --- online ------------------------------------------------------------------------


def _te_vaak(request) -> bool:
    """A simple limit per client address for the public form, counted in Django's cache.
    Behind the proxy the address is the real client's (accounts.beveiliging.client_ip)."""
    sleutel = f"toegang:online:{client_ip(request)}"
    cache.add(sleutel, 0, timeout=ONLINE_VENSTER)
    try:
        aantal = cache.incr(sleutel)
    except ValueError:  # expired between add and incr
        cache.set(sleutel, 1, timeout=ONLINE_VENSTER)
        aantal = 1
    return aantal > ONLINE_MAX


def online_melden(request):
    """Public form (no log-in in the demo; production puts DigiD in front of it)."""
    form = forms.OnlineForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if _te_vaak(request):
            form = forms.OnlineForm(request.POST)  # bound, also for an empty POST
            form.is_valid()
            form.add_error(
                None,
                _(
                    "U heeft te vaak achter elkaar een vraag gestuurd. Probeer het over "
                    "10 minuten opnieuw, of bel ons."
                ),
            )
            status = 429
        elif form.is_valid():
            if form.cleaned_data["website"]:
                return redirect("toegang:online-ontvangen")  # honeypot: store nothing
            d = {k: v for k, v in form.cleaned_data.items() if k != "website"}
            try:
                services.registreer_online_melding(services.OnlineVraag(**d))
            except ValidationError as exc:
                _fouten_op_formulier(form, exc)
            else:
                return redirect("toegang:online-ontvangen")
    return render(request, "toegang/online.html", {"form": form}, status=status)


def online_ontvangen(request):
    return render(request, "toegang/online_ontvangen.html")


@login_required
def online_koppelen(request, pk: int):
    _require(request.user, DOSSIER_ROLLEN)
    online = selectors.online_melding(request.user, pk, kanaal=UI)
    form = forms.KoppelForm(
        request.POST or None, initial={"bsn": online.bsn, "geboortedatum": online.geboortedatum}
    )

    def uitvoeren(d):
        return services.koppel_online_melding(request.user, pk, kanaal=UI, **d)

    return _verwerk(
        request,
        form,
        uitvoeren,
        gelukt=_("De online melding is gekoppeld aan de inwoner."),
        naar=lambda m: _terug(m.pk),
    ) or _formulier(
        request,
        form,
        titel=_("Online melding koppelen"),
        knop=_("Koppelen"),
        template="toegang/online_koppelen.html",
        online=online,
    )
