import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol
from openwmo.overgang import selectors, services
from openwmo.overgang.models import BestaandeBeschikking, Overstap
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f

from .conftest import KOP, regel
from .factories import GesprekFactory

pytestmark = pytest.mark.django_db


def _client(user):
    client = APIClient()
    client.force_login(user)
    return client


@pytest.fixture
def ingelezen(users, export):
    services.importeer(users[Rol.WMO_CONSULENT], bestandsnaam="e.csv", inhoud=export, kanaal="ui")


def test_gesprekken_api_vast_aantal_queries(users, ingelezen, clienten):
    werker = users[Rol.SOCIAAL_WERKER]
    client = _client(werker)
    g = GesprekFactory(persoon=clienten["pieter"], medewerker=werker.medewerker)
    services.leg_uitkomst_vast(
        werker,
        g.pk,
        gehouden_op=datetime.date(2026, 6, 1),
        route="basis",
        aandeel_basis_procent=None,
        wijzigingsdatum=datetime.date(2027, 1, 1),
        overgangsperiode_maanden=3,
        kanaal="ui",
    )
    with CaptureQueriesContext(connection) as een:
        data = client.get("/api/v1/overgang/gesprekken/").json()
    assert [(d["naam"], d["uitkomst"], d["wijzigingsdatum"]) for d in data] == [
        (clienten["pieter"].volledige_naam, "basis", "2027-01-01")
    ]
    for i in range(4):
        p = f.PersoonFactory(huishouden=clienten["pieter"].huishouden)
        GesprekFactory(
            persoon=p, medewerker=werker.medewerker, gepland_op=datetime.date(2026, 7, i + 1)
        )
    with CaptureQueriesContext(connection) as vijf:
        data = client.get("/api/v1/overgang/gesprekken/").json()
    assert len(data) == 5
    assert len(vijf) == len(een)
    assert AuditRecord.objects.filter(kanaal="api", object_type="overgang_gesprek").exists()


def test_voortgang_api_zonder_namen_voor_beleid(users, ingelezen, clienten):
    GesprekFactory(
        persoon=clienten["mariska"],
        medewerker=users[Rol.SOCIAAL_WERKER].medewerker,
        gepland_op=datetime.date(2020, 1, 6),
    )
    data = _client(users[Rol.BELEIDSMAKER]).get("/api/v1/overgang/voortgang/").json()
    assert (data["clienten"], data["te_laat"], data["niet_gepland"]) == (2, 1, 1)
    per = {r["product"]: r for r in data["per_product"]}
    assert per["TO3"] == {"product": "TO3", "aanvullend": 0, "basis": 0, "mix": 0, "open": 1}
    assert "naam" not in str(data)


def test_import_scherm_toont_controleverslag(users, clienten, aanbieder):
    client = _client(users[Rol.WMO_CONSULENT])
    m = clienten["mariska"]
    fout = KOP + regel(m, "TO3", "uur_per_week") + regel(m, "XX", "uur_per_week")
    from django.core.files.uploadedfile import SimpleUploadedFile

    r = client.post("/overgang/import/", {"bestand": SimpleUploadedFile("e.csv", fout.encode())})
    assert r.status_code == 200
    tekst = r.content.decode()
    assert "Controleverslag: 1 fout" in tekst and "Onbekend product" in tekst
    assert not BestaandeBeschikking.objects.exists()
    goed = KOP + regel(m, "TO3", "uur_per_week")
    r = client.post("/overgang/import/", {"bestand": SimpleUploadedFile("e.csv", goed.encode())})
    assert r.status_code == 302 and BestaandeBeschikking.objects.count() == 1


def test_overstap_en_behouden_relaties(users, ingelezen, clienten, basis, aanbieder):
    consulent = users[Rol.WMO_CONSULENT]
    begeleider = f.medewerker(Rol.ZORGAANBIEDER, organisatie=aanbieder).medewerker
    tweede = f.medewerker(Rol.ZORGAANBIEDER, organisatie=aanbieder).medewerker
    werker = users[Rol.SOCIAAL_WERKER]
    for naam, m in (("pieter", begeleider), ("mariska", tweede)):
        g = GesprekFactory(persoon=clienten[naam], medewerker=werker.medewerker)
        services.koppel_begeleider(consulent, clienten[naam].pk, m.pk, kanaal="ui")
        services.leg_uitkomst_vast(
            werker,
            g.pk,
            gehouden_op=datetime.date(2026, 6, 1),
            route="basis" if naam == "pieter" else "aanvullend",
            aandeel_basis_procent=None,
            wijzigingsdatum=datetime.date(2027, 1, 1),
            overgangsperiode_maanden=0,
            kanaal="ui",
        )
    r = _client(users[Rol.BELEIDSMAKER]).post(
        "/overgang/medewerkers/",
        {"medewerker": begeleider.pk, "naar": basis[0].pk, "per": "2027-01-01"},
    )
    assert r.status_code == 302
    assert Overstap.objects.get().naar == basis[0]
    pagina = _client(users[Rol.BELEIDSMAKER]).get("/overgang/medewerkers/").content.decode()
    assert "Van de 2 relaties tussen cliënt en vaste begeleider blijven er 2 behouden" in pagina
    with pytest.raises(services.ValidationError):
        services.registreer_overstap(
            consulent,
            begeleider.pk,
            naar_id=basis[0].pk,
            per=datetime.date(2027, 1, 1),
            kanaal="ui",
        )
    with pytest.raises(services.ValidationError):
        services.koppel_begeleider(
            consulent, clienten["pieter"].pk, werker.medewerker.pk + 999, kanaal="ui"
        )


def test_begeleiders_in_een_keer_alles_of_niets(users, ingelezen, clienten, aanbieder):
    consulent = users[Rol.WMO_CONSULENT]
    begeleider = f.medewerker(Rol.ZORGAANBIEDER, organisatie=aanbieder).medewerker
    vreemde = f.medewerker(Rol.ZORGAANBIEDER).medewerker  # another provider
    werker = users[Rol.SOCIAAL_WERKER].medewerker
    for p in clienten.values():
        GesprekFactory(persoon=p, medewerker=werker)
    m, p = clienten["mariska"].pk, clienten["pieter"].pk
    with pytest.raises(services.ValidationError):
        services.koppel_begeleiders(consulent, [(m, begeleider.pk), (p, vreemde.pk)], kanaal="ui")
    assert not selectors.client_werkerrelaties().totaal
    paren = [(m, begeleider.pk), (p, begeleider.pk)]
    assert services.koppel_begeleiders(consulent, paren, kanaal="ui") == 2
    assert services.koppel_begeleiders(consulent, paren, kanaal="ui") == 0
