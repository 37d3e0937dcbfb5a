import datetime

import pytest
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.kwaliteit.models import Calamiteit, Kwaliteitseis, Overleg, Zelfevaluatie

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.force_login(user)
    return client


def test_calamiteit_melden_en_verloop_via_schermen(client, users):
    _login(client, users[Rol.ZORGAANBIEDER])
    antwoord = client.post(
        "/kwaliteit/calamiteiten/nieuw/",
        {
            "soort": "geweld",
            "plaatsgevonden_op": timezone.localdate().isoformat(),
            "omschrijving": "Een begeleider is bedreigd.",
        },
    )
    c = Calamiteit.objects.get()
    assert (
        antwoord.status_code == 302 and antwoord["Location"] == f"/kwaliteit/calamiteiten/{c.pk}/"
    )
    _login(client, users[Rol.TOEZICHTHOUDER])
    fout = client.post(
        f"/kwaliteit/calamiteiten/{c.pk}/verloop/", {"soort": "afgesloten", "tekst": "Klaar"}
    )
    assert "bevindingen en maatregelen" in fout.content.decode()
    client.post(
        f"/kwaliteit/calamiteiten/{c.pk}/verloop/", {"soort": "onderzoek", "tekst": "Gestart"}
    )
    assert "Gestart" in client.get(f"/kwaliteit/calamiteiten/{c.pk}/").content.decode()


def test_zelfevaluatie_via_formulier(client, users):
    _login(client, users[Rol.ZORGAANBIEDER])
    data = {"jaar": 2026}
    for e in Kwaliteitseis.objects.all():
        data[f"score_{e.code}"] = "ja"
        data[f"eis_{e.code}"] = "Zie handboek"
    leeg = client.post("/kwaliteit/kader/zelfevaluaties/nieuw/", {"jaar": 2026})
    assert leeg.status_code == 200 and not Zelfevaluatie.objects.exists()
    antwoord = client.post("/kwaliteit/kader/zelfevaluaties/nieuw/", data)
    z = Zelfevaluatie.objects.get()
    assert antwoord["Location"] == f"/kwaliteit/kader/zelfevaluaties/{z.pk}/"
    _login(client, users[Rol.TOEZICHTHOUDER])
    client.post(
        f"/kwaliteit/kader/zelfevaluaties/{z.pk}/beoordelen/",
        {"oordeel": "voldoet", "toelichting": "In orde"},
    )
    z.refresh_from_db()
    assert z.oordeel == "voldoet"


def test_overleg_plannen_met_deelnemers_en_agenda(client, users):
    org = users[Rol.ZORGAANBIEDER].medewerker.organisatie
    _login(client, users[Rol.BELEIDSMAKER])
    pagina = client.get("/kwaliteit/overleggen/nieuw/").content.decode()
    assert f'value="{org.pk}"' in pagina and 'type="checkbox"' in pagina
    antwoord = client.post(
        "/kwaliteit/overleggen/nieuw/",
        {
            "titel": "Strategisch overleg",
            "niveau": "strategisch",
            "datum": "2026-12-01",
            "perceel": "to-db",
            "deelnemers": [org.pk],
            "agenda": "Wachttijden: wachttijd_mediaan\nRondvraag",
        },
    )
    overleg = Overleg.objects.get()
    assert antwoord["Location"] == f"/kwaliteit/overleggen/{overleg.pk}/"
    assert [(p.onderwerp, p.indicator_code) for p in overleg.agendapunten.all()] == [
        ("Wachttijden", "wachttijd_mediaan"),
        ("Rondvraag", ""),
    ]


def test_verlengen_via_scherm(client, users):
    from openwmo.kwaliteit import services

    basis = services.maak_basisovereenkomst(
        users[Rol.BELEIDSMAKER],
        naam="Basis",
        ingangsdatum=datetime.date(2026, 1, 1),
        einddatum=datetime.date(2027, 12, 31),
    )
    _login(client, users[Rol.BELEIDSMAKER])
    assert "verlengen" in client.get("/kwaliteit/contracten/").content.decode()
    fout = client.post(f"/kwaliteit/contracten/{basis.pk}/verlengen/", {"tot": "2027-06-30"})
    assert "na de huidige einddatum" in fout.content.decode()
    client.post(f"/kwaliteit/contracten/{basis.pk}/verlengen/", {"tot": "2028-12-31"})
    assert basis.verlengingen.get().tot == datetime.date(2028, 12, 31)
