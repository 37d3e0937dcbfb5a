"""The calendar building block, on fixed dates (checked against a printed calendar)."""

import datetime

import pytest

from openwmo.kalender import (
    feestdagen,
    is_werkdag,
    pasen,
    plus_werkdagen,
    termijn_einde,
    volgende_werkdag,
    werkdagen_tussen,
)

D = datetime.date


@pytest.mark.parametrize(
    ("jaar", "paaszondag"),
    [
        (1818, D(1818, 3, 22)),  # earliest possible date
        (1943, D(1943, 4, 25)),  # latest possible date
        (2000, D(2000, 4, 23)),  # leap year, century divisible by 400
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2027, D(2027, 3, 28)),
        (2038, D(2038, 4, 25)),
        (2100, D(2100, 3, 28)),  # not a leap year
    ],
)
def test_pasen(jaar, paaszondag):
    assert pasen(jaar) == paaszondag


def test_feestdagen_2026():
    assert feestdagen(2026) == {
        D(2026, 1, 1): "Nieuwjaarsdag",
        D(2026, 4, 3): "Goede Vrijdag",
        D(2026, 4, 6): "Tweede Paasdag",
        D(2026, 4, 27): "Koningsdag",
        D(2026, 5, 5): "Bevrijdingsdag",
        D(2026, 5, 14): "Hemelvaartsdag",
        D(2026, 5, 25): "Tweede Pinksterdag",
        D(2026, 12, 25): "Eerste Kerstdag",
        D(2026, 12, 26): "Tweede Kerstdag",
    }


def test_koningsdag_op_zondag_wordt_zaterdag_26_april():
    assert D(2025, 4, 27).weekday() == 6
    assert "Koningsdag" == feestdagen(2025)[D(2025, 4, 26)]
    assert D(2025, 4, 27) not in feestdagen(2025)
    assert feestdagen(2031)[D(2031, 4, 26)] == "Koningsdag"  # the 27th is a Sunday again


def test_bevrijdingsdag_elk_jaar_niet_alleen_in_lustrumjaren():
    assert not is_werkdag(D(2026, 5, 5))  # a Tuesday
    assert not is_werkdag(D(2025, 5, 5))  # a Monday, lustrum year


@pytest.mark.parametrize(
    ("dag", "werkdag"),
    [
        (D(2026, 12, 4), True),  # Friday
        (D(2026, 12, 5), False),  # Saturday
        (D(2026, 12, 6), False),  # Sunday
        (D(2026, 12, 7), True),  # Monday
        (D(2026, 4, 3), False),  # Goede Vrijdag
        (D(2026, 4, 6), False),  # Tweede Paasdag
        (D(2026, 4, 7), True),
        (D(2026, 12, 24), True),  # Christmas Eve is a normal day
        (D(2026, 12, 25), False),
        (D(2027, 1, 1), False),
        (D(2024, 2, 29), True),  # leap day, a Thursday
    ],
)
def test_is_werkdag(dag, werkdag):
    assert is_werkdag(dag) is werkdag


def test_extra_gelijkgestelde_dag():
    vrijdag_na_hemelvaart = D(2026, 5, 15)
    assert is_werkdag(vrijdag_na_hemelvaart)
    assert not is_werkdag(vrijdag_na_hemelvaart, extra={vrijdag_na_hemelvaart})


def test_plus_werkdagen_over_weekend_pasen_en_jaarwisseling():
    assert plus_werkdagen(D(2026, 12, 4), 1) == D(2026, 12, 7)  # Friday -> Monday
    assert plus_werkdagen(D(2026, 4, 2), 1) == D(2026, 4, 7)  # Thursday over Easter
    # 23 Dec 2026 (Wed): 24 Dec, [25, 26, 27 off], 28, 29, 30, 31, [1 Jan, 2, 3 off], 4 Jan
    assert plus_werkdagen(D(2026, 12, 23), 5) == D(2026, 12, 31)
    assert plus_werkdagen(D(2026, 12, 23), 6) == D(2027, 1, 4)
    assert plus_werkdagen(D(2024, 2, 28), 2) == D(2024, 3, 1)  # over leap day 29 Feb
    assert plus_werkdagen(D(2026, 12, 5), 0) == D(2026, 12, 5)
    with pytest.raises(ValueError):
        plus_werkdagen(D(2026, 12, 5), -1)


