import datetime

from openwmo.besluiten import termijnen
from openwmo.besluiten.models import Beschikking, Bezwaar


def test_bezwaartermijn_zes_weken_vanaf_de_dag_na_verzending():
    assert termijnen.einde_bezwaartermijn(datetime.date(2026, 1, 9)) == datetime.date(2026, 2, 20)


def test_bezwaartermijn_op_zaterdag_loopt_door_tot_maandag():
    assert termijnen.einde_bezwaartermijn(datetime.date(2026, 1, 10)) == datetime.date(2026, 2, 23)


def test_beslistermijn_6_of_12_weken_na_de_bezwaartermijn_plus_verdaging():
    verzonden = datetime.date(2026, 1, 9)
    assert termijnen.einde_beslistermijn(verzonden, adviescommissie=False) == datetime.date(
        2026, 4, 3
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
    stand = termijnen.stand(bz, datetime.date(2026, 4, 4))
    assert not stand.tijdig and stand.verlopen and stand.dagen_over == -1
