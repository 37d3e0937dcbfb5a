"""Referral, pgb-vaardigheid, weighty advice → review → beschikking, iWmo and objections."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.berichten.models import Contract, PgbToekenning, Toewijzing
from openwmo.besluiten import services
from openwmo.besluiten.models import Advies, Beschikking, Bezwaar, Instelling, Verwijzing
from openwmo.organisaties.models import Organisatie
from openwmo.plannen import services as plannen
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db
UI = "ui"


def _pgb_vaardig(werker, regel, vaardig=True):
    return services.leg_pgb_vaardigheid_vast(
        werker,
        regel.pk,
        beheerder="vertegenwoordiger",
        beheerder_naam="Anneke en Piet Visser (ouders)",
        regie=True,
        administratie=True,
        opdrachtgeverschap=vaardig,
        toelichting="Ouders beheren al jaren de administratie van Frank.",
        kanaal=UI,
    )


def test_frank_verwijzing_pgb_dan_beschikking_en_bezwaar(werker, consulent, frank_regel):
    regel = frank_regel
    with pytest.raises(ValidationError) as exc:  # pgb needs the recorded check first
        services.maak_verwijzing(werker, regel.pk, kanaal=UI)
    assert "pgb-vaardigheid" in str(exc.value)
    assert not Verwijzing.objects.exists()
    assert not _pgb_vaardig(werker, regel, vaardig=False).vaardig
    with pytest.raises(ValidationError):
        services.maak_verwijzing(werker, regel.pk, kanaal=UI)
    _pgb_vaardig(werker, regel)

    verwijzing = services.maak_verwijzing(werker, regel.pk, kanaal=UI)
    regel.refresh_from_db()
    assert regel.status == "toegekend" and regel.iwmo_doorgegeven
    assert PgbToekenning.objects.get(persoon=regel.plan.persoon).productcategorie == "02"
    assert verwijzing.kenmerk.startswith("VW-")

    # Frank's parents ask for a formal decision instead
    advies = services.dien_advies_in(
        werker,
        regel.pk,
        aanleiding="verzoek",
        tekst="De vraag van Frank vraagt specifieke expertise in autisme; pgb via de ouders.",
        kanaal=UI,
    )
    with pytest.raises(ValidationError):  # no second advice while one is open
        services.dien_advies_in(werker, regel.pk, aanleiding="verzoek", tekst="x" * 30, kanaal=UI)
    with pytest.raises(ValidationError) as exc:  # not without review
        services.neem_beschikking(
            consulent,
            advies.pk,
            motivering="Frank heeft specialistische begeleiding nodig.",
            einddatum=regel.einddatum,
            pgb_bedrag=Decimal("450"),
            pgb_periode="maand",
            kanaal=UI,
        )
    assert "beoordeling" in str(exc.value)
    assert not Beschikking.objects.exists()

    with pytest.raises(ValidationError):  # reasons required for a change request
        services.beoordeel_advies(
            consulent, advies.pk, uitkomst="wijzigen", motivering="", kanaal=UI
        )
    services.beoordeel_advies(
        consulent,
        advies.pk,
        uitkomst="wijzigen",
        motivering="Noem de periode en het doel.",
        kanaal=UI,
    )
    advies2 = services.dien_advies_in(
        werker,
        regel.pk,
        aanleiding="verzoek",
        tekst="Specifieke expertise in autisme nodig, een jaar, doel: zelfstandig thuis wonen.",
        kanaal=UI,
    )
    with pytest.raises(PermissionDenied):
        services.beoordeel_advies(
            werker, advies2.pk, uitkomst="geaccepteerd", motivering="", kanaal=UI
        )
    services.beoordeel_advies(
        consulent, advies2.pk, uitkomst="geaccepteerd", motivering="", kanaal=UI
    )
    with pytest.raises(ValidationError) as exc:  # pgb amount is required
        services.neem_beschikking(
            consulent,
            advies2.pk,
            motivering="Frank heeft specialistische begeleiding nodig.",
            einddatum=regel.einddatum,
            kanaal=UI,
        )
    assert "pgb_bedrag" in exc.value.message_dict
    beschikking = services.neem_beschikking(
        consulent,
        advies2.pk,
        motivering="Frank heeft specialistische begeleiding nodig die de basis niet biedt.",
        einddatum=regel.einddatum,
        pgb_bedrag=Decimal("450.00"),
        pgb_periode="maand",
        kanaal=UI,
    )
    assert beschikking.leveringsvorm == "pgb" and beschikking.pgb_bedrag == Decimal("450.00")
    assert PgbToekenning.objects.count() == 1  # already registered by the referral
    assert Advies.objects.filter(regel=regel).count() == 2

    bezwaar = services.registreer_bezwaar(
        consulent,
        beschikking.pk,
        ontvangen_op=timezone.localdate(),
        gronden="Het bedrag is te laag voor de begeleiding die Frank nodig heeft.",
        kanaal=UI,
    )
    assert not bezwaar.adviescommissie
    services.plan_hoorzitting(consulent, bezwaar.pk, hoorzitting_op=timezone.localdate(), kanaal=UI)
    services.verdaag(consulent, bezwaar.pk, weken=4, kanaal=UI)
    with pytest.raises(ValidationError):
        services.verdaag(consulent, bezwaar.pk, weken=2, kanaal=UI)
    with pytest.raises(ValidationError):
        services.beslis_op_bezwaar(
            consulent, bezwaar.pk, uitkomst="gegrond", toelichting="Ja", kanaal=UI
        )
    services.beslis_op_bezwaar(
        consulent,
        bezwaar.pk,
        uitkomst="gegrond",
        toelichting="Het tarief was te laag berekend.",
        gewijzigd_besluit="Pgb van € 520 per maand.",
        kanaal=UI,
    )
    bezwaar.refresh_from_db()
    assert bezwaar.uitkomst == "gegrond" and bezwaar.verdaging_weken == 4
    with pytest.raises(ValidationError):
        services.beslis_op_bezwaar(
            consulent, bezwaar.pk, uitkomst="ongegrond", toelichting="x", kanaal=UI
        )


def test_beschikking_alleen_na_beoordeling(werker, consulent, frank_regel):
    _pgb_vaardig(werker, frank_regel)
    advies = services.dien_advies_in(
        werker,
        frank_regel.pk,
        aanleiding="verzoek",
        tekst="Onderbouwing van het advies.",
        kanaal=UI,
    )
    for status in ("ingediend", "wijzigen", "geweigerd"):
        Advies.objects.filter(pk=advies.pk).update(status=status)
        with pytest.raises(ValidationError):
            services.neem_beschikking(
                consulent,
                advies.pk,
                motivering="Een lange motivering voor het besluit.",
                einddatum=frank_regel.einddatum,
                pgb_bedrag=Decimal(1),
                pgb_periode="maand",
                kanaal=UI,
            )
    assert not Beschikking.objects.exists()
    with pytest.raises(PermissionDenied):
        services.neem_beschikking(
            werker, advies.pk, motivering="x" * 30, einddatum=frank_regel.einddatum, kanaal=UI
        )


def test_weigering_met_redenen_zet_de_regel_op_geweigerd(werker, consulent, frank_regel):
    advies = services.dien_advies_in(
        werker,
        frank_regel.pk,
        aanleiding="verzoek",
        tekst="Onderbouwing van het advies.",
        kanaal=UI,
    )
    services.beoordeel_advies(
        consulent,
        advies.pk,
        uitkomst="geweigerd",
        motivering="Basisondersteuning volstaat.",
        kanaal=UI,
    )
    frank_regel.refresh_from_db()
    assert frank_regel.status == "geweigerd"


def test_altijd_beschikking_weigert_verwijzing(werker, frank_regel):
    Instelling.objects.update(besluitvorm="beschikking")
    _pgb_vaardig(werker, frank_regel)
    with pytest.raises(ValidationError) as exc:
        services.maak_verwijzing(werker, frank_regel.pk, kanaal=UI)
    assert "altijd met een beschikking" in str(exc.value)


def _zin_regel(werker, jelle_plan, aanbieder, categorie="dagbesteding"):
    return plannen.voeg_regel_toe(
        werker,
        jelle_plan.pk,
        soort="aanvullend",
        resultaat="Dagritme met specialistische begeleiding",
        uitvoerder="De Brug",
        organisatie=aanbieder,
        productcategorie=categorie,
        leveringsvorm="zin",
        ingangsdatum=timezone.localdate(),
        kanaal=UI,
    )


def test_verwijzing_zin_met_contract_stuurt_toewijzing(werker, jelle_plan, aanbieder):
    f.OrganisatieFactory(soort=Organisatie.Soort.GEMEENTE, gemeentecode="0080")
    Contract.objects.create(
        aanbieder=aanbieder,
        productcategorie="07",
        uitvoeringsvariant="lumpsum_toewijzing",
        ingangsdatum=datetime.date(2020, 1, 1),
    )
    regel = _zin_regel(werker, jelle_plan, aanbieder)
    services.maak_verwijzing(werker, regel.pk, kanaal=UI)
    regel.refresh_from_db()
    toewijzing = Toewijzing.objects.get()
    assert toewijzing.aanbieder == aanbieder and toewijzing.productcategorie == "07"
    assert regel.iwmo_doorgegeven and str(toewijzing.nummer) in regel.iwmo


def test_beschikking_zin_stuurt_toewijzing_met_de_besloten_periode(
    werker, consulent, jelle_plan, aanbieder
):
    f.OrganisatieFactory(soort=Organisatie.Soort.GEMEENTE, gemeentecode="0080")
    Contract.objects.create(
        aanbieder=aanbieder,
        productcategorie="07",
        uitvoeringsvariant="lumpsum_toewijzing",
        ingangsdatum=datetime.date(2020, 1, 1),
    )
    Instelling.objects.update(besluitvorm="beschikking")
    regel = _zin_regel(werker, jelle_plan, aanbieder)
    advies = services.dien_advies_in(
        werker, regel.pk, aanleiding="altijd", tekst="Onderbouwing van het advies.", kanaal=UI
    )
    services.beoordeel_advies(
        consulent, advies.pk, uitkomst="geaccepteerd", motivering="", kanaal=UI
    )
    einde = timezone.localdate() + datetime.timedelta(days=180)
    services.neem_beschikking(
        consulent,
        advies.pk,
        motivering="Een lange motivering voor het besluit.",
        einddatum=einde,
        kanaal=UI,
    )
    toewijzing = Toewijzing.objects.get()
    assert toewijzing.einddatum == einde and toewijzing.productcategorie == "07"


def test_verwijzing_zonder_contract_wordt_genoteerd_niet_verstuurd(werker, jelle_plan, aanbieder):
    regel = _zin_regel(werker, jelle_plan, aanbieder)
    services.maak_verwijzing(werker, regel.pk, kanaal=UI)
    regel.refresh_from_db()
    assert regel.status == "toegekend" and not regel.iwmo_doorgegeven
    assert "Geen contract" in regel.iwmo
    assert not Toewijzing.objects.exists()


def test_verwijzing_niet_dubbel_en_niet_voor_basis(werker, jelle_plan, aanbieder):
    regel = _zin_regel(werker, jelle_plan, aanbieder)
    services.maak_verwijzing(werker, regel.pk, kanaal=UI)
    with pytest.raises(ValidationError):
        services.maak_verwijzing(werker, regel.pk, kanaal=UI)
    basis = jelle_plan.regels.get(soort="basis")
    with pytest.raises(ValidationError):
        services.maak_verwijzing(werker, basis.pk, kanaal=UI)


def test_bezwaar_foute_invoer(consulent, werker, frank_regel, users):
    _pgb_vaardig(werker, frank_regel)
    advies = services.dien_advies_in(
        werker,
        frank_regel.pk,
        aanleiding="verzoek",
        tekst="Onderbouwing van het advies.",
        kanaal=UI,
    )
    services.beoordeel_advies(
        consulent, advies.pk, uitkomst="geaccepteerd", motivering="", kanaal=UI
    )
    b = services.neem_beschikking(
        consulent,
        advies.pk,
        motivering="Een lange motivering voor het besluit.",
        einddatum=frank_regel.einddatum,
        pgb_bedrag=Decimal(300),
        pgb_periode="maand",
        kanaal=UI,
    )
    for ontvangen, gronden in (
        (timezone.localdate() + datetime.timedelta(days=3), "Te laag"),
        (timezone.localdate() - datetime.timedelta(days=3), "Te laag"),
        (timezone.localdate(), ""),
        (None, "Te laag"),
    ):
        with pytest.raises(ValidationError):
            services.registreer_bezwaar(
                consulent, b.pk, ontvangen_op=ontvangen, gronden=gronden, kanaal=UI
            )
    with pytest.raises(PermissionDenied):
        services.registreer_bezwaar(
            users[Rol.SOCIAAL_WERKER],
            b.pk,
            ontvangen_op=timezone.localdate(),
            gronden="x",
            kanaal=UI,
        )
    assert not Bezwaar.objects.exists()


def test_inwoner_vraagt_zelf_een_beschikking(werker, frank_regel, users):
    from openwmo.besluiten import selectors
    from openwmo.besluiten.models import Beschikkingsverzoek

    _pgb_vaardig(werker, frank_regel)
    services.maak_verwijzing(werker, frank_regel.pk, kanaal=UI)
    frank = f.UserFactory(rol=Rol.INWONER, persoon=frank_regel.plan.persoon)
    with pytest.raises(PermissionDenied):  # another household
        services.vraag_beschikking(users[Rol.INWONER], frank_regel.pk, kanaal=UI)
    with pytest.raises(PermissionDenied):
        services.vraag_beschikking(werker, frank_regel.pk, kanaal=UI)
    verzoek = services.vraag_beschikking(frank, frank_regel.pk, toelichting="Graag", kanaal=UI)
    with pytest.raises(ValidationError):
        services.vraag_beschikking(frank, frank_regel.pk, kanaal=UI)
    assert selectors.open_verzoeken(werker) == [verzoek]
    advies = services.dien_advies_in(
        werker,
        frank_regel.pk,
        aanleiding="verzoek",
        tekst="Onderbouwing van het advies.",
        kanaal=UI,
    )
    assert Beschikkingsverzoek.objects.get().advies == advies
    assert selectors.open_verzoeken(werker) == []
