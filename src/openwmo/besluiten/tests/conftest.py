import datetime

import pytest
from django.utils import timezone

from openwmo.plannen import services
from openwmo.testing import factories as f
from openwmo.testing.plan_fixtures import *  # noqa: F403 (shared pytest fixtures)

UI = "ui"


@pytest.fixture
def frank(postcode):
    """Frank (32), autism, lives with his parents; his mother is his representative."""
    from openwmo.inwoners.models import Huishouden

    gezin = f.HuishoudenFactory(
        adres=f.AdresFactory(buurt_postcode=postcode),
        samenstelling=Huishouden.Samenstelling.PAAR_MET_KINDEREN,
    )
    frank = f.PersoonFactory(
        voornamen="Frank",
        achternaam="Visser",
        geboortedatum=datetime.date(1994, 2, 11),
        huishouden=gezin,
    )
    f.RelatieFactory(persoon=frank, naam="Anneke Visser", soort="ouder", is_mantelzorger=True)
    return frank


@pytest.fixture
def frank_regel(werker, frank):
    plan = services.maak_plan(
        werker,
        bsn=frank.bsn,
        regievoerder_soort="netwerk",
        regievoerder_naam="Anneke Visser (moeder)",
        kanaal=UI,
    )
    vandaag = timezone.localdate()
    regel = services.voeg_regel_toe(
        werker,
        plan.pk,
        soort="aanvullend",
        resultaat="Frank woont met een vaste structuur en begeleiding thuis",
        uitvoerder="Begeleider gekozen door de ouders",
        productcategorie="thuisondersteuning",
        leveringsvorm="pgb",
        ingangsdatum=vandaag,
        einddatum=vandaag.replace(year=vandaag.year + 1),
        kanaal=UI,
    )
    services.activeer(werker, plan.pk, kanaal=UI)
    return regel
