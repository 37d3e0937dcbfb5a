"""The lean constructor gives the same instances as Django's."""

import datetime

import pytest
from django.utils import timezone

from openwmo.berichten.instanties import nieuw
from openwmo.berichten.models import Bericht, Levering, Prestatie, Toewijzing, Verzoek


def _gelijk(a, b):
    da = {k: v for k, v in a.__dict__.items() if k != "_state"}
    db = {k: v for k, v in b.__dict__.items() if k != "_state"}
    assert da == db
    assert a._state.adding == b._state.adding and a._state.db == b._state.db
    assert a._state.fields_cache == b._state.fields_cache


def test_zelfde_als_django():
    nu = timezone.now()
    bericht = Bericht(richting="IN", sha256="x", inhoud=b"<a/>", ontvangen_op=nu)
    gevallen = [
        (Bericht, {"richting": "IN", "sha256": "x", "inhoud": b"<a/>", "ontvangen_op": nu}),
        (Bericht, {"richting": "IN", "persoon_id": None, "retourcodes": ["0200"]}),
        (
            Levering,
            {
                "soort": "START",
                "aanbieder_id": 3,
                "toewijzing": None,
                "begindatum": datetime.date(2025, 1, 1),
                "bericht": bericht,
                "ontvangen_op": nu,
            },
        ),
        (Verzoek, {"soort": "VOT", "referentie": "R1", "bericht": bericht}),
        (Verzoek, {"soort": "VOT", "inhoud": {"a": 1}, "bericht": None}),
        (Prestatie, {"bericht": bericht, "toewijzing": None, "retourcodes": ["0200"]}),
        (Toewijzing, {"nummer": 5, "toewijzingstijd": datetime.time(9, 0)}),
    ]
    for model, velden in gevallen:
        _gelijk(nieuw(model, **velden), model(**velden))
    a, b = nieuw(Verzoek), nieuw(Verzoek)
    assert a.inhoud == {} and a.inhoud is not b.inhoud  # a callable default per instance
    assert nieuw(Levering, bericht=bericht).bericht is bericht


def test_onbekende_naam_gaat_naar_django():
    with pytest.raises(TypeError):
        nieuw(Levering, bestaat_niet=1)


@pytest.mark.django_db
def test_laad_geeft_dezelfde_instanties_als_django(consulent, aanbieder, mariska):
    from openwmo.berichten import services
    from openwmo.berichten.instanties import laad

    from . import keten

    org, user = aanbieder
    t = keten.toewijzing(consulent, org, mariska)
    services.meld_start(user, t.pk, begindatum=keten.dagen(-20))
    querysets = [
        Toewijzing.objects.filter(bsn__in=[mariska.bsn]),
        Levering.objects.all(),
        Bericht.objects.all(),
        Verzoek.objects.filter(bsn__in=[mariska.bsn]) | Verzoek.objects.filter(referentie="x"),
        Prestatie.objects.all(),
    ]
    for qs in querysets:
        snel, django = laad(qs), list(qs)
        assert len(snel) == len(django)
        for a, b in zip(snel, django, strict=True):
            assert a.__dict__.keys() == b.__dict__.keys()
            _gelijk(a, b)
    assert len(laad(Toewijzing.objects.select_related("aanbieder"))) == 1  # via Django
    assert laad(Toewijzing.objects.only("nummer"))[0].nummer == t.nummer
