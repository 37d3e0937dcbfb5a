"""Small builders for hand-made steering data sets (cases of other apps)."""

import datetime
import itertools

from django.utils import timezone

from openwmo.testing import factories as f

_nummer = itertools.count(1)


def moment(d: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(d, datetime.time(10)))


def persoon_in(wijk):
    pc = f.PostcodeFactory(buurt=f.BuurtFactory(wijk=wijk))
    return f.PersoonFactory(huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=pc)))


def melding(persoon, ontvangen: datetime.date, **kw):
    from openwmo.toegang.models import Melding

    return Melding.objects.create(
        persoon=persoon,
        huishouden=persoon.huishouden,
        kanaal="telefoon",
        ontvangen_op=moment(ontvangen),
        vraag="Hulp gevraagd",
        **kw,
    )


def plan(persoon, geactiveerd: datetime.date, status="actief"):
    from openwmo.plannen.models import Plan

    return Plan.objects.create(
        huishouden=persoon.huishouden,
        persoon=persoon,
        status=status,
        regievoerder_soort="inwoner",
        geactiveerd_op=geactiveerd,
        versie=1,
    )


def regel(p, soort, ingang=None, einde=None, organisatie=None, status="loopt"):
    from openwmo.plannen.models import Regel

    return Regel.objects.create(
        plan=p,
        soort=soort,
        resultaat="Resultaat",
        uitvoerder="Uitvoerder",
        ingangsdatum=ingang,
        einddatum=einde,
        organisatie=organisatie,
        status=status,
    )


def evaluatie(r, uitgevoerd: datetime.date, voortgang: str):
    from openwmo.plannen.models import Evaluatie

    return Evaluatie.objects.create(
        regel=r, gepland_op=uitgevoerd, uitgevoerd_op=uitgevoerd, voortgang=voortgang
    )


def _bericht(aanbieder, d):
    from openwmo.berichten.models import Bericht

    return Bericht.objects.create(
        richting="in",
        berichttype="WMO305",
        aanbieder=aanbieder,
        sha256=f"{next(_nummer):064d}",
        inhoud=b"",
        status="geaccepteerd",
        ontvangen_op=moment(d),
    )


def toewijzing(persoon, aanbieder, toegewezen: datetime.date):
    from openwmo.berichten.models import Toewijzing

    return Toewijzing.objects.create(
        nummer=next(_nummer),
        persoon=persoon,
        bsn=persoon.bsn,
        aanbieder=aanbieder,
        gemeentecode="1234",
        ingangsdatum=toegewezen,
        toewijzingsdatum=toegewezen,
        toewijzingstijd=datetime.time(9),
    )


def levering(t, soort, begin: datetime.date, einde=None, reden=""):
    from openwmo.berichten.models import Levering

    return Levering.objects.create(
        soort=soort,
        aanbieder=t.aanbieder,
        gemeentecode="1234",
        bsn=t.bsn,
        persoon=t.persoon,
        toewijzing=t,
        toewijzingnummer=t.nummer,
        begindatum=begin,
        einddatum=einde,
        reden_beeindiging=reden,
        status_aanlevering="1",
        bericht=_bericht(t.aanbieder, begin),
        ontvangen_op=moment(einde or begin),
    )


def antwoord(persoon, d: datetime.date, aanbieder=None, **scores):
    from openwmo.sturing.models import Antwoord, Uitnodiging

    u = Uitnodiging.objects.create(
        persoon=persoon, aanleiding="evaluatie", bron_id=next(_nummer), aanbieder=aanbieder
    )
    return Antwoord.objects.create(uitnodiging=u, beantwoord_op=d, **scores)
