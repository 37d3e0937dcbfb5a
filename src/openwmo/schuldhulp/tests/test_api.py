import pytest
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol

pytestmark = pytest.mark.django_db


def test_telling_voor_beleid(users):
    client = APIClient()
    client.force_authenticate(users[Rol.BELEIDSMAKER])
    data = client.get("/api/v1/schuldhulp/telling/?van=2026-01-15&tot=2026-02-10").json()
    assert list(data) == ["2026-01", "2026-02"]
    assert data["2026-01"]["signalen"] == 0
    fout = client.get("/api/v1/schuldhulp/telling/?van=morgen&tot=2026-02-10")
    assert fout.status_code == 400 and fout["content-type"] == "application/problem+json"
    omgekeerd = client.get("/api/v1/schuldhulp/telling/?van=2026-03-01&tot=2026-02-10")
    assert omgekeerd.status_code == 400
