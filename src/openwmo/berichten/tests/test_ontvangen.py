"""The receiving pipeline and HTTP endpoint: invalid messages get a fitting retourcode."""

import hashlib

import pytest
from django.utils import timezone
from lxml import etree
from rest_framework.test import APIClient

from openwmo.berichten import schema, services
from openwmo.berichten.models import Bericht, Levering
from openwmo.privacy.models import AuditRecord

from . import keten

pytestmark = pytest.mark.django_db


@pytest.fixture
def klaar(consulent, aanbieder, mariska):
    """A toewijzing for Mariska at the provider, and an API client logged in as the provider."""
    org, user = aanbieder
    t = keten.toewijzing(consulent, org, mariska)
    client = APIClient()
    client.force_authenticate(user)
    return org, user, t, client


def post(client, raw: bytes):
    return client.post("/api/v1/berichten/iwmo/", raw, content_type="application/xml")


def retourcodes(response) -> list[str]:
    if response["Content-Type"].startswith("application/xml"):
        return response["X-Iwmo-Retourcodes"].split(",")
    return response.json()["retourcodes"]


def goede_305(org, t, **kw):
    return keten.bericht_305(org.agb_code, t.bsn, nummer=t.nummer, **kw)


def test_geldige_start_geeft_306_met_0200_en_wordt_opgeslagen(klaar):
    org, _, t, client = klaar
    response = post(client, goede_305(org, t))
    assert response.status_code == 200
    assert retourcodes(response) == ["0200"]
    retour = schema.lees(response.content)
    assert retour.nr == "306" and retour.fouten == []
    b = Bericht.objects.get(berichttype="WMO305")
    assert bytes(b.inhoud) == goede_305(org, t)  # stored unchanged
    assert bytes(b.retour) == response.content
    assert Levering.objects.get().toewijzing == t
    assert AuditRecord.objects.filter(object_type="iwmo_bericht", persoon_id=t.persoon_id).exists()


def test_zelfde_bericht_twee_keer_geeft_zelfde_retour_en_een_record(klaar):
    org, _, t, client = klaar
    eerste = post(client, goede_305(org, t))
    tweede = post(client, goede_305(org, t))
    assert eerste.content == tweede.content
    assert Bericht.objects.filter(berichttype="WMO305").count() == 1
    assert Levering.objects.count() == 1


def test_zelfde_inhoud_met_andere_vingerafdruk_is_hetzelfde_bericht(klaar):
    """A stored message whose fingerprint is the hash of its bytes (as the city preset
    stores them), sent again with other line ends: the stored retour, no second record."""
    org, _, t, client = klaar
    eerste = post(client, goede_305(org, t))
    b = Bericht.objects.get(berichttype="WMO305")
    Bericht.objects.filter(pk=b.pk).update(sha256=hashlib.sha256(bytes(b.inhoud)).hexdigest())
    tweede = post(client, goede_305(org, t).replace(b"\n", b"\r\n"))
    assert tweede.content == eerste.content
    assert Bericht.objects.filter(berichttype="WMO305").count() == 1


def test_dubbele_identificatie_ander_bericht_9056(klaar):
    org, _, t, client = klaar
    post(client, goede_305(org, t))
    response = post(client, goede_305(org, t, begindatum=keten.dagen(-4)))
    assert retourcodes(response) == ["9056"]
    assert "StartProducten" not in response.content.decode()  # header-only retour


def _vervang(raw: bytes, oud: str, nieuw: str) -> bytes:
    return raw.decode().replace(oud, nieuw, 1).encode()


@pytest.mark.parametrize(
    "wijziging",
    [
        lambda r, t: _vervang(r, f"<wmo305:Bsn>{t.bsn}", "<wmo305:Bsn>123456789"),
        lambda r, t: _vervang(r, "<wmo305:StatusAanlevering>1", "<wmo305:StatusAanlevering>2"),
    ],
    ids=["bsn-elfproef", "status-2"],
)
def test_ongeldige_berichten_krijgen_header_retour_0001(klaar, wijziging):
    """Level 2 (rules inside the message): a header-only retour with 0001."""
    org, _, t, client = klaar
    response = post(client, wijziging(goede_305(org, t), t))
    assert response.status_code == 200
    assert retourcodes(response) == ["0001"]
    assert Levering.objects.count() == 0


