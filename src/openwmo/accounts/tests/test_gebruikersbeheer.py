"""The administrator cannot give himself (or, alone, anyone) access to personal data.

Issue 19 item 3 (self-escalation in /beheer/) and item 7 (deleting a user rewrote audit rows).
"""

import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.db.models.deletion import Collector

from openwmo.accounts import services
from openwmo.accounts.models import GebruikerVerwijderenError, Rol, Rolwijziging, User
from openwmo.privacy import services as privacy
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db

WACHTWOORD = "een-lang-nieuw-wachtwoord-2026"


@pytest.fixture
def beheerder(users):
    return users[Rol.BEHEERDER]


@pytest.fixture
def tweede_beheerder():
    return f.medewerker(Rol.BEHEERDER, is_staff=True)


def _regels(door, object_type):
    return list(AuditRecord.objects.filter(gebruiker=door, object_type=object_type).order_by("pk"))


# --- Django admin: no rights, passwords or deletion ------------------------------------


def _wijzig_in_admin(client, door, doel):
    client.force_login(door)
    return client.post(
        f"/beheer/accounts/user/{doel.pk}/change/",
        {
            "username": doel.username,
            "first_name": "Nieuwe",
            "last_name": doel.last_name,
            "email": "",
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "rol": Rol.WMO_CONSULENT,
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
            "_save": "Opslaan",
        },
    )


@pytest.mark.parametrize("wie", ["ander", "zelf"])
def test_admin_wijzigt_geen_rol_superuser_of_staf(client, users, beheerder, wie):
    doel = users[Rol.BELEIDSMAKER] if wie == "ander" else beheerder
    voor = (doel.rol, doel.is_staff, doel.is_superuser)
    response = _wijzig_in_admin(client, beheerder, doel)
    assert response.status_code == 302, response.content.decode()[:2000]
    doel.refresh_from_db()
    assert (doel.rol, doel.is_staff, doel.is_superuser) == voor
    # the name did change, through the service, with old and new value in the audit
    assert doel.first_name == "Nieuwe"
    regel = _regels(beheerder, "gebruiker")[-1]
    assert regel.velden == ["first_name"] and regel.nieuwe_waarden == {"first_name": "Nieuwe"}


def test_admin_kiest_geen_wachtwoord(client, users, beheerder):
    client.force_login(beheerder)
    doel = users[Rol.WMO_CONSULENT]
    assert client.get(f"/beheer/accounts/user/{doel.pk}/password/").status_code == 403
    response = client.post(
        f"/beheer/accounts/user/{doel.pk}/password/",
        {"password1": WACHTWOORD, "password2": WACHTWOORD, "usable_password": "true"},
    )
    assert response.status_code == 403
    doel.refresh_from_db()
    assert not doel.check_password(WACHTWOORD)


def test_admin_biedt_geen_verwijderen(client, users, beheerder):
    client.force_login(beheerder)
    doel = users[Rol.WMO_CONSULENT]
    assert client.get(f"/beheer/accounts/user/{doel.pk}/delete/").status_code == 403
    lijst = client.get("/beheer/accounts/user/").content.decode()
    assert "delete_selected" not in lijst
    assert "deactiveren" in lijst


def test_admin_nieuwe_gebruiker_krijgt_geen_rechten_of_wachtwoord(client, beheerder):
    client.force_login(beheerder)
    response = client.post(
        "/beheer/accounts/user/add/",
        {
            "username": "nieuwkomer",
            "first_name": "Nina",
            "last_name": "Nieuw",
            "email": "nina@mail.example",
            "rol": Rol.WMO_CONSULENT,
            "is_superuser": "on",
            "usable_password": "true",
            "password1": WACHTWOORD,
            "password2": WACHTWOORD,
        },
    )
    assert response.status_code == 302
    nieuw = User.objects.get(username="nieuwkomer")
    assert nieuw.rol == Rol.INWONER and not nieuw.is_superuser and not nieuw.is_staff
    assert not nieuw.has_usable_password()
    regel = _regels(beheerder, "gebruiker")[-1]
    assert regel.actie == AuditRecord.Actie.AANMAKEN and regel.object_id == str(nieuw.pk)


