import json

from django.core.management.base import BaseCommand

from openwmo.sturing import services


class Command(BaseCommand):
    help = "Berekent de sturingscijfers vooraf (dagelijks; zie docs/sturing.md)."

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(services.tussenstanden_bijwerken()))
