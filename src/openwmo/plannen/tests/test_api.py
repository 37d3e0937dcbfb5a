import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol
from openwmo.plannen import selectors, services
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_plan_met_arrangement_en_doelrealisatie(jelle_plan, werker):
    basis = jelle_plan.regels.get(soort="basis")
    e = services.plan_evaluatie(werker, basis.pk, gepland_op=timezone.localdate(), kanaal="ui")
    services.leg_evaluatie_vast(
        werker, e.pk, voortgang="bereikt", visie_inwoner="Goed", kanaal="ui"
    )
    data = _client(werker).get(f"/api/v1/plannen/{jelle_plan.pk}/").json()
    assert data["regievoerder_naam"] == werker.get_full_name()
    assert [r["soort"] for r in data["regels"]] == ["basis", "sociale_basis", "sociale_basis"]
    assert data["regels"][0]["voortgang"] == "bereikt"
    assert data["regels"][0]["intensiteiten"][0]["naar"] == "3.0"
    assert data["doelrealisatie"] == {"regels": 3, "geevalueerd": 1, "percentage": 100}
    assert AuditRecord.objects.filter(kanaal="api", object_type="ondersteuningsplan").exists()
    assert selectors.doelrealisatie_per_soort() == {
        "basis": {"bereikt": 1, "deels": 0, "niet": 0, "niet_geevalueerd": 0},
        "sociale_basis": {"bereikt": 0, "deels": 0, "niet": 0, "niet_geevalueerd": 2},
    }


def test_lijst_heeft_een_vast_aantal_queries(jelle_plan, consulent, postcode, werker):
    client = _client(consulent)
    client.get("/api/v1/plannen/")
    with CaptureQueriesContext(connection) as een:
        assert len(client.get("/api/v1/plannen/").json()) == 1
    for _ in range(3):
        p = f.PersoonFactory(
            huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode))
        )
        services.maak_plan(werker, bsn=p.bsn, kanaal="ui")
    with CaptureQueriesContext(connection) as vier:
        assert len(client.get("/api/v1/plannen/").json()) == 4
    assert len(vier) == len(een)


def test_andere_rollen_zien_niets(jelle_plan, users):
    assert _client(users[Rol.INWONER]).get("/api/v1/plannen/").json()[0]["id"] == jelle_plan.pk
    assert _client(users[Rol.ZORGAANBIEDER]).get("/api/v1/plannen/").status_code == 403
    assert (
        _client(users[Rol.BELEIDSMAKER]).get(f"/api/v1/plannen/{jelle_plan.pk}/").status_code == 403
    )
