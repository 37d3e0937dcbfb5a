"""Retention: flag records past their term, review, anonymise; steering counts stay equal."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.organisaties.models import Organisatie
from openwmo.privacy import bewaren
from openwmo.privacy.models import AuditRecord, Bewaarmarkering
from openwmo.testing import factories as f
from openwmo.toegang import selectors as toegang_selectors
from openwmo.toegang import services as toegang
from openwmo.toegang.models import Melding, MeldingStap, OnlineMelding

pytestmark = pytest.mark.django_db


def opgeloste_melding(user, persoon, *, jaren_geleden: int, **kwargs):
    melding = toegang.registreer_melding(
        user,
        toegang.NieuweMelding(
            bsn=persoon.bsn,
            geboortedatum=persoon.geboortedatum,
            kanaal="telefoon",
            ontvangen_op=timezone.now() - datetime.timedelta(hours=1),
            vraag="Ik zoek iemand om mee te wandelen, ik ben eenzaam.",
            **kwargs,
        ),
        kanaal="ui",
    )
    if melding.route != "hh":
        toegang.leg_uitkomst_vast(
            user,
            melding.pk,
            uitkomst="activiteit",
            toelichting="Wandelgroep buurtkamer",
            kanaal="ui",
        )
    toen = timezone.now() - datetime.timedelta(days=365 * jaren_geleden + 10)
    MeldingStap.objects.filter(melding=melding).update(tijdstip=toen)
    return melding


def test_verlopen_melding_wordt_gemarkeerd_beoordeeld_en_geanonimiseerd(users, inwoner):
    sw = users[Rol.SOCIAAL_WERKER]
    oud = opgeloste_melding(sw, inwoner, jaren_geleden=6)  # no provision: 5-year term
    recent = opgeloste_melding(sw, inwoner, jaren_geleden=2)
    hh = f.OrganisatieFactory(soort=Organisatie.Soort.HUISHOUDELIJKE_HULP)
    met_voorziening = opgeloste_melding(  # household help: 15-year term
        sw, inwoner, jaren_geleden=6, route="hh", hh_aanbieder_id=hh.pk
    )
    cijfers_voor = toegang_selectors.eerste_contact_cijfers()

    assert bewaren.markeer_verlopen() == 1
    assert bewaren.markeer_verlopen() == 0  # idempotent
    markering = Bewaarmarkering.objects.get()
    assert (markering.object_id, markering.soort) == (oud.pk, "zonder_voorziening")
    assert markering.persoon_id == inwoner.pk

    assert bewaren.voer_uit() == 0  # nothing happens before the privacy officer decides
    po = users[Rol.PRIVACY_FUNCTIONARIS]
    bewaren.beoordeel(po, markering.pk, besluit="anonimiseren")
    assert bewaren.voer_uit() == 1

    oud.refresh_from_db()
    assert oud.persoon_id is None and oud.huishouden_id is None
    assert "wandelen" not in oud.vraag and oud.geanonimiseerd_op
    assert not MeldingStap.objects.filter(melding=oud).exclude(toelichting="").exists()
    assert Melding.objects.get(pk=recent.pk).persoon_id == inwoner.pk
    assert Melding.objects.get(pk=met_voorziening.pk).persoon_id == inwoner.pk
    # the steering counts still add up
    assert toegang_selectors.eerste_contact_cijfers() == cijfers_voor
    # nobody can open the anonymised case any more
    assert (
        not toegang_selectors.meldingen_in_scope(users[Rol.WMO_CONSULENT])
        .filter(pk=oud.pk)
        .exists()
    )
    record = AuditRecord.objects.get(object_type="melding", kanaal="systeem")
    assert record.persoon_id == inwoner.pk and "melding" in record.velden


def test_uitstel_vraagt_reden_en_datum_en_komt_daarna_terug(users, inwoner):
    opgeloste_melding(users[Rol.SOCIAAL_WERKER], inwoner, jaren_geleden=7)
    bewaren.markeer_verlopen()
    markering = Bewaarmarkering.objects.get()
    po = users[Rol.PRIVACY_FUNCTIONARIS]
    with pytest.raises(ValidationError) as exc:
        bewaren.beoordeel(po, markering.pk, besluit="uitstellen")
    assert set(exc.value.message_dict) == {"uitstellen_tot", "toelichting"}
    over_een_maand = timezone.localdate() + datetime.timedelta(days=30)
    bewaren.beoordeel(
        po,
        markering.pk,
        besluit="uitstellen",
        toelichting="Lopend bezwaar",
        uitstellen_tot=over_een_maand,
    )
    assert bewaren.voer_uit() == 0
    assert bewaren.markeer_verlopen(over_een_maand + datetime.timedelta(days=1)) == 0
    markering.refresh_from_db()
    assert markering.besluit == ""  # back in the queue for a new decision


def test_scherm_privacyfunctionaris(client, users, inwoner):
    opgeloste_melding(users[Rol.SOCIAAL_WERKER], inwoner, jaren_geleden=6)
    bewaren.markeer_verlopen()
    markering = Bewaarmarkering.objects.get()
    client.force_login(users[Rol.PRIVACY_FUNCTIONARIS])
    html = client.get("/privacy/bewaren/").content.decode()
    assert "Melding" in html and "5 jaar" in html and "15 jaar" in html
    fout = client.post(f"/privacy/bewaren/{markering.pk}/beoordelen/", {"besluit": "uitstellen"})
    assert "reden voor het uitstel" in fout.content.decode()
    client.post(f"/privacy/bewaren/{markering.pk}/beoordelen/", {"besluit": "anonimiseren"})
    assert Bewaarmarkering.objects.get().besluit == "anonimiseren"


def test_commando_draait_beide_taken(users, inwoner):
    from django.core.management import call_command

    opgeloste_melding(users[Rol.SOCIAAL_WERKER], inwoner, jaren_geleden=6)
    call_command("bewaartermijnen", "--direct")
    assert Bewaarmarkering.objects.count() == 1


def test_privacyfunctionaris_wijzigt_bewaartermijn_in_de_app(client, users):
    from openwmo.privacy.models import Bewaartermijn

    client.force_login(users[Rol.PRIVACY_FUNCTIONARIS])
    url = "/privacy/bewaren/termijn/zonder_voorziening/"
    fout = client.post(url, {"jaren": "0", "toelichting": "kort"})
    assert fout.status_code == 200
    assert "van 1 tot en met 100 jaar" in fout.content.decode()
    assert Bewaartermijn.objects.get(soort="zonder_voorziening").jaren == 5
    response = client.post(url, {"jaren": "7", "toelichting": "Besluit college 2026, zeven jaar"})
    assert response.status_code == 302
    assert Bewaartermijn.objects.get(soort="zonder_voorziening").jaren == 7
    record = AuditRecord.objects.get(object_type="bewaartermijn")
    assert record.oude_waarden["jaren"] == 5 and record.nieuwe_waarden["jaren"] == 7
    client.force_login(users[Rol.BEHEERDER])
    assert client.post(url, {"jaren": "1", "toelichting": "Probeer het korter"}).status_code == 403


def test_getypte_vraag_met_bsn_gaat_mee_met_de_melding(users, wijk):
    """A volunteer's visitor whose BSN matched nobody: the typed name, BSN and birth date
    (kept for the social team) are removed with the melding when its term has passed."""
    kamer = f.BuurtkamerFactory(wijk=wijk)
    vrijwilliger = users[Rol.VRIJWILLIGER]
    melding = toegang.registreer_melding(
        vrijwilliger,
        toegang.NieuweMelding(
            bsn=f.synthetic_bsn(901),
            geboortedatum=datetime.date(1950, 3, 1),
            naam="Bezoeker Zonnebloem",
            kanaal="buurtkamer",
            buurtkamer_id=kamer.pk,
            ontvangen_op=timezone.now() - datetime.timedelta(hours=1),
            vraag="Ik zoek iemand om mee te wandelen.",
        ),
        kanaal="ui",
    )
    toegang.leg_uitkomst_vast(
        vrijwilliger, melding.pk, uitkomst="activiteit", toelichting="Wandelgroep", kanaal="ui"
    )
    assert OnlineMelding.objects.filter(bezoek=melding).exists()
    toen = timezone.now() - datetime.timedelta(days=365 * 6 + 10)
    MeldingStap.objects.filter(melding=melding).update(tijdstip=toen)

    assert bewaren.markeer_verlopen() == 1
    markering = Bewaarmarkering.objects.get()
    bewaren.beoordeel(users[Rol.PRIVACY_FUNCTIONARIS], markering.pk, besluit="anonimiseren")
    assert bewaren.voer_uit() == 1
    assert not OnlineMelding.objects.exists()
    melding.refresh_from_db()
    assert melding.geanonimiseerd_op and melding.opgegeven_naam == ""
