"""``openwmo iwmo``: validate iWmo messages, export outgoing messages, update code lists."""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openwmo.berichten import codelijsten, selectors
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
        invoer, namen, onleesbaar = [], [], {}
        for naam in bestanden:
            try:
                invoer.append(Invoer(Path(naam).read_bytes()))
                namen.append(naam)
            except OSError as exc:
                onleesbaar[naam] = f"Bestand niet te lezen: {exc.strerror or exc}"
        resultaten = verwerk(invoer, opslaan=False, gesloten=database)
        alles_goed = not onleesbaar
        per_naam = dict(zip(namen, resultaten, strict=True))
        for naam in bestanden:
            if naam in onleesbaar:
                regel = {"message": None, "valid": False, "retourcodes": ["0001"]}
                regel["errors"] = [{"pad": "", "code": "0001", "melding": onleesbaar[naam]}]
            else:
                r = per_naam[naam]
                regel = r.als_dict()
                regel["valid"] = r.geaccepteerd and not r.fouten
            alles_goed &= regel["valid"]
            self.stdout.write(json.dumps({"file": naam, **regel}, ensure_ascii=False))
        if not alles_goed:
            raise CommandError("Niet alle berichten zijn geldig.", returncode=1)

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
