import datetime

import pytest
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.financien import selectors, services
from openwmo.kwaliteit import services as kwaliteit
from openwmo.testing import factories as f

JAAR = timezone.localdate().year
GROEPEN = [
    selectors.Clientgroep("TO2", 40, 40 * 3 * 52 * 5_500),
    selectors.Clientgroep("TO3", 30, 30 * 5 * 52 * 6_200),
    selectors.Clientgroep("DB2", 20, 20 * 3 * 52 * 3_800),
    selectors.Clientgroep("HH1", 50, 50 * 2 * 52 * 2_800),
    selectors.Clientgroep("KV", 5, 5 * 20 * 15_000),
]


@pytest.fixture
def contracten(users):
    """A base agreement for this year with the basis provider (the social worker's
    organisation) on lot basis, the provider user's organisation and a second one on to-db,
    and one provider each on hh and kv."""
    beleid = users[Rol.BELEIDSMAKER]
    basis_org = users[Rol.SOCIAAL_WERKER].medewerker.organisatie
    aanvullend_org = users[Rol.ZORGAANBIEDER].medewerker.organisatie
    tweede = f.OrganisatieFactory(naam="Dagbesteding De Brug", soort="aanvullend")
    hh = f.OrganisatieFactory(naam="Thuishulp Noord", soort="hh")
    basis = kwaliteit.maak_basisovereenkomst(
        beleid,
        naam="Wmo",
        ingangsdatum=datetime.date(JAAR, 1, 1),
        einddatum=datetime.date(JAAR + 2, 12, 31),
    )
    partijen = {"basis": [basis_org], "to-db": [aanvullend_org, tweede], "hh": [hh], "kv": [tweede]}
    for code, orgs in partijen.items():
        deel = kwaliteit.maak_deelovereenkomst(beleid, basis.pk, perceel_code=code)
        for org in orgs:
            kwaliteit.voeg_partij_toe(beleid, deel.pk, aanbieder_id=org.pk, rol="hoofdaannemer")
    return {"basis": basis_org, "aanvullend": aanvullend_org, "tweede": tweede, "hh": hh}


@pytest.fixture
def lumpsums(users, contracten):
    rijen = services.stel_lumpsums_vast(
        users[Rol.BELEIDSMAKER], jaar=JAAR, totaal_cents=1_000_000_01, groepen=GROEPEN
    )
    return {(ls.perceel.code, ls.aanbieder_id): ls for ls in rijen}
