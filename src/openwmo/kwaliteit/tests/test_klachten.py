import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.kalender import termijn_einde
from openwmo.kwaliteit import selectors, services
from openwmo.kwaliteit.models import Klacht, KlachtStap, Klachttermijn, Melding, Stapsoort
from openwmo.privacy.models import AuditRecord

pytestmark = pytest.mark.django_db
UI = "ui"


@pytest.fixture
def aanbieder(users):
    return users[Rol.ZORGAANBIEDER].medewerker.organisatie


@pytest.fixture
def klacht(users, aanbieder):
    return services.dien_klacht_in(
        users[Rol.INWONER],
        thema="bejegening",
        omschrijving="De begeleider kwam drie keer niet opdagen.",
        aanbieder_id=aanbieder.pk,
        kanaal=UI,
    )


def _meldingen(klacht):
    return list(Melding.objects.filter(klacht=klacht).order_by("op", "pk"))


def test_klacht_doorloopt_alle_vier_stappen_en_inwoner_krijgt_steeds_bericht(users, klacht):
    inwoner, aanbieder = users[Rol.INWONER], users[Rol.ZORGAANBIEDER]
    toezicht = users[Rol.TOEZICHTHOUDER]
    assert klacht.kanaal == "online"
    assert len(_meldingen(klacht)) == 1
    route = [
        Stapsoort.MEDEWERKER,
        Stapsoort.LEIDINGGEVENDE,
        Stapsoort.KLACHTENFUNCTIONARIS,
        Stapsoort.KLACHTENCOMMISSIE,
    ]
    for i, soort in enumerate(route):
        stap = KlachtStap.objects.filter(klacht=klacht).latest("gestart_op", "pk")
        assert stap.soort == soort
        assert stap.termijn == timezone.localdate() + datetime.timedelta(
            days=services.STANDAARDTERMIJN[soort]
        )
        behandelaar = toezicht if soort == Stapsoort.KLACHTENCOMMISSIE else aanbieder
        services.leg_uitkomst_vast(behandelaar, klacht.pk, uitkomst=f"Uitkomst {i}", kanaal=UI)
        assert "uitkomst" in _meldingen(klacht)[-1].tekst
        naar = route[i + 1] if i + 1 < len(route) else ""
        services.reageer_op_klacht(
            inwoner, klacht.pk, reactie="Niet opgelost", tevreden=not naar, naar=naar, kanaal=UI
        )
    klacht.refresh_from_db()
    assert klacht.afgesloten_op is not None
    # filed + (outcome + next step or closure) per step = 1 + 4 * 2 notices
    assert len(_meldingen(klacht)) == 9
    assert [s.soort for s in klacht.stappen.all()] == route
    assert AuditRecord.objects.filter(object_type="klacht", persoon_id=klacht.persoon_id).count()


def test_een_stap_overslaan_kan_niet(users, klacht):
    services.leg_uitkomst_vast(
        users[Rol.ZORGAANBIEDER], klacht.pk, uitkomst="Excuses aangeboden", kanaal=UI
    )
    with pytest.raises(ValidationError) as exc:
        services.reageer_op_klacht(
            users[Rol.INWONER],
            klacht.pk,
            reactie="Ik wil direct naar de commissie",
            tevreden=False,
            naar=Stapsoort.KLACHTENCOMMISSIE,
            kanaal=UI,
        )
    assert "overslaan kan niet" in exc.value.message_dict["naar"][0]
    assert klacht.stappen.count() == 1
    assert KlachtStap.objects.get(klacht=klacht).reactie == ""


def test_escaleren_zonder_uitkomst_pas_na_de_termijn(users, klacht):
    inwoner = users[Rol.INWONER]
    with pytest.raises(ValidationError):
        services.reageer_op_klacht(
            inwoner, klacht.pk, reactie="", tevreden=False, naar="leidinggevende", kanaal=UI
        )
    KlachtStap.objects.filter(klacht=klacht).update(
        termijn=timezone.localdate() - datetime.timedelta(days=1)
    )
    services.reageer_op_klacht(
        inwoner,
        klacht.pk,
        reactie="Geen antwoord",
        tevreden=False,
        naar="leidinggevende",
        kanaal=UI,
    )
    assert klacht.stappen.count() == 2


def test_termijn_is_instelbaar(users, aanbieder):
    Klachttermijn.objects.create(stap=Stapsoort.MEDEWERKER, dagen=5)
    k = services.dien_klacht_in(
        users[Rol.INWONER],
        thema="wachttijd",
        omschrijving="Lang wachten op start.",
        aanbieder_id=aanbieder.pk,
        kanaal=UI,
    )
    assert k.stappen.get().termijn == timezone.localdate() + datetime.timedelta(days=5)


