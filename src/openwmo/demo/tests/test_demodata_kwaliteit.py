import datetime

import pytest

from openwmo.accounts.models import Rol
from openwmo.berichten.models import Toewijzing
from openwmo.demo.demodata.kwaliteit import zorg_voor_contracten
from openwmo.kwaliteit import selectors
from openwmo.kwaliteit.models import Contractpartij
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db
PEIL = datetime.date(2026, 10, 1)


def test_demo_contracten_signaleren_stille_aanbieder_maar_niet_unieke(inwoner):
    f.medewerker(Rol.BELEIDSMAKER)
    soorten = ["basis"] + ["aanvullend"] * 5 + ["hh"] * 2
    orgs = [f.OrganisatieFactory(soort=s) for s in soorten]
    for n, org in enumerate(orgs, start=1):
        Toewijzing.objects.create(
            nummer=n,
            persoon=inwoner,
            bsn=inwoner.bsn,
            aanbieder=org,
            gemeentecode="1999",
            ingangsdatum=datetime.date(2026, 3, 1),
            toewijzingsdatum=datetime.date(2026, 2, 20),
            toewijzingstijd=datetime.time(9, 0),
        )
    basis = zorg_voor_contracten()
    assert zorg_voor_contracten() == basis  # once only
    # never main contractor in both pillars, also in the demo
    hoofd = Contractpartij.objects.filter(rol="hoofdaannemer")
    basis_hoofd = set(
        hoofd.filter(deelovereenkomst__perceel__pijler="basis").values_list("aanbieder", flat=True)
    )
    aanvullend_hoofd = set(
        hoofd.filter(deelovereenkomst__perceel__pijler="aanvullend").values_list(
            "aanbieder", flat=True
        )
    )
    assert not basis_hoofd & aanvullend_hoofd
    assert len(selectors.contractpartijen("to-db", 2026)) == 7
    rijen = {r["aanbieder"].naam: r["gesignaleerd"] for r in selectors.signalering_inactief(PEIL)}
    assert rijen == {"Thuisbegeleiding Het Veenpad": True, "Zorgboerderij De Eikenhof": False}
