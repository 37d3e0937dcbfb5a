"""Reading the municipal export of existing beschikkingen (CSV or Excel) into rows, and the
legacy mapping to the future pillars. Checks that need the database live in services."""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from .models import Eenheid, Product, VoorlopigePijler

KOLOMMEN = [
    "bsn",
    "achternaam",
    "geboortedatum",
    "postcode",
    "huisnummer",
    "product",
    "aanbieder_agb",
    "ingangsdatum",
    "einddatum",
    "volume",
    "eenheid",
    "leveringsvorm",
]
MAX_REGELS = 100_000  # data rows; OVERGANG_IMPORT_MAX_REGELS in the settings overrides it

# Limits checked before a file is parsed (a small upload can unpack to gigabytes or claim a
# million rows); each can be set in the Django settings under the same name.
GRENZEN = {
    "OVERGANG_IMPORT_MAX_REGELS": MAX_REGELS,
    # cells in the whole sheet and in one row (the export has twelve columns)
    "OVERGANG_IMPORT_MAX_CELLEN": 3_000_000,
    "OVERGANG_IMPORT_MAX_KOLOMMEN": 200,
    # an Excel file is a zip archive: its parts and their size when unpacked
    "OVERGANG_IMPORT_MAX_DELEN": 100,
    "OVERGANG_IMPORT_MAX_UITGEPAKT": 100 * 1024 * 1024,
    # any one part that is not a worksheet (shared texts, styles) when unpacked
    "OVERGANG_IMPORT_MAX_DEEL": 30 * 1024 * 1024,
    # characters in one line of a CSV file
    "OVERGANG_IMPORT_MAX_REGELLENGTE": 20_000,
}


def grens(naam: str) -> int:
    return int(getattr(settings, naam, GRENZEN[naam]))


# Leeuwarden's plan (§4.1): TO3, DB2 and DB5 are split half/half until the conversation.
VOORLOPIG = {
    "TO_PRAKTISCH": VoorlopigePijler.BASIS,
    "TO1": VoorlopigePijler.BASIS,
    "TO2": VoorlopigePijler.BASIS,
    "TO3": VoorlopigePijler.TE_BEOORDELEN,
    "TO4": VoorlopigePijler.AANVULLEND,
    "DB1": VoorlopigePijler.BASIS,
    "DB2": VoorlopigePijler.TE_BEOORDELEN,
    "DB3": VoorlopigePijler.AANVULLEND,
    "DB4": VoorlopigePijler.BASIS,
    "DB5": VoorlopigePijler.TE_BEOORDELEN,
    "DB6": VoorlopigePijler.AANVULLEND,
    "HH1": VoorlopigePijler.AANVULLEND,
    "HH2": VoorlopigePijler.AANVULLEND,
    "KV": VoorlopigePijler.AANVULLEND,
}
# Everyone with thuisondersteuning or dagbesteding gets a maatwerkgesprek.
HERBEOORDELEN = {p for p in VOORLOPIG if p.startswith(("TO", "DB"))}
# Second-line support that does not plainly move to basis: the current provider attends.
KWETSBAAR = {p for p in HERBEOORDELEN if VOORLOPIG[p] != VoorlopigePijler.BASIS}
EENHEID = {
    p: Eenheid.DAGDEEL_PER_WEEK
    if p.startswith("DB")
    else Eenheid.ETMAAL_PER_JAAR
    if p == "KV"
    else Eenheid.UUR_PER_WEEK
    for p in VOORLOPIG
}
assert set(VOORLOPIG) == set(Product.values)


@dataclass(frozen=True)
class Fout:
    regel: int  # line number in the file (the header is line 1); 0 = the whole file
    veld: str
    probleem: str


@dataclass(frozen=True)
class Regel:
    nummer: int
    waarden: dict


class Bestandsfout(Exception):
    def __init__(self, fouten: list[Fout]):
        super().__init__(fouten[0].probleem)
        self.fouten = fouten


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime.datetime):
        return waarde.date().isoformat()
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).strip()


def _fout(tekst: str):
    return Bestandsfout([Fout(0, "bestand", tekst)])


def _te_veel_regels():
    return _fout(
        _("Het bestand heeft meer dan %(n)s regels.")
        % {"n": f"{grens('OVERGANG_IMPORT_MAX_REGELS'):,}".replace(",", ".")}
    )


def _controleer_zip(inhoud: bytes) -> None:
    """Refuse an Excel file before parsing it: too many parts, too large once unpacked,
    a DTD (entities), or a sheet with too many rows or cells. zipfile never unpacks a part
    beyond the size the archive states, so these sizes bound what the parser gets."""
    onleesbaar = _fout(_("Het Excel-bestand is niet te lezen."))
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
        delen = archief.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise onleesbaar from exc
    if len(delen) > grens("OVERGANG_IMPORT_MAX_DELEN"):
        raise _fout(_("Het Excel-bestand bestaat uit te veel onderdelen."))
    mb = grens("OVERGANG_IMPORT_MAX_UITGEPAKT") // (1024 * 1024)
    te_groot = _fout(
        _(
            "Het Excel-bestand is uitgepakt groter dan %(mb)s MB. Sla het op zonder "
            "opmaak of lege regels, of lever een CSV-bestand."
        )
        % {"mb": mb}
    )
    if sum(d.file_size for d in delen) > grens("OVERGANG_IMPORT_MAX_UITGEPAKT"):
        raise te_groot
    bladen = [d for d in delen if d.filename.startswith("xl/worksheets/")]
    if any(d.file_size > grens("OVERGANG_IMPORT_MAX_DEEL") for d in delen if d not in bladen):
        raise te_groot
    try:
        for deel in delen:
            if deel.filename.endswith((".xml", ".rels")):
                with archief.open(deel) as bron:
                    _controleer_xml(bron, blad=deel in bladen)
    except Bestandsfout:
        raise
    except Exception as exc:  # a damaged part: zlib, CRC or XML errors of many kinds
        raise onleesbaar from exc


