"""The event registry: delivery after commit, nothing after a rollback, one ``on_commit``
per series, a failing subscriber stops no one, unknown names are refused."""

import pytest
from django.db import transaction

from openwmo import gebeurtenissen as g
from openwmo.sturing.models import Uitnodiging

pytestmark = pytest.mark.django_db
NAAM = g.Gebeurtenis.LEVERING_GESTOPT


def stop(levering_id):
    """The data of a stop without a known resident (steering's own subscriber skips it)."""
    return {
        "levering_id": levering_id,
        "persoon_id": None,
        "aanbieder_id": None,
        "reden_beeindiging": "19",
        "einddatum": None,
    }


@pytest.fixture
def gehoord():
    """A temporary subscriber to NAAM that notes what it hears."""
    lijst = []

    def luister(**gegevens):
        lijst.append(gegevens)

    g.abonneer(NAAM)(luister)
    g.abonneer(NAAM)(luister)  # twice registered, once called
    yield lijst
    g._abonnees[NAAM].remove((luister, False))


def test_bezorging_na_de_commit_en_niet_na_een_rollback(
    gehoord, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            g.publiceer(NAAM, **stop(1))
            raise RuntimeError
        g.publiceer(NAAM, **stop(2))
        g.publiceer_alle(NAAM, [stop(3), stop(4)])
        g.publiceer_alle(NAAM, [])
        assert gehoord == []
    assert len(callbacks) == 2
    assert [x["levering_id"] for x in gehoord] == [2, 3, 4]


def test_een_falende_abonnee_houdt_de_rest_niet_tegen(
    gehoord, inwoner, django_capture_on_commit_callbacks
):
    def faal(**gegevens):
        Uitnodiging.objects.create(persoon=inwoner, aanleiding="einde", bron_id=99)
        raise ValueError("kapot")

    g._abonnees[NAAM].insert(0, (faal, False))
    try:
        with django_capture_on_commit_callbacks(execute=True):
            g.publiceer(NAAM, **stop(5))
    finally:
        g._abonnees[NAAM].remove((faal, False))
    assert [x["levering_id"] for x in gehoord] == [5]
    assert not Uitnodiging.objects.exists()  # the failing subscriber's write is undone


def test_onbekende_gebeurtenis_wordt_geweigerd():
    with pytest.raises(ValueError):
        g.publiceer("levering.verdwenen", levering_id=1)
    with pytest.raises(ValueError):
        g.abonneer("levering.verdwenen")


def test_abonnementen_staan_op_een_plek():
    from openwmo.sturing import abonnementen

    assert g.abonnees(g.Gebeurtenis.LEVERING_GESTOPT) == [abonnementen.na_stops]
    assert g.abonnees(g.Gebeurtenis.EVALUATIE_VASTGELEGD) == [abonnementen.na_evaluatie]


def test_abonnee_per_reeks_krijgt_de_hele_reeks_in_een_keer(django_capture_on_commit_callbacks):
    reeksen = []
    g.abonneer(NAAM, per_reeks=True)(reeksen.append)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            g.publiceer_alle(NAAM, [stop(6), stop(7)])
            g.publiceer(NAAM, **stop(8))
    finally:
        g._abonnees[NAAM].remove((reeksen.append, True))
    assert [[x["levering_id"] for x in r] for r in reeksen] == [[6, 7], [8]]
