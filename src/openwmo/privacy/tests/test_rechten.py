"""Break-the-glass, inzage, correction requests, the covenant and the data register."""

import datetime
import json

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.inwoners import selectors as inwoners
from openwmo.inwoners import services as inwoner_services
from openwmo.inwoners.models import Persoon, Relatie
from openwmo.organisaties.models import Organisatie
from openwmo.privacy import selectors, services
from openwmo.privacy.models import AuditRecord, Correctieverzoek, Deelafspraak, Doorbraak
from openwmo.testing import factories as f
from openwmo.toegang import services as toegang

pytestmark = pytest.mark.django_db

REDEN = "Crisismelding van de politie, collega van die wijk is ziek."


def test_doorbraak_geeft_tijdelijk_toegang_met_reden(users, inwoner_elders):
    sw = users[Rol.SOCIAAL_WERKER]
    assert not inwoners.personen_in_scope(sw).filter(pk=inwoner_elders.pk).exists()
    with pytest.raises(ValidationError) as exc:
        inwoner_services.doorbraak(sw, bsn=inwoner_elders.bsn, reden="nodig", kanaal="ui")
    assert "minstens 20 tekens" in exc.value.message_dict["reden"][0]
    assert not Doorbraak.objects.exists()

    inwoner_services.doorbraak(sw, bsn=inwoner_elders.bsn, reden=REDEN, kanaal="ui")
    assert inwoners.personen_in_scope(sw).filter(pk=inwoner_elders.pk).exists()
    record = AuditRecord.objects.get(object_type="doorbraak")
    assert record.toelichting == REDEN and record.persoon_id == inwoner_elders.pk

    Doorbraak.objects.update(einde=timezone.now())  # expired
    assert not inwoners.personen_in_scope(sw).filter(pk=inwoner_elders.pk).exists()


def test_doorbraak_niet_voor_rollen_zonder_dossierwerk(users, inwoner_elders):
    for rol in (Rol.VRIJWILLIGER, Rol.ZORGAANBIEDER, Rol.BELEIDSMAKER):
        with pytest.raises(PermissionDenied):
            inwoner_services.doorbraak(users[rol], bsn=inwoner_elders.bsn, reden=REDEN, kanaal="ui")


def test_doorbraak_onbekend_bsn(users):
    with pytest.raises(ValidationError) as exc:
        inwoner_services.doorbraak(
            users[Rol.SOCIAAL_WERKER], bsn=f.synthetic_bsn(900), reden=REDEN, kanaal="ui"
        )
    assert "geen inwoner" in exc.value.message_dict["bsn"][0]


def test_privacyfunctionaris_beoordeelt_doorbraak_eenmalig(users, inwoner_elders):
    inwoner_services.doorbraak(
        users[Rol.SOCIAAL_WERKER], bsn=inwoner_elders.bsn, reden=REDEN, kanaal="ui"
    )
    d = Doorbraak.objects.get()
    po = users[Rol.PRIVACY_FUNCTIONARIS]
    with pytest.raises(PermissionDenied):
        services.beoordeel_doorbraak(users[Rol.WMO_CONSULENT], d.pk, oordeel="terecht")
    with pytest.raises(ValidationError):
        services.beoordeel_doorbraak(po, d.pk, oordeel="onterecht")  # needs an explanation
    services.beoordeel_doorbraak(po, d.pk, oordeel="terecht")
    assert list(selectors.te_beoordelen_doorbraken()) == []
    with pytest.raises(ValidationError):
        services.beoordeel_doorbraak(po, d.pk, oordeel="onterecht", toelichting="toch niet")


def test_doorbraak_via_schermen(client, users, inwoner_elders):
    client.force_login(users[Rol.SOCIAAL_WERKER])
    assert client.get(f"/inwoners/{inwoner_elders.pk}/").status_code == 404
    response = client.post("/inwoners/doorbraak/", {"bsn": inwoner_elders.bsn, "reden": REDEN})
    assert response["Location"] == f"/inwoners/{inwoner_elders.pk}/"
    assert "Mariska" in client.get(f"/inwoners/{inwoner_elders.pk}/").content.decode()
    client.force_login(users[Rol.PRIVACY_FUNCTIONARIS])
    assert REDEN in client.get("/privacy/doorbraken/").content.decode()
    d = Doorbraak.objects.get()
    fout = client.post(f"/privacy/doorbraken/{d.pk}/beoordelen/", {"oordeel": "onterecht"})
    assert "Licht toe" in fout.content.decode()
    client.post(f"/privacy/doorbraken/{d.pk}/beoordelen/", {"oordeel": "terecht"})
    assert Doorbraak.objects.get().oordeel == "terecht"


