"""Failures turn into a clear Dutch page and store nothing: database gone, disk full."""

import errno
from unittest import mock

import pytest
from django.db import OperationalError

from openwmo.accounts.models import Rol
from openwmo.besluiten.models import Verwijzing
from openwmo.privacy.models import AuditRecord

pytestmark = pytest.mark.django_db


def test_database_weg_geeft_nederlandse_503(los_client, users):
    los_client.force_login(users[Rol.SOCIAAL_WERKER])
    with mock.patch(
        "django.contrib.sessions.backends.db.SessionStore.load",
        side_effect=OperationalError("server closed the connection unexpectedly"),
    ):
        response = los_client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    tekst = response.content.decode()
    assert "tijdelijk niet beschikbaar" in tekst
    assert "De database is even niet bereikbaar" in tekst
    assert 'lang="nl"' in tekst


def test_database_weg_in_de_api_geeft_problem_json(los_client, users):
    los_client.force_login(users[Rol.WMO_CONSULENT])
    with mock.patch(
        "django.contrib.sessions.backends.db.SessionStore.load",
        side_effect=OperationalError("could not connect to server"),
    ):
        response = los_client.get("/api/v1/berichten/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert "niet bereikbaar" in response.json()["detail"]


def test_een_gewone_fout_blijft_500_met_nederlandse_pagina(los_client, users):
    los_client.force_login(users[Rol.SOCIAAL_WERKER])
    with mock.patch(
        "openwmo.ops.views.selectors.gereedheid",
        side_effect=RuntimeError("kapot"),
    ):
        response = los_client.get("/health/ready")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def _schijf_vol(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def _pgb_vaardig(client, regel):
    response = client.post(
        f"/besluiten/regels/{regel.pk}/pgb-vaardigheid/",
        {
            "beheerder": "vertegenwoordiger",
            "beheerder_naam": "Anneke Visser (moeder)",
            "regie": "on",
            "administratie": "on",
            "opdrachtgeverschap": "on",
            "toelichting": "Ouders voeren al jaren de administratie.",
        },
    )
    assert response.status_code == 302


def test_schijf_vol_bij_het_schrijven_van_de_brief(los_client, werker, frank_regel):
    """The disk fills up while the referral letter is being recorded: a clear Dutch 503,
    and neither the letter nor the decision on the plan line nor an audit record stays."""
    los_client.force_login(werker)
    _pgb_vaardig(los_client, frank_regel)
    audit_voor = AuditRecord.objects.count()
    status_voor = type(frank_regel).objects.get(pk=frank_regel.pk).status
    with mock.patch("openwmo.besluiten.services.plannen.zet_besluit", side_effect=_schijf_vol):
        response = los_client.post(f"/besluiten/regels/{frank_regel.pk}/verwijzing/")
    assert response.status_code == 503
    assert "De opslag is vol" in response.content.decode()
    assert not Verwijzing.objects.exists()
    assert type(frank_regel).objects.get(pk=frank_regel.pk).status == status_voor
    assert not AuditRecord.objects.filter(object_type="verwijzing").exists()
    # only the read of the plan line by the page is logged, no change
    nieuw = AuditRecord.objects.order_by("id")[audit_voor:]
    assert {a.actie for a in nieuw} <= {AuditRecord.Actie.LEZEN}
    # once there is space again, the same request works
    response = los_client.post(f"/besluiten/regels/{frank_regel.pk}/verwijzing/")
    assert response.status_code == 302
    assert Verwijzing.objects.count() == 1


def test_schijf_vol_bij_het_maken_van_de_pdf(los_client, werker, frank_regel):
    los_client.force_login(werker)
    _pgb_vaardig(los_client, frank_regel)
    assert los_client.post(f"/besluiten/regels/{frank_regel.pk}/verwijzing/").status_code == 302
    v = Verwijzing.objects.get()
    with mock.patch("openwmo.besluiten.views.brieven.pdf", side_effect=_schijf_vol):
        response = los_client.get(f"/besluiten/verwijzingen/{v.pk}.pdf")
    assert response.status_code == 503
    assert "De opslag is vol" in response.content.decode()
