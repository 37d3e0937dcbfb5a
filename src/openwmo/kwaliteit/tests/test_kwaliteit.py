import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.kalender import werkdagen_tussen
from openwmo.kwaliteit import services
from openwmo.kwaliteit.models import (
    Calamiteit,
    Kwaliteitseis,
    Zelfevaluatie,
)
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db
D = datetime.date


def test_werkdagen_slaan_het_weekend_over():
    vrijdag = D(2026, 11, 20)
    assert werkdagen_tussen(vrijdag, D(2026, 11, 25)) == 3
    assert werkdagen_tussen(vrijdag, D(2026, 11, 26)) == 4


def test_meldtermijn_calamiteit_telt_feestdagen_niet_mee():
    # Thursday before Easter 2026; Goede Vrijdag and Tweede Paasdag are no working days,
    # so Wednesday 8 April is the second working day after it
    def calamiteit(gemeld: D) -> Calamiteit:
        op = timezone.make_aware(datetime.datetime.combine(gemeld, datetime.time(12)))
        return Calamiteit(plaatsgevonden_op=D(2026, 4, 2), gemeld_op=op)

    assert calamiteit(D(2026, 4, 8)).tijdig_gemeld
    assert calamiteit(D(2026, 4, 9)).tijdig_gemeld
    assert not calamiteit(D(2026, 4, 10)).tijdig_gemeld


def test_calamiteit_melden_onderzoeken_en_afsluiten(users):
    aanbieder, toezicht = users[Rol.ZORGAANBIEDER], users[Rol.TOEZICHTHOUDER]
    vandaag = timezone.localdate()
    c = services.meld_calamiteit(
        aanbieder,
        soort="geweld",
        omschrijving="Begeleider is geslagen door een cliënt.",
        plaatsgevonden_op=vandaag - datetime.timedelta(days=1),
    )
    assert c.aanbieder == aanbieder.medewerker.organisatie
    assert c.onderzoek_termijn == vandaag + datetime.timedelta(weeks=6)
    assert c.tijdig_gemeld
    laat = services.meld_calamiteit(
        aanbieder,
        soort="calamiteit",
        omschrijving="Medicatie twee weken niet gegeven.",
        plaatsgevonden_op=vandaag - datetime.timedelta(days=14),
    )
    assert not laat.tijdig_gemeld
    with pytest.raises(ValidationError) as exc:
        services.registreer_calamiteitverloop(toezicht, c.pk, soort="afgesloten", tekst="Klaar")
    assert "bevindingen en maatregelen" in exc.value.message_dict["soort"][0]
    for soort in ("onderzoek", "bevindingen", "maatregelen", "afgesloten"):
        services.registreer_calamiteitverloop(toezicht, c.pk, soort=soort, tekst=f"{soort} ok")
    with pytest.raises(ValidationError):
        services.registreer_calamiteitverloop(toezicht, c.pk, soort="maatregelen", tekst="Nog")
    with pytest.raises(PermissionDenied):
        services.registreer_calamiteitverloop(aanbieder, c.pk, soort="onderzoek", tekst="Zelf")


def test_calamiteit_in_de_toekomst_geweigerd(users):
    with pytest.raises(ValidationError):
        services.meld_calamiteit(
            users[Rol.ZORGAANBIEDER],
            soort="calamiteit",
            omschrijving="Nog niet gebeurd, toch gemeld.",
            plaatsgevonden_op=timezone.localdate() + datetime.timedelta(days=2),
        )
    assert not Calamiteit.objects.exists()


def _antwoorden(score="ja"):
    return {e.code: (score, "Zie kwaliteitshandboek 2026") for e in Kwaliteitseis.objects.all()}


def test_zelfevaluatie_beoordeling_en_verbeteractie(users):
    aanbieder, toezicht = users[Rol.ZORGAANBIEDER], users[Rol.TOEZICHTHOUDER]
    assert Kwaliteitseis.objects.values("categorie").distinct().count() == 4
    onvolledig = _antwoorden()
    onvolledig.pop("VE-1")
    with pytest.raises(ValidationError) as exc:
        services.dien_zelfevaluatie_in(aanbieder, jaar=2026, antwoorden=onvolledig)
    assert "eis_VE-1" in exc.value.message_dict
    z = services.dien_zelfevaluatie_in(aanbieder, jaar=2026, antwoorden=_antwoorden("deels"))
    assert z.antwoorden.count() == Kwaliteitseis.objects.count()
    with pytest.raises(ValidationError):
        services.beoordeel_zelfevaluatie(toezicht, z.pk, oordeel="verbeteren", toelichting="")
    services.beoordeel_zelfevaluatie(
        toezicht,
        z.pk,
        oordeel=Zelfevaluatie.Oordeel.VERBETEREN,
        toelichting="Meldcode nog niet getraind",
        bevindingen=[("VE-1", "Training ontbreekt", "Alle begeleiders trainen", D(2027, 3, 1))],
    )
    actie = z.verbeteracties.get()
    with pytest.raises(PermissionDenied):
        services.meld_verbeteractie_gereed(f.medewerker(Rol.ZORGAANBIEDER), actie.pk)
    services.meld_verbeteractie_gereed(aanbieder, actie.pk)
    actie.refresh_from_db()
    assert actie.gereed_op is not None


def test_overleg_met_agendapunt_op_indicator_en_besluit(users):
    beleid = users[Rol.BELEIDSMAKER]
    org = users[Rol.ZORGAANBIEDER].medewerker.organisatie
    with pytest.raises(ValidationError) as exc:
        services.plan_overleg(
            beleid, titel="", niveau="x", datum=D(2026, 12, 1), deelnemer_ids=[], agenda=[]
        )
    assert {"titel", "niveau", "deelnemers", "agenda"} <= set(exc.value.message_dict)
    overleg = services.plan_overleg(
        beleid,
        titel="Tactisch overleg thuisondersteuning",
        niveau="tactisch",
        datum=D(2026, 12, 1),
        deelnemer_ids=[org.pk],
        agenda=[("Wachttijden", "wachttijd_mediaan"), ("Rondvraag", "")],
        perceel_code="to-db",
    )
    punt = overleg.agendapunten.first()
    assert punt.indicator_code == "wachttijd_mediaan"
    with pytest.raises(ValidationError):
        services.leg_overleguitkomst_vast(beleid, punt.pk, soort="actie", tekst="Plan maken")
    services.leg_overleguitkomst_vast(
        beleid,
        punt.pk,
        soort="actie",
        tekst="Plan maken",
        eigenaar=org.naam,
        uiterlijk=D(2027, 1, 1),
    )
    assert punt.acties.count() == 1
