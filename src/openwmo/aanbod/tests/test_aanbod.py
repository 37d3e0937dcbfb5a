import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from openwmo.aanbod import selectors, services
from openwmo.aanbod.models import (
    Activiteit,
    ActiviteitDomein,
    Beschikbaarheid,
    Bezetting,
    Dienst,
    Match,
    Tijdslot,
    VrijwilligerDomein,
    Vrijwilligersprofiel,
)
from openwmo.accounts.models import Rol
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def pc(code, lat, wijk=None, lon="5.800000"):
    buurt = f.BuurtFactory(wijk=wijk) if wijk else f.BuurtFactory()
    return f.PostcodeFactory(postcode=code, buurt=buurt, latitude=lat, longitude=lon)


def activiteit(titel, postcode, *, domeinen=("participatie",), status="goedgekeurd", dag=1):
    org = f.OrganisatieFactory()
    a = Activiteit.objects.create(
        organisatie=org,
        titel=titel,
        omschrijving="Omschrijving",
        doelgroep="Iedereen",
        wijk=postcode.buurt.wijk,
        locatie="Wijkcentrum",
        postcode=postcode.postcode,
        latitude=postcode.latitude,
        longitude=postcode.longitude,
        status=status,
    )
    for d in domeinen:
        ActiviteitDomein.objects.create(activiteit=a, domein=d)
    Tijdslot.objects.create(activiteit=a, weekdag=dag, van=datetime.time(9), tot=datetime.time(11))
    return a


# --- sociale kaart -----------------------------------------------------------------------


@pytest.fixture
def kaart(users):
    thuis = pc("8000AA", "53.000000")
    dichtbij = activiteit("Banenclub", pc("8000AB", "53.010000"))  # 1.11 km
    verder = activiteit("Taalcafé", pc("8000AC", "53.050000"), dag=3)  # 5.56 km
    ver = activiteit("Wandelclub", pc("8000AD", "53.200000"))  # 22.2 km
    activiteit("Nog niet beoordeeld", pc("8000AE", "53.001000"), status="ingediend")
    return thuis, dichtbij, verder, ver


def test_zoeken_binnen_afstandsgrens_dichtstbij_eerst(users, kaart):
    thuis, dichtbij, verder, _ver = kaart
    uitkomst = selectors.zoek_activiteiten(users[Rol.SOCIAAL_WERKER], postcode="8000 aa")
    assert [r.activiteit for r in uitkomst.resultaten] == [dichtbij, verder]
    assert [r.afstand_km for r in uitkomst.resultaten] == [
        pytest.approx(1.11, abs=0.01),
        pytest.approx(5.56, abs=0.01),
    ]
    assert uitkomst.grens_km == 10


def test_afstandsgrens_is_instelbaar(users, kaart, settings):
    settings.AANBOD_AFSTANDSGRENS_KM = 3
    uitkomst = selectors.zoek_activiteiten(users[Rol.WMO_CONSULENT], postcode="8000AA")
    assert [r.activiteit.titel for r in uitkomst.resultaten] == ["Banenclub"]
    with pytest.raises(ValidationError) as exc:
        selectors.zoek_activiteiten(users[Rol.WMO_CONSULENT], postcode="8000AA", max_km=5)
    assert "max_km" in exc.value.message_dict


def test_zoeken_op_domein_dag_en_wijk(users, kaart):
    _thuis, dichtbij, verder, _ver = kaart
    sw = users[Rol.SOCIAAL_WERKER]
    assert [r.activiteit for r in selectors.zoek_activiteiten(sw, weekdag=3).resultaten] == [verder]
    assert selectors.zoek_activiteiten(sw, domein="financien").resultaten == []
    per_wijk = selectors.zoek_activiteiten(sw, wijk_id=dichtbij.wijk_id).resultaten
    assert [r.activiteit for r in per_wijk] == [dichtbij]


def test_zoekscherm_toont_nederlandse_fout_bij_onbekende_postcode(users, kaart, client):
    client.force_login(users[Rol.ZORGAANBIEDER])
    response = client.get("/aanbod/", {"postcode": "1234ZZ"})
    assert response.status_code == 200
    assert "Deze postcode kennen we niet in de gemeente." in response.content.decode()
    response = client.get("/aanbod/", {"postcode": "8000AA", "domein": "onzin"})
    assert response.status_code == 200
    response = client.get("/aanbod/", {"postcode": "8000AA"})
    tekst = response.content.decode()
    assert tekst.index("Banenclub") < tekst.index("Taalcafé")
    assert "Wandelclub" not in tekst and "Nog niet beoordeeld" not in tekst


