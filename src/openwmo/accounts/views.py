import base64

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp import login as otp_login

from . import services
from .forms import TokenForm
from .models import Rol


def _alleen_medewerkers(request):
    if request.user.rol == Rol.INWONER:
        raise PermissionDenied


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


@login_required
def instellen(request):
    """Enrol an authenticator app: scan the QR code, confirm with a first code."""
    _alleen_medewerkers(request)
    device = services.onbevestigd_apparaat(request.user)
    if device is None or request.method == "GET":
        device = services.nieuw_apparaat(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.bevestig_apparaat(device, form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("token", _("Deze code klopt niet. Probeer de volgende code."))
    context = {
        "form": form,
        "qr": services.qr_svg(device),
        "geheim": base64.b32encode(device.bin_key).decode(),
    }
    return render(request, "accounts/tweestaps_instellen.html", context)


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
