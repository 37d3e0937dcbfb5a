from django.core.management.base import BaseCommand

from openwmo.privacy import tasks


class Command(BaseCommand):
    help = (
        "Bewaartermijnen bewaken: markeer gegevens waarvan de termijn is verstreken en "
        "anonimiseer wat de privacyfunctionaris heeft goedgekeurd. Draai dagelijks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--direct", action="store_true", help="Nu uitvoeren in plaats van in de takenwachtrij."
        )

    def handle(self, *args, direct=False, **options):
        for taak in (tasks.markeer_verlopen_bewaartermijnen, tasks.voer_bewaarbesluiten_uit):
            if direct:
                resultaat = taak.call()
                self.stdout.write(f"{taak.name}: {resultaat}")
            else:
                resultaat = taak.enqueue()
                self.stdout.write(f"{taak.name}: in de wachtrij ({resultaat.id})")
