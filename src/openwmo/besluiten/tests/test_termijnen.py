import datetime

from openwmo.besluiten import termijnen
from openwmo.besluiten.models import Beschikking, Bezwaar


def test_bezwaartermijn_zes_weken_vanaf_de_dag_na_verzending():
    assert termijnen.einde_bezwaartermijn(datetime.date(2026, 1, 9)) == datetime.date(2026, 2, 20)


def test_bezwaartermijn_op_zaterdag_loopt_door_tot_maandag():
    assert termijnen.einde_bezwaartermijn(datetime.date(2026, 1, 10)) == datetime.date(2026, 2, 23)


def test_beslistermijn_6_of_12_weken_na_de_bezwaartermijn_plus_verdaging():
    verzonden = datetime.date(2026, 1, 9)
    # six weeks after 20 February end on Goede Vrijdag 3 April 2026; with Tweede Paasdag
    # the term runs on to Tuesday 7 April (Algemene termijnenwet)
    assert termijnen.einde_beslistermijn(verzonden, adviescommissie=False) == datetime.date(
        2026, 4, 7
    )
    assert termijnen.einde_beslistermijn(verzonden, adviescommissie=True) == datetime.date(
        2026, 5, 15
    )
    assert termijnen.einde_beslistermijn(
        verzonden, adviescommissie=True, verdaging_weken=6
    ) == datetime.date(2026, 6, 26)


def test_stand_tijdig_en_verlopen():
    b = Beschikking(verzonden_op=datetime.date(2026, 1, 9))
    bz = Bezwaar(beschikking=b, ontvangen_op=datetime.date(2026, 2, 21), adviescommissie=False)
    assert not termijnen.stand(bz, datetime.date(2026, 4, 7)).verlopen
    stand = termijnen.stand(bz, datetime.date(2026, 4, 8))
    assert not stand.tijdig and stand.verlopen and stand.dagen_over == -1


def test_bezwaartermijn_over_pasen_en_koningsdag():
    # ends on Goede Vrijdag 3 April 2026: Saturday, Sunday and Tweede Paasdag follow
    assert termijnen.einde_bezwaartermijn(datetime.date(2026, 2, 20)) == datetime.date(2026, 4, 7)
    # ends on Koningsdag, Monday 27 April 2026
    assert termijnen.einde_bezwaartermijn(datetime.date(2026, 3, 16)) == datetime.date(2026, 4, 28)
