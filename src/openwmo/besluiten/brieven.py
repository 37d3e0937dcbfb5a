"""Letters as PDF: a Django template with the municipal letterhead, the editable text
blocks (``Tekstblok``) and WeasyPrint."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone

from . import selectors


def _logo() -> str:
    pad = finders.find("openwmo/favicon.svg")
    return f"file://{pad}" if pad else ""


def context(kenmerk: str, persoon, adres, **extra) -> dict:
    basis = {
        "instelling": selectors.instelling(),
        "kenmerk": kenmerk,
        "persoon": persoon,
        "naam": persoon.volledige_naam,
        "adres": adres,
        "datum": timezone.localdate(),
        **extra,
    }
    basis["tekst"] = selectors.teksten(basis)
    basis["logo"] = _logo()
    return basis


def pdf(template: str, ctx: dict) -> bytes:
    import weasyprint  # heavy: only loaded when a letter is asked for

    html = render_to_string(template, ctx)
    return weasyprint.HTML(string=html, base_url="/").write_pdf()
