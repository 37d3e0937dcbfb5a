"""Leeuwarden's triage criteria (Uitvoeringsplan Herijking Ondersteuning Wmo 2019, §4.1).

Configuration data: functioneel beheer changes or adds criteria per municipality in the
admin. The wording is the seed's."""

from django.db import migrations

GEMEENTE = "Leeuwarden"
SETS = [
    {
        "naam": "Thuisondersteuning",
        "doel_basis": "Algemene ondersteuning die bijdraagt aan zelfredzaamheid en participatie.",
        "doel_aanvullend": (
            "Specialistische ondersteuning die bijdraagt aan zelfredzaamheid en participatie."
        ),
        "criteria": [
            (
                "Mate van inzicht in beperking",
                "Inwoner heeft een redelijk tot beperkt inzicht in zijn/haar beperking",
                "Inwoner heeft een beperkt tot zeer beperkt inzicht in zijn/haar beperking",
            ),
            (
                "Mate van planbaarheid van de zorg",
                "Zorg is deels planbaar, deels onplanbaar. Soms is er een noodzaak tot direct "
                "handelen/ingrijpen (fysiek/gedrag)",
                "Zorg is voornamelijk onplanbaar en complex. Er is vaak een noodzaak tot direct "
                "handelen/ingrijpen (fysiek/gedrag)",
            ),
            (
                "Benodigde deskundigheid medewerker",
                "Generieke deskundigheid, aangevuld met specifieke deskundigheid en signalerend "
                "vermogen",
                "Specifieke deskundigheid en signalerend vermogen",
            ),
        ],
    },
    {
        "naam": "Dagbesteding",
        "doel_basis": (
            "Algemene ondersteuning die bijdraagt aan het stabiliseren/behouden of "
            "bevorderen/verbeteren/ontwikkelen van zelfredzaamheid en participatie"
        ),
        "doel_aanvullend": (
            "Specialistische ondersteuning die bijdraagt aan het stabiliseren/behouden of "
            "bevorderen/verbeteren/ontwikkelen van zelfredzaamheid en participatie"
        ),
        "criteria": [
            (
                "Mate van benodigde structuur en omgeving",
                "Inwoner heeft dagbesteding met een gemiddelde tot duidelijke structuur nodig. "
                "Soms is er noodzaak tot direct handelen/ingrijpen (fysiek/gedrag)",
                "Inwoner heeft dagbesteding met een strakke structuur nodig. Er is vaak een "
                "noodzaak tot direct handelen/ingrijpen (fysiek/gedrag)",
            ),
            (
                "Mogelijkheid tot mix in doelgroep",
                "Vaak een mix van doelgroepen mogelijk",
                "Zeer beperkt een mix van doelgroepen mogelijk",
            ),
            (
                "Benodigde deskundigheid medewerker",
                "Generieke deskundigheid, aangevuld met specifieke deskundigheid en signalerend "
                "vermogen",
                "Specifieke deskundigheid en signalerend vermogen",
            ),
        ],
    },
]


def laden(apps, schema_editor):
    Criteriaset = apps.get_model("toegang", "Criteriaset")
    Criterium = apps.get_model("toegang", "Criterium")
    for spec in SETS:
        criteriaset, _ = Criteriaset.objects.get_or_create(
            gemeente=GEMEENTE,
            naam=spec["naam"],
            defaults={"doel_basis": spec["doel_basis"], "doel_aanvullend": spec["doel_aanvullend"]},
        )
        for volgorde, (naam, basis, aanvullend) in enumerate(spec["criteria"], start=1):
            Criterium.objects.get_or_create(
                criteriaset=criteriaset,
                naam=naam,
                defaults={"volgorde": volgorde, "basis": basis, "aanvullend": aanvullend},
            )


def verwijderen(apps, schema_editor):
    apps.get_model("toegang", "Criteriaset").objects.filter(gemeente=GEMEENTE).delete()


class Migration(migrations.Migration):
    dependencies = [("toegang", "0001_initial")]
    operations = [migrations.RunPython(laden, verwijderen)]
