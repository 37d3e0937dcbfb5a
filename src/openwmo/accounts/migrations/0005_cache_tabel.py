"""The table of Django's database cache (settings.CACHE_TABEL), which holds the rate-limit
counters shared by all workers and machines. Made here so `openwmo migrate` is enough; the
same table `createcachetable` would make, whatever OPENWMO_CACHE says at migrate time."""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABEL = "openwmo_cache"  # = settings.CACHE_TABEL; fixed here, a migration must not change


def maak(apps, schema_editor):
    commando = CreateCacheTable()
    commando.verbosity = 0
    commando.create_table(schema_editor.connection.alias, TABEL, dry_run=False)


def verwijder(apps, schema_editor):
    if TABEL in schema_editor.connection.introspection.table_names():
        schema_editor.execute(f"DROP TABLE {schema_editor.quote_name(TABEL)}")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_rolwijziging_organisatie_heractiveren")]

    operations = [migrations.RunPython(maak, verwijder, elidable=False)]
