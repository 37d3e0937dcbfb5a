"""Write the wijk shapes of the current database as GeoJSON (for the neighbourhood map)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from openwmo.sturing.kaartvormen import geojson

DOEL = Path(__file__).resolve().parents[2].parent / "static" / "sturing" / "wijken.geojson"


class Command(BaseCommand):
    help = "Schrijft de wijkvormen (GeoJSON) voor de kaart van de sturingsinformatie."

    def add_arguments(self, parser):
        parser.add_argument("--uit", default=str(DOEL))

    def handle(self, *args, uit, **options):
        from openwmo.gebieden.models import Postcode, Wijk

        punten: dict[int, list] = {}
        for wijk_id, lat, lon in Postcode.objects.values_list(
            "buurt__wijk_id", "latitude", "longitude"
        ).order_by("pk"):
            punten.setdefault(wijk_id, []).append((lat, lon))
        data = geojson([(w.code, w.naam, punten.get(w.pk, [])) for w in Wijk.objects.all()])
        Path(uit).write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
        self.stdout.write(f"{len(data['features'])} wijken naar {uit}")
