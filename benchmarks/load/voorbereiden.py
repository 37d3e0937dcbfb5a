"""Prepare the load test against a seeded OpenWmo database (run with the Python of the
installation under test, with its settings in the environment):

    DATABASE_URL=… SECRET_KEY=… python benchmarks/load/voorbereiden.py /tmp/last.json

Writes: surnames and postcodes to search, resident ids to open, basis plan lines to change
(all in the demo consultant's scope, which is municipality-wide), the demo provider's API
token and a set of iWmo messages (305 start and 315 request) of that provider for its own
toewijzingen and clients. Nothing here runs during the measurement.
"""

import datetime
import json
import os
import random
import sys


def main(uit: str, aantal_berichten: int = 4000):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openwmo.conf.settings")
    import django

    django.setup()
    from rest_framework.authtoken.models import Token

    from openwmo.accounts.models import User
    from openwmo.berichten import schema, services
    from openwmo.berichten.models import Toewijzing
    from openwmo.demo.constants import GEMEENTECODE
    from openwmo.inwoners.models import Persoon
    from openwmo.plannen.models import Regel

    rng = random.Random(12)
    aanbieder = User.objects.select_related("medewerker__organisatie").get(username="zorgaanbieder")
    org = aanbieder.medewerker.organisatie
    token, _ = Token.objects.get_or_create(user=aanbieder)
    n = Persoon.objects.count()
    ids = list(Persoon.objects.values_list("pk", flat=True).order_by("?")[:2000])
    achternamen = sorted(
        set(Persoon.objects.filter(pk__in=ids[:400]).values_list("achternaam", flat=True))
    )
    postcodes = sorted(
        {
            pc
            for pc in Persoon.objects.filter(pk__in=ids[:400]).values_list(
                "huishouden__adres__postcode", flat=True
            )
            if pc
        }
    )
    regels = list(
        Regel.objects.filter(soort="basis", plan__status="actief").values_list("pk", flat=True)[
            :500
        ]
    )
    toewijzingen = list(
        Toewijzing.objects.filter(aanbieder=org).select_related("persoon").order_by("?")[:500]
    )
    vandaag = datetime.date.today()
    berichten = []
    for i in range(aantal_berichten):
        if not toewijzingen:
            break
        t = toewijzingen[i % len(toewijzingen)]
        ident = f"L{os.getpid() % 1000:03d}{i:08d}"
        header = schema.header(
            "305" if i % 2 == 0 else "315",
            afzender=org.agb_code,
            ontvanger=GEMEENTECODE,
            identificatie=ident,
            dagtekening=vandaag,
        )
        client = services.client_kort(t.persoon)
        product = {"Categorie": t.productcategorie, "Code": t.productcode}
        if i % 2 == 0:
            data = {
                "Header": header,
                "Client": {
                    **client,
                    "StartProducten": {
                        "StartProduct": [
                            {
                                "ToewijzingNummer": t.nummer,
                                "Product": product,
                                "ToewijzingIngangsdatum": t.ingangsdatum,
                                "Begindatum": max(t.ingangsdatum, vandaag),
                                "StatusAanlevering": "1",
                            }
                        ]
                    },
                },
            }
            raw = schema.schrijf("305", data)
        else:
            data = {
                "Header": header,
                "Client": {
                    **client,
                    "AangevraagdeProducten": {
                        "AangevraagdProduct": [
                            {
                                "ReferentieAanbieder": f"L{i}",
                                "Product": product,
                                "ToewijzingIngangsdatum": vandaag + datetime.timedelta(days=14),
                                "ToewijzingEinddatum": vandaag + datetime.timedelta(days=200),
                                "Omvang": {"Volume": 3, "Eenheid": "04", "Frequentie": "2"},
                                "Verwijzer": {"Type": "01", "Naam": "Gemeente"},
                            }
                        ]
                    },
                },
            }
            raw = schema.schrijf("315", data)
        berichten.append(raw.decode("utf-8"))
    rng.shuffle(berichten)
    gegevens = {
        "inwoners": n,
        "persoon_ids": ids,
        "achternamen": achternamen,
        "postcodes": postcodes,
        "basisregels": regels,
        "aanbieder_token": token.key,
        "berichten": berichten,
    }
    with open(uit, "w") as f:
        json.dump(gegevens, f)
    print(
        f"{n} inwoners; {len(ids)} dossiers, {len(achternamen)} achternamen, "
        f"{len(postcodes)} postcodes, {len(regels)} basisregels, {len(berichten)} berichten "
        f"van {org} → {uit}"
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/openwmo-last.json")