def test_alleen_eigen_aanbieder_behandelt_en_commissie_door_toezicht(users, klacht):
    from openwmo.testing import factories as f

    andere = f.medewerker(Rol.ZORGAANBIEDER)
    with pytest.raises(PermissionDenied):
        services.leg_uitkomst_vast(andere, klacht.pk, uitkomst="Niet de mijne", kanaal=UI)
    assert selectors.klachten_in_scope(andere).count() == 0
    assert selectors.klachten_in_scope(users[Rol.ZORGAANBIEDER]).count() == 1
    assert selectors.klachten_in_scope(users[Rol.BELEIDSMAKER]).count() == 0


def test_awb_klachttermijn_schuift_op_voorbij_feestdagen(users, monkeypatch):
    # received Friday 23 January 2026: ten weeks end on Goede Vrijdag 3 April, so the
    # term runs to Tuesday 7 April; four weeks more end on Bevrijdingsdag 5 May -> 6 May
    ontvangen = timezone.make_aware(datetime.datetime(2026, 1, 23, 10))
    monkeypatch.setattr(services, "_nu", lambda: ontvangen)
    k = services.dien_klacht_in(
        users[Rol.INWONER],
        thema="bereikbaarheid",
        omschrijving="Niemand neemt de telefoon op.",
        klachtadviseur=True,
        kanaal=UI,
    )
    stap = k.stappen.get()
    assert stap.termijn == datetime.date(2026, 4, 7)
    services.verdaag_klacht(users[Rol.TOEZICHTHOUDER], k.pk, reden="Advies nodig", kanaal=UI)
    stap.refresh_from_db()
    assert stap.termijn == datetime.date(2026, 5, 6)


def test_klacht_over_gemeente_volgt_awb_termijn_met_verdaging(users):
    toezicht = users[Rol.TOEZICHTHOUDER]
    k = services.dien_klacht_in(
        users[Rol.INWONER],
        thema="bereikbaarheid",
        omschrijving="Niemand neemt de telefoon op.",
        klachtadviseur=True,
        kanaal=UI,
    )
    stap = k.stappen.get()
    assert stap.soort == Stapsoort.GEMEENTE
    # ten weeks, moved past a weekend or holiday (Algemene termijnenwet)
    tien_weken = termijn_einde(timezone.localdate(), weken=10)
    assert stap.termijn == tien_weken
    services.verdaag_klacht(toezicht, k.pk, reden="Advies ingewonnen", kanaal=UI)
    stap.refresh_from_db()
    assert stap.termijn == termijn_einde(tien_weken, weken=4)
    with pytest.raises(ValidationError):
        services.verdaag_klacht(toezicht, k.pk, reden="Nog eens", kanaal=UI)
    services.leg_uitkomst_vast(toezicht, k.pk, uitkomst="Telefoonlijn uitgebreid", kanaal=UI)
    with pytest.raises(ValidationError) as exc:
        services.reageer_op_klacht(
            users[Rol.INWONER], k.pk, reactie="", tevreden=False, naar="leidinggevende", kanaal=UI
        )
    assert "laatste stap" in exc.value.message_dict["naar"][0]


def test_vrijwilliger_registreert_namens_inwoner_in_buurtkamer(users, inwoner, aanbieder):
    k = services.dien_klacht_in(
        users[Rol.VRIJWILLIGER],
        thema="kwaliteit",
        omschrijving="Hulp is slordig uitgevoerd.",
        aanbieder_id=aanbieder.pk,
        bsn=inwoner.bsn,
        geboortedatum=inwoner.geboortedatum,
        namens="Dochter",
        kanaal=UI,
    )
    assert k.persoon == inwoner and k.kanaal == "buurtkamer"
    with pytest.raises(ValidationError) as exc:
        services.dien_klacht_in(
            users[Rol.VRIJWILLIGER],
            thema="kwaliteit",
            omschrijving="Hulp is slordig.",
            bsn="123456782",
            geboortedatum=datetime.date(1950, 1, 1),
            kanaal=UI,
        )
    assert "bsn" in exc.value.message_dict


def test_ongeldige_klacht_schrijft_niets(users):
    with pytest.raises(ValidationError) as exc:
        services.dien_klacht_in(users[Rol.INWONER], thema="x", omschrijving="kort", kanaal=UI)
    assert set(exc.value.message_dict) == {"thema", "omschrijving"}
    assert not Klacht.objects.exists()
    with pytest.raises(PermissionDenied):
        services.dien_klacht_in(
            users[Rol.ZORGAANBIEDER], thema="overig", omschrijving="Een klacht van mij", kanaal=UI
        )


def test_klachten_voor_sturing(users, klacht):
    vandaag = timezone.localdate()
    rijen = list(selectors.klachten_voor_sturing(vandaag, vandaag + datetime.timedelta(days=1)))
    assert [(k.persoon_id, k.aanbieder_id, k.thema) for k in rijen] == [
        (klacht.persoon_id, klacht.aanbieder_id, "bejegening")
    ]
    assert not selectors.klachten_voor_sturing(vandaag - datetime.timedelta(days=5), vandaag)
    telling = selectors.klachten_telling(vandaag, vandaag + datetime.timedelta(days=1))
    assert telling["per_thema"] == [("Bejegening", 1)]
