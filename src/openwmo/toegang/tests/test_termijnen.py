"""The legal terms as pure functions: calendar days, suspension, aanvraag, penalty."""

import datetime

import pytest

from openwmo.toegang import termijnen as t

D = datetime.date
VRIJDAG = D(2026, 3, 6)


def test_zes_weken_in_kalenderdagen_weekend_telt_mee():
    stand = t.onderzoekstermijn(VRIJDAG, peildatum=VRIJDAG)
    assert stand.einddatum == D(2026, 4, 17)  # a Friday, exactly 42 days later
    assert stand.dagen_over == 42


def test_termijn_die_in_het_weekend_of_op_een_feestdag_eindigt_loopt_door():
    # Algemene termijnenwet art. 1: 42 days from Saturday 7 March end on Saturday 18 April
    zaterdag = t.onderzoekstermijn(D(2026, 3, 7), peildatum=D(2026, 3, 7))
    assert zaterdag.einddatum == D(2026, 4, 20)
    # 14 days from 20 March end on Goede Vrijdag 3 April; Tweede Paasdag follows
    assert t.beslistermijn(D(2026, 3, 20), peildatum=D(2026, 3, 20)).einddatum == D(2026, 4, 7)
    # 42 days from 16 March end on Koningsdag, Monday 27 April 2026
    assert t.onderzoekstermijn(D(2026, 3, 16), peildatum=D(2026, 3, 16)).einddatum == D(2026, 4, 28)


def test_laatste_dag_is_nog_op_tijd_de_dag_erna_te_laat():
    assert not t.onderzoekstermijn(VRIJDAG, peildatum=D(2026, 4, 17)).verlopen
    assert t.onderzoekstermijn(VRIJDAG, peildatum=D(2026, 4, 17)).dagen_over == 0
    laat = t.onderzoekstermijn(VRIJDAG, peildatum=D(2026, 4, 19))
    assert laat.verlopen and laat.dagen_te_laat == 2 and laat.oordeel == "te laat"


@pytest.mark.parametrize(
    ("afgerond", "oordeel"), [(D(2026, 4, 17), "op tijd"), (D(2026, 4, 18), "te laat")]
)
def test_afgerond_op_tijd_of_te_laat(afgerond, oordeel):
    stand = t.onderzoekstermijn(VRIJDAG, peildatum=D(2026, 5, 1), afgerond_op=afgerond)
    assert stand.oordeel == oordeel
    assert stand.dagen_over is None and not stand.verlopen


def test_opschorting_verlengt_met_haar_dagen_beide_grenzen_inbegrepen():
    stand = t.onderzoekstermijn(
        VRIJDAG, peildatum=VRIJDAG, opschortingen=[(D(2026, 3, 10), D(2026, 3, 19))]
    )
    assert stand.einddatum == D(2026, 4, 28)  # 27 April is Koningsdag


def test_overlappende_opschortingen_tellen_een_keer():
    perioden = [(D(2026, 3, 10), D(2026, 3, 19)), (D(2026, 3, 15), D(2026, 3, 24))]
    stand = t.onderzoekstermijn(VRIJDAG, peildatum=VRIJDAG, opschortingen=perioden)
    assert stand.einddatum == D(2026, 5, 4)  # 15 days more is Saturday 2 May


def test_lopende_opschorting_telt_tot_en_met_vandaag_en_is_opgeschort():
    stand = t.onderzoekstermijn(
        VRIJDAG, peildatum=D(2026, 3, 14), opschortingen=[(D(2026, 3, 10), None)]
    )
    assert stand.opgeschort and stand.oordeel == "opgeschort"
    assert stand.einddatum == D(2026, 4, 17) + datetime.timedelta(5)


def test_opschorting_na_afronden_of_voor_de_start_telt_niet():
    stand = t.onderzoekstermijn(
        VRIJDAG,
        peildatum=D(2026, 6, 1),
        afgerond_op=D(2026, 4, 1),
        opschortingen=[(D(2026, 3, 1), D(2026, 3, 6)), (D(2026, 4, 10), D(2026, 4, 20))],
    )
    assert stand.einddatum == D(2026, 4, 20)  # only 6 March counts; 18 April is a Saturday


def test_melding_wordt_aanvraag_beslistermijn_neemt_het_over():
    melding, aanvraag = D(2026, 3, 2), D(2026, 3, 20)
    onderzoek = t.onderzoekstermijn(melding, peildatum=D(2026, 4, 10), aanvraag_op=aanvraag)
    assert onderzoek.afgerond_op == aanvraag and onderzoek.oordeel == "op tijd"
    besluit = t.beslistermijn(aanvraag, peildatum=D(2026, 4, 10))
    assert besluit.einddatum == D(2026, 4, 7)  # 14 days end on Goede Vrijdag, then Easter
    assert besluit.verlopen and besluit.dagen_te_laat == 3
    # a late investigation stays late when the resident then files the aanvraag
    laat = t.onderzoekstermijn(melding, peildatum=D(2026, 5, 1), aanvraag_op=D(2026, 4, 20))
    assert laat.oordeel == "te laat"


def test_opschorting_van_de_beslistermijn():
    besluit = t.beslistermijn(
        D(2026, 3, 2),
        peildatum=D(2026, 3, 20),
        besluit_op=D(2026, 3, 20),
        opschortingen=[(D(2026, 3, 5), D(2026, 3, 8))],
    )
    assert besluit.einddatum == D(2026, 3, 20) and besluit.op_tijd


@pytest.mark.parametrize(
    ("peildatum", "dagen", "bedrag"),
    [
        (D(2026, 4, 2), 0, 0),  # the two weeks after the notice have not passed
        (D(2026, 4, 3), 1, 23),
        (D(2026, 4, 16), 14, 14 * 23),
        (D(2026, 4, 17), 15, 14 * 23 + 35),
        (D(2026, 4, 30), 28, 14 * 23 + 14 * 35),
        (D(2026, 5, 1), 29, 14 * 23 + 14 * 35 + 45),
        (D(2026, 12, 31), 42, 1442),  # at most 42 days
    ],
)
def test_dwangsom_awb_4_17(peildatum, dagen, bedrag):
    # decision term ended 16 March, notice of default received 20 March
    dwangsom = t.dwangsom(D(2026, 3, 16), D(2026, 3, 20), peildatum=peildatum)
    assert dwangsom.vanaf == D(2026, 4, 3)
    assert (dwangsom.dagen, dwangsom.bedrag) == (dagen, bedrag)


def test_dwangsom_stopt_bij_het_besluit_en_telt_vanaf_termijneinde_bij_vroege_ingebrekestelling():
    besloten = t.dwangsom(
        D(2026, 3, 16), D(2026, 3, 20), peildatum=D(2026, 6, 1), besluit_op=D(2026, 4, 10)
    )
    assert (besloten.dagen, besloten.bedrag) == (7, 7 * 23)
    vroeg = t.dwangsom(D(2026, 3, 16), D(2026, 3, 10), peildatum=D(2026, 3, 30))
    assert vroeg.vanaf == D(2026, 3, 30) and vroeg.dagen == 1
