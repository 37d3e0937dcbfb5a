"""Staff must pass two-factor authentication before they reach any page or API.

A session that has only passed the password reaches the code page, the enrolment page
(which then asks for an enrolment code from a beheerder), log-out and static files —
nothing else."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.http import urlencode
from django_otp import user_has_device

from .models import Rol

CONTROLEREN = "/tweestaps/controleren/"
INSTELLEN = "/tweestaps/instellen/"
VRIJ = frozenset({CONTROLEREN, INSTELLEN, "/uitloggen/", "/favicon.ico"})
VRIJ_PREFIX = ("/static/",)


def is_medewerker(user) -> bool:
    """Staff need the second factor; so does any admin log-in (createsuperuser makes a
    superuser with the default role inwoner)."""
    return user.rol != Rol.INWONER or user.is_staff or user.is_superuser


def tweestaps_nodig(user) -> bool:
    return (
        settings.TWEESTAPS_VERPLICHT
        and user.is_authenticated
        and is_medewerker(user)
        and not user.is_verified()
    )


def vrij(path: str) -> bool:
    return path in VRIJ or path.startswith(VRIJ_PREFIX)


class TweeStapsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if tweestaps_nodig(request.user) and not vrij(request.path):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {
                        "type": "about:blank",
                        "title": "Tweestapsverificatie nodig",
                        "status": 403,
                        "detail": "Rond eerst de tweestapsverificatie af in de webapplicatie.",
                    },
                    status=403,
                    content_type="application/problem+json",
                )
            if user_has_device(request.user):
                return redirect(f"{CONTROLEREN}?{urlencode({'next': request.path})}")
            return redirect(INSTELLEN)
        return self.get_response(request)
