"""The starter set of indicators. Policy makers may edit name, definition, level and target."""

from django.db import migrations

# (code, naam, definitie, niveau, eenheid, bron, streefwaarde, hoger_is_beter)
STARTSET = [
    (
        "meldingen_per_1000",
        "Meldingen per 1.000 inwoners",
        "Aantal meldingen (alle kanalen) in de periode per 1.000 inwoners van de gemeente "
        "of de wijk.",
        "output",
        "per_1000",
        "meldingen",
        None,
        False,
    ),
    (
        "eerste_contact_opgelost",
        "Opgelost in het eerste contact",
        "Aandeel van de meldingen met een uitkomst van het eerste contact dat direct is "
        "opgelost met informatie en advies, een activiteit, een vrijwilliger of het eigen "
        "netwerk.",
        "outcome",
        "percentage",
        "eerste_contact",
        80,
        True,
    ),
    (
        "onderzoek_binnen_6_weken",
        "Onderzoek binnen 6 weken",
        "Aandeel van de in de periode afgeronde onderzoeken dat binnen 6 weken na de melding "
        "is afgerond (Wmo 2015 art. 2.3.2). Opschortingen zijn niet afgetrokken.",
        "throughput",
        "percentage",
        "onderzoek_termijn",
        95,
        True,
    ),
    (
        "besluit_binnen_2_weken",
        "Besluit binnen 2 weken",
        "Aandeel van de in de periode genomen besluiten dat binnen 2 weken na de aanvraag is "
        "genomen (Wmo 2015 art. 2.3.5).",
        "throughput",
        "percentage",
        "besluit_termijn",
        95,
        True,
    ),
    (
        "wachttijd_mediaan",
        "Wachttijd toewijzing tot start (mediaan)",
        "Mediaan van het aantal dagen tussen de eerste toewijzing (iWmo 301) en de eerste "
        "start van de levering (305), over toewijzingen die in de periode startten.",
        "throughput",
        "dagen",
        "wachttijd_mediaan",
        14,
        False,
    ),
    (
        "wachttijd_p90",
        "Wachttijd toewijzing tot start (90e percentiel)",
        "Het aantal dagen waarbinnen 90% van de toewijzingen die in de periode startten, "
        "begonnen is.",
        "throughput",
        "dagen",
        "wachttijd_p90",
        28,
        False,
    ),
    (
        "clienten_sociale_basis",
        "Inwoners met ondersteuning in de sociale basis per 1.000",
        "Aantal inwoners met een lopende regel eigen kracht, netwerk of sociale basis in hun "
        "plan in de periode, per 1.000 inwoners.",
        "output",
        "per_1000",
        "clienten_sociale_basis",
        None,
        True,
    ),
    (
        "clienten_basis",
        "Cliënten basisondersteuning per 1.000 inwoners",
        "Aantal inwoners met een lopende regel basisondersteuning in de periode, per 1.000 "
        "inwoners.",
        "output",
        "per_1000",
        "clienten_basis",
        None,
        True,
    ),
    (
        "clienten_aanvullend",
        "Cliënten aanvullende ondersteuning per 1.000 inwoners",
        "Aantal inwoners met een lopende regel aanvullende ondersteuning in de periode, per "
        "1.000 inwoners.",
        "input",
        "per_1000",
        "clienten_aanvullend",
        None,
        False,
    ),
    (
        "stroom_basis_aanvullend",
        "Doorstroom basis naar aanvullend",
        "Aantal nieuwe regels aanvullende ondersteuning die starten binnen 31 dagen nadat in "
        "hetzelfde plan een regel basisondersteuning eindigde.",
        "output",
        "aantal",
        "stroom_basis_aanvullend",
        None,
        False,
    ),
    (
        "stroom_aanvullend_basis",
        "Afschaling aanvullend naar basis",
        "Aantal nieuwe regels basisondersteuning die starten binnen 31 dagen nadat in "
        "hetzelfde plan een regel aanvullende ondersteuning eindigde.",
        "outcome",
        "aantal",
        "stroom_aanvullend_basis",
        None,
        True,
    ),
    (
        "stroom_naar_sociale_basis",
        "Uitstroom naar de sociale basis",
        "Aantal nieuwe regels eigen kracht, netwerk of sociale basis die starten binnen 31 "
        "dagen nadat in hetzelfde plan basis- of aanvullende ondersteuning eindigde.",
        "outcome",
        "aantal",
        "stroom_naar_sociale_basis",
        None,
        True,
    ),
    (
        "plannen_beeindigd",
        "Beëindigde plannen",
        "Aantal ondersteuningsplannen dat in de periode is beëindigd (laatste einddatum).",
        "output",
        "aantal",
        "stroom_beeindigd",
        None,
        True,
    ),
    (
        "beeindigd_volgens_plan",
        "Volgens plan beëindigd",
        "Aandeel van de definitieve stopberichten (iWmo 307) in de periode met reden "
        "'Volgens plan beëindigd' (WMO588 code 19). De verdeling over alle redenen staat "
        "bij de indicator.",
        "outcome",
        "percentage",
        "beeindigd_volgens_plan",
        70,
        True,
    ),
    (
        "doelrealisatie",
        "Doelrealisatie",
        "Gemiddelde doelrealisatie van de in de periode uitgevoerde evaluaties: bereikt telt "
        "voor 1, deels bereikt voor een half, niet bereikt voor 0.",
        "impact",
        "percentage",
        "doelrealisatie",
        75,
        True,
    ),
    (
        "plannen_met_netwerk",
        "Plannen met netwerk of vrijwilliger",
        "Aandeel van de in de periode lopende plannen met minstens een regel netwerk of "
        "sociale basis (vrijwilligers, algemene voorzieningen).",
        "outcome",
        "percentage",
        "plannen_netwerk",
        60,
        True,
    ),
    (
        "tevredenheid_toegang",
        "Cliëntervaring: toegang",
        "Aandeel positieve antwoorden (eens of helemaal eens) op de vragen over de toegang in "
        "het cliëntervaringsonderzoek.",
        "outcome",
        "percentage",
        "tevredenheid_toegang",
        80,
        True,
    ),
    (
        "tevredenheid_kwaliteit",
        "Cliëntervaring: kwaliteit",
        "Aandeel positieve antwoorden op de vragen over de kwaliteit van de ondersteuning.",
        "outcome",
        "percentage",
        "tevredenheid_kwaliteit",
        80,
        True,
    ),
    (
        "tevredenheid_effect",
        "Cliëntervaring: effect",
        "Aandeel positieve antwoorden op de vragen over het effect van de ondersteuning op "
        "zelfredzaamheid en kwaliteit van leven.",
        "impact",
        "percentage",
        "tevredenheid_effect",
        75,
        True,
    ),
    (
        "klachten_per_1000",
        "Klachten per 1.000 cliënten",
        "Aantal klachten in de periode per 1.000 inwoners met basis- of aanvullende "
        "ondersteuning in de periode.",
        "outcome",
        "per_1000",
        "klachten",
        None,
        False,
    ),
    (
        "lumpsum_besteding",
        "Besteding lumpsum",
        "Besteed deel van het lumpsumbudget van het jaar waarin de periode eindigt.",
        "input",
        "percentage",
        "lumpsum",
        100,
        False,
    ),
    (
        "schuldsignalen_per_maand",
        "Schuldsignalen per maand",
        "Gemiddeld aantal signalen van (dreigende) schulden per maand in de periode.",
        "output",
        "aantal",
        "schuldsignalen",
        None,
        True,
    ),
    (
        "doorlooptijd_snelle_route",
        "Doorlooptijd snelle route",
        "Mediaan van het aantal dagen van melding tot levering in de snelle route.",
        "throughput",
        "dagen",
        "snelle_route",
        10,
        False,
    ),
]


def laden(apps, schema_editor):
    Indicator = apps.get_model("sturing", "Indicator")
    for volgorde, rij in enumerate(STARTSET, start=1):
        code, naam, definitie, niveau, eenheid, bron, streef, hoger = rij
        Indicator.objects.get_or_create(
            code=code,
            defaults={
                "naam": naam,
                "definitie": definitie,
                "niveau": niveau,
                "eenheid": eenheid,
                "bron": bron,
                "streefwaarde": streef,
                "hoger_is_beter": hoger,
                "volgorde": volgorde * 10,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("sturing", "0001_initial")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
