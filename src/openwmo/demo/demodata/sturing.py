"""Steering history for Lindeveen, so every indicator has a value and a trend: three years
of closed meldingen, support plans with lines, flows between pillars and evaluations, and
answers to the client-experience survey. Bulk-written history (no rules apply to closed
cases); about a second for the default demo."""

import datetime
import random

from django.db.models import Q
from django.utils import timezone

JAREN = 3
MELDINGEN_PER_1000_PER_JAAR = 30
PLANNEN_PER_1000 = 18

UITKOMSTEN = [
    ("informatie", 34),
    ("activiteit", 16),
    ("vrijwilliger", 9),
    ("netwerk", 14),
    ("gesprek", 27),
]
VOORTGANG = [("bereikt", 45), ("deels", 35), ("niet", 20)]


def _kies(rng, paren):
    return rng.choices([p[0] for p in paren], [p[1] for p in paren])[0]


def _moment(d: datetime.date, rng) -> datetime.datetime:
    t = datetime.time(rng.randint(8, 16), rng.choice([0, 15, 30, 45]))
    return timezone.make_aware(datetime.datetime.combine(d, t))


def _dag(rng, van: datetime.date, tot: datetime.date) -> datetime.date:
    return van + datetime.timedelta(days=rng.randint(0, max(0, (tot - van).days)))


