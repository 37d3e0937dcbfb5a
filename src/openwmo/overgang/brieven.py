"""The letter that tells a resident the outcome of the maatwerkgesprek: what changes and
when. Same letterhead and editable closing text as the besluiten letters, via WeasyPrint."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone

from . import importer


def brief_pdf(dossier) -> bytes:
    import weasyprint  # heavy: only loaded when a letter is asked for

    from openwmo.besluiten import selectors as besluiten

    gesprek = dossier.gesprek
    uitkomst = dossier.uitkomst
    persoon = gesprek.persoon
    logo = finders.find("openwmo/favicon.svg")
    ctx = {
        "instelling": besluiten.instelling(),
        "kenmerk": f"OVG-{gesprek.pk}-{uitkomst.pk}",
        "persoon": persoon,
        "naam": persoon.volledige_naam,
        "adres": persoon.huishouden.adres if persoon.huishouden_id else None,
        "datum": timezone.localdate(),
        "gesprek": gesprek,
        "uitkomst": uitkomst,
        "beschikkingen": [b for b in dossier.beschikkingen if b.product in importer.HERBEOORDELEN],
        "logo": f"file://{logo}" if logo else "",
    }
    ctx["tekst"] = besluiten.teksten(ctx)
    html = render_to_string("overgang/brief_pdf.html", ctx)
    return weasyprint.HTML(string=html, base_url="/").write_pdf()