def test_inwoner_mag_de_kaart_niet_via_de_selector(users):
    with pytest.raises(PermissionDenied):
        selectors.zoek_activiteiten(users[Rol.INWONER])


def _gegevens(**extra):
    data = {
        "titel": "Repaircafé",
        "omschrijving": "Samen spullen repareren.",
        "doelgroep": "Alle inwoners",
        "domeinen": ["netwerk", "participatie"],
        "weekdagen": [2, 4],
        "van": datetime.time(13),
        "tot": datetime.time(16),
        "wijk_id": None,
        "locatie": "Wijkcentrum, Lindelaan 3",
        "postcode": "9001AB",
    }
    data.update(extra)
    return services.ActiviteitGegevens(**data)


def test_aanbieder_dient_in_gemeente_keurt_goed(users, wijk, postcode):
    aanbieder = users[Rol.ZORGAANBIEDER]
    a = services.dien_activiteit_in(aanbieder, _gegevens(wijk_id=wijk.pk))
    assert a.status == "ingediend" and a.latitude == Decimal("53.1")
    assert [t.weekdag for t in a.tijden.all()] == [2, 4]
    sw = users[Rol.SOCIAAL_WERKER]
    assert selectors.zoek_activiteiten(sw).resultaten == []
    with pytest.raises(PermissionDenied):
        services.beoordeel_activiteit(aanbieder, a.pk, oordeel="goedgekeurd")
    with pytest.raises(ValidationError):
        services.beoordeel_activiteit(users[Rol.WMO_CONSULENT], a.pk, oordeel="afgewezen")
    services.beoordeel_activiteit(users[Rol.WMO_CONSULENT], a.pk, oordeel="goedgekeurd")
    assert [r.activiteit for r in selectors.zoek_activiteiten(sw).resultaten] == [a]
    # a change goes back to review; another organisation may not change it
    with pytest.raises(PermissionDenied):
        services.wijzig_activiteit(users[Rol.SOCIAAL_WERKER], a.pk, _gegevens(wijk_id=wijk.pk))
    services.wijzig_activiteit(aanbieder, a.pk, _gegevens(wijk_id=wijk.pk, titel="Repair"))
    a.refresh_from_db()
    assert a.status == "ingediend" and a.beoordelingen.count() == 3


def test_foute_invoer_slaat_niets_op(users, wijk, postcode, client):
    aanbieder = users[Rol.ZORGAANBIEDER]
    with pytest.raises(ValidationError) as exc:
        services.dien_activiteit_in(
            aanbieder, _gegevens(domeinen=[], postcode="1234ZZ", wijk_id=wijk.pk)
        )
    assert {"domeinen", "postcode"} <= set(exc.value.message_dict)
    client.force_login(aanbieder)
    response = client.post(
        "/aanbod/activiteiten/nieuw/",
        {"titel": "X", "van": "14:00", "tot": "13:00", "kosten": "-1", "postcode": "0000AA"},
    )
    assert response.status_code == 200
    assert "Het formulier is niet opgeslagen" in response.content.decode()
    assert Activiteit.objects.count() == 0


