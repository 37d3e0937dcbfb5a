"""Staff must pass two-factor authentication before they reach any page or API."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django_otp import user_has_device

from .models import Rol

VRIJ = ("/inloggen/", "/uitloggen/", "/tweestaps/", "/static/", "/favicon")


def tweestaps_nodig(user) -> bool:
    return (
        settings.TWEESTAPS_VERPLICHT
        and user.is_authenticated
        and user.rol != Rol.INWONER
        and not user.is_verified()
    )


class TweeStapsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if tweestaps_nodig(request.user) and not request.path.startswith(VRIJ):
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
                return redirect(f"/tweestaps/controleren/?next={request.path}")
            return redirect("/tweestaps/instellen/")
        return self.get_response(request)
