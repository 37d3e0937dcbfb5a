"""``openwmo financien``: savings scenarios and the initial split, as JSON."""

import json

from django.core.management.base import BaseCommand, CommandError

from openwmo.financien import selectors
from openwmo.financien.models import Scenario


class Command(BaseCommand):
    help = "Financiën: bezuinigingsscenario's en de startverdeling als JSON."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="actie", required=True)
        sc = sub.add_parser("scenario", help="Eén JSON-object met de uitkomst van een scenario.")
        sc.add_argument("code", help="Code van het scenario, bijvoorbeeld leeuwarden")
        sv = sub.add_parser(
            "startverdeling", help="Startverdeling uit het bestaande cliëntenbestand."
        )
        sv.add_argument("--jaar", type=int, required=True)
        sv.add_argument(
            "--bestand",
            help="CSV met één regel per beschikking (standaard: de bestaande beschikkingen "
            "die bij de overgang zijn ingelezen)",
        )

    def handle(self, *args, actie, **opts):
        return getattr(self, f"_{actie}")(**opts)

    def _scenario(self, code, **_):
        try:
            s = selectors.scenario_via_code(code)
        except Scenario.DoesNotExist:
            raise CommandError(f"Onbekend scenario: {code}") from None
        u = selectors.scenario_uitkomst(s)
        uit = {
            "scenario": s.naam,
            "target": u["target"],
            "measures_total": u["measures_total"],
            "reserve": u["reserve"],
            "target_from": s.taakstelling_vanaf,
            "measures": [
                {"name": r["maatregel"].naam, "pillar": r["maatregel"].pijler,
                 "from": r["maatregel"].vanaf_jaar, "amount": r["effect_cents"]}
                for r in u["maatregelen"]
            ],
            "per_year": u["per_jaar"],
        }  # fmt: skip
        self.stdout.write(json.dumps(uit, ensure_ascii=False))

    def _startverdeling(self, jaar, bestand=None, **_):
        from pathlib import Path

        if bestand:
            pad = Path(bestand)
            if not pad.exists():
                raise CommandError(f"Bestand niet gevonden: {pad}")
            try:
                groepen = selectors.clientgroepen_uit_csv(pad, jaar)
            except (LookupError, KeyError, ValueError) as exc:
                raise CommandError(f"Bestand niet te verwerken: {exc}") from None
        else:
            try:
                groepen = selectors.startgroepen(jaar)
            except LookupError as exc:
                raise CommandError(str(exc)) from None
            if not groepen:
                raise CommandError("Er zijn geen bestaande beschikkingen ingelezen.")
        v = selectors.verdeel_clientenbestand(groepen, jaar)
        uit = {
            "basis_cents": v.basis_cents,
            "aanvullend_cents": v.aanvullend_cents,
            "per_categorie": {
                c: {"basis": b, "aanvullend": a} for c, (b, a) in v.per_categorie.items()
            },
            "clienten": {g.categorie: g.aantal for g in groepen},
        }
        self.stdout.write(json.dumps(uit, ensure_ascii=False))
