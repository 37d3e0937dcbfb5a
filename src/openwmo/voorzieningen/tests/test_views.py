import datetime

import pytest

from openwmo.accounts.models import Rol
from openwmo.voorzieningen import normen, services
from openwmo.voorzieningen.models import Beoordeling, Normenkader

pytestmark = pytest.mark.django_db


@pytest.fixture
def kader():
    v = normen.VOORBEELD
    return services.laad_normenkader(
        None,
        naam=v["naam"],
        bron=v["bron"],
        ingangsdatum=datetime.date(2020, 1, 1),
        inhoud=v["inhoud"],
        kanaal="ui",
    )


def test_beoordeling_via_formulier_toont_berekening(client, users, inwoner, kader):
    client.force_login(users[Rol.WMO_CONSULENT])
    url = f"/voorzieningen/inwoners/{inwoner.pk}/beoordeling/"
    data = {
        "personen": "2",
        "kamers": "4",
        "overname_licht": "25",
        "overname_zwaar": "100",
        "overname_was": "50",
        "overname_bed": "100",
        "overname_boodschappen": "100",
        "toeslag_hygiene": "on",
    }
    fout = client.post(url, {**data, "overname_bed": "33"})
    assert fout.status_code == 200 and "Het formulier is niet opgeslagen" in fout.text
    assert not Beoordeling.objects.exists()
    antwoord = client.post(url, data, follow=True)
    assert "221 (3 uur 41 minuten)" in antwoord.text


def test_normenkader_laden_met_foute_json_schrijft_niets(client, users, kader):
    client.force_login(users[Rol.BEHEERDER])
    basis = {"naam": "Versie 2", "bron": "Gemeente", "ingangsdatum": "2027-01-01"}
    assert (
        "geen geldige JSON"
        in client.post("/voorzieningen/normenkaders/", {**basis, "inhoud": "{kapot"}).text
    )
    antwoord = client.post(
        "/voorzieningen/normenkaders/", {**basis, "inhoud": '{"activiteiten": [{"code": "x"}]}'}
    )
    assert antwoord.status_code == 200 and "mist een code of naam" in antwoord.text
    assert Normenkader.objects.count() == 1
