"""Issue 19 leftover: a volunteer could still tell whether a BSN and birth date match a
resident, because only matched questions appeared under "Bezoekers van vandaag". Now a
volunteer's unmatched question is the same kind of melding (without a resident until the
social team matches it), so the volunteer's list, pages and API look the same either way;
matching keeps the channel (buurtkamer), the buurtkamer and the volunteer's outcome."""

import re

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol
from openwmo.testing import factories as f
from openwmo.toegang import selectors, services
from openwmo.toegang.models import Kanaal, Melding, OnlineMelding

pytestmark = pytest.mark.django_db

ONBEKEND_BSN = f.synthetic_bsn(901)  # valid, but nobody in the register has it


def _gegevens(kamer, naam, bsn, geboortedatum, **extra):
    return {
        "naam": naam,
        "bsn": bsn,
        "geboortedatum": geboortedatum.isoformat(),
        "kanaal": "buurtkamer",
        "buurtkamer": kamer.pk,
        "ontvangen_op": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "vraag": "Hulp bij de boodschappen",
        "urgentie": "normaal",
        "route": "breed",
        **extra,
    }


def _rij(html: str, naam: str) -> str:
    """The table row with this name, with the name and every number made neutral."""
    rijen = re.findall(r"<tr class=\"utrecht-table__row\">.*?</tr>", html, re.S)
    (rij,) = [r for r in rijen if naam in r]
    return re.sub(r"\d+", "0", rij.replace(naam, "NAAM"))


def test_vrijwilliger_ziet_bezoekers_gelijk_of_het_bsn_klopt_of_niet(client, users, kamer, inwoner):
    client.force_login(users[Rol.VRIJWILLIGER])
    for naam, bsn in (("Bezoeker Een", inwoner.bsn), ("Bezoeker Twee", ONBEKEND_BSN)):
        antwoord = client.post(
            "/toegang/meldingen/nieuw/", _gegevens(kamer, naam, bsn, inwoner.geboortedatum)
        )
        assert antwoord.status_code == 302
    for pagina in ("/", "/toegang/"):
        html = client.get(pagina).content.decode()
        assert _rij(html, "Bezoeker Een") == _rij(html, "Bezoeker Twee")
        assert inwoner.achternaam not in html
    een = Melding.objects.get(opgegeven_naam="Bezoeker Een")
    twee = Melding.objects.get(opgegeven_naam="Bezoeker Twee")
    assert een.persoon == inwoner and twee.persoon is None
    # the pages of both and the first-contact outcome work the same
    for m in (een, twee):
        assert client.get(f"/toegang/meldingen/{m.pk}/").status_code == 200
        antwoord = client.post(
            f"/toegang/meldingen/{m.pk}/eerste-contact/",
            {"uitkomst": "gesprek", "toelichting": ""},
        )
        assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    api = APIClient()
    api.force_authenticate(users[Rol.VRIJWILLIGER])
    lijst = {r["naam"]: r for r in api.get("/api/v1/meldingen/").json()}
    assert {k: v for k, v in lijst["Bezoeker Een"].items() if k not in ("id", "naam")} == {
        k: v for k, v in lijst["Bezoeker Twee"].items() if k not in ("id", "naam")
    }


def test_koppelen_houdt_kanaal_buurtkamer_en_uitkomst(users, kamer, inwoner):
    vrijwilliger = users[Rol.VRIJWILLIGER]
    melding = services.registreer_melding(
        vrijwilliger,
        services.NieuweMelding(
            naam="Bezoeker Drie",
            bsn=inwoner.bsn,
            geboortedatum=inwoner.geboortedatum.replace(year=inwoner.geboortedatum.year - 1),
            kanaal=Kanaal.BUURTKAMER,
            buurtkamer_id=kamer.pk,
            ontvangen_op=timezone.now(),
            vraag="Ik zoek gezelschap.",
        ),
        kanaal="ui",
    )
    services.leg_uitkomst_vast(vrijwilliger, melding.pk, uitkomst="gesprek", kanaal="ui")
    online = OnlineMelding.objects.get()
    assert online.bezoek == melding and online.wijk == kamer.wijk
    # staff see it only as a question to match, not as a case without a resident
    consulent = users[Rol.WMO_CONSULENT]
    assert not selectors.meldingen_in_scope(consulent).filter(pk=melding.pk).exists()
    werker = users[Rol.SOCIAAL_WERKER]
    assert list(selectors.online_meldingen_in_scope(werker)) == [online]
    gekoppeld = services.koppel_online_melding(
        werker, online.pk, bsn=inwoner.bsn, geboortedatum=inwoner.geboortedatum, kanaal="ui"
    )
    gekoppeld.refresh_from_db()
    assert gekoppeld.pk == melding.pk and Melding.objects.count() == 1
    assert gekoppeld.persoon == inwoner and gekoppeld.huishouden_id == inwoner.huishouden_id
    assert gekoppeld.kanaal == Kanaal.BUURTKAMER and gekoppeld.buurtkamer == kamer
    assert gekoppeld.uitkomst == "gesprek" and gekoppeld.opgegeven_naam == "Bezoeker Drie"
    assert gekoppeld.ontvangen_op == melding.ontvangen_op
    assert selectors.meldingen_in_scope(werker).filter(pk=melding.pk).exists()
    assert not selectors.online_meldingen_in_scope(werker).exists()


def test_snelle_route_zonder_match_gaat_niet_naar_de_aanbieder(
    users, kamer, inwoner, hh_org, hh_medewerker
):
    melding = services.registreer_melding(
        users[Rol.VRIJWILLIGER],
        services.NieuweMelding(
            naam="Bezoeker Vier",
            bsn=ONBEKEND_BSN,
            geboortedatum=inwoner.geboortedatum,
            kanaal=Kanaal.BUURTKAMER,
            buurtkamer_id=kamer.pk,
            ontvangen_op=timezone.now(),
            vraag="Hulp bij het schoonmaken.",
            route="hh",
            hh_aanbieder_id=hh_org.pk,
        ),
        kanaal="ui",
    )
    assert melding.uitkomst == "hh"  # the volunteer sees the same outcome as with a match
    assert not selectors.meldingen_in_scope(hh_medewerker).exists()
