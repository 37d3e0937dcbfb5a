import datetime

from django.core.management.base import BaseCommand, CommandError

from openwmo.ops import services


class Command(BaseCommand):
    help = (
        "Zet taken die een gestopte worker niet afmaakte terug in de wachtrij "
        "(ExecStartPre van openwmo-worker@.service)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", default="", help="taken van deze worker-id")
        parser.add_argument(
            "--ouder-dan-minuten", type=int, help="alle taken die langer dan dit bezig zijn"
        )

    def handle(self, *, worker_id, ouder_dan_minuten, **options):
        if not worker_id and ouder_dan_minuten is None:
            raise CommandError("Geef --worker-id of --ouder-dan-minuten.")
        ouder_dan = (
            datetime.timedelta(minutes=ouder_dan_minuten) if ouder_dan_minuten is not None else None
        )
        aantal = services.herstel_taken(worker_id=worker_id, ouder_dan=ouder_dan)
        self.stdout.write(f"{aantal} taak/taken opnieuw in de wachtrij.")
