from django.db import migrations

# The lots of the Leeuwarden model: one for basisondersteuning and three for aanvullende
# ondersteuning. A municipality with other lots edits them in the admin.
PERCELEN = [
    (
        "basis",
        "Basisondersteuning",
        "basis",
        "Laagdrempelige, beschikkingsvrije ondersteuning per gebied (lumpsum).",
    ),
    (
        "to-db",
        "Thuisondersteuning en dagbesteding",
        "aanvullend",
        "Aanvullende thuisondersteuning en dagbesteding (lumpsum per aanbieder).",
    ),
    (
        "hh",
        "Huishoudelijke hulp",
        "aanvullend",
        "Huishoudelijke hulp als maatwerkvoorziening (lumpsum per aanbieder).",
    ),
    (
        "kv",
        "Kortdurend verblijf",
        "aanvullend",
        "Logeren en kortdurend verblijf ter ontlasting van mantelzorgers.",
    ),
]


def laden(apps, schema_editor):
    Perceel = apps.get_model("organisaties", "Perceel")
    for code, naam, pijler, omschrijving in PERCELEN:
        Perceel.objects.get_or_create(
            code=code, defaults={"naam": naam, "pijler": pijler, "omschrijving": omschrijving}
        )


class Migration(migrations.Migration):
    dependencies = [("organisaties", "0003_perceel")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