def test_aanbod_toevoegen_via_scherm(users, wijk, postcode, client):
    kamer = f.BuurtkamerFactory(wijk=wijk, postcode="9001AB")
    client.force_login(users[Rol.SOCIAAL_WERKER])
    response = client.post(
        "/aanbod/activiteiten/nieuw/",
        {
            "titel": "Banenclub",
            "soort": "activiteit",
            "omschrijving": "Samen werken aan werk.",
            "doelgroep": "Werkzoekenden",
            "domeinen": ["participatie", "dagbesteding"],
            "buurtkamer": kamer.pk,
            "weekdagen": ["2"],
            "van": "10:00",
            "tot": "12:00",
            "kosten": "0",
            "aanmelding": "inloop",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    a = Activiteit.objects.get()
    assert a.buurtkamer == kamer and a.wijk == wijk and a.postcode == "9001AB"


# --- volunteers and the matcher ----------------------------------------------------------


def profiel(naam, lat, *, domeinen=("financien",), dagen=(), vog=True, wijk, **extra):
    user = f.medewerker(Rol.VRIJWILLIGER, wijken=[wijk], last_name=naam)
    p = Vrijwilligersprofiel.objects.create(
        user=user,
        organisatie=user.medewerker.organisatie,
        wijk=wijk,
        postcode="9001AB",
        latitude=lat,
        longitude="5.800000",
        vog_datum=VANDAAG - datetime.timedelta(days=100) if vog else None,
        **extra,
    )
    for d in domeinen:
        VrijwilligerDomein.objects.create(profiel=p, domein=d)
    for dag in dagen:
        Beschikbaarheid.objects.create(profiel=p, weekdag=dag, dagdeel="ochtend")
    return p


@pytest.fixture
def vrijwilligers(wijk):
    # the resident (fixture inwoner) lives at 53.1 / 5.8
    return {
        "anna": profiel(
            "Anna",
            "53.110000",
            dagen=(1, 3),
            wijk=wijk,
            vaardigheden="Oud-boekhouder, administratie",
        ),
        "bert": profiel("Bert", "53.150000", dagen=(1,), wijk=wijk),
        "cor": profiel("Cor", "53.100000", dagen=(1, 3), vog=False, wijk=wijk),
        "dirk": profiel("Dirk", "53.100000", domeinen=("netwerk",), wijk=wijk),
        "ver": profiel("Ver", "53.300000", wijk=wijk),
    }


def test_matcher_rangschikt_en_legt_uit(users, inwoner, vrijwilligers):
    uitkomst = selectors.kandidaten(
        users[Rol.SOCIAAL_WERKER],
        persoon_id=inwoner.pk,
        domein="financien",
        hulpvraag="Hulp bij de administratie",
        weekdagen=[1, 3],
    )
    anna, bert = vrijwilligers["anna"], vrijwilligers["bert"]
    assert [k.profiel for k in uitkomst.kandidaten] == [anna, bert]
    eerste, tweede = uitkomst.kandidaten
    # Anna: domain 40 + experience 10 + 1.1 km -> round(30 * 0.89) = 27 + both days 20
    assert [r["punten"] for r in eerste.redenen] == [40, 10, 27, 20]
    assert eerste.score == 97 and eerste.afstand_km == 1.1
    assert "administratie" in eerste.redenen[1]["tekst"]
    assert eerste.redenen[3]["tekst"] == "Kan op maandag, woensdag"
    # Bert: 40 + 5.6 km -> round(30 * 0.44) = 13 + one of two days 10
    assert [r["punten"] for r in tweede.redenen] == [40, 13, 10] and tweede.score == 63
    assert uitkomst.afgevallen == {"domein": 1, "vog": 1, "vol": 0, "afstand": 1}


def test_matcher_scherm_toont_waarom(users, inwoner, vrijwilligers, client):
    client.force_login(users[Rol.SOCIAAL_WERKER])
    url = f"/aanbod/inwoners/{inwoner.pk}/vrijwilliger-zoeken/"
    response = client.get(url, {"domein": "financien", "hulpvraag": "administratie"})
    tekst = response.content.decode()
    assert "Waarom deze vrijwilliger" in tekst and "Helpt bij Financiën (+40)" in tekst
    response = client.post(
        url,
        {
            "domein": "financien",
            "hulpvraag": "administratie",
            "profiel": vrijwilligers["cor"].pk,
            "contactafspraak": "Belt maandag",
        },
    )
    assert response.status_code == 200 and "past niet" in response.content.decode()
    response = client.post(
        url,
        {
            "domein": "financien",
            "hulpvraag": "administratie",
            "profiel": vrijwilligers["anna"].pk,
            "contactafspraak": "Belt maandag",
        },
    )
    match = Match.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/aanbod/matches/{match.pk}/"
    assert match.uitleg[0]["punten"] == 40 and match.profiel == vrijwilligers["anna"]


def test_match_levensloop_en_uren(users, inwoner, vrijwilligers):
    sw = users[Rol.SOCIAAL_WERKER]
    anna = vrijwilligers["anna"]
    match = services.stel_match_voor(
        sw,
        persoon_id=inwoner.pk,
        profiel_id=anna.pk,
        domein="financien",
        hulpvraag="Post ordenen",
        contactafspraak="Belt dinsdag",
        kanaal="ui",
    )
    with pytest.raises(ValidationError):
        services.registreer_inzet(anna.user, match.pk, datum=VANDAAG, uren=Decimal("2"))
    services.wijzig_match(anna.user, match.pk, status="gestart", kanaal="ui")
    services.registreer_inzet(anna.user, match.pk, datum=VANDAAG, uren=Decimal("1.5"))
    with pytest.raises(ValidationError):
        services.registreer_inzet(
            anna.user, match.pk, datum=VANDAAG + datetime.timedelta(days=1), uren=Decimal("1")
        )
    with pytest.raises(PermissionDenied):  # another volunteer
        services.registreer_inzet(
            vrijwilligers["bert"].user, match.pk, datum=VANDAAG, uren=Decimal("1")
        )
    with pytest.raises(ValidationError):
        services.wijzig_match(sw, match.pk, status="beeindigd", kanaal="ui")
    services.wijzig_match(sw, match.pk, status="beeindigd", reden="doel_bereikt", kanaal="ui")
    match.refresh_from_db()
    assert match.status == "beeindigd" and match.inzet.get().uren == Decimal("1.5")
    rij = next(r for r in selectors.gebruik_per_wijk() if r["wijk"] == "Noord")
    assert rij["uren"] == Decimal("1.5") and rij["matches"] == 0
    assert [g.status for g in match.gebeurtenissen.all()] == ["voorgesteld", "gestart", "beeindigd"]
    assert (
        AuditRecord.objects.filter(object_type="vrijwilligersmatch", persoon_id=inwoner.pk).count()
        == 3
    )


def test_vrijwilliger_ziet_alleen_wat_de_match_nodig_heeft(users, inwoner, vrijwilligers, client):
    anna = vrijwilligers["anna"]
    match = services.stel_match_voor(
        users[Rol.SOCIAAL_WERKER],
        persoon_id=inwoner.pk,
        profiel_id=anna.pk,
        domein="financien",
        hulpvraag="Post ordenen",
        contactafspraak="Belt dinsdag",
    )
    client.force_login(anna.user)
    tekst = client.get(f"/aanbod/matches/{match.pk}/").content.decode()
    assert "Jelle" in tekst and "Noord" in tekst and "Belt dinsdag" in tekst
    assert "Hoekstra" not in tekst and inwoner.bsn not in tekst and "Lindelaan" not in tekst
    assert "Waarom deze vrijwilliger" not in tekst
    record = AuditRecord.objects.filter(object_type="vrijwilligersmatch", actie="lezen").get()
    assert record.velden == selectors.VRIJWILLIGER_VELDEN and record.persoon_id == inwoner.pk
    # never the resident file, nor someone else's match
    assert client.get(f"/inwoners/{inwoner.pk}/").status_code in (403, 404)
    assert client.get(f"/aanbod/inwoners/{inwoner.pk}/vrijwilliger-zoeken/").status_code == 403
    client.force_login(vrijwilligers["bert"].user)
    assert client.get(f"/aanbod/matches/{match.pk}/").status_code == 404


def test_profiel_bijhouden(users, wijk, postcode):
    vrijwilliger = users[Rol.VRIJWILLIGER]
    gegevens = services.ProfielGegevens(
        wijk_id=wijk.pk,
        postcode="9001 ab",
        domeinen=["financien"],
        beschikbaarheid=["1-ochtend", "3-avond"],
        vog_datum=VANDAAG,
    )
    p = services.sla_profiel_op(vrijwilliger, gegevens)
    assert p.vog_datum is None  # only a coordinator records the VOG
    assert [str(b) for b in p.beschikbaarheid.all()] == ["maandag ochtend", "woensdag avond"]
    coordinator = f.medewerker(
        Rol.VRIJWILLIGER, wijken=[wijk], organisatie=vrijwilliger.medewerker.organisatie
    )
    coordinator.medewerker.is_teamleider = True
    coordinator.medewerker.save()
    services.sla_profiel_op(coordinator, gegevens, profiel_id=p.pk)
    p.refresh_from_db()
    assert p.vog_datum == VANDAAG
    with pytest.raises(ValidationError):
        services.sla_profiel_op(
            vrijwilliger,
            services.ProfielGegevens(
                wijk_id=wijk.pk, postcode="1234ZZ", domeinen=[], beschikbaarheid=[]
            ),
        )
    with pytest.raises(PermissionDenied):  # another volunteer's profile
        services.sla_profiel_op(f.medewerker(Rol.VRIJWILLIGER), gegevens, profiel_id=p.pk)
    # the social worker of the wijk sees it; one of another wijk does not
    assert selectors.profielen_in_scope(users[Rol.SOCIAAL_WERKER]).filter(pk=p.pk).exists()
    ander = f.medewerker(Rol.SOCIAAL_WERKER, wijken=[f.WijkFactory()])
    assert not selectors.profielen_in_scope(ander).filter(pk=p.pk).exists()


# --- buurtkamers -------------------------------------------------------------------------


def test_teamleider_ziet_te_weinig_bezetting(users, wijk, client):
    kamer = f.BuurtkamerFactory(wijk=wijk, naam="Buurtkamer De Linde")
    for dag in range(1, 8):
        f.OpeningstijdFactory(buurtkamer=kamer, weekdag=dag)
    Bezetting.objects.create(buurtkamer=kamer, minimum=2)
    for dag in range(1, 8):
        for naam in ("Greet", "Sam"):
            if dag == 3 and naam == "Sam":
                continue
            Dienst.objects.create(
                buurtkamer=kamer,
                weekdag=dag,
                van=datetime.time(8, 30),
                tot=datetime.time(12),
                soort="vrijwilliger",
                naam=naam,
            )
    signalen = selectors.bezettingssignalen([wijk.pk])
    assert [(s.datum.isoweekday(), s.aanwezig, s.minimum) for s in signalen] == [(3, 1, 2)]
    teamleider = f.medewerker(Rol.SOCIAAL_WERKER, wijken=[wijk])
    teamleider.medewerker.is_teamleider = True
    teamleider.medewerker.save()
    client.force_login(teamleider)
    tekst = client.get("/").content.decode()
    assert "Te weinig bezetting in de komende zeven dagen" in tekst
    assert "1 van minimaal 2 aanwezig" in tekst
    client.force_login(users[Rol.SOCIAAL_WERKER])  # not a team lead: no section
    assert "Bezetting buurtkamers" not in client.get("/").content.decode()


def test_rooster_en_bezoek_via_scherm(users, wijk, client):
    kamer = f.BuurtkamerFactory(wijk=wijk)
    f.OpeningstijdFactory(buurtkamer=kamer, weekdag=2)
    client.force_login(users[Rol.SOCIAAL_WERKER])
    url = f"/aanbod/buurtkamers/{kamer.pk}/"
    assert client.post(url, {"actie": "minimum", "min-minimum": "2"}).status_code == 302
    r = client.post(
        url,
        {
            "actie": "dienst",
            "dienst-weekdag": "2",
            "dienst-van": "09:00",
            "dienst-tot": "12:00",
            "dienst-soort": "jeugd",
            "dienst-naam": "Jeugdwerker",
        },
    )
    assert r.status_code == 302
    bad = client.post(url, {"actie": "dienst", "dienst-weekdag": "9", "dienst-van": "x"})
    assert bad.status_code == 200 and Dienst.objects.count() == 1
    tekst = client.get(url).content.decode()
    assert "Te weinig: 1 van minimaal 2" in tekst
    client.force_login(users[Rol.VRIJWILLIGER])
    ok = client.post(url, {"actie": "bezoek", "bezoek-datum": str(VANDAAG), "bezoek-aantal": "7"})
    assert ok.status_code == 302 and kamer.bezoeken.get().aantal == 7
    assert client.post(url, {"actie": "minimum", "min-minimum": "3"}).status_code == 403
    assert Bezetting.objects.get().minimum == 2  # volunteers do not set the minimum
    rijen = {r["wijk"]: r for r in selectors.gebruik_per_wijk()}
    assert rijen["Noord"]["bezoekers"] == 7


def test_zoeken_en_matcher_met_vast_aantal_queries(users, inwoner, kaart, vrijwilligers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sw = users[Rol.SOCIAAL_WERKER]
    with CaptureQueriesContext(connection) as weinig:
        selectors.zoek_activiteiten(sw, postcode="8000AA")
    for i in range(5):
        activiteit(f"Extra {i}", pc(f"8001A{chr(65 + i)}", "53.020000"))
    with CaptureQueriesContext(connection) as veel:
        assert len(selectors.zoek_activiteiten(sw, postcode="8000AA").resultaten) == 7
    assert len(veel) == len(weinig)
    selectors.kandidaten(sw, persoon_id=inwoner.pk, domein="financien")  # scope cached
    with CaptureQueriesContext(connection) as matcher:
        selectors.kandidaten(sw, persoon_id=inwoner.pk, domein="financien")
    profiel("Extra", "53.120000", wijk=inwoner.huishouden.adres.buurt.wijk)
    with CaptureQueriesContext(connection) as matcher_meer:
        selectors.kandidaten(sw, persoon_id=inwoner.pk, domein="financien")
    assert len(matcher_meer) == len(matcher)


def test_api_zoeken(users, kaart):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(users[Rol.SOCIAAL_WERKER])
    response = client.get("/api/v1/aanbod/activiteiten/", {"postcode": "8000AA"})
    assert response.status_code == 200
    assert [(r["activiteit"]["titel"], round(r["afstand_km"], 1)) for r in response.json()] == [
        ("Banenclub", 1.1),
        ("Taalcafé", 5.6),
    ]
    fout = client.get("/api/v1/aanbod/activiteiten/", {"postcode": "1234ZZ"})
    assert fout.status_code == 400 and "postcode" in str(fout.json())
    fout = client.get("/api/v1/aanbod/activiteiten/", {"weekdag": "9", "domein": "x"})
    assert fout.status_code == 400