@pytest.mark.parametrize(
    "wijziging",
    [
        lambda r: _vervang(r, "</wmo305:Begindatum>", "+02:00</wmo305:Begindatum>"),
        lambda r: _vervang(r, "<wmo305:Geslacht>2</wmo305:Geslacht>", ""),
        lambda r: _vervang(r, "<wmo305:StatusAanlevering>1", "<wmo305:StatusAanlevering>7"),
    ],
    ids=["datum-met-tijdzone", "verplicht-element-ontbreekt", "onbekende-code"],
)
def test_xsd_fout_met_leesbare_header_krijgt_geen_retour(klaar, wijziging):
    """Level 1 (XSD): the transport layer refuses the message, no retour is sent. The API
    answers a Dutch problem+json; the refusal is recorded, not as a received message, so the
    corrected message may reuse its Identificatie (no 9056)."""
    org, _, t, client = klaar
    fout = wijziging(goede_305(org, t))
    response = post(client, fout)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["retourcodes"] == ["0001"] and body["fouten"][0]["melding"]
    assert "retourbericht" in body["detail"]
    ontvangen = Bericht.objects.filter(richting=Bericht.Richting.IN)
    b = ontvangen.get()
    assert b.status == Bericht.Status.ONLEESBAAR and b.retour is None
    assert b.identificatie == "" and b.berichttype == "" and bytes(b.inhoud) == fout
    assert Levering.objects.count() == 0
    assert post(client, fout).status_code == 400  # the same refusal again, one record
    assert ontvangen.count() == 1
    goed = post(client, goede_305(org, t))
    assert goed.status_code == 200 and retourcodes(goed) == ["0200"]
    assert Levering.objects.get().toewijzing == t


def test_einde_voor_begin_0001(klaar, aanbieder):
    org, _, t, client = klaar
    services.meld_start(aanbieder[1], t.pk, begindatum=keten.dagen(-20))
    stop = keten.bericht_305(org.agb_code, t.bsn, nummer=t.nummer).decode()
    stop = stop.replace("wmo305", "wmo307").replace("StartProduct", "StopProduct")
    stop = stop.replace("<wmo307:BerichtCode>418", "<wmo307:BerichtCode>420")
    stop = stop.replace(
        "<wmo307:StatusAanlevering>",
        f"<wmo307:RedenBeeindiging>19</wmo307:RedenBeeindiging><wmo307:Einddatum>"
        f"{keten.dagen(-25)}</wmo307:Einddatum><wmo307:StatusAanlevering>",
    )
    stop = stop.replace(
        f"<wmo307:Begindatum>{keten.dagen(-5)}", f"<wmo307:Begindatum>{keten.dagen(-20)}"
    )
    response = post(client, stop.encode())
    assert retourcodes(response) == ["0001"]
    assert "TR018" in str(Bericht.objects.get(berichttype="WMO307").fouten)


def test_stop_zonder_start_9069(klaar):
    org, user, t, client = klaar
    raw = schema.schrijf(
        "307",
        {
            "Header": schema.header(
                "307",
                afzender=org.agb_code,
                ontvanger="1999",
                identificatie="S1",
                dagtekening=keten.vandaag(),
            ),
            "Client": {
                **services.client_kort(t.persoon),
                "StopProducten": {
                    "StopProduct": [
                        {
                            "ToewijzingNummer": t.nummer,
                            "Product": {"Categorie": "02"},
                            "Begindatum": keten.dagen(-10),
                            "RedenBeeindiging": "19",
                            "Einddatum": keten.dagen(-1),
                            "StatusAanlevering": "1",
                        }
                    ]
                },
            },
        },
    )
    response = post(client, raw)
    assert retourcodes(response) == ["9069"]
    retour = schema.lees(response.content)
    stop = retour.data["Client"]["StopProducten"]["StopProduct"][0]
    assert stop["RetourCodes"]["RetourCode"] == ["9069"]
    assert retour.data["Client"]["RetourCodes"]["RetourCode"] == ["0200"]


def test_start_zonder_toewijzing_9019(klaar):
    org, _, t, client = klaar
    response = post(client, keten.bericht_305(org.agb_code, t.bsn, nummer=424242))
    assert retourcodes(response) == ["9019"]


@pytest.mark.parametrize(
    "inhoud",
    [
        b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaa">]><lol>&a;&a;</lol>',
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        b"<wmo305:Bericht xmlns:wmo305='http://www.istandaarden.nl/iwmo/3_2/wmo305/schema'>",
        b"<Bericht xmlns='http://www.istandaarden.nl/iwmo/3_1/wmo305/schema'><Header/></Bericht>",
        "<\u00e9".encode("utf-16"),
    ],
    ids=["dtd-entiteit", "externe-entiteit", "afgekapt", "verkeerde-namespace", "utf16-rommel"],
)
def test_vijandige_invoer_geeft_duidelijke_fout_geen_500(klaar, inhoud):
    response = post(klaar[3], inhoud)
    assert response.status_code == 400
    body = response.json()
    assert body["retourcodes"] == ["0001"] and body["fouten"][0]["melding"]


def test_tijdzone_in_de_header_geeft_400_met_0001(klaar):
    org, _, t, client = klaar
    response = post(
        client, _vervang(goede_305(org, t), "</iwmo:Dagtekening>", "Z</iwmo:Dagtekening>")
    )
    assert response.status_code == 400
    assert "tijdzone" in str(response.json()["fouten"])


