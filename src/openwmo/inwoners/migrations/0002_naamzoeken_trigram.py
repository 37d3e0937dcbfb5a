"""Name search at city scale on PostgreSQL: trigram indexes for the ``icontains`` search on
surname and first names (``UPPER(col) LIKE UPPER('%…%')`` then uses the index instead of
reading every resident). SQLite keeps the plain scan; without the right to create the
pg_trgm extension the migration leaves the indexes out and search still works."""

from django.db import migrations, transaction

INDEXES = {
    "inwoners_persoon_achternaam_trgm": "achternaam",
    "inwoners_persoon_voornamen_trgm": "voornamen",
}


def maak(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        try:
            with transaction.atomic(using=schema_editor.connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception:  # no right to create extensions: search works without the index
            return
        for naam, kolom in INDEXES.items():
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {naam} ON inwoners_persoon "
                f"USING gin (UPPER({kolom}) gin_trgm_ops)"
            )


def verwijder(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for naam in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {naam}")


class Migration(migrations.Migration):
    dependencies = [("inwoners", "0001_initial")]

    operations = [migrations.RunPython(maak, verwijder)]
