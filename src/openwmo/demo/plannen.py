"""Support plans for the persona households, written through the plan app's own services
(so they are versioned and audited like plans made on screen).

- Jelle: basisondersteuning about 3 hours a week, flexible, plus a volunteer for his
  finances (2 hours a week) and the job club in the buurtkamer; the worker coordinates.
- Mariska: stays in aanvullende ondersteuning (thuisondersteuning and low-stimulus
  dagbesteding in kind at her provider); she is her own regievoerder.
- Pieter: moves to basisondersteuning with a structured group project.
Frank's referral is left to be made on screen: it is the demo of the decision flow.
"""

from django.utils import timezone

from openwmo.accounts.models import User
from openwmo.inwoners.models import Persoon
from openwmo.organisaties.models import Organisatie
from openwmo.plannen import services

from .personas import JELLE, MARISKA, PIETER

KANAAL = "systeem"


def _persoon(persona) -> Persoon:
    return Persoon.objects.get(
        voornamen=persona.voornamen,
        achternaam=persona.achternaam,
        geboortedatum=persona.geboortedatum,
    )


def _plan(werker, persona, regels, *, regievoerder_soort, regievoerder_naam):
    plan = services.maak_plan(
        werker,
        bsn=_persoon(persona).bsn,
        regievoerder_soort=regievoerder_soort,
        regievoerder_naam=regievoerder_naam,
        kanaal=KANAAL,
    )
    for regel in regels:
        services.voeg_regel_toe(werker, plan.pk, kanaal=KANAAL, **regel)
    return services.activeer(werker, plan.pk, kanaal=KANAAL)


def build_persona_plans() -> int:
    werker = User.objects.get(username="sociaalwerker")
    aanbieder = Organisatie.objects.filter(soort=Organisatie.Soort.AANVULLEND).order_by("pk")[0]
    vandaag = timezone.localdate()
    over_een_jaar = vandaag.replace(year=vandaag.year + 1, day=min(vandaag.day, 28))
    naam = werker.get_full_name()
    _plan(
        werker,
        JELLE,
        [
            dict(
                soort="basis",
                resultaat="Jelle heeft weer ritme in zijn week en houdt zijn huis",
                uitvoerder=naam,
                uren_per_week="3",
                flexibel=True,
            ),
            dict(
                soort="sociale_basis",
                resultaat="Overzicht over zijn geld; schuldregeling voorbereid",
                uitvoerder="Vrijwilliger thuisadministratie",
                omschrijving="Thuisadministratie, 2 uur per week",
                uren_per_week="2",
            ),
            dict(
                soort="sociale_basis",
                resultaat="Weer contact met anderen en zicht op werk",
                uitvoerder="Buurtkamer De Linde",
                omschrijving="Banenclub in de buurtkamer",
            ),
        ],
        regievoerder_soort="professional",
        regievoerder_naam=naam,
    )
    _plan(
        werker,
        MARISKA,
        [
            dict(
                soort="aanvullend",
                resultaat="Mariska houdt grip op haar dag en haar huis",
                uitvoerder=str(aanbieder),
                productcategorie="thuisondersteuning",
                leveringsvorm="zin",
                organisatie=aanbieder,
                ingangsdatum=vandaag,
                einddatum=over_een_jaar,
            ),
            dict(
                soort="aanvullend",
                resultaat="Een vaste, prikkelarme dagbesteding",
                uitvoerder=str(aanbieder),
                productcategorie="dagbesteding",
                leveringsvorm="zin",
                organisatie=aanbieder,
                ingangsdatum=vandaag,
                einddatum=over_een_jaar,
            ),
        ],
        regievoerder_soort="inwoner",
        regievoerder_naam=f"{MARISKA.voornamen} {MARISKA.achternaam}",
    )
    _plan(
        werker,
        PIETER,
        [
            dict(
                soort="basis",
                resultaat="Pieter woont zelfstandig met een planbare week",
                uitvoerder=naam,
                uren_per_week="3",
                flexibel=True,
            ),
            dict(
                soort="sociale_basis",
                resultaat="Structuur en contacten in een groepsproject",
                uitvoerder="Buurtkamer De Linde",
                omschrijving="Werkplaats in de buurtkamer",
            ),
        ],
        regievoerder_soort="inwoner",
        regievoerder_naam=f"{PIETER.voornamen} {PIETER.achternaam}",
    )
    return 3
