import base64
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user
from django_otp import login as otp_login

from openwmo.privacy.services import Kanaal

from . import selectors, services
from .beveiliging import token_verloopt_op
from .forms import InschrijfcodeForm, InschrijfcodeUitgevenForm, TokenForm
from .middleware import is_medewerker
from .models import Rol

# Session keys: the enrolment code this session entered, and a freshly issued code that
# the beheerder's next page shows once.
SESSIE_INSCHRIJFCODE = "openwmo_inschrijfcode"
SESSIE_NIEUWE_CODE = "openwmo_nieuwe_inschrijfcode"


def _alleen_medewerkers(request):
    if not is_medewerker(request.user):
        raise PermissionDenied


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


def _geverifieerd(request) -> bool:
    return request.user.is_verified()


@login_required
def instellen(request):
    """Enrol an authenticator app: scan the QR code, confirm with a first code.

    A session that has not passed the second factor first needs an enrolment code from a
    beheerder; (re-)enrolling with only a password is not possible."""
    _alleen_medewerkers(request)
    geverifieerd = _geverifieerd(request)
    code_id = request.session.get(SESSIE_INSCHRIJFCODE)
    if not geverifieerd and services.open_inschrijfcode(request.user, code_id) is None:
        return _inschrijfcode_vragen(request)
    device = services.onbevestigd_apparaat(request.user)
    if device is None or request.method == "GET":
        device = services.nieuw_apparaat(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.schrijf_apparaat_in(
            request.user,
            device,
            form.cleaned_data["token"],
            geverifieerd=geverifieerd,
            inschrijfcode_id=code_id,
        ):
            request.session.pop(SESSIE_INSCHRIJFCODE, None)
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("token", _("Deze code klopt niet. Probeer de volgende code."))
    context = {
        "form": form,
        "qr": services.qr_svg(device),
        "geheim": base64.b32encode(device.bin_key).decode(),
        "next": _next(request),
    }
    return render(request, "accounts/tweestaps_instellen.html", context)


def _inschrijfcode_vragen(request):
    form = InschrijfcodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = services.controleer_inschrijfcode(request.user, form.cleaned_data["code"])
        if code is not None:
            request.session[SESSIE_INSCHRIJFCODE] = code.pk
            return redirect(f"{request.path}?{urlencode({'next': _next(request)})}")
        form.add_error(
            "code",
            _(
                "Deze inschrijfcode klopt niet, is verlopen of al gebruikt. Vraag de "
                "functioneel beheerder om een nieuwe code."
            ),
        )
    return render(
        request, "accounts/tweestaps_inschrijfcode.html", {"form": form, "next": _next(request)}
    )


@login_required
def controleren(request):
    _alleen_medewerkers(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in devices_for_user(request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(_next(request))
        form.add_error("token", _("Deze code klopt niet of is verlopen."))
    return render(
        request, "accounts/tweestaps_controleren.html", {"form": form, "next": _next(request)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def inschrijfcodes(request):
    """The beheerder issues one-time enrolment codes (new staff member, lost phone)."""
    if request.user.rol != Rol.BEHEERDER:
        raise PermissionDenied
    form = InschrijfcodeUitgevenForm(request.POST or None, beheerder=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            record, code = services.geef_inschrijfcode(
                request.user, form.cleaned_data["gebruiker"].pk, kanaal=Kanaal.UI
            )
        except ValidationError as exc:
            for veld, fouten in exc.message_dict.items():
                for fout in fouten:
                    form.add_error(veld if veld in form.fields else None, fout)
        else:
            request.session[SESSIE_NIEUWE_CODE] = {
                "code": code,
                "gebruiker": record.gebruiker.username,
                "verloopt_op": record.verloopt_op.isoformat(),
            }
            return redirect("accounts:inschrijfcodes")
    context = {
        "form": form,
        "nieuw": request.session.pop(SESSIE_NIEUWE_CODE, None),
        "codes": selectors.recente_inschrijfcodes(),
        "nu": timezone.now(),
    }
    return render(request, "accounts/inschrijfcodes.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    """Everyone sees and revokes his own API token; a beheerder also anyone else's."""
    beheerder = request.user.rol == Rol.BEHEERDER
    if request.method == "POST":
        try:
            gebruiker_id = int(request.POST.get("gebruiker", request.user.pk))
        except (TypeError, ValueError):
            gebruiker_id = request.user.pk
        if services.trek_token_in(request.user, gebruiker_id, kanaal=Kanaal.UI):
            messages.success(request, _("Het API-token is ingetrokken."))
        else:
            messages.info(request, _("Er was geen API-token om in te trekken."))
        return redirect("accounts:api-tokens")
    eigen = selectors.api_token(request.user)
    andere = []
    if beheerder:
        andere = [
            {"token": t, "verloopt_op": token_verloopt_op(t)}
            for t in selectors.actieve_api_tokens()
            if t.user_id != request.user.pk
        ]
    context = {
        "eigen": eigen,
        "eigen_verloopt_op": token_verloopt_op(eigen) if eigen else None,
        "andere": andere,
        "beheerder": beheerder,
        "instellen_url": reverse("accounts:tweestaps-instellen"),
        "medewerker": is_medewerker(request.user),
    }
    return render(request, "accounts/api_tokens.html", context)
