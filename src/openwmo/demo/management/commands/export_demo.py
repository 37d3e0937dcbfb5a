"""``openwmo export_demo DIR``: a canonical CSV export of the seeded demo register."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openwmo.demo.export import export_register


class Command(BaseCommand):
    help = (
        "Schrijft een vaste, vergelijkbare CSV-export van het demoregister (per tabel een "
        "bestand, gesorteerd op id, zonder tijdstempels of wachtwoorden) naar een map."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="Doelmap voor de CSV-bestanden.")
        parser.add_argument(
            "--bestaande-clienten",
            type=Path,
            default=None,
            help="De export van bestaande cliënten om mee te kopiëren "
            "(standaard var/demo/bestaande-clienten.csv als die bestaat).",
        )

    def handle(self, *args, **options):
        try:
            files = export_register(options["directory"], legacy_csv=options["bestaande_clienten"])
        except FileNotFoundError as error:
            raise CommandError(str(error)) from error
        for path, rows in files:
            self.stdout.write(f"  {path.name:<26} {rows:>9} regels")
        self.stdout.write(f"Export geschreven naar {options['directory']}")
