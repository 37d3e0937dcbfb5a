import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.voorzieningen import selectors, services
from openwmo.voorzieningen.models import Aanvraag, RegionaalAdvies

pytestmark = pytest.mark.django_db
UI = "ui"


def test_vervoerspas_online_aangevraagd_en_binnen_termijn_besloten(users, inwoner):
    a = services.dien_aanvraag_in(
        users[Rol.INWONER], soort="vervoerspas", toelichting="Ik kan niet meer fietsen", kanaal=UI
    )
    vandaag = timezone.localdate()
    assert a.persoon == inwoner
    assert a.beslissen_uiterlijk == vandaag + datetime.timedelta(days=5)
    with pytest.raises(ValidationError):
        services.dien_aanvraag_in(
            users[Rol.INWONER], soort="vervoerspas", toelichting="Nog een keer", kanaal=UI
        )
    with pytest.raises(PermissionDenied):
        services.beslis_aanvraag(
            users[Rol.SOCIAAL_WERKER], a.pk, besluit="toegekend", reden="x", kanaal=UI
        )
    a = services.beslis_aanvraag(
        users[Rol.WMO_CONSULENT], a.pk, besluit="toegekend", reden="Loopafstand < 100 m", kanaal=UI
    )
    assert a.leveren_uiterlijk == vandaag + datetime.timedelta(days=10)
    rijen = selectors.doorlooptijden_snelle_route(vandaag, vandaag)
    assert rijen == [
        {
            "soort": "vervoerspas",
            "aanvraag_id": a.pk,
            "persoon_id": inwoner.pk,
            "ingediend_op": vandaag,
            "besloten_op": vandaag,
            "dagen": 0,
            "binnen_termijn": True,
        }
    ]


def test_te_laat_besluit_telt_als_buiten_termijn(users, inwoner):
    a = services.dien_aanvraag_in(
        users[Rol.SOCIAAL_WERKER],
        soort="woonaanpassing",
        toelichting="Drempelhulp",
        persoon_id=inwoner.pk,
        kanaal=UI,
    )
    vroeger = timezone.localdate() - datetime.timedelta(days=20)
    Aanvraag.objects.filter(pk=a.pk).update(
        ingediend_op=vroeger, beslissen_uiterlijk=vroeger + datetime.timedelta(days=14)
    )
    services.beslis_aanvraag(
        users[Rol.WMO_CONSULENT],
        a.pk,
        besluit="afgewezen",
        reden="Algemeen gebruikelijk",
        kanaal=UI,
    )
    [rij] = selectors.doorlooptijden_snelle_route(vroeger, timezone.localdate())
    assert (rij["dagen"], rij["binnen_termijn"]) == (20, False)
    assert selectors.doorlooptijden_snelle_route(vroeger, vroeger) == []


def test_hh_toekenning_langer_geldig_bij_80_plus(users, inwoner):
    from openwmo.voorzieningen import normen

    v = normen.VOORBEELD
    services.laad_normenkader(
        None,
        naam=v["naam"],
        bron=v["bron"],
        ingangsdatum=datetime.date(2020, 1, 1),
        inhoud=v["inhoud"],
        kanaal=UI,
    )
    vandaag = timezone.localdate()
    inwoner.geboortedatum = vandaag.replace(year=vandaag.year - 81, day=1)
    inwoner.save()
    consulent = users[Rol.WMO_CONSULENT]
    a = services.dien_aanvraag_in(
        users[Rol.INWONER], soort="hh", toelichting="Schoonmaken lukt niet meer", kanaal=UI
    )
    with pytest.raises(ValidationError) as fout:
        services.beslis_aanvraag(consulent, a.pk, besluit="toegekend", reden="Norm", kanaal=UI)
    assert "beoordeling_id" in fout.value.message_dict
    b = services.beoordeel_hh(
        consulent,
        persoon_id=inwoner.pk,
        personen=1,
        kamers=3,
        overname={"licht": 50, "zwaar": 100, "was": 0, "bed": 100, "boodschappen": 0},
        kanaal=UI,
    )
    a = services.beslis_aanvraag(
        consulent, a.pk, besluit="toegekend", reden="Norm", beoordeling_id=b.pk, kanaal=UI
    )
    assert a.geldig_tot.year == vandaag.year + 5


def test_regionale_voorziening_via_zwaarwegend_advies(users, inwoner):
    werker, consulent = users[Rol.SOCIAAL_WERKER], users[Rol.WMO_CONSULENT]
    with pytest.raises(PermissionDenied):
        services.dien_advies_in(
            consulent, persoon_id=inwoner.pk, voorziening="thuisplus", advies="x", kanaal=UI
        )
    r = services.dien_advies_in(
        werker,
        persoon_id=inwoner.pk,
        voorziening="beschermd_wonen",
        advies="Zelfstandig wonen lukt niet; 24-uurs toezicht nodig.",
        expertteam="Expertteam GGZ",
        kanaal=UI,
    )
    assert r.regievoerder == werker
    r = services.beslis_advies(
        consulent, r.pk, besluit="toegekend", toetsing="Advies gevolgd", kanaal=UI
    )
    assert r.besluit == RegionaalAdvies.Besluit.TOEGEKEND
    with pytest.raises(ValidationError):
        services.beslis_advies(
            consulent, r.pk, besluit="afgewezen", toetsing="Toch niet", kanaal=UI
        )