def test_admin_deactiveert_via_service_maar_niet_zichzelf(client, users, beheerder):
    client.force_login(beheerder)
    doel = users[Rol.SOCIAAL_WERKER]
    response = client.post(
        "/beheer/accounts/user/",
        {"action": "deactiveren", "_selected_action": [doel.pk, beheerder.pk]},
        follow=True,
    )
    assert "U kunt uw eigen account niet wijzigen" in response.content.decode()
    doel.refresh_from_db()
    beheerder.refresh_from_db()
    assert not doel.is_active and beheerder.is_active
    regel = _regels(beheerder, "gebruiker")[-1]
    assert regel.velden == ["is_active"] and regel.nieuwe_waarden == {"is_active": False}


# --- deleting a user (item 7) ----------------------------------------------------------


def test_gebruiker_verwijderen_geweigerd_en_auditregels_blijven(users):
    werker = users[Rol.SOCIAAL_WERKER]
    regel = privacy.log(
        werker,
        actie=privacy.Actie.LEZEN,
        kanaal=privacy.Kanaal.UI,
        doel="test",
        object_type="persoon",
        object_id=1,
    )
    with pytest.raises(GebruikerVerwijderenError, match="Deactiveer de gebruiker"):
        werker.delete()
    with pytest.raises(GebruikerVerwijderenError):
        User.objects.filter(pk=werker.pk).delete()
    # the relation itself protects the append-only rows (before: SET_NULL rewrote them)
    with pytest.raises(ProtectedError):
        Collector(using="default").collect([werker])
    assert User.objects.filter(pk=werker.pk).exists()
    assert AuditRecord.objects.get(pk=regel.pk).gebruiker_id == werker.pk


# --- role changes with four-eyes -------------------------------------------------------


def test_rol_met_persoonsgegevens_wacht_op_tweede_beheerder(
    users, beheerder, tweede_beheerder, wijk
):
    doel = users[Rol.BELEIDSMAKER]
    verzoek = services.vraag_rolwijziging_aan(
        beheerder, doel, Rol.SOCIAAL_WERKER, [wijk], "Nieuw in het wijkteam Noord."
    )
    doel.refresh_from_db()
    assert verzoek.status == Rolwijziging.Status.AANGEVRAAGD
    assert doel.rol == Rol.BELEIDSMAKER and not doel.wijken.exists()

    with pytest.raises(ValidationError, match="andere beheerder dan de aanvrager"):
        services.keur_rolwijziging_goed(beheerder, verzoek.pk)
    with pytest.raises(PermissionDenied):
        services.keur_rolwijziging_goed(users[Rol.WMO_CONSULENT], verzoek.pk)

    services.keur_rolwijziging_goed(tweede_beheerder, verzoek.pk)
    doel.refresh_from_db()
    assert doel.rol == Rol.SOCIAAL_WERKER and list(doel.wijken.all()) == [wijk]
    assert not doel.is_staff
    verzoek.refresh_from_db()
    assert verzoek.status == Rolwijziging.Status.DOORGEVOERD
    assert [s.status for s in verzoek.stappen.all()] == ["aangevraagd", "doorgevoerd"]
    assert [s.door for s in verzoek.stappen.all()] == [beheerder, tweede_beheerder]
    wijziging = _regels(tweede_beheerder, "gebruiker")[-1]
    assert wijziging.oude_waarden == {"rol": Rol.BELEIDSMAKER, "wijken": []}
    assert wijziging.nieuwe_waarden == {"rol": Rol.SOCIAAL_WERKER, "wijken": [wijk.naam]}
    with pytest.raises(ValidationError, match="al beslist"):
        services.wijs_rolwijziging_af(tweede_beheerder, verzoek.pk, "te laat")


