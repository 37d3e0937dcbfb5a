"""Enrolling an authenticator app needs a verified second factor or a beheerder's code."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from openwmo.accounts import services
from openwmo.accounts.models import Inschrijfcode, Rol
from openwmo.privacy.models import AuditRecord
from openwmo.privacy.services import Kanaal

from .test_beveiliging import code, login

pytestmark = pytest.mark.django_db


def bevestig(client, user, **extra):
    """Confirm the unconfirmed device the enrolment page just made, with its first code."""
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    return client.post("/tweestaps/instellen/", {"token": code(device), **extra}), device


@override_settings(TWEESTAPS_VERPLICHT=True)
def test_met_alleen_een_wachtwoord_is_geen_app_in_te_schrijven(client, users):
    """Issue 19.1: a stolen password alone enrolled the attacker's own app."""
    user = users[Rol.WMO_CONSULENT]
    eigen = TOTPDevice.objects.create(user=user, name="eigen telefoon", confirmed=True)
    login(client, user)
    page = client.get("/tweestaps/instellen/")
    assert page.status_code == 200
    assert "Inschrijfcode" in page.content.decode()
    assert "<svg" not in page.content.decode()
    assert not TOTPDevice.objects.filter(user=user, confirmed=False).exists()
    # posting a TOTP code straight away does not confirm anything either
    client.post("/tweestaps/instellen/", {"token": "123456"})
    assert list(TOTPDevice.objects.filter(user=user)) == [eigen]
    assert client.get("/inwoners/").status_code == 302
    assert client.get("/api/v1/mij/").status_code == 403


@override_settings(TWEESTAPS_VERPLICHT=True)
def test_ongeverifieerde_sessie_bereikt_alleen_code_inschrijven_en_uitloggen(client, users):
    beheerder = users[Rol.BEHEERDER]
    TOTPDevice.objects.create(user=beheerder, name="app", confirmed=True)
    login(client, beheerder)
    for pad in ("/tweestaps/inschrijfcodes/", "/tweestaps/api-tokens/", "/beheer/", "/inloggen/"):
        response = client.get(pad)
        assert response.status_code == 302, pad
        assert response["Location"].startswith("/tweestaps/controleren/"), pad
    assert client.get("/tweestaps/controleren/").status_code == 200
    assert client.get("/tweestaps/instellen/").status_code == 200
    assert client.post("/uitloggen/").status_code == 302
    assert not Inschrijfcode.objects.exists()


@override_settings(TWEESTAPS_VERPLICHT=True)
def test_nieuwe_telefoon_met_inschrijfcode_van_de_beheerder(client, users):
    user = users[Rol.SOCIAAL_WERKER]
    oud = TOTPDevice.objects.create(user=user, name="oude telefoon", confirmed=True)
    record, inschrijfcode = services.geef_inschrijfcode(
        users[Rol.BEHEERDER], user.pk, kanaal=Kanaal.UI
    )
    assert inschrijfcode.replace("-", "") not in record.code_hash  # only a hash is stored
    login(client, user)
    fout = client.post("/tweestaps/instellen/", {"code": "AAAA-BBBB-CCCC"})
    assert "klopt niet" in fout.content.decode()
    record.refresh_from_db()
    assert record.foute_pogingen == 1
    naar = client.post("/tweestaps/instellen/", {"code": inschrijfcode, "next": "/inwoners/"})
    assert naar.status_code == 302
    assert "<svg" in client.get(naar["Location"]).content.decode()
    response, nieuw = bevestig(client, user, next="/inwoners/")
    assert response.status_code == 302 and response["Location"] == "/inwoners/"
    assert client.get("/").status_code == 200
    assert list(TOTPDevice.objects.filter(user=user)) == [nieuw]  # the old phone is out
    assert not TOTPDevice.objects.filter(pk=oud.pk).exists()
    record.refresh_from_db()
    assert record.gebruikt_op is not None
    assert AuditRecord.objects.filter(
        object_type="accounts.tweestaps", gebruiker=user, nieuwe_waarden__apparaat="vervangen"
    ).exists()

    # the code works once
    client.logout()
    login(client, user)
    page = client.post("/tweestaps/instellen/", {"code": inschrijfcode}).content.decode()
    assert "klopt niet" in page


@override_settings(TWEESTAPS_VERPLICHT=True)
def test_opnieuw_inschrijven_vanuit_een_geverifieerde_sessie(client, users):
    user = users[Rol.WMO_CONSULENT]
    oud = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    login(client, user)
    client.post("/tweestaps/controleren/", {"token": code(oud)})
    assert client.get("/").status_code == 200
    assert "<svg" in client.get("/tweestaps/instellen/").content.decode()
    response, nieuw = bevestig(client, user)
    assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user=user)) == [nieuw]