def _controleer_xml(bron, *, blad: bool) -> None:
    """One streaming pass over a part: no DTD; for a worksheet, count rows and cells."""
    from lxml import etree

    max_regels = grens("OVERGANG_IMPORT_MAX_REGELS") + 1  # with the header
    max_cellen = grens("OVERGANG_IMPORT_MAX_CELLEN")
    max_kolommen = grens("OVERGANG_IMPORT_MAX_KOLOMMEN")
    regels = cellen = in_rij = 0
    eerste = True
    for gebeurtenis, el in etree.iterparse(
        bron,
        events=("start", "end"),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
    ):
        if eerste:
            eerste = False
            if el.getroottree().docinfo.internalDTD or el.getroottree().docinfo.doctype:
                raise _fout(_("Het Excel-bestand is niet te lezen."))
            if not blad:
                return  # the other parts are parsed by openpyxl within their size limit
        naam = el.tag.rpartition("}")[2]
        if gebeurtenis == "start":
            if naam == "row":
                regels += 1
                nummer = el.get("r")
                if regels > max_regels or (
                    nummer and (not nummer.isdigit() or int(nummer) > max_regels)
                ):
                    raise _te_veel_regels()
                in_rij = 0
            elif naam == "c":
                cellen += 1
                in_rij += 1
                if in_rij > max_kolommen:
                    raise _fout(
                        _("Een regel in het bestand heeft meer dan %(n)s cellen.")
                        % {"n": max_kolommen}
                    )
                if cellen > max_cellen:
                    raise _fout(
                        _("Het bestand heeft meer dan %(n)s cellen.")
                        % {"n": f"{max_cellen:,}".replace(",", ".")}
                    )
        elif naam in ("c", "row"):
            el.clear(keep_tail=False)
            while el.getprevious() is not None:
                del el.getparent()[0]


def _rijen_excel(inhoud: bytes):
    import openpyxl

    _controleer_zip(inhoud)
    try:
        boek = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
        blad = boek.worksheets[0]
        # not the sheet's own claim about its size: at most the allowed rows and columns
        rijen = blad.iter_rows(
            max_row=grens("OVERGANG_IMPORT_MAX_REGELS") + 1,
            max_col=grens("OVERGANG_IMPORT_MAX_KOLOMMEN"),
            values_only=True,
        )
        for rij in rijen:
            yield [_tekst(v) for v in rij]
    except Bestandsfout:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise _fout(_("Het Excel-bestand is niet te lezen.")) from exc


def _rijen_csv(inhoud: bytes):
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Bestandsfout([Fout(0, "bestand", _("Het bestand is geen UTF-8-tekst."))]) from exc
    if "\x00" in tekst:  # csv reads it since Python 3.11, no database may store it
        raise _fout(_("Het CSV-bestand is niet te lezen: het bevat een NUL-teken."))
    if tekst.count("\n") > grens("OVERGANG_IMPORT_MAX_REGELS") + 1:
        raise _te_veel_regels()
    lengte = grens("OVERGANG_IMPORT_MAX_REGELLENGTE")
    if re.search(f"[^\n]{{{lengte + 1}}}", tekst):
        raise _fout(
            _("Een regel in het bestand is langer dan %(n)s tekens.")
            % {"n": f"{lengte:,}".replace(",", ".")}
        )
    scheiding = (
        ";" if tekst.split("\n", 1)[0].count(";") > tekst.split("\n", 1)[0].count(",") else ","
    )
    try:
        yield from csv.reader(io.StringIO(tekst), delimiter=scheiding)
    except csv.Error as exc:  # e.g. a NUL character or a field beyond csv's size limit
        raise _fout(_("Het CSV-bestand is niet te lezen.")) from exc


def lees(bestandsnaam: str, inhoud: bytes) -> list[Regel]:
    """The data rows of the file, keyed by column name; raises Bestandsfout for the file."""
    if bestandsnaam.lower().endswith(".xlsx"):
        rijen = _rijen_excel(inhoud)
    elif bestandsnaam.lower().endswith((".csv", ".txt")):
        rijen = _rijen_csv(inhoud)
    else:
        raise Bestandsfout(
            [Fout(0, "bestand", _("Kies een CSV-bestand (.csv) of een Excel-bestand (.xlsx)."))]
        )
    kop = [k.strip().lower() for k in next(rijen, [])]
    ontbrekend = [k for k in KOLOMMEN if k not in kop]
    if ontbrekend:
        raise Bestandsfout(
            [Fout(1, k, _("Deze kolom ontbreekt in de kopregel.")) for k in ontbrekend]
        )
    regels = []
    for nummer, rij in enumerate(rijen, start=2):
        if not any(_tekst(v) for v in rij):
            continue
        waarden = {k: _tekst(rij[i]) if i < len(rij) else "" for i, k in enumerate(kop)}
        regels.append(Regel(nummer, waarden))
        if len(regels) > grens("OVERGANG_IMPORT_MAX_REGELS"):
            raise _te_veel_regels()
    if not regels:
        raise Bestandsfout([Fout(0, "bestand", _("Het bestand bevat geen regels."))])
    return regels


def datum(waarde: str) -> datetime.date | None:
    for formaat in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(waarde, formaat).date()
        except ValueError:
            continue
    return None
