"""Screens and letters: the referral and beschikking PDFs contain the required content."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.besluiten import services, termijnen
from openwmo.besluiten.models import Advies, Bezwaar, Tekstblok
from openwmo.kalender import termijn_einde
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f

from .pdftekst import tekst

pytestmark = pytest.mark.django_db
UI = "ui"


def _pdf(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    inhoud = b"".join(response)
    assert inhoud.startswith(b"%PDF")
    return " ".join(tekst(inhoud).split())


def _verwijzing(client, werker, regel):
    client.force_login(werker)
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
    response = client.post(f"/besluiten/regels/{regel.pk}/verwijzing/")
    assert response.status_code == 302
    return regel.verwijzingen.get()


def test_verwijzingsbrief_bevat_de_gegevens_en_het_recht_op_een_beschikking(
    client, werker, users, frank_regel
):
    v = _verwijzing(client, werker, frank_regel)
    plan = client.get(f"/plannen/{frank_regel.plan_id}/").content.decode()
    assert f"Verwijzing {v.kenmerk}" in plan
    tekstpdf = _pdf(client, f"/besluiten/verwijzingen/{v.pk}.pdf")
    for verwacht in (
        "Gemeente Lindeveen",
        "Postbus 1000",
        v.kenmerk,
        "Frank Visser",
        "Thuisondersteuning",
        "Persoonsgebonden budget",
        "recht op een beschikking",
        "artikel 2.3.5",
        "Anneke Visser (moeder)",
    ):
        assert verwacht in tekstpdf, verwacht
    assert AuditRecord.objects.filter(kanaal="pdf", object_type="verwijzing").exists()
    # the resident's household reads its own letter; another resident gets a 404
    client.force_login(f.UserFactory(rol=Rol.INWONER, persoon=frank_regel.plan.persoon))
    assert client.get(f"/besluiten/verwijzingen/{v.pk}.pdf").status_code == 200
    client.force_login(users[Rol.INWONER])
    assert client.get(f"/besluiten/verwijzingen/{v.pk}.pdf").status_code == 404


def test_tekstblok_is_bewerkbaar(client, werker, frank_regel):
    Tekstblok.objects.filter(sleutel="verwijzing-inleiding").update(
        tekst="Aangepaste inleiding voor {{ naam }}."
    )
    v = _verwijzing(client, werker, frank_regel)
    assert "Aangepaste inleiding voor Frank Visser." in _pdf(
        client, f"/besluiten/verwijzingen/{v.pk}.pdf"
    )


def test_tekstblok_met_fout_geeft_geen_500_en_wordt_in_beheer_geweigerd(
    client, werker, frank_regel
):
    from django.core.exceptions import ValidationError

    blok = Tekstblok.objects.get(sleutel="verwijzing-inleiding")
    blok.tekst = "Kapot {% if %}"
    with pytest.raises(ValidationError):
        blok.full_clean()
    blok.save()
    v = _verwijzing(client, werker, frank_regel)
    assert "Kapot" in _pdf(client, f"/besluiten/verwijzingen/{v.pk}.pdf")


def test_advies_beoordeling_beschikking_en_bezwaar_via_schermen(
    client, werker, consulent, frank_regel
):
    _verwijzing(client, werker, frank_regel)
    response = client.post(
        f"/besluiten/regels/{frank_regel.pk}/advies/",
        {"aanleiding": "verzoek", "tekst": "Specifieke autisme-expertise nodig, pgb via ouders."},
    )
    assert response.status_code == 302
    advies = Advies.objects.get()
    client.force_login(consulent)
    start = client.get("/").content.decode()
    assert "Adviezen te beoordelen" in start and f"Advies {advies.pk}" in start
    # a beschikking cannot be issued before the review
    response = client.post(
        f"/besluiten/adviezen/{advies.pk}/beschikking/",
        {
            "ingangsdatum": frank_regel.ingangsdatum.isoformat(),
            "einddatum": frank_regel.einddatum.isoformat(),
            "pgb_bedrag": "450",
            "pgb_periode": "maand",
            "motivering": "Een lange motivering voor het besluit.",
        },
    )
    assert response.status_code == 200
    assert "pas na beoordeling" in response.content.decode()
    response = client.post(
        f"/besluiten/adviezen/{advies.pk}/", {"uitkomst": "geaccepteerd", "motivering": ""}
    )
    assert response.status_code == 302
    response = client.post(
        f"/besluiten/adviezen/{advies.pk}/beschikking/",
        {
            "ingangsdatum": frank_regel.ingangsdatum.isoformat(),
            "einddatum": frank_regel.einddatum.isoformat(),
            "pgb_bedrag": "450,00",
            "pgb_periode": "maand",
            "motivering": "Frank heeft specialistische begeleiding nodig die de basis niet biedt.",
        },
    )
    assert response.status_code == 302, response.content.decode()
    b = advies.beschikking
    einde = termijnen.einde_bezwaartermijn(b.verzonden_op)
    tekstpdf = _pdf(client, f"/besluiten/beschikkingen/{b.pk}.pdf")
    maanden = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]

    def lang(d):
        return f"{d.day} {maanden[d.month - 1]} {d.year}"

    for verwacht in (
        b.kenmerk,
        "Gemeente Lindeveen",
        "Frank Visser",
        "Thuisondersteuning",
        "Persoonsgebonden budget (pgb)",
        "€ 450,00 per maand",
        "Anneke Visser (moeder)",
        lang(b.ingangsdatum),
        lang(b.einddatum),
        "specialistische begeleiding",
        "bezwaar maken",
        f"uiterlijk op {lang(einde)}",
        "Algemene wet bestuursrecht",
    ):
        assert verwacht in tekstpdf, verwacht
    # objection through the screen, with its deadline
    response = client.post(
        f"/besluiten/beschikkingen/{b.pk}/bezwaar/",
        {"ontvangen_op": timezone.localdate().isoformat(), "gronden": "Bedrag te laag"},
    )
    assert response.status_code == 302
    bz = Bezwaar.objects.get()
    pagina = client.get(f"/besluiten/bezwaren/{bz.pk}/").content.decode()
    stand = termijnen.stand(bz, timezone.localdate())
    assert lang(stand.beslistermijn_einde) in pagina and "tijdig ingediend" in pagina
    assert (
        client.post(
            f"/besluiten/bezwaren/{bz.pk}/", {"actie": "verdaging", "weken": "9"}
        ).status_code
        == 200
    )
    assert (
        client.post(
            f"/besluiten/bezwaren/{bz.pk}/", {"actie": "verdaging", "weken": "6"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"/besluiten/bezwaren/{bz.pk}/",
            {
                "actie": "beslissing",
                "uitkomst": "ingetrokken",
                "toelichting": "Ingetrokken na gesprek",
            },
        ).status_code
        == 302
    )
    bz.refresh_from_db()
    assert bz.verdaging_weken == 6 and bz.uitkomst == "ingetrokken"
    assert "Er zijn geen lopende bezwaren" in client.get("/besluiten/").content.decode()


def test_foute_invoer_geeft_nooit_een_500(client, werker, consulent, frank_regel):
    client.force_login(werker)
    for url, data in (
        (f"/besluiten/regels/{frank_regel.pk}/pgb-vaardigheid/", {"beheerder": "x"}),
        (f"/besluiten/regels/{frank_regel.pk}/advies/", {"aanleiding": "verzoek", "tekst": "kort"}),
        (f"/besluiten/regels/{frank_regel.pk}/verwijzing/", {}),
    ):
        response = client.post(url, data)
        assert response.status_code == 200, url
    assert not Advies.objects.exists()
    advies = services.dien_advies_in(
        werker,
        frank_regel.pk,
        aanleiding="verzoek",
        tekst="Onderbouwing van het advies.",
        kanaal=UI,
    )
    client.force_login(consulent)
    response = client.post(f"/besluiten/adviezen/{advies.pk}/", {"uitkomst": "geweigerd"})
    assert response.status_code == 200 and "redenen" in response.content.decode()
    services.beoordeel_advies(
        consulent, advies.pk, uitkomst="geaccepteerd", motivering="", kanaal=UI
    )
    response = client.post(
        f"/besluiten/adviezen/{advies.pk}/beschikking/",
        {"ingangsdatum": "morgen", "einddatum": "2020-01-01", "pgb_bedrag": "-5", "motivering": ""},
    )
    assert response.status_code == 200
    assert "Het formulier is niet opgeslagen" in response.content.decode()
    response = client.post(
        f"/besluiten/adviezen/{advies.pk}/beschikking/",
        {
            "ingangsdatum": "2026-01-01",
            "einddatum": "2025-01-01",
            "pgb_bedrag": "100",
            "pgb_periode": "maand",
            "motivering": "Een lange motivering voor het besluit.",
        },
    )
    assert response.status_code == 200 and "voor de ingangsdatum" in response.content.decode()


def test_beschikking_pdf_zin_zonder_bedrag(client, werker, consulent, jelle_plan, aanbieder):
    from openwmo.plannen import services as plannen

    regel = plannen.voeg_regel_toe(
        werker,
        jelle_plan.pk,
        soort="aanvullend",
        resultaat="Kortdurend verblijf",
        uitvoerder="De Brug",
        organisatie=aanbieder,
        productcategorie="kortdurend_verblijf",
        leveringsvorm="zin",
        ingangsdatum=timezone.localdate(),
        kanaal=UI,
    )
    advies = services.dien_advies_in(
        werker, regel.pk, aanleiding="altijd", tekst="Onderbouwing van het advies.", kanaal=UI
    )
    services.beoordeel_advies(
        consulent, advies.pk, uitkomst="geaccepteerd", motivering="", kanaal=UI
    )
    b = services.neem_beschikking(
        consulent,
        advies.pk,
        motivering="Een lange motivering voor het besluit.",
        einddatum=timezone.localdate() + datetime.timedelta(days=30),
        pgb_bedrag=Decimal(5),
        kanaal=UI,
    )
    assert b.pgb_bedrag is None
    client.force_login(consulent)
    tekstpdf = _pdf(client, f"/besluiten/beschikkingen/{b.pk}.pdf")
    assert "Zorg in natura (ZIN)" in tekstpdf and aanbieder.naam in tekstpdf
    assert "Over uw pgb" not in tekstpdf


def test_api_bezwaren_met_termijnen(client, werker, consulent, frank_regel):
    from rest_framework.test import APIClient

    from openwmo.besluiten.tests.test_services import _pgb_vaardig

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
    bz = services.registreer_bezwaar(
        consulent,
        b.pk,
        ontvangen_op=timezone.localdate(),
        gronden="Te laag",
        adviescommissie=True,
        kanaal=UI,
    )
    api = APIClient()
    api.force_authenticate(consulent)
    [rij] = api.get("/api/v1/bezwaren/").json()
    stand = termijnen.stand(bz, timezone.localdate())
    assert rij["beschikking"] == b.kenmerk and rij["tijdig"] is True
    assert rij["beslistermijn_einde"] == stand.beslistermijn_einde.isoformat()
    # twelve weeks with an advisory committee, moved past a weekend or holiday (Atw)
    assert stand.beslistermijn_einde == termijn_einde(stand.bezwaartermijn_einde, weken=12)


def test_beheerder_bewerkt_besluitvorm_en_tekstblokken(client, users):
    client.force_login(users[Rol.BEHEERDER])
    assert client.get("/beheer/besluiten/tekstblok/").status_code == 200
    blok = Tekstblok.objects.get(sleutel="beschikking-bezwaar")
    assert client.get(f"/beheer/besluiten/tekstblok/{blok.pk}/change/").status_code == 200
    assert client.get("/beheer/besluiten/instelling/").status_code == 200
    client.force_login(users[Rol.WMO_CONSULENT])
    assert client.get("/beheer/besluiten/tekstblok/").status_code in (302, 403)
