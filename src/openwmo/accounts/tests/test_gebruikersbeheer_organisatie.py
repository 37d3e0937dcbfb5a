"""Organisation, team and teamleider decide what a user sees (scope is by organisation), so
they change through the same four-eyes request as the role; re-activation too.

Issue 19 item 3, the gaps left after the role change: /beheer/organisaties/medewerker/
moved users between organisations, and a deactivated user could not be re-activated."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from openwmo.accounts import selectors, services
from openwmo.accounts.models import Rol, Rolwijziging, User
from openwmo.organisaties.models import Medewerker, Organisatie, Team
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(users):
    return users[Rol.BEHEERDER]


@pytest.fixture
def tweede_beheerder():
    return f.medewerker(Rol.BEHEERDER, is_staff=True)


@pytest.fixture
def andere_aanbieder():
    org = f.OrganisatieFactory(naam="Zorg Anders", soort=Organisatie.Soort.AANVULLEND)
    return org, Team.objects.create(organisatie=org, naam="Team Oost")


def _verse_scope(user):
    return selectors.scope_of(User.objects.get(pk=user.pk))


# --- /beheer/organisaties/medewerker/ ---------------------------------------------------


def test_admin_verplaatst_geen_medewerker_naar_andere_organisatie(
    client, users, beheerder, andere_aanbieder
):
    org, team = andere_aanbieder
    doel = users[Rol.ZORGAANBIEDER]
    medewerker = doel.medewerker
    oude_org = medewerker.organisatie_id
    client.force_login(beheerder)
    response = client.post(
        f"/beheer/organisaties/medewerker/{medewerker.pk}/change/",
        {
            "user": doel.pk,
            "organisatie": org.pk,
            "team": team.pk,
            "is_teamleider": "on",
            "functie": "Coördinator",
            "telefoon": "0612345678",
            "_save": "Opslaan",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    medewerker.refresh_from_db()
    assert medewerker.organisatie_id == oude_org
    assert medewerker.team_id is None and not medewerker.is_teamleider
    assert _verse_scope(doel).organisatie_id == oude_org
    # function title and phone are no rights: they change, audited
    assert (medewerker.functie, medewerker.telefoon) == ("Coördinator", "0612345678")
    regel = AuditRecord.objects.filter(gebruiker=beheerder, object_type="gebruiker").latest("pk")
    assert regel.object_id == str(doel.pk)
    assert set(regel.velden) == {"functie", "telefoon"}


def test_admin_verwijdert_geen_medewerker(client, users, beheerder):
    medewerker = users[Rol.ZORGAANBIEDER].medewerker
    client.force_login(beheerder)
    url = f"/beheer/organisaties/medewerker/{medewerker.pk}/delete/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Medewerker.objects.filter(pk=medewerker.pk).exists()


def _voeg_toe(client, beheerder, gebruiker, org):
    client.force_login(beheerder)
    return client.post(
        "/beheer/organisaties/medewerker/add/",
        {"user": gebruiker.pk, "organisatie": org.pk, "functie": "Medewerker", "_save": "1"},
    )


def test_admin_geeft_rol_met_persoonsgegevens_geen_organisatie(client, beheerder, andere_aanbieder):
    org, _team = andere_aanbieder
    zonder = f.UserFactory(rol=Rol.ZORGAANBIEDER)
    response = _voeg_toe(client, beheerder, zonder, org)
    assert response.status_code == 200
    assert "via Gebruikersbeheer" in response.content.decode()
    assert not Medewerker.objects.filter(user=zonder).exists()
    # and never for himself (a beheerder reads personal data in any case)
    eigen = beheerder.medewerker
    Medewerker.objects.filter(pk=eigen.pk).delete()
    response = _voeg_toe(client, User.objects.get(pk=beheerder.pk), beheerder, org)
    assert response.status_code == 200
    assert not Medewerker.objects.filter(user=beheerder).exists()


def test_admin_geeft_rol_zonder_persoonsgegevens_een_organisatie(
    client, beheerder, andere_aanbieder
):
    org, _team = andere_aanbieder
    zonder = f.UserFactory(rol=Rol.BELEIDSMAKER)
    response = _voeg_toe(client, beheerder, zonder, org)
    assert response.status_code == 302, response.content.decode()[:3000]
    medewerker = Medewerker.objects.get(user=zonder)
    assert medewerker.organisatie == org and not medewerker.is_teamleider
    regel = AuditRecord.objects.filter(gebruiker=beheerder, object_type="gebruiker").latest("pk")
    assert regel.object_id == str(zonder.pk) and regel.actie == AuditRecord.Actie.AANMAKEN
    assert regel.nieuwe_waarden["organisatie"] == "Zorg Anders"


# --- the request flow ------------------------------------------------------------------


def test_andere_organisatie_wacht_op_tweede_beheerder(
    users, beheerder, tweede_beheerder, andere_aanbieder
):
    org, team = andere_aanbieder
    doel = users[Rol.ZORGAANBIEDER]
    oude_org = doel.medewerker.organisatie
    verzoek = services.vraag_rolwijziging_aan(
        beheerder,
        doel,
        Rol.ZORGAANBIEDER,
        [],
        "Overgestapt naar Zorg Anders per 1 januari.",
        organisatie=org,
        team=team,
    )
    assert verzoek.status == Rolwijziging.Status.AANGEVRAAGD
    assert verzoek.oude_organisatie["organisatie"] == oude_org.naam
    assert _verse_scope(doel).organisatie_id == oude_org.pk
    aanvraag = AuditRecord.objects.filter(object_type="rolwijziging").latest("pk")
    assert "organisatie" in aanvraag.velden
    assert aanvraag.oude_waarden["organisatie"] == oude_org.naam
    assert aanvraag.nieuwe_waarden["organisatie"] == "Zorg Anders"

    with pytest.raises(ValidationError, match="andere beheerder"):
        services.keur_rolwijziging_goed(beheerder, verzoek.pk)
    services.keur_rolwijziging_goed(tweede_beheerder, verzoek.pk)
    doel.medewerker.refresh_from_db()
    assert (doel.medewerker.organisatie, doel.medewerker.team) == (org, team)
    assert _verse_scope(doel).organisatie_id == org.pk
    wijziging = AuditRecord.objects.filter(
        gebruiker=tweede_beheerder, object_type="gebruiker"
    ).latest("pk")
    assert wijziging.object_id == str(doel.pk)
    assert wijziging.oude_waarden["organisatie"] == oude_org.naam
    assert wijziging.nieuwe_waarden["organisatie"] == "Zorg Anders"
    assert wijziging.nieuwe_waarden["team"] == "Team Oost"


def test_teamleider_en_nieuwe_medewerker_via_verzoek(beheerder, tweede_beheerder, andere_aanbieder):
    org, team = andere_aanbieder
    zonder = f.UserFactory(rol=Rol.SOCIAAL_WERKER)
    verzoek = services.vraag_rolwijziging_aan(
        beheerder,
        zonder,
        Rol.SOCIAAL_WERKER,
        [],
        "Nieuwe teamleider in Oost.",
        organisatie=org,
        team=team,
        is_teamleider=True,
    )
    assert not Medewerker.objects.filter(user=zonder).exists()
    services.keur_rolwijziging_goed(tweede_beheerder, verzoek.pk)
    medewerker = Medewerker.objects.get(user=zonder)
    assert (medewerker.organisatie, medewerker.team, medewerker.is_teamleider) == (org, team, True)


def test_organisatie_van_rol_zonder_persoonsgegevens_direct(users, beheerder, andere_aanbieder):
    org, _team = andere_aanbieder
    doel = users[Rol.BELEIDSMAKER]
    verzoek = services.vraag_rolwijziging_aan(
        beheerder, doel, Rol.BELEIDSMAKER, [], "Gedetacheerd bij Zorg Anders.", organisatie=org
    )
    assert verzoek.status == Rolwijziging.Status.DOORGEVOERD
    doel.medewerker.refresh_from_db()
    assert doel.medewerker.organisatie == org


def test_organisatieverzoek_fouten_veranderen_niets(users, beheerder, andere_aanbieder):
    org, team = andere_aanbieder
    doel = users[Rol.ZORGAANBIEDER]
    eigen_org = doel.medewerker.organisatie
    vreemd_team = Team.objects.create(organisatie=eigen_org, naam="Elders")
    with pytest.raises(ValidationError) as exc:
        services.vraag_rolwijziging_aan(
            beheerder,
            doel,
            Rol.ZORGAANBIEDER,
            [],
            "Team van elders.",
            organisatie=org,
            team=vreemd_team,
        )
    assert "team" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.vraag_rolwijziging_aan(
            beheerder, doel, Rol.ZORGAANBIEDER, [], "Alleen een team.", team=team
        )
    assert "organisatie" in exc.value.message_dict
    with pytest.raises(ValidationError, match="Er verandert niets"):
        services.vraag_rolwijziging_aan(
            beheerder, doel, Rol.ZORGAANBIEDER, [], "Zelfde organisatie.", organisatie=eigen_org
        )
    with pytest.raises(ValidationError, match="eigen rol"):
        services.vraag_rolwijziging_aan(
            beheerder, beheerder, Rol.BEHEERDER, [], "Mijn eigen organisatie.", organisatie=org
        )
    assert not Rolwijziging.objects.exists()
    assert doel.medewerker.organisatie == eigen_org


def test_scherm_vraagt_organisatie_aan(client, users, beheerder, andere_aanbieder):
    org, team = andere_aanbieder
    doel = users[Rol.ZORGAANBIEDER]
    client.force_login(beheerder)
    response = client.post(
        "/gebruikersbeheer/aanvragen/",
        {
            "gebruiker": doel.pk,
            "nieuwe_rol": Rol.ZORGAANBIEDER,
            "organisatie": org.pk,
            "team": team.pk,
            "reden": "Overgestapt naar Zorg Anders.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    verzoek = Rolwijziging.objects.get(gebruiker=doel)
    assert (verzoek.organisatie, verzoek.team) == (org, team)
    pagina = client.get("/gebruikersbeheer/").content.decode()
    assert "Zorg Anders" in pagina and "Team Oost" in pagina
    # a request that keeps the organisation still shows it to the approver
    services.wijs_rolwijziging_af(users[Rol.BEHEERDER], verzoek.pk, "Toch niet.")
    services.vraag_rolwijziging_aan(
        beheerder, users[Rol.BELEIDSMAKER], Rol.WMO_CONSULENT, [], "Wordt consulent bij ons."
    )
    eigen = users[Rol.BELEIDSMAKER].medewerker.organisatie.naam
    assert f"Organisatie (blijft): {eigen}" in client.get("/gebruikersbeheer/").content.decode()


# --- re-activation ---------------------------------------------------------------------


def test_heractivering_met_persoonsgegevens_wacht_op_tweede_beheerder(
    client, users, beheerder, tweede_beheerder
):
    doel = users[Rol.SOCIAAL_WERKER]
    services.deactiveer_gebruiker(beheerder, doel.pk, "uit dienst")
    with pytest.raises(ValidationError, match="gedeactiveerd"):
        services.vraag_rolwijziging_aan(
            beheerder, doel, Rol.WMO_CONSULENT, [], "Terug als consulent."
        )
    client.force_login(beheerder)
    response = client.post(
        "/beheer/accounts/user/",
        {"action": "heractiveren", "_selected_action": [doel.pk]},
        follow=True,
    )
    assert "keurt die goed" in response.content.decode()
    doel.refresh_from_db()
    assert not doel.is_active
    verzoek = Rolwijziging.objects.get(gebruiker=doel, status=Rolwijziging.Status.AANGEVRAAGD)
    assert verzoek.heractiveren and verzoek.nieuwe_rol == Rol.SOCIAAL_WERKER
    with pytest.raises(ValidationError, match="andere beheerder"):
        services.keur_rolwijziging_goed(beheerder, verzoek.pk)
    services.keur_rolwijziging_goed(tweede_beheerder, verzoek.pk)
    doel.refresh_from_db()
    assert doel.is_active and doel.rol == Rol.SOCIAAL_WERKER
    regel = AuditRecord.objects.filter(gebruiker=tweede_beheerder, object_type="gebruiker").latest(
        "pk"
    )
    assert "is_active" in regel.velden and regel.nieuwe_waarden["is_active"] is True
    assert regel.oude_waarden["is_active"] is False
    with pytest.raises(ValidationError, match="niet gedeactiveerd"):
        services.vraag_heractivering_aan(beheerder, doel.pk, "Nog een keer heractiveren.")


def test_heractivering_zonder_persoonsgegevens_direct_en_niet_door_anderen(users, beheerder):
    doel = users[Rol.BELEIDSMAKER]
    services.deactiveer_gebruiker(beheerder, doel.pk)
    with pytest.raises(PermissionDenied):
        services.vraag_heractivering_aan(users[Rol.WMO_CONSULENT], doel.pk, "Ik wil hem terug.")
    verzoek = services.vraag_heractivering_aan(beheerder, doel.pk, "Terug van sabbatical.")
    assert verzoek.status == Rolwijziging.Status.DOORGEVOERD
    doel.refresh_from_db()
    assert doel.is_active


def test_heractivering_begint_met_nieuw_wachtwoord_app_en_token(
    client, users, beheerder, tweede_beheerder, django_capture_on_commit_callbacks
):
    """Issue 19 leftover: a re-activated user came back with his old password, authenticator
    app and API token. Now they all stop working: a new password via the one-time link to his
    own address and a new app via an enrolment code from a beheerder."""
    doel = users[Rol.SOCIAAL_WERKER]
    doel.email = "sw@mail.example"
    doel.save()
    TOTPDevice.objects.create(user=doel, name="oud", confirmed=True)
    Token.objects.create(user=doel)
    _oud, oude_code = services.geef_inschrijfcode(beheerder, doel.pk, kanaal="ui")
    services.deactiveer_gebruiker(beheerder, doel.pk, "uit dienst")
    verzoek = services.vraag_heractivering_aan(beheerder, doel.pk, "Terug van verlof.")
    client.force_login(tweede_beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/gebruikersbeheer/{verzoek.pk}/beslissen/",
            {"besluit": "goedkeuren", "toelichting": "Akkoord."},
        )
    assert response.status_code == 302
    doel.refresh_from_db()
    assert doel.is_active
    assert not doel.has_usable_password() and not doel.check_password(f.PASSWORD)
    assert not TOTPDevice.objects.filter(user=doel).exists()
    assert not Token.objects.filter(user=doel).exists()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["sw@mail.example"]
    assert "http://testserver/wachtwoord-instellen/" in mail.outbox[0].body
    regel = AuditRecord.objects.filter(gebruiker=tweede_beheerder, object_type="gebruiker").latest(
        "pk"
    )
    assert {"is_active", "wachtwoord", "tweestaps", "api_token"} <= set(regel.velden)
    assert regel.nieuwe_waarden["tweestaps"].startswith("verwijderd")
    assert services.controleer_inschrijfcode(doel, oude_code) is None
    # a new app needs a new enrolment code from a beheerder
    _record, code = services.geef_inschrijfcode(beheerder, doel.pk, kanaal="ui")
    assert services.controleer_inschrijfcode(doel, code) is not None


def test_admin_wijzigt_soort_van_organisatie_en_organisatie_van_team_niet(
    client, users, beheerder, andere_aanbieder
):
    org, team = andere_aanbieder
    client.force_login(beheerder)
    response = client.post(
        f"/beheer/organisaties/organisatie/{org.pk}/change/",
        {
            "naam": org.naam,
            "soort": Organisatie.Soort.HUISHOUDELIJKE_HULP,
            "agb_code": org.agb_code,
            "kvk_nummer": "",
            "gemeentecode": "",
            "email": "",
            "telefoon": "",
            "actief": "on",
            "_save": "Opslaan",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    org.refresh_from_db()
    assert org.soort == Organisatie.Soort.AANVULLEND
    eigen = users[Rol.ZORGAANBIEDER].medewerker.organisatie
    response = client.post(
        f"/beheer/organisaties/team/{team.pk}/change/",
        {"naam": team.naam, "organisatie": eigen.pk, "wijk": "", "_save": "Opslaan"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    team.refresh_from_db()
    assert team.organisatie == org