def test_werkdagen_tussen():
    vrijdag = D(2026, 11, 20)
    assert werkdagen_tussen(vrijdag, D(2026, 11, 23)) == 1
    assert werkdagen_tussen(vrijdag, D(2026, 11, 25)) == 3
    assert werkdagen_tussen(D(2026, 12, 24), D(2027, 1, 4)) == 5  # 28-31 Dec, 4 Jan
    assert werkdagen_tussen(D(2026, 4, 2), D(2026, 4, 7)) == 1
    assert werkdagen_tussen(vrijdag, vrijdag) == 0
    assert werkdagen_tussen(vrijdag, D(2026, 11, 1)) == 0
    for n in range(12):
        assert werkdagen_tussen(D(2026, 12, 18), plus_werkdagen(D(2026, 12, 18), n)) == n


def test_volgende_werkdag():
    assert volgende_werkdag(D(2026, 12, 7)) == D(2026, 12, 7)
    assert volgende_werkdag(D(2026, 12, 25)) == D(2026, 12, 28)
    assert volgende_werkdag(D(2027, 1, 1)) == D(2027, 1, 4)


def test_termijn_einde_art1_weekend_en_feestdag():
    assert termijn_einde(D(2026, 1, 9), weken=6) == D(2026, 2, 20)  # a Friday: unchanged
    assert termijn_einde(D(2026, 1, 10), weken=6) == D(2026, 2, 23)  # Saturday -> Monday
    # six weeks from 21 Feb 2026 end on Saturday 4 April: Sunday, Tweede Paasdag -> Tuesday
    assert termijn_einde(D(2026, 2, 21), weken=6) == D(2026, 4, 7)
    # ends on Goede Vrijdag 3 April 2026
    assert termijn_einde(D(2026, 2, 20), weken=6) == D(2026, 4, 7)
    # ends on Koningsdag 26 April 2025 (Saturday), runs to Monday 28 April
    assert termijn_einde(D(2025, 3, 15), weken=6) == D(2025, 4, 28)
    # ends on Eerste Kerstdag 2026 (Friday) and runs over the weekend to Monday 28 Dec
    assert termijn_einde(D(2026, 11, 13), weken=6) == D(2026, 12, 28)
    # across New Year: 2 weeks from 18 Dec 2026 end on Friday 1 Jan 2027
    assert termijn_einde(D(2026, 12, 18), weken=2) == D(2027, 1, 4)
    # leap year: 14 days from 15 Feb 2024 is Thursday 29 Feb
    assert termijn_einde(D(2024, 2, 15), dagen=14) == D(2024, 2, 29)


def test_termijn_einde_art2_minstens_twee_werkdagen():
    # 3 days from Thursday 24 Dec 2026: 25, 26, 27 are off; extended to hold two
    # working days (28 and 29 Dec)
    assert termijn_einde(D(2026, 12, 24), dagen=3) == D(2026, 12, 29)
    # 3 days from Thursday 2 Apr 2026 end on Sunday; Goede Vrijdag and Tweede Paasdag
    # are off, so 7 and 8 April are the two working days
    assert termijn_einde(D(2026, 4, 2), dagen=3) == D(2026, 4, 8)
    # a 2-day term is not covered by art. 2, only by art. 1
    assert termijn_einde(D(2026, 12, 24), dagen=2) == D(2026, 12, 28)


def test_termijn_einde_art4_lange_termijnen_niet_verlengd():
    # 13 weeks from Saturday 3 Jan 2026 end on Saturday 4 April: not extended
    assert termijn_einde(D(2026, 1, 3), weken=13) == D(2026, 4, 4)
    assert termijn_einde(D(2026, 1, 3), dagen=91) == D(2026, 4, 4)
    # 12 weeks still are: Saturday 28 March 2026 -> Monday 30 March
    assert termijn_einde(D(2026, 1, 3), weken=12) == D(2026, 3, 30)
    with pytest.raises(ValueError):
        termijn_einde(D(2026, 1, 3), dagen=-1)