def test_inzage_bevat_alles_over_de_inwoner_en_niets_over_anderen(users, inwoner, inwoner_elders):
    partner = f.PersoonFactory(
        voornamen="Gerda", huishouden=inwoner.huishouden, telefoon="0611112222"
    )
    inwoner.telefoon = "0698765432"
    inwoner.save()
    inwoners.dossier(users[Rol.SOCIAAL_WERKER], inwoner.pk, kanaal="ui")
    export = services.inzage_export(users[Rol.INWONER], inwoner, kanaal="json")
    tekst = json.dumps(export, default=str)
    persoonsgegevens = export["onderdelen"]["Persoonsgegevens"][0]
    for veld in Persoon.PERSOONSGEGEVENS:
        if veld != "huishouden":
            assert veld in persoonsgegevens, veld
    for veld in ("bsn", "voornamen", "achternaam", "telefoon"):
        assert getattr(inwoner, veld) in tekst, veld
    assert inwoner.geboortedatum.isoformat() in tekst
    adres = inwoner.huishouden.adres
    for waarde in (adres.straat, adres.postcode, adres.woonplaats):
        assert waarde in tekst
    for relatie in Relatie.objects.filter(persoon=inwoner):
        assert relatie.naam in tekst
    assert len(export["onderdelen"]["Wie heeft uw gegevens bekeken of gewijzigd"]) >= 1
    for ander in (inwoner_elders, partner):  # nothing about others
        assert ander.bsn not in tekst and ander.voornamen not in tekst
    assert partner.telefoon not in tekst
    assert AuditRecord.objects.filter(actie="export", persoon_id=inwoner.pk).count() == 1


