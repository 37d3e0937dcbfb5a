"""Small helpers that every app's views share: role checks and forms backed by services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect


def require_rol(user, rollen) -> None:
    """Refuse (403) a user whose role is not among ``rollen``."""
    if user.rol not in rollen:
        raise PermissionDenied


def fouten_op_formulier(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: per field, the rest as a form error."""
    fouten = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
    for veld, berichten in fouten.items():
        for bericht in berichten:
            form.add_error(veld if veld in form.fields else None, bericht)


def verwerk_formulier(request, form, uitvoeren, *, gelukt, naar):
    """On a valid POST run the service; its ValidationError lands on the form.

    Returns a redirect on success (``naar`` is a URL or a function of the service's
    result), else None: the caller renders the form again with its errors."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        resultaat = uitvoeren(form.cleaned_data)
    except ValidationError as exc:
        fouten_op_formulier(form, exc)
        return None
    messages.success(request, gelukt)
    return redirect(naar(resultaat) if callable(naar) else naar)
