"""The demo municipality: every indicator has a value, and the drill-down lists exactly
the cases behind each number."""

import datetime

import pytest
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.demo.generator import seed
from openwmo.gebieden.models import Wijk
from openwmo.sturing import bronnen as b
from openwmo.sturing import selectors
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db


def test_demo_heeft_elke_indicator_en_gevallen_kloppen():
    seed(600, 2026)
    vandaag = timezone.localdate()
    van = datetime.date(vandaag.year - 2, 1, 1)
    teamleider = f.medewerker(Rol.SOCIAAL_WERKER, wijken=list(Wijk.objects.all()))
    teamleider.medewerker.is_teamleider = True
    teamleider.medewerker.save()
    for ind in selectors.indicatoren():
        if ind.bron not in b.BRONNEN:
            continue
        waarde = selectors.bereken(ind.code, van, vandaag)
        assert waarde is not None, ind.code
        # the team lead of every wijk sees exactly the cases counted
        g = selectors.gevallen(teamleider, ind.code, van, vandaag)
        assert g.totaal == selectors.aantal(ind.code, van, vandaag), ind.code
        if b.BRONNEN[ind.bron].teller is not None:
            assert sum(r.telt for r in g.rijen) == selectors.teller_aantal(
                ind.code, van, vandaag
            ), ind.code
        if g.totaal:
            assert len({r.pk for r in g.rijen}) == min(g.totaal, selectors.MAX_GEVALLEN)
