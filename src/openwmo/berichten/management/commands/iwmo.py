"""``openwmo iwmo``: validate iWmo messages, export outgoing messages, update code lists."""

import datetime
import json
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from lxml import etree

from openwmo.berichten import codelijsten, schema, selectors
from openwmo.berichten.models import Codewaarde
from openwmo.berichten.verwerking import Invoer, verwerk


class Command(BaseCommand):
    help = "iWmo 3.2: berichten controleren, uitgaande berichten exporteren, codelijsten bijwerken."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="actie", required=True)
        val = sub.add_parser("validate", help="Controleer berichten; één JSON-regel per bestand.")
        val.add_argument("bestanden", nargs="+", metavar="FILE")
        val.add_argument(
            "--database",
            action="store_true",
            help="Controleer ook tegen de database (keten en externe regels); slaat niets op.",
        )
        exp = sub.add_parser("export", help="Schrijf uitgaande berichten als XML-bestanden.")
        exp.add_argument("--since", required=True, metavar="DATE", help="JJJJ-MM-DD")
        exp.add_argument("map", metavar="DIR")
        cl = sub.add_parser("codelijsten", help="Codelijsten bijwerken uit een CSV-bestand.")
        cl.add_argument("bestand", nargs="?", default=str(codelijsten.DATA))

    def handle(self, *args, actie, **opts):
        return getattr(self, f"_{actie}")(**opts)

    def _validate(self, bestanden, database, **_):
        """One JSON line per file, in the given order. A file that cannot be read, a retour
        message or a file that breaks the pipeline gets its own answer; the rest is checked
        as one batch (the chain rules look across messages)."""
        regels: dict[str, dict] = {}
        heen: list[tuple[str, bytes]] = []
        for naam in bestanden:
            try:
                raw = Path(naam).read_bytes()
            except OSError as exc:
                melding = f"Bestand niet te lezen: {exc.strerror or exc}"
                regels[naam] = _regel(None, False, ["0001"], [_bevinding("", "0001", melding)])
                continue
            g = schema.lees(raw)
            if g.definitie is not None and g.nr not in schema.HEENBERICHTEN:
                regels[naam] = _retourbericht(g)
            else:
                heen.append((naam, raw))
        for naam, r in self._verwerk(heen, database):
            regels[naam] = r
        alles_goed = True
        for naam in bestanden:
            regel = regels[naam]
            alles_goed &= regel["valid"]
            self.stdout.write(json.dumps({"file": naam, **regel}, ensure_ascii=False))
        if not alles_goed:
            raise CommandError("Niet alle berichten zijn geldig.", returncode=1)

    def _verwerk(self, heen, database):
        """(name, JSON answer) per heen message: the batch at once, or, when the batch
        breaks, each message on its own so one bad file never stops the others."""
        try:
            resultaten = verwerk([Invoer(raw) for _, raw in heen], opslaan=False, gesloten=database)
        except Exception:  # noqa: BLE001 (report per file below)
            resultaten = None
        for n, (naam, raw) in enumerate(heen):
            if resultaten is not None:
                r = resultaten[n]
            else:
                try:
                    r = verwerk([Invoer(raw)], opslaan=False, gesloten=database)[0]
                except Exception as exc:  # noqa: BLE001
                    melding = f"Interne fout bij het controleren ({type(exc).__name__})."
                    yield naam, _regel(None, False, ["0001"], [_bevinding("", "0001", melding)])
                    continue
            yield naam, _resultaat(r, raw)

    def _export(self, since, map, **_):
        try:
            vanaf = datetime.date.fromisoformat(since)
        except ValueError:
            raise CommandError("Geef --since als JJJJ-MM-DD, bijvoorbeeld 2026-01-01.") from None
        doel = Path(map)
        doel.mkdir(parents=True, exist_ok=True)
        aantal = 0
        for bestandsnaam, inhoud in selectors.uitgaande_berichten(vanaf):
            (doel / bestandsnaam).write_bytes(inhoud)
            aantal += 1
        self.stdout.write(f"{aantal} berichten geschreven naar {doel}")

    def _codelijsten(self, bestand, **_):
        try:
            rows = codelijsten.lees_csv(Path(bestand))
        except (OSError, KeyError, ValueError) as exc:
            raise CommandError(f"Kan {bestand} niet lezen: {exc}") from None
        n = codelijsten.werk_bij(Codewaarde, rows)
        self.stdout.write(f"{n} codewaarden bijgewerkt")


def _bevinding(pad, code, melding, regel="", regelnummer=None) -> dict:
    return {
        "regel": regel or None,
        "code": code,
        "pad": pad,
        "regelnummer": regelnummer,
        "melding": melding,
    }


def _regel(bericht, geldig, retourcodes, fouten, **extra) -> dict:
    return {
        "message": bericht,
        "valid": geldig,
        "retourcodes": retourcodes,
        **extra,
        "errors": fouten,
    }


def _bevindingen(fouten, raw: bytes, niveau: int) -> list[dict]:
    try:
        root = schema.parse_xml(raw)
    except schema.OngeldigeXml:
        root = None
    return [
        _bevinding(
            f.pad,
            f.code,
            f.melding,
            f.regelcode or ("XSD" if niveau == 1 else ""),
            _regelnummer(root, f.pad),
        )
        for f in fouten
    ]


def _resultaat(r, raw: bytes) -> dict:
    geldig = r.geaccepteerd and not r.fouten
    fouten = _bevindingen(r.fouten, raw, r.niveau)
    return _regel(r.gelezen.naam, geldig, r.retourcodes, fouten, niveau=r.niveau)


def _retourbericht(g) -> dict:
    fouten = _bevindingen(g.fouten, g.raw, 1)
    return _regel(
        g.naam,
        not g.fouten,
        [],
        fouten,
        retourbericht=True,
        melding=f"Dit is een retourbericht ({g.naam}); alleen de structuur is gecontroleerd.",
    )


_STAP = re.compile(r"([A-Za-z]+)(?:\[([0-9]+)\])?")


def _regelnummer(root, pad: str) -> int | None:
    """The line in the file of the element a finding points at (its path, as
    ``Client/StartProducten/StartProduct[2]``), or None."""
    if root is None:
        return None
    el = root
    for stap in filter(None, pad.split("/")):
        m = _STAP.fullmatch(stap)
        if m is None:
            return None
        naam, n = m.group(1), int(m.group(2) or 1)
        gelijk = [k for k in el if isinstance(k.tag, str) and etree.QName(k).localname == naam]
        if len(gelijk) < n:
            return None
        el = gelijk[n - 1]
    return el.sourceline
