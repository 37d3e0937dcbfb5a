"""Opening a resident's file (page with every app's sections, or the API) writes exactly one
read record in the audit trail, whichever app's data the page shows."""

import pytest
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol
from openwmo.privacy.models import AuditRecord

pytestmark = pytest.mark.django_db


def _lezen(persoon):
    return AuditRecord.objects.filter(actie="lezen", persoon_id=persoon.pk)


@pytest.mark.parametrize("rol", [Rol.WMO_CONSULENT, Rol.SOCIAAL_WERKER, Rol.INWONER])
def test_dossierpagina_geeft_precies_een_leesregel(client, users, inwoner, rol):
    client.force_login(users[rol])
    assert client.get(f"/inwoners/{inwoner.pk}/").status_code == 200
    assert _lezen(inwoner).count() == 1
    assert client.get(f"/inwoners/{inwoner.pk}/").status_code == 200
    assert _lezen(inwoner).count() == 2


def test_api_lezen_geeft_precies_een_leesregel(users, inwoner):
    api = APIClient()
    api.force_login(users[Rol.WMO_CONSULENT])
    assert api.get(f"/api/v1/personen/{inwoner.pk}/").status_code == 200
    assert list(_lezen(inwoner).values_list("kanaal", flat=True)) == ["api"]