def test_inschrijfcode_verloopt_en_vervalt_na_vijf_foute_pogingen(users):
    user = users[Rol.ZORGAANBIEDER]
    beheerder = users[Rol.BEHEERDER]
    record, inschrijfcode = services.geef_inschrijfcode(beheerder, user.pk, kanaal=Kanaal.UI)
    assert record.verloopt_op - timezone.now() > datetime.timedelta(hours=71)
    Inschrijfcode.objects.filter(pk=record.pk).update(
        verloopt_op=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert services.controleer_inschrijfcode(user, inschrijfcode) is None

    record, inschrijfcode = services.geef_inschrijfcode(beheerder, user.pk, kanaal=Kanaal.UI)
    for _ in range(Inschrijfcode.MAX_POGINGEN):
        assert services.controleer_inschrijfcode(user, "XXXX-XXXX-XXXX") is None
    assert services.controleer_inschrijfcode(user, inschrijfcode) is None
    record.refresh_from_db()
    assert record.vervallen_op is not None

    # a new code replaces an open one
    eerste, _code = services.geef_inschrijfcode(beheerder, user.pk, kanaal=Kanaal.UI)
    tweede, code2 = services.geef_inschrijfcode(beheerder, user.pk, kanaal=Kanaal.UI)
    eerste.refresh_from_db()
    assert eerste.vervallen_op is not None
    assert services.controleer_inschrijfcode(user, code2) == tweede


def test_alleen_een_beheerder_geeft_codes_en_nooit_aan_zichzelf(users):
    beheerder = users[Rol.BEHEERDER]
    with pytest.raises(ValidationError) as fout:
        services.geef_inschrijfcode(beheerder, beheerder.pk, kanaal=Kanaal.UI)
    assert "uzelf" in str(fout.value)
    with pytest.raises(PermissionDenied):
        services.geef_inschrijfcode(
            users[Rol.PRIVACY_FUNCTIONARIS], users[Rol.WMO_CONSULENT].pk, kanaal=Kanaal.UI
        )
    with pytest.raises(ValidationError):
        services.geef_inschrijfcode(beheerder, users[Rol.INWONER].pk, kanaal=Kanaal.UI)
    assert not Inschrijfcode.objects.exists()


def test_beheerder_geeft_code_uit_op_het_scherm(client, users):
    beheerder = users[Rol.BEHEERDER]
    consulent = users[Rol.WMO_CONSULENT]
    client.force_login(beheerder)
    page = client.get("/tweestaps/inschrijfcodes/").content.decode()
    assert consulent.username in page
    assert f'value="{beheerder.pk}"' not in page  # not for himself
    zelf = client.post("/tweestaps/inschrijfcodes/", {"gebruiker": beheerder.pk})
    assert zelf.status_code == 200 and "Kies een medewerker uit de lijst" in zelf.content.decode()
    response = client.post("/tweestaps/inschrijfcodes/", {"gebruiker": consulent.pk}, follow=True)
    record = Inschrijfcode.objects.get()
    assert record.gebruiker == consulent and record.uitgegeven_door == beheerder
    shown = response.context["nieuw"]["code"]
    assert shown in response.content.decode()
    assert services.controleer_inschrijfcode(consulent, shown) == record
    # shown once only
    assert shown not in client.get("/tweestaps/inschrijfcodes/").content.decode()
    audit = AuditRecord.objects.get(object_type="accounts.inschrijfcode")
    assert audit.gebruiker == beheerder and audit.nieuwe_waarden["gebruiker"] == consulent.username
    assert shown not in str(audit.nieuwe_waarden)


def test_eerste_beheerder_krijgt_code_via_de_opdrachtregel(users, capsys):
    beheerder = users[Rol.BEHEERDER]
    call_command("inschrijfcode", beheerder.username)
    geschreven = capsys.readouterr().out
    record = Inschrijfcode.objects.get(gebruiker=beheerder)
    leesbaar = geschreven.split(": ")[1].split()[0]
    assert services.controleer_inschrijfcode(beheerder, leesbaar) == record


@override_settings(TWEESTAPS_VERPLICHT=True)
def test_superuser_van_createsuperuser_heeft_ook_tweestaps_nodig(client):
    """createsuperuser leaves the role at its default (inwoner); the admin is still staff."""
    from openwmo.accounts.models import User
    from openwmo.testing import factories as f

    admin = User.objects.create_superuser("opstart", "opstart@example.org", f.PASSWORD)
    assert admin.rol == Rol.INWONER
    login(client, admin)
    assert client.get("/beheer/")["Location"] == "/tweestaps/instellen/"
    assert "Inschrijfcode" in client.get("/tweestaps/instellen/").content.decode()
