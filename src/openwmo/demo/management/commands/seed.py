"""``openwmo seed``: fill an empty database with the demo municipality Lindeveen."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from openwmo.demo.constants import DEFAULT_RESIDENTS, DEFAULT_SEED, DEMO_PASSWORD, DEMO_USERS
from openwmo.demo.generator import DatabaseNotEmpty, seed

PRESETS = ["default", "city"]


class Command(BaseCommand):
    help = (
        "Vult een lege database met de fictieve demogemeente Lindeveen: wijken, buurten, "
        "organisaties, medewerkers, demo-accounts en inwoners. Schrijft de bestaande "
        "Wmo-cliënten als CSV-export van de gemeente."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--preset",
            choices=PRESETS,
            default="default",
            help=(
                "default: de demogemeente; city: een stad van ca. 900.000 inwoners met vijf "
                "jaar geschiedenis (ca. 60.000 actieve cliënten, ca. 2 miljoen iWmo-berichten)."
            ),
        )
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Alleen bij --preset city: schaalfactor, bijvoorbeeld 0.01 om te ontwikkelen.",
        )
        parser.add_argument(
            "--residents",
            type=int,
            default=None,
            help=f"Aantal inwoners (standaard {DEFAULT_RESIDENTS}; niet bij --preset city).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=f"Startgetal: dezelfde seed geeft dezelfde gemeente (standaard {DEFAULT_SEED}).",
        )
        parser.add_argument(
            "--export-dir",
            type=Path,
            default=None,
            help="Map voor bestaande-clienten.csv (standaard var/demo).",
        )

    def handle(self, *args, **options):
        export_dir = options["export_dir"] or Path(settings.VAR_DIR) / "demo"
        export_dir.mkdir(parents=True, exist_ok=True)
        city = options["preset"] == "city"
        if city and options["residents"] is not None:
            raise CommandError("Gebruik --scale in plaats van --residents bij --preset city.")
        try:
            if city:
                from openwmo.demo.city import seed_city

                seed_city(
                    options["scale"],
                    options["seed"],
                    stdout=self.stdout,
                    legacy_dir=export_dir,
                )
            else:
                seed(
                    residents=options["residents"] or DEFAULT_RESIDENTS,
                    seed=options["seed"],
                    stdout=self.stdout,
                    legacy_dir=export_dir,
                )
        except (DatabaseNotEmpty, ValueError) as error:
            raise CommandError(str(error)) from error
        if apps.is_installed("openwmo.sturing"):
            from openwmo.sturing.services import tussenstanden_bijwerken

            uitkomst = tussenstanden_bijwerken()
            self.stdout.write(
                f"Sturingscijfers vooraf berekend: {uitkomst['gevallen']} gevallen, "
                f"{uitkomst['tabellen']} tabellen in {uitkomst['seconden']} s"
            )
        self.stdout.write("")
        self.stdout.write(f"Demo-accounts (wachtwoord voor alle accounts: {DEMO_PASSWORD}):")
        for username, rol, omschrijving in DEMO_USERS:
            self.stdout.write(f"  {username:<14} {rol:<22} {omschrijving}")
