"""Every list or search that shows residents writes one audit record per resident shown
(appended in one statement), so the privacy officer's search by BSN and the resident's
"who looked at my data" show that read too."""

from collections import Counter

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol
from openwmo.plannen import services as plannen
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f
from openwmo.toegang.tests.conftest import melding_voor

pytestmark = pytest.mark.django_db


@pytest.fixture
def drie(inwoner, postcode):
    """Jelle and two neighbours in wijk Noord, each with a melding and an active plan
    with a line for the provider."""
    personen = [inwoner] + [
        f.PersoonFactory(
            achternaam="Hoekstra",
            huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode)),
        )
        for _ in range(2)
    ]
    return personen


@pytest.fixture
def gegevens(users, drie):
    werker = users[Rol.SOCIAAL_WERKER]
    aanbieder = users[Rol.ZORGAANBIEDER].medewerker.organisatie
    for persoon in drie:
        melding_voor(werker, persoon)
        plan = plannen.maak_plan(
            werker,
            bsn=persoon.bsn,
            regievoerder_soort="inwoner",
            regievoerder_naam=persoon.volledige_naam,
            kanaal="ui",
        )
        plannen.voeg_regel_toe(
            werker,
            plan.pk,
            soort="aanvullend",
            resultaat="Zelfstandig boodschappen doen",
            uitvoerder=aanbieder.naam,
            organisatie=aanbieder,
            productcategorie="thuisondersteuning",
            leveringsvorm="zin",
            ingangsdatum=timezone.localdate(),
            kanaal="ui",
        )
        plannen.activeer(werker, plan.pk, kanaal="ui")
    return drie


LIJSTEN = [
    (Rol.WMO_CONSULENT, "/api/v1/meldingen/?lijst=alle", True),
    (Rol.WMO_CONSULENT, "/toegang/?lijst=alle", False),
    (Rol.SOCIAAL_WERKER, "/inwoners/?naam=Hoekstra", False),
    (Rol.SOCIAAL_WERKER, "/api/v1/personen/?naam=Hoekstra", True),
    (Rol.SOCIAAL_WERKER, "/plannen/", False),
    (Rol.SOCIAAL_WERKER, "/api/v1/plannen/", True),
    (Rol.ZORGAANBIEDER, "/plannen/", False),  # the provider's clients (its plan lines)
]


@pytest.mark.parametrize(("rol", "url", "api"), LIJSTEN)
def test_een_auditregel_per_getoonde_inwoner(client, users, gegevens, rol, url, api):
    user = users[rol]
    if api:
        client = APIClient()
    client.force_login(user)
    voor = AuditRecord.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = client.get(url)
    assert response.status_code == 200
    tekst = response.content.decode()
    for persoon in gegevens:
        assert persoon.achternaam in tekst or str(persoon.pk) in tekst
    nieuw = AuditRecord.objects.filter(pk__gt=voor, gebruiker=user, persoon_id__isnull=False)
    assert Counter(nieuw.values_list("persoon_id", flat=True)) == {p.pk: 1 for p in gegevens}
    assert {r.kanaal for r in nieuw} == {"api" if api else "ui"}


def test_privacyfunctionaris_en_inwoner_zien_de_lijst(client, users, gegevens, inwoner):
    client.force_login(users[Rol.WMO_CONSULENT])
    assert client.get("/toegang/?lijst=alle").status_code == 200
    client.force_login(users[Rol.PRIVACY_FUNCTIONARIS])
    regels = client.get(f"/privacy/auditlog/?bsn={inwoner.bsn}").context["regels"]
    assert any(
        r.object_type == "melding" and r.gebruiker == users[Rol.WMO_CONSULENT] for r in regels
    )
    client.force_login(users[Rol.INWONER])
    log = client.get(f"/inwoners/{inwoner.pk}/").context["inzage_log"]
    assert any(r.object_type == "melding" and r.rol == Rol.WMO_CONSULENT for r in log)


def test_een_lijst_is_geen_recent_geopend_dossier(client, users, gegevens, inwoner):
    """A list read names no object: the start page's recently opened files stay the files
    the worker opened."""
    from openwmo.privacy import selectors

    werker = users[Rol.SOCIAAL_WERKER]
    client.force_login(werker)
    client.get(f"/inwoners/{gegevens[1].pk}/")
    client.get("/plannen/")
    assert selectors.recente_dossiers(werker) == [gegevens[1].pk]