def test_niemand_wijzigt_of_keurt_eigen_rol(users, beheerder, tweede_beheerder):
    with pytest.raises(ValidationError, match="eigen rol"):
        services.vraag_rolwijziging_aan(
            beheerder, beheerder, Rol.WMO_CONSULENT, [], "Ik wil alle dossiers lezen."
        )
    assert not Rolwijziging.objects.exists()
    # a request for the second administrator cannot be approved by himself
    verzoek = services.vraag_rolwijziging_aan(
        beheerder, tweede_beheerder, Rol.PRIVACY_FUNCTIONARIS, [], "Vervanging tijdens verlof."
    )
    with pytest.raises(ValidationError, match="eigen account"):
        services.keur_rolwijziging_goed(tweede_beheerder, verzoek.pk)
    tweede_beheerder.refresh_from_db()
    assert tweede_beheerder.rol == Rol.BEHEERDER


def test_rol_zonder_persoonsgegevens_gaat_direct_in(users, beheerder):
    doel = users[Rol.WMO_CONSULENT]
    verzoek = services.vraag_rolwijziging_aan(
        beheerder, doel, Rol.BELEIDSMAKER, [], "Overstap naar beleid en control."
    )
    doel.refresh_from_db()
    assert verzoek.status == Rolwijziging.Status.DOORGEVOERD
    assert doel.rol == Rol.BELEIDSMAKER


def test_alleen_beheerder_vraagt_rol_aan(users):
    with pytest.raises(PermissionDenied):
        services.vraag_rolwijziging_aan(
            users[Rol.WMO_CONSULENT],
            users[Rol.BELEIDSMAKER],
            Rol.WMO_CONSULENT,
            [],
            "Collega helpt tijdelijk mee.",
        )


def test_schermen_aanvragen_en_goedkeuren(client, users, beheerder, tweede_beheerder):
    doel = users[Rol.BELEIDSMAKER]
    client.force_login(beheerder)
    formulier = client.get("/gebruikersbeheer/aanvragen/").content.decode()
    assert doel.username in formulier
    keuzes = formulier.split('name="gebruiker"', 1)[1].split("</select>", 1)[0]
    assert f'value="{beheerder.pk}"' not in keuzes  # never his own account
    response = client.post(
        "/gebruikersbeheer/aanvragen/",
        {"gebruiker": doel.pk, "nieuwe_rol": Rol.TOEZICHTHOUDER, "reden": "Klachtenfunctie."},
    )
    assert response.status_code == 302
    verzoek = Rolwijziging.objects.get(gebruiker=doel)
    # the requester cannot approve: the page says so, nothing changes
    response = client.post(f"/gebruikersbeheer/{verzoek.pk}/beslissen/", {"besluit": "goedkeuren"})
    assert response.status_code == 200
    assert "andere beheerder dan de aanvrager" in response.content.decode()
    doel.refresh_from_db()
    assert doel.rol == Rol.BELEIDSMAKER

    client.force_login(tweede_beheerder)
    assert "Klachtenfunctie." in client.get("/gebruikersbeheer/").content.decode()
    response = client.post(f"/gebruikersbeheer/{verzoek.pk}/beslissen/", {"besluit": "goedkeuren"})
    assert response.status_code == 302
    doel.refresh_from_db()
    assert doel.rol == Rol.TOEZICHTHOUDER


def test_privacyfunctionaris_ziet_beheerstappen_in_auditlog(
    client, users, beheerder, tweede_beheerder
):
    doel = users[Rol.BELEIDSMAKER]
    verzoek = services.vraag_rolwijziging_aan(
        beheerder, doel, Rol.WMO_CONSULENT, [], "Tijdelijke inval bij de consulenten."
    )
    services.keur_rolwijziging_goed(tweede_beheerder, verzoek.pk)
    client.force_login(users[Rol.PRIVACY_FUNCTIONARIS])

    aanvraag = client.get(f"/privacy/auditlog/?gebruikersnaam={beheerder.username}")
    tekst = aanvraag.content.decode()
    assert aanvraag.status_code == 200
    assert f"rolwijziging {verzoek.pk}" in tekst
    assert f"{doel.username}: Tijdelijke inval bij de consulenten." in tekst

    goedkeuring = client.get(f"/privacy/auditlog/?gebruikersnaam={tweede_beheerder.username}")
    tekst = goedkeuring.content.decode()
    assert f"gebruiker {doel.pk}" in tekst
    assert "rol, wijken" in tekst


