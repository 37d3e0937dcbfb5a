from django.core.management.base import BaseCommand

from openwmo.toegang.tasks import termijnen_bewaken


class Command(BaseCommand):
    help = (
        "Zet de termijnbewaking in de takenwachtrij: signalen voor Wmo-termijnen die binnen "
        "N dagen verlopen of verlopen zijn. Dagelijks draaien, bijvoorbeeld via cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dagen", type=int, default=7, help="Waarschuw zoveel dagen vooraf.")
        parser.add_argument(
            "--direct", action="store_true", help="Nu uitvoeren in plaats van in de wachtrij."
        )

    def handle(self, *args, dagen, direct, **options):
        if dagen < 0:
            self.stderr.write("--dagen kan niet negatief zijn.")
            return
        if direct:
            uitkomst = termijnen_bewaken.call(dagen)
            self.stdout.write(
                f"Termijnbewaking: {uitkomst['waarschuwingen']} nieuwe waarschuwingen, "
                f"{uitkomst['verlopen']} verlopen termijnen."
            )
            return
        result = termijnen_bewaken.enqueue(dagen)
        self.stdout.write(f"Termijnbewaking in de wachtrij gezet (taak {result.id}).")
