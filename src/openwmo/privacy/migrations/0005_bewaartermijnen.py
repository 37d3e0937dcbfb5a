from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion

STANDAARD = [
    ("wmo_dossier", 15, "Wmo-cliëntdossier: 15 jaar na het einde van de laatste voorziening "
     "(wettelijke bewaartermijn, gelijk aan medische dossiers)."),
    ("zonder_voorziening", 5, "Melding, onderzoek of ondersteuningsplan zonder voorziening: "
     "5 jaar na afsluiten."),
]


def standaard(apps, schema_editor):
    Bewaartermijn = apps.get_model("privacy", "Bewaartermijn")
    for soort, jaren, toelichting in STANDAARD:
        Bewaartermijn.objects.create(soort=soort, jaren=jaren, toelichting=toelichting)


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0004_standaard_convenant"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Bewaartermijn",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("soort", models.CharField(choices=[("wmo_dossier", "Wmo-cliëntdossier met een voorziening"), ("zonder_voorziening", "Ondersteuning die niet tot een voorziening leidde")], max_length=20, unique=True, verbose_name="soort")),
                ("jaren", models.PositiveSmallIntegerField(verbose_name="bewaartermijn in jaren")),
                ("toelichting", models.CharField(max_length=300, verbose_name="toelichting en grondslag")),
            ],
            options={"verbose_name": "bewaartermijn", "verbose_name_plural": "bewaartermijnen", "ordering": ["soort"]},
        ),
        migrations.CreateModel(
            name="Bewaarmarkering",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("soort", models.CharField(choices=[("wmo_dossier", "Wmo-cliëntdossier met een voorziening"), ("zonder_voorziening", "Ondersteuning die niet tot een voorziening leidde")], max_length=20, verbose_name="soort")),
                ("object_type", models.CharField(max_length=40, verbose_name="soort gegeven")),
                ("object_id", models.BigIntegerField(verbose_name="object")),
                ("persoon_id", models.BigIntegerField(null=True, verbose_name="persoon")),
                ("afgesloten_op", models.DateField(verbose_name="afgesloten op")),
                ("verlopen_op", models.DateField(verbose_name="termijn verlopen op")),
                ("gemarkeerd_op", models.DateTimeField(auto_now_add=True)),
                ("besluit", models.CharField(blank=True, choices=[("anonimiseren", "Anonimiseren"), ("uitstellen", "Uitstellen (bijvoorbeeld lopend bezwaar of klacht)")], max_length=12, verbose_name="besluit")),
                ("besluit_op", models.DateTimeField(blank=True, null=True)),
                ("uitstellen_tot", models.DateField(blank=True, null=True, verbose_name="uitstellen tot")),
                ("toelichting", models.CharField(blank=True, max_length=1000, verbose_name="toelichting")),
                ("uitgevoerd_op", models.DateTimeField(blank=True, null=True, verbose_name="uitgevoerd op")),
                ("verwijderd", models.JSONField(blank=True, default=dict, verbose_name="wat is verwijderd")),
                ("besluit_door", models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
            options={"verbose_name": "bewaarmarkering", "verbose_name_plural": "bewaarmarkeringen", "ordering": ["verlopen_op", "pk"]},
        ),
        migrations.AddConstraint(
            model_name="bewaarmarkering",
            constraint=models.UniqueConstraint(fields=("object_type", "object_id"), name="een_markering_per_object"),
        ),
        migrations.RunPython(standaard, migrations.RunPython.noop),
    ]
