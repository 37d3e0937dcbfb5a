import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.plannen.models import Regel
from openwmo.privacy.models import AuditRecord
from openwmo.schuldhulp import selectors, services
from openwmo.schuldhulp.models import Betalingssignaal, Crisis
from openwmo.toegang.models import Signaal

pytestmark = pytest.mark.django_db
UI = "ui"


def _signaal(user, persoon, **extra):
    vandaag = timezone.localdate()
    data = {
        "persoon_id": persoon.pk,
        "bron": "woningcorporatie",
        "schuldeiser": "Woonstichting Lindeveen",
        "fase": "laat",
        "achterstand_cent": 184050,
        "maanden_achterstand": 3,
        "ontvangen_op": vandaag,
        "outreach_op": vandaag + datetime.timedelta(days=2),
        **extra,
    }
    return services.registreer_betalingssignaal(user, **data, kanaal=UI)


def test_huurachterstand_wordt_signaal_met_outreach(werker, inwoner):
    bs = _signaal(werker, inwoner)
    assert bs.achterstand_euro == "€ 1840,50"
    signaal = bs.signaal
    assert signaal.bron == Signaal.Bron.WONINGCORPORATIE
    assert signaal.besluit == Signaal.Besluit.OUTREACH
    assert signaal.gepland_op == timezone.localdate() + datetime.timedelta(days=2)
    assert "€ 1840,50" in signaal.zorg


def test_foute_invoer_schrijft_niets(werker, inwoner, users, inwoner_elders):
    with pytest.raises(ValidationError) as fout:
        _signaal(werker, inwoner, achterstand_cent=0, bron="bank", schuldeiser=" ")
    assert {"achterstand_cent", "bron", "schuldeiser"} <= set(fout.value.message_dict)
    with pytest.raises(PermissionDenied):
        _signaal(werker, inwoner_elders)
    with pytest.raises(PermissionDenied):
        _signaal(users[Rol.VRIJWILLIGER], inwoner)
    assert not Betalingssignaal.objects.exists() and not Signaal.objects.exists()


def test_crisis_zelfde_dag_en_uitkomst(werker, inwoner):
    bs = _signaal(werker, inwoner)
    crisis = services.meld_crisis(
        werker,
        persoon_id=inwoner.pk,
        soort="uithuiszetting",
        datum_dreiging=timezone.localdate() + datetime.timedelta(days=7),
        toelichting="Vonnis, ontruiming aangezegd",
        betalingssignaal_id=bs.pk,
        kanaal=UI,
    )
    assert crisis.uiterlijk_op == timezone.localdate()
    assert selectors.open_crises(werker) == [crisis]
    crisis = services.handel_crisis_af(
        werker, crisis.pk, uitkomst="afgewend", toelichting="Betalingsregeling 6 maanden", kanaal=UI
    )
    assert crisis.op_tijd is True
    assert selectors.open_crises(werker) == []
    with pytest.raises(ValidationError):
        services.handel_crisis_af(
            werker, crisis.pk, uitkomst="afgewend", toelichting="x", kanaal=UI
        )


def test_inzet_in_plan_en_telling_per_maand(werker, inwoner, jelle_plan):
    _signaal(werker, inwoner)
    services.meld_crisis(
        werker,
        persoon_id=inwoner.pk,
        soort="afsluiting",
        datum_dreiging=timezone.localdate(),
        toelichting="Afsluiting energie aangekondigd",
        kanaal=UI,
    )
    vandaag = timezone.localdate()
    eigen = services.start_inzet(
        werker,
        plan_id=jelle_plan.pk,
        soort="eigen",
        doel="Vaste lasten op tijd betaald",
        partij=werker.get_full_name(),
        uren_per_week="1",
        startdatum=vandaag,
        kanaal=UI,
    )
    assert eigen.regel.soort == "basis" and eigen.regel.resultaat == "Vaste lasten op tijd betaald"
    verwijzing = services.start_inzet(
        werker,
        plan_id=jelle_plan.pk,
        soort="verwijzing",
        verwezen_naar="bewind",
        doel="Inkomen en uitgaven beheerd",
        partij="Bewindvoering Noord",
        startdatum=vandaag,
        kanaal=UI,
    )
    assert verwijzing.regel is None
    with pytest.raises(ValidationError) as fout:
        services.start_inzet(
            werker,
            plan_id=jelle_plan.pk,
            soort="verwijzing",
            doel="x",
            partij="y",
            startdatum=vandaag,
            kanaal=UI,
        )
    assert "verwezen_naar" in fout.value.message_dict
    maand = vandaag.strftime("%Y-%m")
    telling = selectors.telling_per_maand(vandaag.replace(day=1), vandaag)
    assert telling == {
        maand: {
            "signalen": 1,
            "crisis": 1,
            "eigen_ondersteuning": 1,
            "verwijzingen": 1,
            "nazorg": 0,
        }
    }
    vorige = vandaag.replace(day=1) - datetime.timedelta(days=1)
    assert selectors.telling_per_maand(vorige.replace(day=1), vorige) == {
        vorige.strftime("%Y-%m"): dict.fromkeys(selectors.SOORTEN, 0)
    }
    assert Regel.objects.filter(plan=jelle_plan, soort="basis").count() == 2


def test_lezen_wordt_gelogd_en_anderen_zien_niets(werker, inwoner, users):
    _signaal(werker, inwoner)
    data = selectors.van_persoon(werker, inwoner.pk, kanaal=UI)
    assert len(data["signalen"]) == 1
    assert AuditRecord.objects.filter(
        gebruiker=werker, object_type="schuldhulp", actie="lezen"
    ).exists()
    for rol in (Rol.VRIJWILLIGER, Rol.ZORGAANBIEDER, Rol.INWONER, Rol.BELEIDSMAKER):
        assert not selectors.betalingssignalen_in_scope(users[rol]).exists()
    assert not Crisis.objects.exists()
