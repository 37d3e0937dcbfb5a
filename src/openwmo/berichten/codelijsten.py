"""iStandaarden code lists as data: loaded from ``data/codelijsten.csv`` by a migration,
updatable in the admin or with ``openwmo iwmo codelijsten FILE`` without code changes."""

import csv
import datetime
from pathlib import Path

from django.db import transaction
from django.db.models import Count, Max

DATA = Path(__file__).resolve().parent / "data" / "codelijsten.csv"

# element name in a message -> code list checked on validity dates (level 2)
CODEVELDEN = {
    "Categorie": "WMO020",
    "ProductCategorie": "WMO020",
    "RedenBeeindiging": "WMO588",
    "RedenWijziging": "WMO002",
    "Eenheid": "WJ756",
    "Frequentie": "WMO757",
    "RedenVerzoek": "WJ758",
    "RedenAfwijzingVerzoek": "WJ759",
    "VerzoekAntwoord": "WJ760",
    "Geslacht": "COD046",
    "StatusAanlevering": "COD467",
    "Type": "COD327",
}


def lees_csv(path: Path = DATA) -> list[dict]:
    rows = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rows.append(
                {
                    "lijst": row["lijst"].strip(),
                    "code": row["code"].strip(),
                    "omschrijving": row["omschrijving"].strip(),
                    "ingangsdatum": datetime.date.fromisoformat(row["ingangsdatum"]),
                    "einddatum": datetime.date.fromisoformat(row["einddatum"])
                    if row.get("einddatum")
                    else None,
                    "categorie": (row.get("categorie") or "").strip(),
                }
            )
    return rows


def werk_bij(model, rows: list[dict]) -> int:
    """Insert or update values by (lijst, code, ingangsdatum). Returns the number of rows."""
    with transaction.atomic():
        for row in rows:
            model.objects.update_or_create(
                lijst=row["lijst"],
                code=row["code"],
                ingangsdatum=row["ingangsdatum"],
                defaults={k: row[k] for k in ("omschrijving", "einddatum", "categorie")},
            )
    return len(rows)


class Codes:
    """An in-memory snapshot of the code lists, refreshed when the table changes."""

    def __init__(self, rows):
        self.waarden: dict[tuple[str, str], list] = {}
        for r in rows:
            self.waarden.setdefault((r["lijst"], r["code"]), []).append(r)
        self._geldig: dict[tuple, bool] = {}  # answers, per (lijst, code, datum)

    def geldig(self, lijst: str, code: str, datum: datetime.date | None) -> bool:
        sleutel = (lijst, code, datum)
        antwoord = self._geldig.get(sleutel)
        if antwoord is None:
            if len(self._geldig) > 100_000:  # a long-lived snapshot stays small
                self._geldig.clear()
            antwoord = self._geldig[sleutel] = any(
                datum is None
                or (
                    r["ingangsdatum"] <= datum
                    and (r["einddatum"] is None or datum <= r["einddatum"])
                )
                for r in self.waarden.get((lijst, code), ())
            )
        return antwoord

    def bekend(self, lijst: str) -> bool:
        return any(k[0] == lijst for k in self.waarden)

    def omschrijving(self, lijst: str, code: str) -> str:
        rijen = self.waarden.get((lijst, code))
        return rijen[-1]["omschrijving"] if rijen else code

    def keuzes(self, lijst: str) -> list[tuple[str, str]]:
        return sorted(
            (code, f"{code} {rijen[-1]['omschrijving']}")
            for (naam, code), rijen in self.waarden.items()
            if naam == lijst and rijen[-1]["einddatum"] is None
        )

    def categorie_van(self, productcode: str) -> set[str]:
        return {r["categorie"] for r in self.waarden.get(("PRODUCT", productcode), ())}


_cache: dict = {"versie": None, "codes": None}


def huidige() -> Codes:
    """The current code lists: one cheap query to see whether the table changed."""
    from .models import Codewaarde

    versie = tuple(Codewaarde.objects.aggregate(n=Count("id"), m=Max("gewijzigd_op")).values())
    if _cache["versie"] != versie or _cache["codes"] is None:
        rows = Codewaarde.objects.values(
            "lijst", "code", "omschrijving", "ingangsdatum", "einddatum", "categorie"
        )
        _cache["codes"] = Codes(list(rows))
        _cache["versie"] = versie
    return _cache["codes"]


def omschrijving(lijst: str, code: str) -> str:
    return huidige().omschrijving(lijst, code) if code else ""
