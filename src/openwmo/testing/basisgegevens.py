"""Reference data that data migrations load (covenant, retention terms, triage criteria,
iWmo code lists, letter texts).

A transactional test (the end-to-end tests) empties every table when it ends; this puts
the reference data back before the next one, by running the same migration functions.
"""

from importlib import import_module

from django.apps import apps

# (app label, migration, function, model that it fills)
DATAMIGRATIES = [
    ("organisaties", "0004_percelen_lindeveen", "laden", "Perceel"),
    ("privacy", "0004_standaard_convenant", "forwards", "Deelafspraak"),
    ("privacy", "0005_bewaartermijnen", "standaard", "Bewaartermijn"),
    ("toegang", "0002_criteria_leeuwarden", "laden", "Criteriaset"),
    ("berichten", "0002_codelijsten", "laad", "Codewaarde"),
    ("besluiten", "0003_teksten_en_instelling", "laden", "Tekstblok"),
    ("financien", "0001_initial", "laden", "Scenario"),
    ("kwaliteit", "0001_initial", "laden", "Kwaliteitseis"),
    ("sturing", "0002_startset", "laden", "Indicator"),
]


def herstel() -> None:
    for label, migratie, functie, model in DATAMIGRATIES:
        if not apps.is_installed(f"openwmo.{label}"):
            continue
        if apps.get_model(label, model).objects.exists():
            continue
        module = import_module(f"openwmo.{label}.migrations.{migratie}")
        getattr(module, functie)(apps, None)
