"""Stops that arrive through the real iWmo pipeline (bulk insert, no ORM save) announce
``levering.gestopt`` after the commit: the resident's survey invitation follows a
definitive stop once, never before the commit and never after a rollback."""

import pytest
from django.db import transaction

from openwmo.berichten import schema, services
from openwmo.berichten.models import Levering
from openwmo.berichten.verwerking import Invoer, verwerk
from openwmo.sturing.models import Uitnodiging

from . import keten

pytestmark = pytest.mark.django_db


def _stop(org, t, begin, einde, reden, *, status="1", ident="S1") -> bytes:
    product = {
        "ToewijzingNummer": t.nummer,
        "Product": {"Categorie": t.productcategorie},
        "Begindatum": begin,
        "RedenBeeindiging": reden,
        "Einddatum": einde,
        "StatusAanlevering": status,
    }
    return schema.schrijf(
        "307",
        {
            "Header": schema.header(
                "307",
                afzender=org.agb_code,
                ontvanger=keten.GEMEENTECODE,
                identificatie=ident,
                dagtekening=keten.vandaag(),
            ),
            "Client": {
                **services.client_kort(t.persoon),
                "StopProducten": {"StopProduct": [product]},
            },
        },
    )


def _start(org, t, begin) -> bytes:
    return keten.bericht_305(
        org.agb_code, t.bsn, nummer=t.nummer, begindatum=begin, categorie="02", ident="T1"
    )


def _uitnodigingen():
    return list(Uitnodiging.objects.values_list("aanleiding", "bron_id", "aanbieder_id", "persoon"))


def test_definitieve_stop_via_de_keten_nodigt_een_keer_uit_na_de_commit(
    consulent, aanbieder, mariska, django_capture_on_commit_callbacks
):
    org, user = aanbieder
    t = keten.toewijzing(consulent, org, mariska)
    begin = keten.dagen(-20)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.ontvang_bericht(user, _start(org, t, begin)).geaccepteerd
    assert _uitnodigingen() == []  # a start is no end of support

    # a rolled-back transaction stores nothing and invites nobody
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            assert services.ontvang_bericht(user, _stop(org, t, begin, keten.dagen(-2), "19"))
            assert Levering.objects.filter(soort="stop").count() == 1
            raise RuntimeError("afgebroken")
    assert not Levering.objects.filter(soort="stop").exists()
    assert _uitnodigingen() == []

    with django_capture_on_commit_callbacks(execute=True):
        r = services.ontvang_bericht(user, _stop(org, t, begin, keten.dagen(-2), "19"))
        assert r.geaccepteerd
        assert _uitnodigingen() == []  # not before the commit
    stop = Levering.objects.get(soort="stop")
    assert _uitnodigingen() == [("einde", stop.pk, org.pk, mariska.pk)]

    # the same message again is answered from the store: no second invitation
    with django_capture_on_commit_callbacks(execute=True):
        assert services.ontvang_bericht(user, _stop(org, t, begin, keten.dagen(-2), "19"))
    # deleting the stop (StatusAanlevering 3) is no new end of support
    with django_capture_on_commit_callbacks(execute=True):
        weg = _stop(org, t, begin, keten.dagen(-2), "19", status="3", ident="S2")
        assert services.ontvang_bericht(user, weg).geaccepteerd
    assert Levering.objects.filter(soort="stop").count() == 2
    assert _uitnodigingen() == [("einde", stop.pk, org.pk, mariska.pk)]


def test_tijdelijke_stop_nodigt_niet_uit_en_een_batch_publiceert_een_keer(
    consulent, aanbieder, mariska, django_capture_on_commit_callbacks
):
    org, _ = aanbieder
    t = keten.toewijzing(consulent, org, mariska)
    begin = keten.dagen(-20)
    batch = [
        _start(org, t, begin),
        _stop(org, t, begin, keten.dagen(-10), "20", ident="S1"),  # temporary
        _stop(org, t, begin, keten.dagen(-5), "19", ident="S2"),  # definitive
    ]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        resultaten = verwerk([Invoer(raw, org) for raw in batch])
    assert [r.retourcodes for r in resultaten] == [["0200"]] * 3
    assert len(callbacks) == 1  # two stops, one delivery after the commit
    definitief = Levering.objects.get(soort="stop", reden_beeindiging="19")
    assert _uitnodigingen() == [("einde", definitief.pk, org.pk, mariska.pk)]
