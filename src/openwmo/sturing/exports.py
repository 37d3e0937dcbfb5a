"""Exports of the steering views: CSV, Excel and the yearly council report (PDF)."""

import io
from xml.sax.saxutils import escape

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from openwmo import rekenblad

from .dashboards import Overzicht


def _rijen(overzicht: Overzicht):
    for tabel in overzicht.tabellen:
        yield [tabel.titel]
        yield ["", *tabel.kolommen]
        for rij in tabel.rijen:
            yield [rij.label, *[_waarde(c) for c in rij.cellen]]
        yield []


def _waarde(cel):
    if cel.onderdrukt:
        return "<5"
    return "" if cel.waarde is None else cel.waarde


def als_csv(overzicht: Overzicht) -> bytes:
    # semicolon and a BOM: opens correctly in Dutch spreadsheet programs
    return rekenblad.csv_bestand([[overzicht.titel], *_rijen(overzicht)])


def als_xlsx(overzicht: Overzicht) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = overzicht.niveau[:31]
    rekenblad.voeg_rij_toe(ws, [overzicht.titel])
    ws["A1"].font = Font(bold=True, size=14)
    for rij in _rijen(overzicht):
        rekenblad.voeg_rij_toe(ws, [float(v) if not isinstance(v, str | int) else v for v in rij])
        if len(rij) == 1:
            ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.column_dimensions["A"].width = 60
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


def lijngrafiek(labels: list[str], waarden: list, streef=None, titel="") -> str:
    """A small line chart as SVG: markers and printed values, so it reads without colour;
    a dashed line for the target."""
    breed, hoog, marge = 420, 150, 36
    getallen = [float(w) for w in waarden if w is not None]
    if streef is not None:
        getallen.append(float(streef))
    top = max(getallen + [1.0]) * 1.15
    stap = (breed - 2 * marge) / max(1, len(labels) - 1)

    def y(v):
        return hoog - marge - (float(v) / top) * (hoog - 2 * marge)

    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{breed}" height="{hoog}" '
        f'viewBox="0 0 {breed} {hoog}" role="img" aria-label="{escape(titel)}">',
        f'<line x1="{marge}" y1="{hoog - marge}" x2="{breed - marge}" y2="{hoog - marge}" '
        'stroke="#000" stroke-width="1"/>',
    ]
    if streef is not None:
        delen.append(
            f'<line x1="{marge}" y1="{y(streef):.1f}" x2="{breed - marge}" y2="{y(streef):.1f}" '
            'stroke="#555" stroke-dasharray="6 4"/>'
            f'<text x="{breed - marge}" y="{y(streef) - 4:.1f}" font-size="10" '
            f'text-anchor="end">streef {escape(str(streef))}</text>'
        )
    punten = [(marge + i * stap, y(w), w) for i, w in enumerate(waarden) if w is not None]
    if len(punten) > 1:
        pad = " ".join(f"{px:.1f},{py:.1f}" for px, py, _w in punten)
        delen.append(f'<polyline points="{pad}" fill="none" stroke="#01689b" stroke-width="2"/>')
    for px, py, w in punten:
        delen.append(
            f'<rect x="{px - 3:.1f}" y="{py - 3:.1f}" width="6" height="6" fill="#000"/>'
            f'<text x="{px:.1f}" y="{py - 7:.1f}" font-size="10" text-anchor="middle">'
            f"{escape(str(w))}</text>"
        )
    for i, label in enumerate(labels):
        delen.append(
            f'<text x="{marge + i * stap:.1f}" y="{hoog - marge + 14}" font-size="10" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - built from numbers and escaped text


def raadsrapportage(strategie: Overzicht, wijken: Overzicht, redenen, jaar: int) -> bytes:
    import weasyprint  # heavy: only loaded when the report is asked for

    grafieken = []
    for tabel in strategie.tabellen:
        for rij in tabel.rijen:
            ind = rij.indicator
            grafieken.append(
                {
                    "rij": rij,
                    "tabel": tabel,
                    "svg": lijngrafiek(
                        tabel.kolommen,
                        [None if c.waarde is None else c.waarde for c in rij.cellen],
                        ind.streefwaarde,
                        rij.label,
                    ),
                }
            )
    tabel = wijken.tabellen[0]
    wijkrijen = [
        (label, [rij.cellen[i].tekst for rij in tabel.rijen])
        for i, label in enumerate(tabel.kolommen)
    ]
    html = render_to_string(
        "sturing/raadsrapportage.html",
        {
            "jaar": jaar,
            "strategie": strategie,
            "wijknamen": [rij.label for rij in tabel.rijen],
            "wijkrijen": wijkrijen,
            "redenen": redenen,
            "grafieken": grafieken,
        },
    )
    return weasyprint.HTML(string=html, base_url="/").write_pdf()
