"""The demo municipality's iWmo contracts: which provider delivers which product category
under which funding variant (uitvoeringsvariant).

Lindeveen follows the Leeuwarden choice: lumpsum funding per lot, with verzoek om
toewijzing, toewijzing, start and stop kept for steering and no declaraties. The
basisondersteuning works without a decision (taakgericht: start and stop only).
"""

import datetime

from openwmo.berichten.models import Contract, Uitvoeringsvariant

from .organisations import Organisations

INGANG = datetime.date(2026, 1, 1)
# WMO020 product categories
HUISHOUDELIJKE_HULP = "01"
BEGELEIDING = "02"
PERSOONLIJKE_VERZORGING = "03"
KORTDUREND_VERBLIJF = "04"
DAGBESTEDING = "07"


def build_contracts(orgs: Organisations) -> list[Contract]:
    rows = [
        (orgs.basis, BEGELEIDING, Uitvoeringsvariant.TAAKGERICHT),
        (orgs.basis, PERSOONLIJKE_VERZORGING, Uitvoeringsvariant.TAAKGERICHT),
    ]
    for aanbieder in orgs.aanvullend:
        rows += [
            (aanbieder, BEGELEIDING, Uitvoeringsvariant.LUMPSUM_TOEWIJZING),
            (aanbieder, DAGBESTEDING, Uitvoeringsvariant.LUMPSUM_TOEWIJZING),
        ]
    rows.append((orgs.aanvullend[0], KORTDUREND_VERBLIJF, Uitvoeringsvariant.LUMPSUM_TOEWIJZING))
    rows += [
        (aanbieder, HUISHOUDELIJKE_HULP, Uitvoeringsvariant.LUMPSUM_TOEWIJZING)
        for aanbieder in orgs.hh
    ]
    contracts = [
        Contract(
            aanbieder=aanbieder,
            productcategorie=categorie,
            uitvoeringsvariant=variant,
            ingangsdatum=INGANG,
        )
        for aanbieder, categorie, variant in rows
    ]
    return Contract.objects.bulk_create(contracts)
