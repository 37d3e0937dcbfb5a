"""Default letter texts (editable in the admin) and the municipal setting."""

from django.db import migrations

TEKSTEN = [
    (
        "brief-afsluiting",
        "Afsluiting van elke brief",
        "Heeft u vragen over deze brief? Bel dan {{ instelling.telefoon }} en noem het "
        "kenmerk {{ kenmerk }}.\n\nMet vriendelijke groet,\n\n{{ instelling.afdeling }}\n"
        "{{ instelling.gemeente }}",
    ),
    (
        "verwijzing-inleiding",
        "Verwijzing: inleiding",
        "In het gesprek over uw ondersteuningsplan hebben wij samen vastgesteld welke "
        "ondersteuning u nodig heeft. Een deel daarvan kan de basisondersteuning niet bieden. "
        "Daarom verwijzen wij u met deze brief naar aanvullende ondersteuning. U hoeft hiervoor "
        "niets aan te vragen: de ondersteuning is onderdeel van uw ondersteuningsplan.",
    ),
    (
        "verwijzing-recht-op-beschikking",
        "Verwijzing: recht op een beschikking",
        "U heeft het recht om in plaats van deze verwijzing een beschikking te krijgen: een "
        "formeel besluit van de gemeente (Wmo 2015 artikel 2.3.5). Tegen een beschikking kunt u "
        "bezwaar maken. Wilt u een beschikking? Laat het uw regievoerder of de gemeente weten; "
        "dan schrijft de basisondersteuning een zwaarwegend advies en neemt de gemeente binnen "
        "twee weken na uw aanvraag een besluit.",
    ),
    (
        "beschikking-inleiding",
        "Beschikking: inleiding",
        "U heeft een maatwerkvoorziening aangevraagd op grond van de Wet maatschappelijke "
        "ondersteuning 2015. Wij hebben het zwaarwegend advies van de basisondersteuning en uw "
        "ondersteuningsplan beoordeeld. In deze brief leest u ons besluit.",
    ),
    (
        "beschikking-pgb",
        "Beschikking: verplichtingen bij een pgb",
        "U ontvangt de ondersteuning als persoonsgebonden budget. Het budget wordt beheerd door "
        "de Sociale Verzekeringsbank (trekkingsrecht). U sluit zelf een zorgovereenkomst met uw "
        "hulpverlener en gebruikt het budget alleen voor de ondersteuning in dit besluit. Wij "
        "kunnen controleren of het budget goed wordt besteed.",
    ),
    (
        "beschikking-bezwaar",
        "Beschikking: bezwaar maken",
        "Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Dat moet binnen zes "
        "weken na de dag waarop deze brief is verstuurd, dus uiterlijk op "
        "{{ bezwaartermijn|date:'j F Y' }}. Stuur uw bezwaarschrift naar {{ instelling.gemeente }}, "
        "{{ instelling.postadres }}. Zet in uw bezwaarschrift uw naam en adres, de datum, het "
        "kenmerk {{ kenmerk }}, waarom u het niet eens bent met het besluit, en uw "
        "handtekening (Algemene wet bestuursrecht artikel 6:5). Heeft u haast? Dan kunt u de "
        "voorzieningenrechter van de rechtbank vragen om een voorlopige voorziening.",
    ),
]


def laden(apps, schema_editor):
    Tekstblok = apps.get_model("besluiten", "Tekstblok")
    Instelling = apps.get_model("besluiten", "Instelling")
    for sleutel, titel, tekst in TEKSTEN:
        Tekstblok.objects.update_or_create(
            sleutel=sleutel, defaults={"titel": titel, "tekst": tekst}
        )
    if not Instelling.objects.exists():
        Instelling.objects.create(
            gemeente="Gemeente Lindeveen",
            besluitvorm="verwijzing",
            afdeling="Team Wmo",
            postadres="Postbus 1000, 9000 AA Lindeveen",
            telefoon="14 058",
            website="www.lindeveen.example",
        )


def leeg(apps, schema_editor):
    apps.get_model("besluiten", "Tekstblok").objects.filter(
        sleutel__in=[t[0] for t in TEKSTEN]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("besluiten", "0002_initial")]
    operations = [migrations.RunPython(laden, leeg)]