def test_afgekapt_geldig_bericht(klaar):
    org, _, t, client = klaar
    raw = goede_305(org, t)
    response = post(client, raw[: len(raw) // 2])
    assert response.status_code == 400 and response.json()["retourcodes"] == ["0001"]


def test_verkeerde_afzender_wordt_geweigerd(klaar):
    _, _, t, client = klaar
    response = post(client, keten.bericht_305("87654321", t.bsn, nummer=t.nummer))
    assert retourcodes(response) == ["0001"]
    assert "AGB-code van uw organisatie" in str(Bericht.objects.get(berichttype="WMO305").fouten)


def test_onbekende_gemeente_S300(klaar):
    org, _, t, client = klaar
    response = post(client, goede_305(org, t, gemeentecode="0363"))
    assert retourcodes(response) == ["S300"]


def test_dagtekening_in_de_toekomst_8848(klaar):
    org, _, t, client = klaar
    response = post(client, goede_305(org, t, dagtekening=keten.dagen(3)))
    assert retourcodes(response) == ["8848"]


def test_json_met_bericht_veld(klaar):
    org, _, t, client = klaar
    response = client.post(
        "/api/v1/berichten/iwmo/", {"bericht": goede_305(org, t).decode()}, format="json"
    )
    assert response.status_code == 200 and retourcodes(response) == ["0200"]


def test_niet_ingelogd_403(db):
    assert APIClient().post(
        "/api/v1/berichten/iwmo/", b"<x/>", content_type="application/xml"
    ).status_code in (401, 403)


def test_ander_formaat_geeft_415_of_400(klaar):
    response = klaar[3].post("/api/v1/berichten/iwmo/", "tekst", content_type="text/plain")
    assert response.status_code in (400, 415)


def test_xml_met_dtd_voor_rootelement_uit_geldig_bericht(klaar):
    org, _, t, client = klaar
    raw = goede_305(org, t).replace(b"?>", b'?><!DOCTYPE Bericht [<!ENTITY x "y">]>', 1)
    assert post(client, raw).status_code == 400
    etree.fromstring(goede_305(org, t))  # the original is fine
    assert timezone.localdate()  # keep imports used


def test_demo_flow_via_de_api(consulent, aanbieder, mariska, users):
    from openwmo.accounts.models import Rol

    org, user = aanbieder
    gemeente = APIClient()
    gemeente.force_authenticate(consulent)
    response = gemeente.post(
        "/api/v1/berichten/toewijzingen/",
        {
            "persoon": mariska.pk,
            "aanbieder": org.pk,
            "product_categorie": "02",
            "ingangsdatum": str(keten.dagen(-10)),
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    fout = gemeente.post(
        "/api/v1/berichten/toewijzingen/",
        {
            "persoon": mariska.pk,
            "aanbieder": org.pk,
            "product_categorie": "06",
            "ingangsdatum": "10-10-2026",
        },
        format="json",
    )
    assert fout.status_code == 400 and fout["Content-Type"] == "application/problem+json"
    aanbieder_api = APIClient()
    aanbieder_api.force_authenticate(user)
    lijst = aanbieder_api.get("/api/v1/berichten/toewijzingen/").json()["results"]
    t = lijst[0]
    start = aanbieder_api.post(
        f"/api/v1/berichten/toewijzingen/{t['id']}/start/",
        {"begindatum": str(keten.dagen(-8))},
        format="json",
    )
    assert start.json()["geaccepteerd"] is True
    melding = aanbieder_api.get(f"/api/v1/berichten/toewijzingen/{t['id']}/").json()["leveringen"][
        0
    ]
    stop = aanbieder_api.post(
        f"/api/v1/berichten/meldingen/{melding['id']}/stop/",
        {"einddatum": str(keten.dagen(-1)), "reden": "23"},
        format="json",
    )
    assert stop.json()["retourcodes"] == ["0200"]
    beleid = APIClient()
    beleid.force_authenticate(users[Rol.BELEIDSMAKER])
    sturing = beleid.get("/api/v1/berichten/sturing/").json()
    assert sturing["redenen"][0]["reden"] == "In overeenstemming voortijdig beëindigd"
    assert sturing["toewijzingen"] == []  # no rows per client for a beleidsmaker
    gemeente_sturing = gemeente.get("/api/v1/berichten/sturing/").json()
    assert gemeente_sturing["toewijzingen"][0]["wachttijd_dagen"] == 0


def test_te_veel_berichten_per_minuut_geeft_429(klaar, settings):
    from django.core.cache import cache

    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "20/minute", "iwmo": "2/minute"},
    }
    org, _, t, client = klaar
    assert post(client, goede_305(org, t)).status_code == 200
    assert post(client, goede_305(org, t)).status_code == 200
    response = post(client, goede_305(org, t))
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    cache.clear()