def test_inwoner_downloadt_eigen_gegevens_als_json_en_pdf(client, users, inwoner):
    client.force_login(users[Rol.INWONER])
    data = client.get("/privacy/mijn-gegevens.json").json()
    assert data["onderdelen"]["Persoonsgegevens"][0]["bsn"] == inwoner.bsn
    pdf = client.get("/privacy/mijn-gegevens.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get("/privacy/mijn-gegevens.xml").status_code == 404
    assert AuditRecord.objects.filter(actie="export", kanaal="pdf").count() == 1


def test_privacyfunctionaris_maakt_inzage_op_bsn(client, users, inwoner):
    client.force_login(users[Rol.PRIVACY_FUNCTIONARIS])
    response = client.get("/privacy/inzage/", {"bsn": inwoner.bsn, "formaat": "json"})
    assert response.json()["persoon"] == "Jelle Hoekstra"
    fout = client.get("/privacy/inzage/", {"bsn": "123", "formaat": "json"})
    assert "9 cijfers" in fout.content.decode()


def test_correctieverzoek_toegewezen_past_telefoon_aan(client, users, inwoner):
    client.force_login(users[Rol.INWONER])
    leeg = client.post("/privacy/correctie/", {"gegeven": "telefoon"})
    assert "vereist" in leeg.content.decode()
    assert not Correctieverzoek.objects.exists()
    client.post("/privacy/correctie/", {"gegeven": "telefoon", "gewenste_waarde": "0612345678"})
    verzoek = Correctieverzoek.objects.get()
    assert verzoek.status == "ingediend"
    assert verzoek.uiterlijk_besluit > timezone.localdate()

    po = users[Rol.PRIVACY_FUNCTIONARIS]
    with pytest.raises(ValidationError):
        services.behandel_correctieverzoek(po, verzoek.pk, besluit="toegewezen", toelichting="")
    services.behandel_correctieverzoek(
        po, verzoek.pk, besluit="toegewezen", toelichting="Aangepast zoals gevraagd."
    )
    inwoner.refresh_from_db()
    assert inwoner.telefoon == "0612345678"
    assert Correctieverzoek.objects.get().status == "toegewezen"
    wijziging = AuditRecord.objects.get(actie="wijzigen", object_type="persoon")
    assert wijziging.nieuwe_waarden == {"telefoon": "0612345678"}
    with pytest.raises(ValidationError):
        services.behandel_correctieverzoek(po, verzoek.pk, besluit="afgewezen", toelichting="x")


def test_correctie_met_ongeldige_waarde_wordt_niet_doorgevoerd(users, inwoner):
    verzoek = services.dien_correctieverzoek_in(
        users[Rol.INWONER], inwoner, gegeven="email", gewenste_waarde="geen-mailadres"
    )
    with pytest.raises(ValidationError):
        services.behandel_correctieverzoek(
            users[Rol.PRIVACY_FUNCTIONARIS], verzoek.pk, besluit="toegewezen", toelichting="ok"
        )
    inwoner.refresh_from_db()
    assert inwoner.email == ""
    assert Correctieverzoek.objects.get().status == "ingediend"


def test_een_maand_later():
    from openwmo.privacy.models import een_maand_later

    assert een_maand_later(datetime.date(2026, 1, 31)) == datetime.date(2026, 2, 28)
    assert een_maand_later(datetime.date(2026, 12, 15)) == datetime.date(2027, 1, 15)


def test_convenant_standaard_en_wijzigen(client, users):
    assert selectors.mag_delen("bsn", "aanvullend")
    assert not selectors.mag_delen("levensdomeinen", "aanvullend")
    assert not selectors.mag_delen("naam", "partner")
    client.force_login(users[Rol.PRIVACY_FUNCTIONARIS])
    html = client.get("/privacy/convenant/").content.decode()
    assert 'name="levensdomeinen__aanvullend"' in html
    aan = {
        f"{a.gegeven}__{a.partnersoort}": "on" for a in Deelafspraak.objects.filter(toegestaan=True)
    }
    aan["levensdomeinen__aanvullend"] = "on"
    client.post("/privacy/convenant/", aan)
    assert selectors.mag_delen("levensdomeinen", "aanvullend")
    assert AuditRecord.objects.filter(object_type="deelafspraak").count() == 1
    with pytest.raises(PermissionDenied):
        services.zet_deelafspraken(users[Rol.BEHEERDER], {("naam", "partner"): True})


def test_convenant_bepaalt_wat_een_aanbieder_van_een_melding_ziet(client, users, inwoner):
    inwoner.telefoon = "0611111111"
    inwoner.save()
    hh = f.OrganisatieFactory(soort=Organisatie.Soort.HUISHOUDELIJKE_HULP)
    aanbieder = f.medewerker(Rol.ZORGAANBIEDER, organisatie=hh)
    melding = toegang.registreer_melding(
        users[Rol.SOCIAAL_WERKER],
        toegang.NieuweMelding(
            bsn=inwoner.bsn,
            geboortedatum=inwoner.geboortedatum,
            kanaal="telefoon",
            ontvangen_op=timezone.now() - datetime.timedelta(minutes=5),
            vraag="Ik kan mijn huis niet meer schoonhouden.",
            route="hh",
            hh_aanbieder_id=hh.pk,
        ),
        kanaal="ui",
    )
    client.force_login(aanbieder)
    assert "0611111111" in client.get(f"/toegang/meldingen/{melding.pk}/").content.decode()
    Deelafspraak.objects.filter(gegeven="contact", partnersoort="hh").update(toegestaan=False)
    html = client.get(f"/toegang/meldingen/{melding.pk}/").content.decode()
    assert "0611111111" not in html and "schoonhouden" in html
    api = client.get(f"/api/v1/meldingen/{melding.pk}/").json()
    assert "0611111111" not in json.dumps(api)


def test_elk_persoonsgegeven_heeft_een_doel():
    """Models holding personal data declare the purpose of every field (necessity)."""
    skip = {"id", "aangemaakt_op", "gewijzigd_op"}
    for model in apps.get_app_config("inwoners").get_models():
        declared = set(getattr(model, "PERSOONSGEGEVENS", {}))
        fields = {f.name for f in model._meta.concrete_fields} - skip
        assert fields <= declared, (model.__name__, fields - declared)


def test_gegevensregister_per_doel(client, users):
    client.force_login(users[Rol.PRIVACY_FUNCTIONARIS])
    html = client.get("/privacy/gegevensregister/").content.decode()
    assert "Wettelijk identificatienummer" in html and "Wmo 2015 art. 5.1.3" in html


def test_auditlog_zoeken_wordt_zelf_gelogd(client, users, inwoner):
    inwoners.dossier(users[Rol.SOCIAAL_WERKER], inwoner.pk, kanaal="ui")
    client.force_login(users[Rol.PRIVACY_FUNCTIONARIS])
    html = client.get("/privacy/auditlog/", {"bsn": inwoner.bsn}).content.decode()
    assert users[Rol.SOCIAAL_WERKER].username in html
    assert AuditRecord.objects.filter(object_type="auditlog").count() == 1
    fout = client.get("/privacy/auditlog/", {"van": "2026-02-01", "tot": "2026-01-01"})
    assert "voor de begindatum" in fout.content.decode()