# --- password reset ---------------------------------------------------------------------


def test_wachtwoordlink_zonder_dat_beheerder_iets_ziet(
    client, users, beheerder, django_capture_on_commit_callbacks
):
    doel = users[Rol.WMO_CONSULENT]
    doel.email = "consulent@mail.example"
    doel.save()
    client.force_login(beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/beheer/accounts/user/",
            {"action": "wachtwoordlink_sturen", "_selected_action": [doel.pk]},
            follow=True,
        )
    doel.refresh_from_db()
    assert not doel.has_usable_password()
    assert not doel.check_password(f.PASSWORD)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [doel.email]
    link = re.search(r"http://testserver(/wachtwoord-instellen/\S+/)", mail.outbox[0].body)[1]
    assert link not in response.content.decode()  # the administrator never sees the link
    regel = _regels(beheerder, "gebruiker")[-1]
    assert regel.velden == ["wachtwoord"] and regel.object_id == str(doel.pk)

    # the user sets a new password once through the link
    anoniem = client.__class__()
    stap = anoniem.get(link, follow=True)
    assert stap.status_code == 200
    response = anoniem.post(
        stap.redirect_chain[-1][0],
        {"new_password1": WACHTWOORD, "new_password2": WACHTWOORD},
    )
    assert response.status_code == 302
    doel.refresh_from_db()
    assert doel.check_password(WACHTWOORD)
    assert AuditRecord.objects.filter(
        gebruiker=doel, object_type="gebruiker", velden=["wachtwoord"]
    ).exists()
    assert "werkt niet (meer)" in anoniem.get(link, follow=True).content.decode()


def test_wachtwoordlink_niet_voor_zichzelf(beheerder):
    beheerder.email = "beheer@mail.example"
    beheerder.save()
    with pytest.raises(ValidationError, match="eigen account"):
        services.stuur_wachtwoordlink(beheerder, beheerder.pk, "http://testserver/")
    beheerder.refresh_from_db()
    assert beheerder.check_password(f.PASSWORD)


def test_beheerrol_geeft_en_neemt_toegang_tot_beheer(users, beheerder, tweede_beheerder):
    doel = users[Rol.BELEIDSMAKER]
    verzoek = services.vraag_rolwijziging_aan(
        beheerder, doel, Rol.BEHEERDER, [], "Tweede beheerder voor het vier-ogenprincipe."
    )
    services.keur_rolwijziging_goed(tweede_beheerder, verzoek.pk)
    doel.refresh_from_db()
    assert doel.rol == Rol.BEHEERDER and doel.is_staff and not doel.is_superuser
    services.vraag_rolwijziging_aan(beheerder, doel, Rol.BELEIDSMAKER, [], "Terug naar beleid.")
    doel.refresh_from_db()
    assert doel.rol == Rol.BELEIDSMAKER and not doel.is_staff


def test_afwijzen_vraagt_toelichting_en_verandert_niets(client, users, beheerder, tweede_beheerder):
    doel = users[Rol.VRIJWILLIGER]
    verzoek = services.vraag_rolwijziging_aan(
        beheerder, doel, Rol.WMO_CONSULENT, [], "Vrijwilliger wordt consulent."
    )
    client.force_login(tweede_beheerder)
    url = f"/gebruikersbeheer/{verzoek.pk}/beslissen/"
    response = client.post(url, {"besluit": "afwijzen"})
    assert "Licht toe waarom" in response.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.status == Rolwijziging.Status.AANGEVRAAGD
    response = client.post(url, {"besluit": "afwijzen", "toelichting": "Geen consulent."})
    assert response.status_code == 302
    verzoek.refresh_from_db()
    doel.refresh_from_db()
    assert verzoek.status == Rolwijziging.Status.AFGEWEZEN and doel.rol == Rol.VRIJWILLIGER
    assert "Geen consulent." in client.get("/gebruikersbeheer/").content.decode()
