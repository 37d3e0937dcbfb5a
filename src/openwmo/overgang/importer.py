"""Reading the municipal export of existing beschikkingen (CSV or Excel) into rows, and the
legacy mapping to the future pillars. Checks that need the database live in services."""

import csv
import datetime
import io
from dataclasses import dataclass

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
MAX_REGELS = 100_000

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


def _rijen_excel(inhoud: bytes):
    import openpyxl

    try:
        boek = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise Bestandsfout([Fout(0, "bestand", _("Het Excel-bestand is niet te lezen."))]) from exc
    blad = boek.worksheets[0]
    for rij in blad.iter_rows(values_only=True):
        yield [_tekst(v) for v in rij]


def _rijen_csv(inhoud: bytes):
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Bestandsfout([Fout(0, "bestand", _("Het bestand is geen UTF-8-tekst."))]) from exc
    scheiding = (
        ";" if tekst.split("\n", 1)[0].count(";") > tekst.split("\n", 1)[0].count(",") else ","
    )
    yield from csv.reader(io.StringIO(tekst), delimiter=scheiding)


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
        if len(regels) > MAX_REGELS:
            raise Bestandsfout(
                [Fout(0, "bestand", _("Het bestand heeft meer dan 100.000 regels."))]
            )
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
