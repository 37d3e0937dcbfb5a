import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from openwmo.aanbod import selectors, services
from openwmo.aanbod.models import Activiteit, Belastingcheck, Mantelzorger, Waardering
from openwmo.accounts.models import Rol
from openwmo.privacy.models import AuditRecord
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db
JAAR = timezone.localdate().year


def respijt(wijk, titel="Logeeropvang", status="goedgekeurd", lat="53.110000"):
    return Activiteit.objects.create(
        organisatie=f.OrganisatieFactory(),
        titel=titel,
        omschrijving="Even op adem komen.",
        doelgroep="Mantelzorgers",
        wijk=wijk,
        locatie="Zorgcentrum",
        postcode="9001AB",
        latitude=lat,
        longitude="5.800000",
        status=status,
        respijt=True,
    )


@pytest.fixture
def sietske(users, inwoner):
    relatie = inwoner.relaties.get(is_mantelzorger=True)
    return services.registreer_mantelzorger(
        users[Rol.SOCIAAL_WERKER],
        persoon_id=inwoner.pk,
        relatie_id=relatie.pk,
        naam="",
        uren_per_week=6,
    )


def test_registreren_vanuit_een_relatie(users, inwoner, sietske):
    assert sietske.naam == "Sietske Hoekstra" and sietske.relatie.is_mantelzorger
    record = AuditRecord.objects.get(object_type="mantelzorger", actie="aanmaken")
    assert record.persoon_id == inwoner.pk
    with pytest.raises(ValidationError) as exc:
        services.registreer_mantelzorger(
            users[Rol.SOCIAAL_WERKER],
            persoon_id=inwoner.pk,
            naam="",
            uren_per_week=0,
            postcode="1234ZZ",
            sinds=timezone.localdate() + datetime.timedelta(days=1),
        )
    assert {"naam", "postcode", "sinds"} <= set(exc.value.message_dict)
    with pytest.raises(PermissionDenied):  # a volunteer registers no carers
        services.registreer_mantelzorger(
            users[Rol.VRIJWILLIGER], persoon_id=inwoner.pk, naam="X", uren_per_week=2
        )
    assert Mantelzorger.objects.count() == 1


@pytest.mark.parametrize(
    ("antwoord", "score", "niveau"),
    [("nee", 0, "laag"), ("soms", 7, "matig"), ("ja", 14, "hoog")],
)
def test_belastingscore(antwoord, score, niveau):
    antwoorden = {code: antwoord for code, _vraag in selectors.BELASTINGVRAGEN}
    assert selectors.belastingscore(antwoorden) == (score, niveau)


def test_grenzen_van_de_score():
    codes = [c for c, _v in selectors.BELASTINGVRAGEN]
    vier = dict.fromkeys(codes, "nee") | {codes[0]: "ja", codes[1]: "ja"}
    assert selectors.belastingscore(vier) == (4, "laag")
    negen = dict.fromkeys(codes, "soms") | {codes[0]: "ja", codes[1]: "ja"}
    assert selectors.belastingscore(negen) == (9, "hoog")


def test_belastingcheck_en_respijt_op_het_scherm(users, wijk, sietske, client):
    dichtbij = respijt(wijk)
    respijt(wijk, titel="Niet goedgekeurd", status="ingediend")
    respijt(wijk, titel="Te ver weg", lat="53.400000")
    client.force_login(users[Rol.SOCIAAL_WERKER])
    url = f"/aanbod/mantelzorgers/{sietske.pk}/"
    tekst = client.get(url).content.decode()
    assert dichtbij.titel in tekst and "Niet goedgekeurd" not in tekst and "Te ver" not in tekst
    onvolledig = client.post(url, {"tijd": "ja"})
    assert onvolledig.status_code == 200 and Belastingcheck.objects.count() == 0
    assert "Kies nee, soms of ja." in onvolledig.content.decode()
    antwoorden = {code: "ja" for code, _v in selectors.BELASTINGVRAGEN}
    assert client.post(url, antwoorden).status_code == 302
    check = Belastingcheck.objects.get()
    assert (check.score, check.niveau) == (14, "hoog")
    assert "Dreigende overbelasting" in client.get(url).content.decode()


def test_buiten_werkgebied_geen_toegang(users, sietske, client):
    ander = f.medewerker(Rol.SOCIAAL_WERKER, wijken=[f.WijkFactory()])
    client.force_login(ander)
    assert client.get(f"/aanbod/mantelzorgers/{sietske.pk}/").status_code == 404
    antwoorden = {code: "nee" for code, _v in selectors.BELASTINGVRAGEN}
    with pytest.raises(PermissionDenied):
        services.vul_belastingcheck_in(ander, sietske.pk, antwoorden)


def test_waardering_eenmaal_per_jaar(users, wijk, sietske, client):
    activiteit = respijt(wijk, titel="Mantelzorgdiner")
    sw = users[Rol.SOCIAAL_WERKER]
    assert services.nodig_uit_voor_waardering(sw, jaar=JAAR, activiteit_id=activiteit.pk) == 1
    assert services.nodig_uit_voor_waardering(sw, jaar=JAAR, activiteit_id=activiteit.pk) == 0
    with pytest.raises(ValidationError):
        services.nodig_uit_voor_waardering(sw, jaar=JAAR + 5, activiteit_id=activiteit.pk)
    client.force_login(sw)
    tekst = client.get(f"/aanbod/mantelzorgers/waardering/?jaar={JAAR}").content.decode()
    assert "Sietske Hoekstra" in tekst and "Mantelzorgdiner" in tekst
    assert AuditRecord.objects.filter(object_type="waarderingslijst").exists()
    bad = client.post("/aanbod/mantelzorgers/waardering/", {"jaar": "abc", "activiteit": "x"})
    assert bad.status_code == 200 and Waardering.objects.count() == 1
