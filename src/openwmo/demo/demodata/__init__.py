"""Demo data of the product apps, one module per app, run at the end of ``openwmo seed``.

Each module has ``vul(rng: random.Random) -> dict`` and writes through its app's services
where a rule applies; the dict goes into the seed's summary. The product apps hold no demo
code: they only know their own services and selectors.
"""

import random
from importlib import import_module

from django.apps import apps

# Fixed order. overgang imports the existing beschikkingen before financien fixes the
# lumpsums from them (the start split reads the imported beschikkingen).
VOLGORDE = [
    "berichten",
    "overgang",
    "financien",
    "kwaliteit",
    "schuldhulp",
    "jeugd",
    "voorzieningen",
    "sturing",
]


def vul_alles(seed: int) -> dict:
    """Run every app's demo data in ``VOLGORDE``; apps that are not installed are skipped."""
    summary: dict = {}
    for app in VOLGORDE:
        if not apps.is_installed(f"openwmo.{app}"):
            continue
        module = import_module(f"{__name__}.{app}")
        # The stream keeps the name of the former per-app module, so a seed gives the
        # same data as before the move.
        rng = random.Random(f"lindeveen:{seed}:openwmo.{app}.demodata")
        summary.update(module.vul(rng) or {})
    return summary
