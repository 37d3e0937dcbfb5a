"""Chain rules, funding variants and the gemeente/provider flows."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from openwmo.berichten import schema, selectors, services
from openwmo.berichten.models import Bericht, Levering, Prestatie, Toewijzing, Verzoek
from openwmo.berichten.verwerking import Invoer, verwerk

from . import keten

pytestmark = pytest.mark.django_db


def toewijzing(consulent, org, persoon, cat="02", ingang=-30, **kw):
    return services.maak_toewijzing(
        consulent,
        persoon=persoon,
        aanbieder=org,
        product_categorie=cat,
        ingangsdatum=keten.dagen(ingang),
        **kw,
    )


def laatste_301(org) -> dict:
    b = Bericht.objects.filter(berichttype="WMO301", aanbieder=org).order_by("-id").first()
    return schema.lees(bytes(b.inhoud)).data


def test_mariska_toewijzing_start_stop_en_sturing(consulent, aanbieder, mariska):
    org, user = aanbieder
    t = toewijzing(consulent, org, mariska, einddatum=keten.dagen(300))
    tp = laatste_301(org)["Client"]["ToegewezenProducten"]["ToegewezenProduct"]
    assert [p["ToewijzingNummer"] for p in tp] == [t.nummer]
    assert t.versies.count() == 1
    r = services.meld_start(user, t.pk, begindatum=keten.dagen(-20))
    assert r.geaccepteerd and r.retourcodes == ["0200"]
    start = Levering.objects.get()
    r = services.meld_stop(user, start.pk, einddatum=keten.dagen(-2), reden="21")
    assert r.geaccepteerd
    s = selectors.sturingsinformatie(consulent)
    rij = s["toewijzingen"][0]
    assert rij["wachttijd_dagen"] == 0  # started before the (retroactive) toewijzing
    assert rij["reden_beeindiging"] == "21" and "cliënt" in rij["reden_omschrijving"]
    assert rij["duur_dagen"] == 19
    assert s["aanbieders"][0]["meldingen"] == 2
    assert s["aanbieders"][0]["te_laat"] == 1  # the start came 20 days after the real start


def test_sturing_per_pagina_met_tijdelijke_stop_en_vast_aantal_queries(
    consulent, aanbieder, mariska, django_assert_num_queries
):
    org, user = aanbieder
    a = toewijzing(consulent, org, mariska, "02")
    b = toewijzing(consulent, org, mariska, "07")
    services.meld_start(user, a.pk, begindatum=keten.dagen(-10))
    services.meld_start(user, b.pk, begindatum=keten.dagen(-3))
    start_b = Levering.objects.get(toewijzing=b)
    assert services.meld_stop(user, start_b.pk, einddatum=keten.dagen(-1), reden="20").geaccepteerd
    with django_assert_num_queries(8):  # the same few queries for any number of toewijzingen
        s = selectors.sturingsinformatie(consulent, per_pagina=1, pagina=2)
    assert s["aantal_toewijzingen"] == 2 and s["pagina"] == 2 and s["paginas"] == 2
    [rij] = s["toewijzingen"]
    assert rij["nummer"] == max(a.nummer, b.nummer)
    assert rij["tijdelijk_gestopt"] is True and rij["reden_beeindiging"] == ""
    assert rij["duur_dagen"] == 4  # still running after a temporary stop: up to today
    assert selectors.sturingsinformatie(consulent, per_pagina=1, pagina=99)["pagina"] == 2
    [per_aanbieder] = s["aanbieders"]
    assert per_aanbieder["starts"] == 2 and per_aanbieder["meldingen"] == 3
    assert s["redenen"] == []  # a temporary stop is no ending


def test_sturing_api_pagina_en_foute_invoer(consulent, aanbieder, mariska):
    from rest_framework.test import APIClient

    org, _ = aanbieder
    toewijzing(consulent, org, mariska, "02")
    toewijzing(consulent, org, mariska, "07")
    api = APIClient()
    api.force_authenticate(consulent)
    eerste = api.get("/api/v1/berichten/sturing/?per_pagina=1").json()
    tweede = api.get("/api/v1/berichten/sturing/?per_pagina=1&pagina=2").json()
    assert eerste["aantal_toewijzingen"] == 2
    assert eerste["toewijzingen"][0]["nummer"] < tweede["toewijzingen"][0]["nummer"]
    fout = api.get("/api/v1/berichten/sturing/?pagina=nul")
    assert fout.status_code == 400 and fout["Content-Type"] == "application/problem+json"
    assert "pagina" in fout.json()["invalid_params"][0]["name"]
    assert api.get("/api/v1/berichten/sturing/?per_pagina=5000").status_code == 400


def test_301_bevat_altijd_alle_lopende_toewijzingen(consulent, aanbieder, mariska):
    org, _ = aanbieder
    a = toewijzing(consulent, org, mariska, "02")
    b = toewijzing(consulent, org, mariska, "07")
    nummers = [
        p["ToewijzingNummer"]
        for p in laatste_301(org)["Client"]["ToegewezenProducten"]["ToegewezenProduct"]
    ]
    assert nummers == [a.nummer, b.nummer]


def test_wijzigingen_houden_het_nummer_en_verwijderen_met_13(consulent, aanbieder, mariska):
    org, _ = aanbieder
    t = toewijzing(consulent, org, mariska, einddatum=keten.dagen(100))
    services.wijzig_einddatum(consulent, t.pk, einddatum=keten.dagen(50))
    t.refresh_from_db()
    assert (t.einddatum, t.reden_wijziging) == (keten.dagen(50), "05")
    services.wijzig_einddatum(consulent, t.pk, einddatum=keten.dagen(200))
    t.refresh_from_db()
    assert t.reden_wijziging == "04" and Toewijzing.objects.count() == 1
    services.verwijder_toewijzing(consulent, t.pk)
    tp = laatste_301(org)["Client"]["ToegewezenProducten"]["ToegewezenProduct"][0]
    assert tp["RedenWijziging"] == "13" and tp["Einddatum"] == tp["Ingangsdatum"]
    assert t.versies.count() == 4
    with pytest.raises(ValidationError):
        services.wijzig_einddatum(consulent, t.pk, einddatum=keten.dagen(10))


def test_omvang_wijzigen_per_week_geeft_nieuw_nummer(consulent, aanbieder, mariska):
    org, _ = aanbieder
    t = toewijzing(
        consulent,
        org,
        mariska,
        volume=3,
        eenheid="04",
        frequentie="2",
        product_code="02TO2",
        einddatum=keten.dagen(200),
    )
    nieuw = services.wijzig_omvang(consulent, t.pk, volume=5, ingangsdatum=keten.dagen(10))
    t.refresh_from_db()
    assert nieuw.nummer != t.nummer and t.einddatum == keten.dagen(9)
    assert nieuw.volume == 5 and nieuw.einddatum == keten.dagen(200)
    nummers = [
        p["ToewijzingNummer"]
        for p in laatste_301(org)["Client"]["ToegewezenProducten"]["ToegewezenProduct"]
    ]
    assert nummers == [t.nummer, nieuw.nummer]


def test_frank_pgb_geeft_geen_toewijzing_en_overlap_wordt_geweigerd(consulent, aanbieder):
    org, _ = aanbieder
    from openwmo.testing import factories as f

    frank = f.PersoonFactory(voornamen="Frank", achternaam="de Boer")  # 301: address (CD034)
    services.registreer_pgb(
        consulent, persoon=frank, product_categorie="02", ingangsdatum=keten.dagen(-10)
    )
    assert not Bericht.objects.exists() and not Toewijzing.objects.exists()
    with pytest.raises(ValidationError) as exc:
        toewijzing(consulent, org, frank, "02", ingang=-5)
    assert "OP043" in str(exc.value)
    assert not Toewijzing.objects.exists()
    eerder = toewijzing(consulent, org, frank, "02", ingang=-60, einddatum=keten.dagen(-11))
    assert eerder.nummer
    with pytest.raises(ValidationError):
        services.registreer_pgb(
            consulent, persoon=frank, product_categorie="02", ingangsdatum=keten.dagen(-40)
        )


def test_taakgericht_geen_toewijzing_wel_start_en_stop(consulent, aanbieder):
    org, user = aanbieder
    from openwmo.testing import factories as f

    p = f.PersoonFactory(huishouden=None)
    with pytest.raises(ValidationError) as exc:
        toewijzing(consulent, org, p, "06")
    assert "taakgericht" in str(exc.value)
    r = services.meld_start_taakgericht(
        user,
        bsn=p.bsn,
        achternaam=p.achternaam,
        geboortedatum=p.geboortedatum,
        product_categorie="06",
        begindatum=keten.dagen(-3),
    )
    assert r.geaccepteerd, r.fouten
    start = Levering.objects.get()
    assert start.toewijzing is None and start.toewijzingnummer is None
    assert services.meld_stop(user, start.pk, einddatum=keten.dagen(-1), reden="19").geaccepteerd
    assert not Bericht.objects.filter(berichttype="WMO301").exists()
    # without a taakgericht contract a start needs a ToewijzingNummer (TR019)
    with pytest.raises(ValidationError) as exc:
        services.meld_start_taakgericht(
            user,
            bsn=p.bsn,
            achternaam=p.achternaam,
            geboortedatum=p.geboortedatum,
            product_categorie="02",
            begindatum=keten.dagen(-3),
        )
    assert "9019" in str(exc.value)


def test_leeuwarden_variant_wel_toewijzing_geen_declaratie(consulent, aanbieder, mariska):
    org, user = aanbieder
    t = toewijzing(consulent, org, mariska, "03", ingang=-90)
    assert services.meld_start(user, t.pk, begindatum=keten.dagen(-80)).geaccepteerd
    r = verwerk([Invoer(declaratie(org, t, "03", ""), org)])[0]
    assert r.retourcodes == ["0200", "0611"]
    assert Prestatie.objects.get().toegekend is False


def declaratie(org, t, cat, code, *, prestaties=None, nummer="D1", ident="DECL1"):
    maand_begin = (keten.vandaag().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    maand_eind = keten.vandaag().replace(day=1) - datetime.timedelta(days=1)
    prestaties = prestaties or [dict(ref="R1", volume=4, bedrag=4 * 3000, tarief=3000)]
    items, saldo = [], 0
    for p in prestaties:
        item = {
            "ProductReferentie": {
                "ReferentieNummer": p["ref"],
                **({"VorigReferentieNummer": p["vorig"]} if p.get("vorig") else {}),
            },
            "ToewijzingNummer": p.get("nummer", t.nummer),
            "ProductCategorie": cat,
            "ProductCode": code or "X",
            "ProductPeriode": {
                "Begindatum": maand_begin,
                "Einddatum": maand_begin + datetime.timedelta(days=p["dagen"] - 1)
                if p.get("dagen")
                else maand_eind,
            },
            "GeleverdVolume": p["volume"],
            "Eenheid": "04",
            "ProductTarief": p["tarief"],
            "IngediendBedrag": {"Bedrag": p["bedrag"], "DebetCredit": p.get("dc", "D")},
        }
        saldo += p["bedrag"] if p.get("dc", "D") == "D" else -p["bedrag"]
        items.append(item)
    return schema.schrijf(
        "323",
        {
            "Header": schema.header(
                "323",
                afzender=org.agb_code,
                ontvanger="1999",
                identificatie=ident,
                dagtekening=keten.vandaag(),
            ),
            "Declaratie": {
                "DeclaratieNummer": nummer,
                "DeclaratiePeriode": {"Begindatum": maand_begin, "Einddatum": maand_eind},
                "DeclaratieDagtekening": keten.vandaag(),
                "TotaalIngediendBedrag": {
                    "TotaalBedrag": abs(saldo),
                    "DebetCredit": "D" if saldo >= 0 else "C",
                },
                "Clienten": {"Client": [{"Bsn": t.bsn, "Prestaties": {"Prestatie": items}}]},
            },
        },
    )


def test_declaratie_en_antwoord(consulent, aanbieder, mariska):
    org, _ = aanbieder
    t = toewijzing(
        consulent,
        org,
        mariska,
        "01",
        ingang=-120,
        product_code="01HH1",
        volume=10,
        eenheid="04",
        frequentie="4",
    )
    r = verwerk([Invoer(declaratie(org, t, "01", "01HH1"), org)])[0]
    assert r.retourcodes == ["8001"], r.fouten
    antwoord = schema.lees(r.retour)
    assert antwoord.nr == "325" and antwoord.fouten == []
    assert antwoord.data["DeclaratieAntwoord"]["TotaalToegekendBedrag"]["TotaalBedrag"] == 12000
    # one prestatie over the volume, one fine: judged one by one
    r = verwerk(
        [
            Invoer(
                declaratie(
                    org,
                    t,
                    "01",
                    "01HH1",
                    nummer="D2",
                    ident="DECL2",
                    prestaties=[
                        dict(ref="R2", volume=7, bedrag=21000, tarief=3000),
                        # another period: the same one twice is refused as a whole (TR416)
                        dict(ref="R3", volume=2, bedrag=6000, tarief=3000, dagen=14),
                    ],
                ),
                org,
            )
        ]
    )[0]
    antwoord = schema.lees(r.retour).data["DeclaratieAntwoord"]
    assert "9321" in r.retourcodes
    assert antwoord["TotaalToegekendBedrag"]["TotaalBedrag"] == 6000
    afgewezen = antwoord["Clienten"]["Client"][0]["Prestaties"]["Prestatie"]
    assert [p["ProductReferentie"]["ReferentieNummer"] for p in afgewezen] == ["R2"]
    # credit the first, once; a second credit and a reused reference are refused
    r = verwerk(
        [
            Invoer(
                declaratie(
                    org,
                    t,
                    "01",
                    "01HH1",
                    nummer="D3",
                    ident="DECL3",
                    prestaties=[
                        dict(ref="R4", vorig="R1", volume=4, bedrag=12000, tarief=3000, dc="C"),
                    ],
                ),
                org,
            )
        ]
    )[0]
    assert r.retourcodes == ["8001"], r.fouten
    r = verwerk(
        [
            Invoer(
                declaratie(
                    org,
                    t,
                    "01",
                    "01HH1",
                    nummer="D4",
                    ident="DECL4",
                    prestaties=[
                        dict(ref="R5", vorig="R1", volume=4, bedrag=12000, tarief=3000, dc="C"),
                        dict(ref="R3", volume=1, bedrag=3000, tarief=3000),
                        dict(ref="R6", volume=1, bedrag=3000, tarief=3000, nummer=999),
                        dict(ref="R7", volume=1, bedrag=2000, tarief=2000, dagen=7),
                    ],
                ),
                org,
            )
        ]
    )[0]
    assert {"8017", "8021", "9338", "0611"} <= set(r.retourcodes)
    r = verwerk([Invoer(declaratie(org, t, "01", "01HH1", nummer="D4", ident="DECL5"), org)])[0]
    assert "9333" in r.retourcodes
    assert (
        schema.lees(r.retour).data["DeclaratieAntwoord"]["TotaalToegekendBedrag"]["TotaalBedrag"]
        == 0
    )


def _stop(org, t, begin, einde, reden, status="1", ident="S1"):
    return schema.schrijf(
        "307",
        {
            "Header": schema.header(
                "307",
                afzender=org.agb_code,
                ontvanger="1999",
                identificatie=ident,
                dagtekening=keten.vandaag(),
            ),
            "Client": {
                **services.client_kort(t.persoon),
                "StopProducten": {
                    "StopProduct": [
                        {
                            "ToewijzingNummer": t.nummer,
                            "Product": {"Categorie": t.productcategorie},
                            "Begindatum": begin,
                            "RedenBeeindiging": reden,
                            "Einddatum": einde,
                            "StatusAanlevering": status,
                        }
                    ]
                },
            },
        },
    )


def test_tijdelijke_stop_en_regels_413_415(consulent, aanbieder, mariska):
    org, user = aanbieder
    t = toewijzing(consulent, org, mariska)
    services.meld_start(user, t.pk, begindatum=keten.dagen(-20))
    begin = keten.dagen(-20)

    def stuur(raw):
        return verwerk([Invoer(raw, org)])[0].retourcodes

    assert stuur(_stop(org, t, begin, keten.dagen(-10), "20", ident="S1")) == ["0200"]
    assert stuur(_stop(org, t, begin, keten.dagen(-9), "20", ident="S2")) == ["9413"]
    assert stuur(_stop(org, t, begin, keten.dagen(-12), "19", ident="S3")) == ["9414"]
    assert stuur(_stop(org, t, begin, keten.dagen(-5), "19", ident="S4")) == ["0200"]
    assert stuur(_stop(org, t, begin, keten.dagen(-4), "22", ident="S5")) == ["9415"]
    # a stopped start cannot be deleted; the stop itself can
    start = keten.bericht_305(
        org.agb_code,
        t.bsn,
        nummer=t.nummer,
        begindatum=begin,
        status="3",
        categorie="02",
        ident="D1",
    )
    assert stuur(start) == ["9071"]
    assert stuur(_stop(org, t, begin, keten.dagen(-5), "19", status="3", ident="S6")) == ["0200"]
    assert stuur(_stop(org, t, begin, keten.dagen(-3), "19", status="3", ident="S7")) == ["9063"]


def test_tweede_start_en_verwijderen(consulent, aanbieder, mariska):
    org, user = aanbieder
    t = toewijzing(consulent, org, mariska)
    services.meld_start(user, t.pk, begindatum=keten.dagen(-20))
    with pytest.raises(ValidationError) as exc:
        services.meld_start(user, t.pk, begindatum=keten.dagen(-15))
    assert "9326" in str(exc.value)
    start = Levering.objects.get()
    assert services.verwijder_melding(user, start.pk).geaccepteerd
    start.refresh_from_db()
    assert not start.actief
    assert services.meld_start(user, t.pk, begindatum=keten.dagen(-15)).geaccepteerd


def test_volgorde_van_aankomst_telt_niet(consulent, aanbieder, mariska):
    org, _ = aanbieder
    t = toewijzing(consulent, org, mariska)
    begin = keten.dagen(-20)
    stop = _stop(org, t, begin, keten.dagen(-2), "19")
    start = keten.bericht_305(
        org.agb_code,
        t.bsn,
        nummer=t.nummer,
        begindatum=begin,
        categorie="02",
        dagtekening=keten.dagen(-19),
    )
    resultaten = verwerk([Invoer(stop, org), Invoer(start, org)])
    assert [r.retourcodes for r in resultaten] == [["0200"], ["0200"]]


def _opgegeven(persoon):
    """The client data a provider types in its request."""
    return {"achternaam": persoon.achternaam, "geboortedatum": persoon.geboortedatum}


def test_verzoek_om_toewijzing_en_een_lopend_verzoek(consulent, aanbieder, mariska):
    org, user = aanbieder
    v = services.vraag_toewijzing_aan(
        user,
        bsn=mariska.bsn,
        product_categorie="07",
        ingangsdatum=keten.dagen(7),
        **_opgegeven(mariska),
    ).bericht.verzoeken.get()
    with pytest.raises(ValidationError) as exc:
        services.vraag_toewijzing_aan(
            user,
            bsn=mariska.bsn,
            product_categorie="02",
            ingangsdatum=keten.dagen(7),
            **_opgegeven(mariska),
        )
    assert "9374" in str(exc.value)
    services.beantwoord_verzoek(consulent, v.pk, besluit="onderzoek")
    with pytest.raises(ValidationError):
        services.beantwoord_verzoek(consulent, v.pk, besluit="onderzoek")
    services.beantwoord_verzoek(consulent, v.pk, besluit="toewijzen")
    v.refresh_from_db()
    assert v.status == Verzoek.Status.TOEGEWEZEN
    tp = laatste_301(org)["Client"]["ToegewezenProducten"]["ToegewezenProduct"][0]
    assert tp["ReferentieAanbieder"] == v.referentie
    assert Bericht.objects.filter(berichttype="WMO319").count() == 1


def test_te_laat_en_werkvoorraad(consulent, aanbieder, mariska, client):
    org, user = aanbieder
    toewijzing(consulent, org, mariska, ingang=-30)
    items = selectors.te_laat(user)
    assert [i["soort"] for i in items] == ["Startbericht (305)"]
    client.force_login(user)
    html = client.get("/").content.decode()
    assert "Berichtenverkeer (iWmo)" in html and "zonder startmelding" in html
    Verzoek.objects.all().delete()
    assert selectors.te_laat(consulent)


def test_starttermijn_telt_werkdagen_zonder_goede_vrijdag_en_tweede_paasdag(
    consulent, aanbieder, mariska
):
    """Five working days after Wednesday 1 April 2026: 2, 7, 8, 9 and 10 April, as
    Goede Vrijdag and Tweede Paasdag are no working days (openwmo.kalender)."""
    org, _user = aanbieder
    t = toewijzing(consulent, org, mariska, ingang=-30)
    Toewijzing.objects.filter(pk=t.pk).update(ingangsdatum=datetime.date(2026, 4, 1))

    def late(vandaag):
        return [i["termijn"] for i in selectors.te_laat(consulent, vandaag) if i["object"] == t]

    assert late(datetime.date(2026, 4, 10)) == []
    assert late(datetime.date(2026, 4, 11)) == [datetime.date(2026, 4, 10)]


def test_late_lijst_volgt_de_leverstand_van_start_stop_en_verwijdering(
    consulent, aanbieder, mariska
):
    """The late list reads the chain state the pipeline keeps per toewijzing: a start
    takes the toewijzing off the list, deleting that start puts it back, and a started
    toewijzing that ended without a stop is late for its stop."""
    org, user = aanbieder
    t = toewijzing(consulent, org, mariska, ingang=-30, einddatum=keten.dagen(-10))

    def soorten():
        return [i["soort"] for i in selectors.te_laat(consulent) if i["object"] == t]

    def stand():
        t.refresh_from_db()
        return t.gestart, t.gestopt

    assert soorten() == ["Startbericht (305)"] and stand() == (False, False)
    assert services.meld_start(user, t.pk, begindatum=keten.dagen(-30)).geaccepteerd
    assert soorten() == ["Stopbericht (307)"] and stand() == (True, False)
    start = Levering.objects.get(toewijzing=t)
    assert services.verwijder_melding(user, start.pk).geaccepteerd
    assert soorten() == ["Startbericht (305)"] and stand() == (False, False)
    services.meld_start(user, t.pk, begindatum=keten.dagen(-30))
    start = Levering.objects.get(toewijzing=t, actief=True)
    assert services.meld_stop(user, start.pk, einddatum=keten.dagen(-10), reden="19").geaccepteerd
    assert soorten() == [] and stand() == (True, True)
    # what the pipeline kept is what the stored starts and stops say (the migration and
    # the city preset fill it this way)
    Toewijzing.objects.update(gestart=False, gestopt=False)
    assert services.leverstand_bijwerken() == 1 and stand() == (True, True)


def test_rollen_zonder_toegang(users, aanbieder, consulent, mariska):
    from openwmo.accounts.models import Rol

    org, user = aanbieder
    toewijzing(consulent, org, mariska)
    assert selectors.toewijzingen_in_scope(user).count() == 1
    assert selectors.toewijzingen_in_scope(users[Rol.ZORGAANBIEDER]).count() == 0
    assert selectors.toewijzingen_in_scope(users[Rol.BELEIDSMAKER]).count() == 0
    with pytest.raises(PermissionDenied):
        services.maak_toewijzing(
            users[Rol.SOCIAAL_WERKER],
            persoon=mariska,
            aanbieder=org,
            product_categorie="02",
            ingangsdatum=keten.vandaag(),
        )
    assert selectors.sturingsinformatie(users[Rol.BELEIDSMAKER])["toewijzingen"] == []


def test_verzoek_om_wijziging_toegekend(consulent, aanbieder, mariska):
    org, user = aanbieder
    a = toewijzing(consulent, org, mariska, "02", einddatum=keten.dagen(100))
    b = toewijzing(consulent, org, mariska, "07", einddatum=keten.dagen(100))
    vow = schema.schrijf(
        "317",
        {
            "Header": schema.header(
                "317",
                afzender=org.agb_code,
                ontvanger="1999",
                identificatie="VOW1",
                dagtekening=keten.vandaag(),
            ),
            "Client": {
                "Bsn": mariska.bsn,
                "Verzoek": {
                    "ReferentieAanbieder": "VOW-1",
                    "RedenVerzoek": "1",
                    "OngewijzigdeProducten": {
                        "OngewijzigdProduct": [{"ToewijzingNummer": a.nummer}]
                    },
                    "TeWijzigenProducten": {
                        "TeWijzigenProduct": [
                            {
                                "ToewijzingNummer": b.nummer,
                                "GewensteIngangsdatum": keten.dagen(5),
                                "Einddatum": keten.dagen(60),
                            }
                        ]
                    },
                },
            },
        },
    )
    onvolledig = vow.replace(
        f"<wmo317:ToewijzingNummer>{a.nummer}<".encode(), b"<wmo317:ToewijzingNummer>5<"
    ).replace(b">VOW1<", b">VOW0<")
    r = verwerk([Invoer(onvolledig, org)])[0]
    assert {"9349", "9350"} <= set(r.retourcodes)
    r = verwerk([Invoer(vow, org)])[0]
    assert r.retourcodes == ["0200"], r.fouten
    v = Verzoek.objects.get(referentie="VOW-1")
    services.beantwoord_verzoek(consulent, v.pk, besluit="toewijzen")
    b.refresh_from_db()
    assert (b.einddatum, b.reden_wijziging, b.referentie_aanbieder) == (
        keten.dagen(60),
        "12",
        "VOW-1",
    )
