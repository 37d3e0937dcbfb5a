"""A starting privacy covenant; the privacy officer adapts it per municipality.

Basisondersteuning runs Het gesprek and the plan and needs the whole file; aanvullende
ondersteuning gets what the referral and the iWmo messages carry; household help and
volunteers only what a visit needs; other chain partners nothing by default."""

from django.db import migrations

TOEGESTAAN = {
    "basis": {"naam", "bsn", "geboortedatum", "adres", "contact", "hulpvraag", "huishouden",
              "netwerk", "vertegenwoordiging", "levensdomeinen", "plan"},
    "aanvullend": {"naam", "bsn", "geboortedatum", "adres", "contact", "hulpvraag",
                   "vertegenwoordiging", "plan"},
    "hh": {"naam", "bsn", "geboortedatum", "adres", "contact", "hulpvraag", "plan"},
    "vrijwilligers": {"naam", "contact", "hulpvraag"},
    "partner": set(),
}
GEGEVENS = ["naam", "bsn", "geboortedatum", "adres", "contact", "hulpvraag", "huishouden",
            "netwerk", "vertegenwoordiging", "levensdomeinen", "plan"]


def forwards(apps, schema_editor):
    Deelafspraak = apps.get_model("privacy", "Deelafspraak")
    Deelafspraak.objects.bulk_create(
        Deelafspraak(gegeven=g, partnersoort=soort, toegestaan=g in toegestaan)
        for soort, toegestaan in TOEGESTAAN.items()
        for g in GEGEVENS
    )


def backwards(apps, schema_editor):
    apps.get_model("privacy", "Deelafspraak").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("privacy", "0003_privacyregistratie")]
    operations = [migrations.RunPython(forwards, backwards)]
