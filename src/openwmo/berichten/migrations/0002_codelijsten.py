"""Load the iStandaarden code lists from data/codelijsten.csv (updatable afterwards)."""

from django.db import migrations


def laad(apps, schema_editor):
    from openwmo.berichten.codelijsten import lees_csv, werk_bij

    werk_bij(apps.get_model("berichten", "Codewaarde"), lees_csv())


class Migration(migrations.Migration):
    dependencies = [("berichten", "0001_initial")]

    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