def vul(rng: random.Random) -> dict:
    from openwmo.inwoners.models import Persoon
    from openwmo.organisaties.models import Organisatie
    from openwmo.plannen.models import Evaluatie, Plan, PlanVersie, Regel
    from openwmo.sturing.models import Antwoord, Uitnodiging
    from openwmo.toegang.models import Melding

    vandaag = timezone.localdate()
    begin = datetime.date(vandaag.year - JAREN + 1, 1, 1)
    volwassen = datetime.date(vandaag.year - 18, vandaag.month, 1)
    personen = list(
        Persoon.objects.filter(huishouden__isnull=False, geboortedatum__lte=volwassen)
        .order_by("pk")
        .values_list("pk", "huishouden_id")
    )
    if not personen:
        return {}
    aanbieders = list(
        Organisatie.objects.filter(
            soort__in=[Organisatie.Soort.AANVULLEND, Organisatie.Soort.BASISONDERSTEUNING]
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )

    # meldingen: closed cases of the last years
    meldingen = []
    dagen = (vandaag - begin).days
    aantal = len(personen) * MELDINGEN_PER_1000_PER_JAAR * dagen // 365 // 1000
    for _i in range(aantal):
        persoon_id, huishouden_id = rng.choice(personen)
        ontvangen = _dag(rng, begin, vandaag - datetime.timedelta(days=50))
        uitkomst = _kies(rng, UITKOMSTEN)
        m = Melding(
            persoon_id=persoon_id,
            huishouden_id=huishouden_id,
            kanaal=rng.choice(["telefoon", "telefoon", "online", "outreach"]),
            ontvangen_op=_moment(ontvangen, rng),
            vraag="Hulpvraag (demo-historie)",
            uitkomst=uitkomst,
            status="opgelost",
        )
        if uitkomst == "gesprek":
            m.status = "onderzoek_afgerond"
            # most investigations within the six weeks, some late
            m.onderzoek_afgerond_op = ontvangen + datetime.timedelta(
                days=rng.choice([14, 21, 28, 35, 40, 42, 42, 49])
            )
            if rng.random() < 0.4:
                m.aanvraag_op = m.onderzoek_afgerond_op + datetime.timedelta(days=2)
                m.besluit_op = m.aanvraag_op + datetime.timedelta(
                    days=rng.choice([5, 8, 10, 12, 14, 14, 18])
                )
        meldingen.append(m)
    Melding.objects.bulk_create(meldingen, batch_size=1000)

    # plans: households without a plan, with lines and evaluations
    bezet = set(Plan.objects.values_list("huishouden_id", flat=True))
    vrij = {}
    for persoon_id, huishouden_id in personen:
        if huishouden_id not in bezet:
            vrij.setdefault(huishouden_id, persoon_id)
    huishoudens = sorted(vrij.items())
    rng.shuffle(huishoudens)
    huishoudens = huishoudens[: len(personen) * PLANNEN_PER_1000 // 1000]
    plannen = []
    for huishouden_id, persoon_id in huishoudens:
        geactiveerd = _dag(rng, begin - datetime.timedelta(days=365), vandaag)
        plannen.append(
            Plan(
                huishouden_id=huishouden_id,
                persoon_id=persoon_id,
                status="beeindigd" if rng.random() < 0.15 else "actief",
                regievoerder_soort=rng.choice(["inwoner", "netwerk", "professional"]),
                versie=1,
                geactiveerd_op=geactiveerd,
            )
        )
    Plan.objects.bulk_create(plannen, batch_size=500)
    plannen = list(
        Plan.objects.filter(huishouden_id__in=[h for h, _p in huishoudens]).order_by("pk")
    )
    PlanVersie.objects.bulk_create(
        [PlanVersie(plan=p, nummer=1, reden="Demo-historie", momentopname={}) for p in plannen],
        batch_size=500,
    )
    regels = []
    for p in plannen:
        start = p.geactiveerd_op
        einde_plan = _dag(rng, start, vandaag) if p.status == "beeindigd" else None

        def regel(soort, ingang, einde=None, organisatie=None, _p=p, _e=einde_plan):
            einde = einde or _e
            regels.append(
                Regel(
                    plan=_p,
                    soort=soort,
                    resultaat="Resultaat (demo-historie)",
                    uitvoerder="Demo",
                    ingangsdatum=ingang,
                    einddatum=einde,
                    organisatie_id=organisatie,
                    status="beeindigd" if einde and einde <= vandaag else "loopt",
                )
            )

        if rng.random() < 0.45:
            regel(rng.choice(["netwerk", "sociale_basis", "eigen_kracht"]), start)
        loop = rng.random()
        if loop < 0.2:
            # basis, then aanvullend when it did not suffice
            overgang = _dag(rng, start, vandaag)
            regel("basis", start, overgang)
            regel(
                "aanvullend",
                min(vandaag, overgang + datetime.timedelta(days=rng.randint(1, 20))),
                organisatie=rng.choice(aanbieders) if aanbieders else None,
            )
        elif loop < 0.35:
            # aanvullend scaled down to basis, and on to the sociale basis
            overgang = _dag(rng, start, vandaag)
            regel("aanvullend", start, overgang, rng.choice(aanbieders) if aanbieders else None)
            regel("basis", min(vandaag, overgang + datetime.timedelta(days=rng.randint(1, 20))))
            if rng.random() < 0.5:
                regel("sociale_basis", min(vandaag, overgang + datetime.timedelta(days=25)))
        elif loop < 0.8:
            regel("basis", start)
        else:
            regel("aanvullend", start, organisatie=rng.choice(aanbieders) if aanbieders else None)
    Regel.objects.bulk_create(regels, batch_size=1000)
    regels = list(
        Regel.objects.filter(plan__in=plannen)
        .exclude(ingangsdatum__isnull=True)
        .select_related("plan")
        .order_by("pk")
    )
    evaluaties = []
    for r in regels:
        moment = r.ingangsdatum + datetime.timedelta(days=rng.randint(60, 120))
        while moment <= min(vandaag, r.einddatum or vandaag):
            evaluaties.append(
                Evaluatie(
                    regel=r,
                    gepland_op=moment,
                    uitgevoerd_op=moment,
                    voortgang=_kies(rng, VOORTGANG),
                    visie_inwoner="Demo-historie",
                )
            )
            moment += datetime.timedelta(days=rng.randint(150, 220))
    Evaluatie.objects.bulk_create(evaluaties, batch_size=1000)

    # survey: about a third of the evaluations led to an answer
    evaluaties = list(
        Evaluatie.objects.filter(regel__in=regels)
        .filter(Q(uitgevoerd_op__isnull=False))
        .select_related("regel__plan")
        .order_by("pk")
    )
    uitnodigingen = [
        Uitnodiging(
            persoon_id=e.regel.plan.persoon_id,
            aanleiding="evaluatie",
            bron_id=e.pk,
            aanbieder_id=e.regel.organisatie_id,
        )
        for e in evaluaties
        if rng.random() < 0.5
    ]
    Uitnodiging.objects.bulk_create(uitnodigingen, batch_size=1000)
    per_bron = {e.pk: e for e in evaluaties}
    antwoorden = []
    for u in Uitnodiging.objects.filter(aanleiding="evaluatie", antwoord__isnull=True).order_by(
        "pk"
    ):
        e = per_bron.get(u.bron_id)
        if e is None or rng.random() > 0.65:
            continue
        goed = {"bereikt": 5, "deels": 4, "niet": 3}[e.voortgang]

        def score(basis, _g=goed):
            return None if rng.random() < 0.08 else max(1, min(5, _g + basis + rng.randint(-1, 1)))

        antwoorden.append(
            Antwoord(
                uitnodiging=u,
                toegang_wist=score(0),
                toegang_snel=score(-1),
                kwaliteit_serieus=score(1),
                kwaliteit_passend=score(0),
                effect_redden=score(0),
                effect_leven=score(0),
                beantwoord_op=min(vandaag, e.uitgevoerd_op + datetime.timedelta(days=10)),
            )
        )
    Antwoord.objects.bulk_create(antwoorden, batch_size=1000)
    return {
        "sturing_meldingen": len(meldingen),
        "sturing_plannen": len(plannen),
        "sturing_evaluaties": len(evaluaties),
        "sturing_antwoorden": len(antwoorden),
    }
