"""The rules of access to support, through the services."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.http import Http404
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.kalender import is_werkdag, volgende_werkdag
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f
from openwmo.testing.tijd import eerder_vandaag
from openwmo.toegang import selectors, services
from openwmo.toegang.models import (
    Criteriaset,
    Domeinscore,
    Melding,
    Onderzoek,
    OnlineMelding,
    Opschorting,
    Status,
    Termijnsignaal,
    VoorlopigeVoorziening,
)

from .conftest import melding_voor

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate


def _gesprek_klaar(user, melding):
    services.leg_onderzoek_vast(
        user,
        melding.pk,
        kanaal="ui",
        clientondersteuning_gemeld_op=timezone.localdate(),
        gewenst_resultaat="Zelf de administratie bijhouden.",
    )
    services.plan_gesprek(
        user,
        melding.pk,
        gepland_op=eerder_vandaag(minutes=30),
        locatie="Thuis",
        gevoerd=True,
        kanaal="ui",
    )


# --- melding ----------------------------------------------------------------------


def test_vrijwilliger_registreert_bezoeker_van_de_buurtkamer(users, inwoner, kamer):
    melding = melding_voor(
        users[Rol.VRIJWILLIGER], inwoner, kanaal="buurtkamer", buurtkamer_id=kamer.pk
    )
    assert melding.huishouden_id == inwoner.huishouden_id
    assert melding.status == Status.NIEUW
    assert melding.geregistreerd_door == users[Rol.VRIJWILLIGER]
    assert AuditRecord.objects.filter(actie="aanmaken", object_type="melding").count() == 1


@pytest.mark.parametrize(
    ("wijziging", "veld", "tekst"),
    [
        ({"ontvangen_op": "toekomst"}, "ontvangen_op", "ligt in de toekomst"),
        ({"vraag": "  "}, "vraag", "woorden van de inwoner"),
        # a volunteer only hears about the form of a BSN, never whether it matches
        ({"bsn": "123456780"}, "bsn", "elfproef"),
        ({"naam": " "}, "naam", "zelf noemt"),
        ({"kanaal": "telefoon"}, "kanaal", "bezoekers van de buurtkamer"),
        ({"buurtkamer_id": None}, "buurtkamer", "Kies de buurtkamer"),
        ({"urgentie": "spoed"}, "voorlopige_voorziening", "tijdelijke voorziening"),
        ({"route": "hh"}, "hh_aanbieder", "gecontracteerde aanbieder"),
    ],
)
def test_foute_melding_slaat_niets_op(users, inwoner, kamer, wijziging, veld, tekst):
    if wijziging.get("ontvangen_op") == "toekomst":
        wijziging["ontvangen_op"] = timezone.now() + datetime.timedelta(days=1)
    gegevens = {"kanaal": "buurtkamer", "buurtkamer_id": kamer.pk, **wijziging}
    with pytest.raises(ValidationError) as exc:
        melding_voor(users[Rol.VRIJWILLIGER], inwoner, **gegevens)
    assert tekst in " ".join(exc.value.message_dict[veld])
    assert not Melding.objects.exists() and not AuditRecord.objects.exists()


def test_melding_zonder_huishouden_wordt_geweigerd(users, wijk):
    zonder = f.PersoonFactory(huishouden=None)
    with pytest.raises(ValidationError) as exc:
        melding_voor(users[Rol.WMO_CONSULENT], zonder)
    assert "geen huishouden" in exc.value.message_dict["bsn"][0]
    assert not Melding.objects.exists()


def test_sociaal_werker_registreert_alleen_binnen_zijn_wijken(users, inwoner_elders):
    with pytest.raises(ValidationError) as exc:
        melding_voor(users[Rol.SOCIAAL_WERKER], inwoner_elders)
    assert "binnen uw werkgebied" in exc.value.message_dict["bsn"][0]


def test_andere_rollen_mogen_niet_melden(users, inwoner):
    for rol in (Rol.ZORGAANBIEDER, Rol.BELEIDSMAKER, Rol.INWONER):
        with pytest.raises(PermissionDenied):
            melding_voor(users[rol], inwoner)


def test_spoed_krijgt_direct_een_tijdelijke_voorziening(users, inwoner):
    melding = melding_voor(
        users[Rol.SOCIAAL_WERKER],
        inwoner,
        urgentie="spoed",
        voorlopige_voorziening="Thuiszorg twee keer per dag tot het onderzoek klaar is",
    )
    voorziening = VoorlopigeVoorziening.objects.get(melding=melding)
    assert voorziening.ingezet_op == timezone.localdate()


def test_huishoudelijke_hulp_in_een_stap_bij_de_aanbieder(users, inwoner, hh_org, hh_medewerker):
    melding = melding_voor(
        users[Rol.SOCIAAL_WERKER],
        inwoner,
        route="hh",
        hh_aanbieder_id=hh_org.pk,
        vraag="Ik kan niet meer stofzuigen.",
    )
    assert melding.status == Status.BIJ_AANBIEDER and melding.uitkomst == "hh"
    regels = selectors.werklijst(hh_medewerker, "open", kanaal="ui")
    assert [r.melding.pk for r in regels] == [melding.pk]
    assert selectors.velden_voor(hh_medewerker) == {"naam", "adres", "telefoon", "vraag"}
    assert not Onderzoek.objects.exists() and not melding.gesprekken.exists()
    # another household-help provider and the default provider user see nothing
    ander = f.medewerker(Rol.ZORGAANBIEDER, organisatie=f.OrganisatieFactory(soort="hh"))
    assert not selectors.meldingen_in_scope(ander).exists()
    assert not selectors.meldingen_in_scope(users[Rol.ZORGAANBIEDER]).exists()
    services.hh_stap(hh_medewerker, melding.pk, stap="ontvangen", kanaal="ui")
    services.hh_stap(hh_medewerker, melding.pk, stap="afgerond", kanaal="ui")
    melding.refresh_from_db()
    assert melding.status == Status.ONDERZOEK_AFGEROND and melding.hh_ontvangen_op


def test_eerste_contact_direct_opgelost_of_naar_het_gesprek(users, inwoner, kamer):
    vrijwilliger = users[Rol.VRIJWILLIGER]
    a = melding_voor(vrijwilliger, inwoner, kanaal="buurtkamer", buurtkamer_id=kamer.pk)
    b = melding_voor(vrijwilliger, inwoner, kanaal="buurtkamer", buurtkamer_id=kamer.pk)
    with pytest.raises(ValidationError):
        services.leg_uitkomst_vast(vrijwilliger, a.pk, uitkomst="activiteit", kanaal="ui")
    services.leg_uitkomst_vast(
        vrijwilliger, a.pk, uitkomst="activiteit", toelichting="Koffieochtend", kanaal="ui"
    )
    services.leg_uitkomst_vast(vrijwilliger, b.pk, uitkomst="gesprek", kanaal="ui")
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == (Status.OPGELOST, Status.WACHT_OP_GESPREK)
    assert [s.status for s in b.stappen.all()] == [Status.NIEUW, Status.WACHT_OP_GESPREK]
    with pytest.raises(ValidationError):
        services.leg_uitkomst_vast(vrijwilliger, a.pk, uitkomst="netwerk", kanaal="ui")
    cijfers = selectors.eerste_contact_cijfers()
    assert (cijfers["totaal"], cijfers["direct"], cijfers["direct_pct"]) == (2, 1, 50)
    assert selectors.termijnen_van(a).onderzoek is None  # solved at once: no legal term


# --- who sees what ----------------------------------------------------------------


def test_vrijwilliger_ziet_alleen_bezoekers_van_vandaag_in_zijn_wijk(
    users, inwoner, kamer, andere_wijk
):
    vrijwilliger = users[Rol.VRIJWILLIGER]
    vandaag = melding_voor(vrijwilliger, inwoner, kanaal="buurtkamer", buurtkamer_id=kamer.pk)
    gisteren = melding_voor(vrijwilliger, inwoner, kanaal="buurtkamer", buurtkamer_id=kamer.pk)
    Melding.objects.filter(pk=gisteren.pk).update(
        geregistreerd_op=timezone.now() - datetime.timedelta(days=1)
    )
    telefonisch = melding_voor(users[Rol.SOCIAAL_WERKER], inwoner)
    assert list(selectors.meldingen_in_scope(vrijwilliger)) == [vandaag]
    assert selectors.velden_voor(vrijwilliger) == {"naam", "vraag", "uitkomst"}
    elders = f.medewerker(Rol.VRIJWILLIGER, wijken=[andere_wijk])
    assert not selectors.meldingen_in_scope(elders).exists()
    with pytest.raises(Http404):
        selectors.zaak(vrijwilliger, telefonisch.pk, kanaal="ui")
    with pytest.raises(Http404):
        selectors.gesprekken_van(vrijwilliger, vandaag.pk, kanaal="ui")


def test_gesprek_en_melding_buiten_bereik(users, inwoner, inwoner_elders, hh_medewerker):
    hier = melding_voor(users[Rol.SOCIAAL_WERKER], inwoner)
    elders = melding_voor(users[Rol.WMO_CONSULENT], inwoner_elders)
    _gesprek_klaar(users[Rol.SOCIAAL_WERKER], hier)
    werker = users[Rol.SOCIAAL_WERKER]
    assert list(selectors.meldingen_in_scope(werker)) == [hier]
    assert list(selectors.meldingen_in_scope(users[Rol.INWONER])) == [hier]
    assert selectors.meldingen_in_scope(users[Rol.WMO_CONSULENT]).count() == 2
    for rol in (Rol.VRIJWILLIGER, Rol.ZORGAANBIEDER, Rol.BELEIDSMAKER):
        assert not selectors.gesprekken_in_scope(users[rol]).exists()
    assert not selectors.gesprekken_in_scope(hh_medewerker).exists()
    with pytest.raises(Http404):
        selectors.zaak(werker, elders.pk, kanaal="ui")
    with pytest.raises(PermissionDenied):
        services.plan_gesprek(
            werker, elders.pk, gepland_op=timezone.now(), locatie="x", kanaal="ui"
        )


def test_elke_inzage_wordt_gelogd(users, inwoner):
    melding = melding_voor(users[Rol.SOCIAAL_WERKER], inwoner)
    selectors.zaak(users[Rol.SOCIAAL_WERKER], melding.pk, kanaal="api")
    regel = AuditRecord.objects.filter(actie="lezen", object_type="melding").get()
    assert regel.persoon_id == inwoner.pk and regel.kanaal == "api"


# --- Het gesprek ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scores", "veld", "tekst"),
    [
        ({"financien": (7, "Schulden")}, "score_financien", "tussen 1 en 5"),
        ({"financien": (0, "Schulden")}, "score_financien", "tussen 1 en 5"),
        ({"financien": (2, "")}, "reden_financien", "zonder reden"),
        ({"netwerk": (None, "Weinig contacten")}, "score_netwerk", "laat de toelichting leeg"),
    ],
)
def test_scores_buiten_1_tot_5_of_zonder_reden_slaan_niets_op(users, inwoner, scores, veld, tekst):
    melding = melding_voor(users[Rol.SOCIAAL_WERKER], inwoner)
    with pytest.raises(ValidationError) as exc:
        services.leg_onderzoek_vast(
            users[Rol.SOCIAAL_WERKER],
            melding.pk,
            kanaal="ui",
            scores=scores,
            gewenst_resultaat="x",
        )
    assert tekst in exc.value.message_dict[veld][0]
    assert not Onderzoek.objects.exists() and not Domeinscore.objects.exists()


def test_alleen_scores_die_de_vraag_raken(users, inwoner):
    werker = users[Rol.SOCIAAL_WERKER]
    melding = melding_voor(werker, inwoner)
    services.leg_onderzoek_vast(
        werker,
        melding.pk,
        kanaal="ui",
        scores={"financien": (2, "Schulden uit de dakloze periode"), "adl": (None, "")},
    )
    assert list(Domeinscore.objects.values_list("domein", "score")) == [("financien", 2)]
    services.leg_onderzoek_vast(
        werker, melding.pk, kanaal="ui", scores={"netwerk": ("2", "Weinig contacten")}
    )
    assert list(Domeinscore.objects.values_list("domein", flat=True)) == ["netwerk"]
    melding.refresh_from_db()
    assert melding.status == Status.IN_ONDERZOEK and melding.behandelaar == werker


def test_toekomstige_data_in_het_onderzoek_worden_geweigerd(users, inwoner):
    werker = users[Rol.SOCIAAL_WERKER]
    melding = melding_voor(werker, inwoner)
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        services.leg_onderzoek_vast(
            werker, melding.pk, kanaal="ui", clientondersteuning_gemeld_op=morgen
        )
    assert "toekomst" in exc.value.message_dict["clientondersteuning_gemeld_op"][0]


def test_eerst_wijzen_op_clientondersteuning_dan_het_gesprek(users, inwoner):
    werker = users[Rol.SOCIAAL_WERKER]
    melding = melding_voor(werker, inwoner)
    with pytest.raises(ValidationError) as exc:
        services.plan_gesprek(
            werker, melding.pk, gepland_op=timezone.now(), locatie="Thuis", kanaal="ui"
        )
    assert "cliëntondersteuning" in exc.value.messages[0]
    services.leg_onderzoek_vast(
        werker, melding.pk, kanaal="ui", clientondersteuning_gemeld_op=timezone.localdate()
    )
    with pytest.raises(ValidationError):
        services.plan_gesprek(
            werker,
            melding.pk,
            gepland_op=timezone.now() + datetime.timedelta(days=2),
            locatie="Thuis",
            gevoerd=True,
            kanaal="ui",
        )
    gesprek = services.plan_gesprek(
        werker,
        melding.pk,
        gepland_op=timezone.now() + datetime.timedelta(days=2),
        locatie="Thuis",
        deelnemers=[("familie", "Moeder"), ("specialist", " ")],
        kanaal="ui",
    )
    assert [d.naam for d in gesprek.deelnemers.all()] == ["Moeder"]
    assert selectors.mijn_gesprekken(werker) == [gesprek]


def test_oplossingsladder_zwaarder_alleen_met_redenen(users, inwoner):
    werker = users[Rol.SOCIAAL_WERKER]
    melding = melding_voor(werker, inwoner)
    with pytest.raises(ValidationError) as exc:
        services.leg_behoefte_vast(
            werker,
            melding.pk,
            omschrijving="Begeleiding",
            niveau=5,
            inzet="Specialist",
            afwegingen={1: "Lukt niet alleen"},
            kanaal="ui",
        )
    assert sorted(exc.value.message_dict) == ["afweging_2", "afweging_3", "afweging_4"]
    assert not melding.behoeften.exists()
    behoefte = services.leg_behoefte_vast(
        werker,
        melding.pk,
        omschrijving="Financiën op orde",
        niveau=3,
        inzet="Vrijwilliger 2 uur per week",
        afwegingen={1: "Overzicht kwijt", 2: "Weinig netwerk"},
        kanaal="ui",
    )
    assert [a.niveau for a in behoefte.afwegingen.all()] == [1, 2]


def test_triage_met_criteria_uit_de_configuratie(users, inwoner):
    werker = users[Rol.SOCIAAL_WERKER]
    melding = melding_voor(werker, inwoner)
    to = Criteriaset.objects.get(gemeente="Leeuwarden", naam="Thuisondersteuning")
    criteria = list(to.criteria.all())
    assert [c.naam for c in criteria] == [
        "Mate van inzicht in beperking",
        "Mate van planbaarheid van de zorg",
        "Benodigde deskundigheid medewerker",
    ]
    keuzes = {criteria[0].pk: "aanvullend", criteria[1].pk: "aanvullend", criteria[2].pk: "basis"}
    args = {"criteriaset_id": to.pk, "keuzes": keuzes, "kanaal": "ui"}
    with pytest.raises(ValidationError) as exc:
        services.trieer(werker, melding.pk, besluit="basis", **args)
    assert "afwijkingsreden" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.trieer(
            werker, melding.pk, besluit="basis", afwijkingsreden="x", leveringsvorm="pgb", **args
        )
    assert "aanvullende ondersteuning" in exc.value.message_dict["leveringsvorm"][0]
    triage = services.trieer(werker, melding.pk, besluit="aanvullend", leveringsvorm="pgb", **args)
    assert (triage.advies, triage.besluit) == ("aanvullend", "aanvullend")
    assert triage.antwoorden[0]["tekst"].startswith("Inwoner heeft een beperkt tot zeer beperkt")
    with pytest.raises(ValidationError):  # every criterion must be answered
        services.trieer(
            werker, melding.pk, besluit="basis", criteriaset_id=to.pk, keuzes={}, kanaal="ui"
        )
    assert services.advies(["basis", "aanvullend"]) == "basis"  # a tie: the lighter option


def test_afronden_en_overdragen(users, inwoner):
    werker = users[Rol.SOCIAAL_WERKER]
    melding = melding_voor(werker, inwoner)
    with pytest.raises(ValidationError):
        services.rond_onderzoek_af(werker, melding.pk, datum=timezone.localdate(), kanaal="ui")
    _gesprek_klaar(werker, melding)
    with pytest.raises(ValidationError):
        services.draag_over(werker, melding.pk, toelichting="x", kanaal="ui")
    to = Criteriaset.objects.get(naam="Thuisondersteuning")
    services.trieer(
        werker,
        melding.pk,
        criteriaset_id=to.pk,
        keuzes={c.pk: "aanvullend" for c in to.criteria.all()},
        besluit="aanvullend",
        leveringsvorm="pgb",
        kanaal="ui",
    )
    services.rond_onderzoek_af(werker, melding.pk, datum=timezone.localdate(), kanaal="ui")
    overdracht = services.draag_over(werker, melding.pk, toelichting="PGB via ouders", kanaal="ui")
    assert (overdracht.naar, overdracht.leveringsvorm) == ("verwijzing", "pgb")
    melding.refresh_from_db()
    assert melding.status == Status.OVERGEDRAGEN
    assert selectors.termijnen_van(melding).onderzoek.oordeel == "op tijd"
    with pytest.raises(ValidationError):  # closed: no more changes to Het gesprek
        services.leg_onderzoek_vast(werker, melding.pk, kanaal="ui", conclusie="x")


# --- terms ------------------------------------------------------------------------


def _oud(melding, dagen):
    """Received ``dagen`` calendar days ago in Dutch time (at noon): terms count local
    days, and ``now - dagen`` can fall on another local day (late evening, summer time)."""
    dag = timezone.localdate() - datetime.timedelta(days=dagen)
    Melding.objects.filter(pk=melding.pk).update(
        ontvangen_op=timezone.make_aware(datetime.datetime.combine(dag, datetime.time(12)))
    )
    return Melding.objects.get(pk=melding.pk)


def test_aanvraag_besluit_ingebrekestelling_en_dwangsom(users, inwoner):
    consulent = users[Rol.WMO_CONSULENT]
    melding = _oud(melding_voor(consulent, inwoner), 40)
    vandaag = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        services.leg_termijnstap_vast(
            consulent,
            melding.pk,
            stap="aanvraag",
            datum=vandaag - datetime.timedelta(50),
            kanaal="ui",
        )
    assert "vóór de melding" in exc.value.messages[0]
    aanvraag = vandaag - datetime.timedelta(30)
    while not is_werkdag(aanvraag + datetime.timedelta(14)):  # no Atw extension here
        aanvraag -= datetime.timedelta(1)
    te_laat = (vandaag - aanvraag).days - 14  # 16 unless moved back above
    services.leg_termijnstap_vast(
        consulent, melding.pk, stap="aanvraag", datum=aanvraag, kanaal="ui"
    )
    with pytest.raises(ValidationError) as exc:
        services.leg_termijnstap_vast(
            consulent,
            melding.pk,
            stap="ingebrekestelling",
            datum=aanvraag + datetime.timedelta(10),
            kanaal="ui",
        )
    assert "na afloop van de beslistermijn" in exc.value.messages[0]
    services.leg_termijnstap_vast(
        consulent,
        melding.pk,
        stap="ingebrekestelling",
        datum=aanvraag + datetime.timedelta(15),
        kanaal="ui",
    )
    melding.refresh_from_db()
    t = selectors.termijnen_van(melding)
    assert t.onderzoek.oordeel == "op tijd"  # ended by the aanvraag on day 10
    assert t.besluit.verlopen and t.besluit.dagen_te_laat == te_laat
    assert t.dwangsom.vanaf == aanvraag + datetime.timedelta(29)
    assert (t.dwangsom.dagen, t.dwangsom.bedrag) == (te_laat - 14, 23 * (te_laat - 14))
    with pytest.raises(ValidationError):
        services.leg_termijnstap_vast(
            consulent,
            melding.pk,
            stap="besluit",
            datum=vandaag + datetime.timedelta(1),
            kanaal="ui",
        )


def test_opschorting_op_verzoek_verlengt_de_termijn(users, inwoner):
    werker = users[Rol.SOCIAAL_WERKER]
    melding = _oud(melding_voor(werker, inwoner), 10)
    voor = selectors.termijnen_van(melding).onderzoek.einddatum
    van = timezone.localdate() - datetime.timedelta(5)
    services.schort_op(
        werker,
        melding.pk,
        termijn="onderzoek",
        van=van,
        grond="verzoek",
        reden="Inwoner ligt in het ziekenhuis",
        kanaal="ui",
    )
    melding = Melding.objects.get(pk=melding.pk)
    assert selectors.termijnen_van(melding).onderzoek.oordeel == "opgeschort"
    with pytest.raises(ValidationError):
        services.schort_op(
            werker,
            melding.pk,
            termijn="onderzoek",
            van=van,
            grond="verzoek",
            reden="nog een",
            kanaal="ui",
        )
    services.beeindig_opschorting(
        werker, melding.pk, termijn="onderzoek", tot=van + datetime.timedelta(2), kanaal="ui"
    )
    melding = Melding.objects.get(pk=melding.pk)
    # 42 days plus the 3 suspended ones, moved past a weekend or holiday (Atw)
    assert voor == volgende_werkdag(timezone.localdate() + datetime.timedelta(32))
    assert selectors.termijnen_van(melding).onderzoek.einddatum == volgende_werkdag(
        timezone.localdate() + datetime.timedelta(35)
    )
    assert Opschorting.objects.get().tot == van + datetime.timedelta(2)


def _verlopen_sinds(dagen: int) -> int:
    """Days ago a term of ``dagen`` days must have started to have ended before today,
    also when its end moved past a weekend or holiday (Atw)."""
    oud = dagen + 1
    vandaag = timezone.localdate()
    while volgende_werkdag(vandaag - datetime.timedelta(oud - dagen)) >= vandaag:
        oud += 1
    return oud


def test_lijst_te_laat_klopt_met_de_termijnen(users, inwoner, teamleider):
    consulent = users[Rol.WMO_CONSULENT]
    nieuw = melding_voor(consulent, inwoner)
    net_op_tijd = _oud(melding_voor(consulent, inwoner), 42)
    te_laat = _oud(melding_voor(consulent, inwoner), _verlopen_sinds(42))
    opgeschort = _oud(melding_voor(consulent, inwoner), 50)
    Opschorting.objects.create(
        melding=opgeschort,
        termijn="onderzoek",
        van=timezone.localdate() - datetime.timedelta(20),
        reden="verzoek",
    )
    afgerond = _oud(melding_voor(consulent, inwoner), 60)
    Melding.objects.filter(pk=afgerond.pk).update(
        onderzoek_afgerond_op=timezone.localdate() - datetime.timedelta(30),
        status=Status.ONDERZOEK_AFGEROND,
    )
    aanvraag_laat = _oud(melding_voor(consulent, inwoner), 30)
    Melding.objects.filter(pk=aanvraag_laat.pk).update(
        aanvraag_op=timezone.localdate() - datetime.timedelta(_verlopen_sinds(14))
    )
    opgelost = _oud(melding_voor(consulent, inwoner), 90)
    Melding.objects.filter(pk=opgelost.pk).update(status=Status.OPGELOST, uitkomst="informatie")
    verwacht = {te_laat.pk, aanvraag_laat.pk}
    for user in (consulent, teamleider):
        assert {r.melding.pk for r in selectors.te_laat(user)} == verwacht
    alle = selectors.met_termijnen(Melding.objects.all())
    assert {r.melding.pk for r in alle if r.termijnen.verlopen} == verwacht
    assert {nieuw.pk, net_op_tijd.pk, opgeschort.pk}.isdisjoint(verwacht)
    lijst = selectors.werklijst(teamleider, "te_laat", kanaal="ui")
    assert {r.melding.pk for r in lijst} == verwacht


def test_termijnbewaking_maakt_signalen_eenmalig(users, inwoner):
    consulent = users[Rol.WMO_CONSULENT]
    bijna = _oud(melding_voor(consulent, inwoner), 39)  # 3 days left, at most 7 with Atw
    verlopen = _oud(melding_voor(consulent, inwoner), _verlopen_sinds(42))
    melding_voor(consulent, inwoner)  # 42 days left: no warning
    call_command("termijnen_bewaken", "--direct", "--dagen", "7")
    signalen = {(s.melding_id, s.soort) for s in Termijnsignaal.objects.all()}
    assert signalen == {(bijna.pk, "waarschuwing"), (verlopen.pk, "verlopen")}
    call_command("termijnen_bewaken")  # enqueued: runs at once with the ImmediateBackend
    assert Termijnsignaal.objects.count() == 2
    Melding.objects.filter(pk=bijna.pk).update(behandelaar=consulent)
    assert [s.melding_id for s in selectors.termijnsignalen(consulent)] == [bijna.pk]


# --- online, signalen, toewijzen ----------------------------------------------------


def _online(inwoner, **kwargs):
    gegevens = {
        "bsn": inwoner.bsn,
        "geboortedatum": inwoner.geboortedatum,
        "postcode": "9001 ab",
        "naam": "Jelle Hoekstra",
        "vraag": "Ik zoek hulp bij mijn post.",
        "telefoon": "0612345678",
    }
    gegevens.update(kwargs)
    return services.registreer_online_melding(services.OnlineVraag(**gegevens))


def test_online_melding_wordt_gekoppeld_of_bewaard(users, inwoner):
    gekoppeld = _online(inwoner)
    assert isinstance(gekoppeld, Melding) and gekoppeld.kanaal == "online"
    assert gekoppeld.geregistreerd_door is None
    los = _online(inwoner, postcode="9002CD")
    assert isinstance(los, OnlineMelding)
    werker = users[Rol.SOCIAAL_WERKER]
    assert list(selectors.online_meldingen_in_scope(werker)) == []  # 9002CD is no postcode here
    assert list(selectors.online_meldingen_in_scope(users[Rol.WMO_CONSULENT])) == [los]
    melding = services.koppel_online_melding(
        users[Rol.WMO_CONSULENT],
        los.pk,
        bsn=inwoner.bsn,
        geboortedatum=inwoner.geboortedatum,
        kanaal="ui",
    )
    assert melding.ontvangen_op == los.ontvangen_op
    assert not selectors.online_meldingen_in_scope(users[Rol.WMO_CONSULENT]).exists()


@pytest.mark.parametrize(
    ("wijziging", "veld"),
    [
        ({"bsn": "123456789"}, "bsn"),
        ({"geboortedatum": datetime.date(2999, 1, 1)}, "geboortedatum"),
        ({"postcode": "ABCDEF"}, "postcode"),
        ({"telefoon": ""}, "telefoon"),
        ({"vraag": ""}, "vraag"),
    ],
)
def test_online_melding_met_foute_invoer(inwoner, wijziging, veld):
    with pytest.raises(ValidationError) as exc:
        _online(inwoner, **wijziging)
    assert veld in exc.value.message_dict
    assert not Melding.objects.exists() and not OnlineMelding.objects.exists()


def test_signaal_beoordelen(users, inwoner):
    werker = users[Rol.SOCIAAL_WERKER]
    signaal = services.registreer_signaal(
        werker,
        bsn=inwoner.bsn,
        geboortedatum=inwoner.geboortedatum,
        bron="woningcorporatie",
        melder="Woonbedrijf, mevrouw Post",
        zorg="Huurachterstand en vervuiling",
        ontvangen_op=timezone.now(),
        kanaal="ui",
    )
    with pytest.raises(ValidationError) as exc:
        services.trieer_signaal(werker, signaal.pk, besluit="geen_actie", reden="", kanaal="ui")
    assert "reden" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.trieer_signaal(werker, signaal.pk, besluit="outreach", reden="Ik ga", kanaal="ui")
    assert "gepland_op" in exc.value.message_dict
    services.trieer_signaal(
        werker,
        signaal.pk,
        besluit="outreach",
        reden="Huisbezoek samen met de corporatie",
        gepland_op=timezone.localdate() + datetime.timedelta(2),
        kanaal="ui",
    )
    assert selectors.open_signalen(werker) == []
    with pytest.raises(PermissionDenied):
        services.trieer_signaal(
            users[Rol.VRIJWILLIGER],
            signaal.pk,
            besluit="casuistiek",
            reden="x",
            gepland_op=VANDAAG(),
            kanaal="ui",
        )


def test_teamleider_wijst_toe_en_werker_pakt_zelf_op(users, inwoner, teamleider):
    werker = users[Rol.SOCIAAL_WERKER]
    melding = melding_voor(werker, inwoner)
    assert [r.melding for r in selectors.werklijst(teamleider, "nieuw", kanaal="ui")] == [melding]
    with pytest.raises(PermissionDenied):
        services.wijs_toe(werker, melding.pk, behandelaar_id=teamleider.pk, kanaal="ui")
    services.wijs_toe(teamleider, melding.pk, behandelaar_id=werker.pk, kanaal="ui")
    assert [r.melding for r in selectors.werklijst(werker, "mijn", kanaal="ui")] == [melding]
    assert selectors.werklijst(teamleider, "nieuw", kanaal="ui") == []
    with pytest.raises(ValidationError):  # the consultant's wijk is not the resident's
        services.wijs_toe(
            teamleider, melding.pk, behandelaar_id=users[Rol.WMO_CONSULENT].pk, kanaal="ui"
        )
