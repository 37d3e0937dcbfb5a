"""The inzage export holds every stored record about a demo resident, from every app, and
nothing about other residents (compared with the database)."""

import json

import pytest

from openwmo.accounts.models import Rol, User
from openwmo.demo.generator import seed
from openwmo.extensions import app_modules
from openwmo.inwoners.models import Persoon
from openwmo.privacy import services, verzamelen

pytestmark = pytest.mark.django_db


def _behandeld() -> frozenset[str]:
    return frozenset(m for module in app_modules("inzage") for m in getattr(module, "MODELLEN", ()))


def _verwachte_kenmerken(persoon) -> set[str]:
    kenmerken = set()
    for model, _velden, qs in verzamelen.records(persoon, _behandeld()):
        objs = list(qs)
        kenmerken.update(verzamelen.kenmerk(o) for o in objs)
        for rel in verzamelen.kinderen(model):
            kinderen = rel.related_model._default_manager.filter(**{f"{rel.field.name}__in": objs})
            kenmerken.update(verzamelen.kenmerk(k) for k in kinderen)
    return kenmerken


def test_inzage_van_demo_inwoners_is_volledig_en_gaat_alleen_over_hen():
    seed(600, 2026)
    privacy = User.objects.get(username="privacy")
    jelle = User.objects.get(username="inwoner").persoon
    mariska = Persoon.objects.get(voornamen="Mariska")
    # the resident with the most records in the other apps
    drukste = max(
        Persoon.objects.filter(pk__in=Persoon.objects.order_by("?").values("pk")[:60]),
        key=lambda p: len(_verwachte_kenmerken(p)),
    )
    alle_bsns = dict(Persoon.objects.values_list("pk", "bsn"))
    for persoon in {jelle, mariska, drukste}:
        verwacht = _verwachte_kenmerken(persoon)
        assert verwacht, persoon  # each of them has records beyond the register
        export = services.inzage_export(privacy, persoon, kanaal="json")
        tekst = json.dumps(export, default=str)
        gevonden = {
            r["kenmerk"]
            for rijen in export["onderdelen"].values()
            for r in rijen
            if isinstance(r, dict) and "kenmerk" in r
        }
        assert verwacht <= gevonden, sorted(verwacht - gevonden)[:10]
        assert persoon.bsn in tekst
        anderen = [bsn for pk, bsn in alle_bsns.items() if pk != persoon.pk and bsn in tekst]
        assert anderen == []
        assert "pbkdf2" not in tekst and "md5$" not in tekst  # no password hashes


def test_elk_model_over_een_persoon_wordt_geexporteerd_of_bewust_uitgezonderd():
    behandeld = _behandeld()
    for model, _velden, _soort in verzamelen.persoonsmodellen():
        label = model._meta.label_lower
        reden = verzamelen.uitzondering(model)
        assert label in behandeld or reden == "" or len(reden) > 20, label


def test_uitgezonderd_model_staat_niet_in_de_export(inwoner, users, monkeypatch):
    import datetime

    from openwmo.berichten.models import PgbToekenning

    pgb = PgbToekenning.objects.create(
        persoon=inwoner, productcategorie="02", ingangsdatum=datetime.date(2026, 1, 1)
    )
    privacy = users[Rol.PRIVACY_FUNCTIONARIS]

    def kenmerken():
        export = services.inzage_export(privacy, inwoner, kanaal="json")
        return {r.get("kenmerk") for rijen in export["onderdelen"].values() for r in rijen}

    assert verzamelen.kenmerk(pgb) in kenmerken()
    reden = "Voorbeeld: wettelijke grond om dit gegeven niet te verstrekken."
    monkeypatch.setattr(PgbToekenning, "INZAGE_UITZONDERING", reden, raising=False)
    assert verzamelen.kenmerk(pgb) not in kenmerken()


def test_gegevensregister_noemt_uitzonderingen_met_reden(client, users):
    client.force_login(users[Rol.PRIVACY_FUNCTIONARIS])
    pagina = client.get("/privacy/gegevensregister/").content.decode()
    assert "Niet in het inzageoverzicht" in pagina and "UAVG art. 41" in pagina
