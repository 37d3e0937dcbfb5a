import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.jeugd import selectors, services
from openwmo.jeugd.models import Veiligheidsstap
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db
UI = "ui"


@pytest.fixture
def kind(inwoner):
    return f.PersoonFactory(
        voornamen="Femke",
        achternaam="Hoekstra",
        geboortedatum=timezone.localdate() - datetime.timedelta(days=8 * 365),
        huishouden=inwoner.huishouden,
        rol_in_huishouden="kind",
    )


def _taxatie(user, huishouden, risico="verhoogd"):
    return services.leg_risicotaxatie_vast(
        user,
        huishouden_id=huishouden.pk,
        datum=timezone.localdate(),
        risico=risico,
        kindsignalen=False,
        volwassenenproblematiek="Vader somber, geldzorgen",
        onderbouwing="Geen kindsignalen, wel spanningen thuis",
        kanaal=UI,
    )


def _stap(user, huishouden, soort, besluit=""):
    return services.leg_stap_vast(
        user,
        huishouden_id=huishouden.pk,
        soort=soort,
        datum=timezone.localdate(),
        notitie=f"Notitie {soort}",
        besluit=besluit,
        kanaal=UI,
    )


def test_taxatie_alleen_bij_kinderen(werker, inwoner):
    with pytest.raises(ValidationError):
        _taxatie(werker, inwoner.huishouden)


def test_meldcode_op_volgorde_en_melding_veilig_thuis_na_besluit(werker, inwoner, kind):
    hh = inwoner.huishouden
    with pytest.raises(ValidationError):  # no risk assessment yet
        _stap(werker, hh, "1_signalen")
    _taxatie(werker, hh)
    with pytest.raises(ValidationError) as fout:
        _stap(werker, hh, "3_gesprek")
    assert "vorige stap" in fout.value.messages[0]
    for soort in ("1_signalen", "2_consultatie", "3_gesprek", "4_wegen"):
        _stap(werker, hh, soort)
    with pytest.raises(ValidationError):
        _stap(werker, hh, "veilig_thuis")
    with pytest.raises(ValidationError):
        _stap(werker, hh, "5_beslissen")  # without a decision
    _stap(werker, hh, "5_beslissen", besluit="melden")
    for soort in ("veilig_thuis", "verwijsindex", "veiligheidsplan", "herstelplan", "raad", "mdo"):
        _stap(werker, hh, soort)
    assert Veiligheidsstap.objects.filter(huishouden=hh).count() == 11


def test_acuut_mag_direct_melden(werker, inwoner, kind):
    _taxatie(werker, inwoner.huishouden, risico="acuut")
    assert _stap(werker, inwoner.huishouden, "veilig_thuis").soort == "veilig_thuis"


@pytest.mark.parametrize(
    "rol",
    [Rol.VRIJWILLIGER, Rol.ZORGAANBIEDER, Rol.INWONER, Rol.WMO_CONSULENT, Rol.BELEIDSMAKER],
)
def test_kindveiligheid_onzichtbaar_zonder_noodzaak(users, werker, inwoner, kind, rol):
    _taxatie(werker, inwoner.huishouden)
    user = users[rol]
    with pytest.raises(Http404):
        selectors.veiligheid(user, inwoner.huishouden.pk, kanaal=UI)
    assert selectors.samenvatting_veiligheid(user, inwoner.huishouden.pk, kanaal=UI) is None
    with pytest.raises(PermissionDenied):
        _taxatie(user, inwoner.huishouden)


def test_werker_buiten_wijk_ziet_niets(users, werker, inwoner_elders):
    kind = f.PersoonFactory(
        geboortedatum=timezone.localdate() - datetime.timedelta(days=3 * 365),
        huishouden=inwoner_elders.huishouden,
    )
    with pytest.raises(Http404):
        selectors.veiligheid(werker, kind.huishouden_id, kanaal=UI)
    with pytest.raises(PermissionDenied):
        _taxatie(werker, kind.huishouden)


def test_elke_lezing_wordt_gelogd(werker, inwoner, kind):
    _taxatie(werker, inwoner.huishouden)
    assert selectors.zonder_taxatie(werker) == []
    for _ in range(2):
        data = selectors.veiligheid(werker, inwoner.huishouden.pk, kanaal=UI)
    assert data["kinderen"] == [kind]
    assert (
        AuditRecord.objects.filter(
            gebruiker=werker, actie="lezen", object_type="zicht_op_veiligheid"
        ).count()
        == 2
    )


def test_jet_procesregie_en_opvoedsteun_in_het_plan(werker, jelle_plan, kind):
    plan = services.zet_jet_procesregie(
        werker, plan_id=jelle_plan.pk, jet_medewerker="Anouk Terpstra", kanaal=UI
    )
    assert plan.jeugd_procesregisseur == "JET: Anouk Terpstra"
    assert plan.regievoerder_naam == werker.get_full_name()
    steun = services.start_opvoedsteun(
        werker,
        plan_id=plan.pk,
        soort="communicatie",
        resultaat="Rustiger gesprekken thuis",
        uren_per_week="1",
        startdatum=timezone.localdate(),
        kanaal=UI,
    )
    assert steun.regel.soort == "basis"
    services.leg_jet_overleg_vast(
        werker,
        plan_id=plan.pk,
        datum=timezone.localdate(),
        jet_medewerker="Anouk Terpstra",
        advies="Jeugdhulp ambulant via JET",
        kanaal=UI,
    )
    data = selectors.jeugd_van_plan(werker, plan, kanaal=UI)
    assert len(data["overleggen"]) == 1 and data["opvoedsteun"] == [steun]
    with pytest.raises(ValidationError):
        services.zet_jet_procesregie(werker, plan_id=plan.pk, jet_medewerker=" ", kanaal=UI)
