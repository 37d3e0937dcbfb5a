"""Spreadsheet exports (Excel and CSV) that every app shares.

Text from users (names, descriptions) can start with a character a spreadsheet program
reads as the start of a formula (CSV injection, OWASP): ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return. Exports write such text as text: in Excel as a text cell with the
quote prefix (as Excel does itself for text typed with a leading apostrophe), in CSV with a
leading apostrophe. Numbers stay numbers.
"""

import csv
import io
import re

FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")
# characters XML 1.0 does not allow; openpyxl refuses them (IllegalCharacterError)
_ONGELDIG = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def is_formule(waarde) -> bool:
    return isinstance(waarde, str) and waarde.startswith(FORMULE_BEGIN)


def csv_tekst(waarde):
    """A value for a CSV cell: text that would start a formula gets a leading apostrophe."""
    if isinstance(waarde, str):
        waarde = _ONGELDIG.sub("", waarde)
        if is_formule(waarde):
            return "'" + waarde
    return waarde


def _csv_cel(waarde, decimaal: str):
    if isinstance(waarde, str):
        return csv_tekst(waarde)
    if waarde is None:
        return ""
    return str(waarde).replace(".", decimaal)  # a number, negative ones included


def csv_bestand(rijen, *, scheiding: str = ";", decimaal: str = ",", bom: bool = True) -> bytes:
    """Rows as CSV in UTF-8 (with a BOM, so Dutch spreadsheet programs read it right);
    numbers with a decimal comma, text that would start a formula as text."""
    uit = io.StringIO()
    writer = csv.writer(uit, delimiter=scheiding)
    for rij in rijen:
        writer.writerow([_csv_cel(v, decimaal) for v in rij])
    return (("\ufeff" if bom else "") + uit.getvalue()).encode("utf-8")


def voeg_rij_toe(ws, rij) -> None:
    """Append a row to an openpyxl worksheet; all text is written as text, never a formula."""
    ws.append([_tekstcel(ws, v) if isinstance(v, str) else v for v in rij])


def _tekstcel(ws, waarde: str):
    from openpyxl.cell import Cell

    cel = Cell(ws, value=_ONGELDIG.sub("", waarde))
    cel.data_type = "s"  # openpyxl would make text starting with "=" a formula
    if is_formule(cel.value):
        cel.quotePrefix = True
    return cel


def werkboek_bytes(wb) -> bytes:
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()
