"""Errors as RFC 9457 problem+json, in Dutch."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.views import exception_handler

TITLES = {
    400: "Ongeldige invoer",
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    415: "Niet-ondersteund formaat",
    429: "Te veel verzoeken",
}
DETAILS = {
    401: "Log in of stuur een geldig token mee (Authorization: Token …).",
    403: "U heeft geen toegang tot dit gegeven of deze handeling.",
    404: "Dit gegeven bestaat niet of valt buiten uw toegang.",
}


def _flatten(detail) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        return {
            str(k): [str(m) for m in (v if isinstance(v, list) else [v])] for k, v in detail.items()
        }
    if isinstance(detail, list):
        return {"niet_veldgebonden": [str(m) for m in detail]}
    return {"niet_veldgebonden": [str(detail)]}


def problem_exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = response.status_code
    body = {
        "type": "about:blank",
        "title": TITLES.get(code, "Fout"),
        "status": code,
        "detail": DETAILS.get(code, ""),
    }
    if code == status.HTTP_400_BAD_REQUEST:
        body["detail"] = "Controleer de gemarkeerde velden."
        body["invalid_params"] = [
            {"name": name, "reason": reason}
            for name, reasons in _flatten(exc.detail).items()
            for reason in reasons
        ]
    elif code in (405, 406, 415, 429) and hasattr(exc, "detail"):
        body["detail"] = str(exc.detail)
    elif code == 401 and getattr(exc, "get_codes", lambda: None)() == "token_verlopen":
        body["detail"] = str(exc.detail)
    if request := context.get("request"):
        body["instance"] = request.path
    response.data = body
    response["Content-Type"] = "application/problem+json"
    response.content_type = "application/problem+json"
    return response
