"""A year of debt-help history for Lindeveen: payment-arrears signals from the housing
corporation, the energy supplier, the water company and health insurers (each a toegang
signal with an outreach visit), crises mostly handled the same day, and own support,
referrals and aftercare on existing household plans. Bulk-written history (closed cases)."""

import datetime

from django.utils import timezone

from openwmo.accounts.models import Rol, User
from openwmo.demo.constants import PEILDATUM
from openwmo.inwoners.models import Persoon
from openwmo.plannen.models import Plan
from openwmo.schuldhulp.models import Betalingssignaal, Crisis, Inzet
from openwmo.toegang.models import Signaal

MAANDEN = 12
SIGNALEN_PER_MAAND = 9
SCHULDEISERS = [
    ("woningcorporatie", "Woonstichting Lindeveen", 4),
    ("energie", "Energie Noord", 3),
    ("water", "Waterbedrijf Lindeveen", 1),
    ("zorgverzekeraar", "Zorgverzekeraar De Friese Kust", 2),
]


def _moment(d: datetime.date, uur: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(d, datetime.time(uur)))


def vul(rng) -> dict:
    werker = User.objects.filter(rol=Rol.SOCIAAL_WERKER, username="sociaalwerker").first()
    persoon_ids = list(
        Persoon.objects.filter(geboortedatum__lt=PEILDATUM.replace(year=PEILDATUM.year - 18))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if werker is None or not persoon_ids:
        return {}
    signalen, details, crises = [], [], []
    eerste = PEILDATUM.replace(day=1)
    for _maand in range(MAANDEN):
        eerste = (eerste - datetime.timedelta(days=1)).replace(day=1)
        for _ in range(rng.randint(SIGNALEN_PER_MAAND - 3, SIGNALEN_PER_MAAND + 3)):
            bron, naam, _w = rng.choices(SCHULDEISERS, [s[2] for s in SCHULDEISERS])[0]
            dag = eerste + datetime.timedelta(days=rng.randint(0, 27))
            laat = rng.random() < 0.35
            maanden = rng.randint(3, 6) if laat else rng.randint(1, 2)
            bedrag = maanden * rng.randint(4000, 75000)
            persoon_id = rng.choice(persoon_ids)
            signalen.append(
                Signaal(
                    persoon_id=persoon_id,
                    bron="woningcorporatie" if bron == "woningcorporatie" else "vroegsignalering",
                    melder=naam,
                    zorg=f"Betalingsachterstand van {maanden} maanden bij {naam}.",
                    ontvangen_op=_moment(dag, 9),
                    geregistreerd_door=werker,
                    besluit="outreach",
                    besluit_reden="Outreachend huisbezoek over de betalingsachterstand.",
                    gepland_op=dag + datetime.timedelta(days=rng.randint(1, 5)),
                    getrieerd_door=werker,
                    getrieerd_op=_moment(dag, 11),
                )
            )
            details.append(
                (persoon_id, bron, naam, "laat" if laat else "vroeg", bedrag, maanden, dag)
            )
            if laat and bron in ("woningcorporatie", "energie") and rng.random() < 0.3:
                later = dag + datetime.timedelta(days=rng.randint(10, 40))
                if later < PEILDATUM:
                    op_tijd = rng.random() < 0.9
                    crises.append(
                        Crisis(
                            persoon_id=persoon_id,
                            soort="uithuiszetting" if bron == "woningcorporatie" else "afsluiting",
                            datum_dreiging=later + datetime.timedelta(days=rng.randint(3, 14)),
                            toelichting="Aanzegging ontvangen",
                            gemeld_op=_moment(later, 10),
                            uiterlijk_op=later,
                            uitkomst=rng.choice(
                                ["afgewend", "afgewend", "opgeschort", "doorgezet"]
                            ),
                            uitkomst_toelichting="Betalingsregeling afgesproken met de schuldeiser",
                            afgehandeld_op=_moment(
                                later if op_tijd else later + datetime.timedelta(days=1), 16
                            ),
                            door=werker,
                        )
                    )
    Signaal.objects.bulk_create(signalen)
    Betalingssignaal.objects.bulk_create(
        Betalingssignaal(
            signaal=s,
            persoon_id=p,
            bron=b,
            schuldeiser=n,
            fase=f,
            achterstand_cent=c,
            maanden_achterstand=m,
            ontvangen_op=d,
            geregistreerd_door=werker,
        )
        for s, (p, b, n, f, c, m, d) in zip(signalen, details, strict=True)
    )
    Crisis.objects.bulk_create(crises)
    inzet = []
    plannen = list(Plan.objects.order_by("pk").values_list("pk", "persoon_id")[:400])
    for plan_id, persoon_id in rng.sample(plannen, min(len(plannen), 60)):
        soort = rng.choices(["eigen", "verwijzing", "nazorg"], [5, 3, 2])[0]
        naar = rng.choice(["schuldhulp", "budgetbeheer", "bewind"]) if soort == "verwijzing" else ""
        inzet.append(
            Inzet(
                persoon_id=persoon_id,
                plan_id=plan_id,
                soort=soort,
                verwezen_naar=naar,
                partij="Stichting Geldzorg Lindeveen" if naar else "Sociaal werker wijkteam",
                doel="Vaste lasten op tijd betaald en overzicht over de financiën",
                startdatum=PEILDATUM - datetime.timedelta(days=rng.randint(1, 360)),
                door=werker,
            )
        )
    Inzet.objects.bulk_create(inzet)
    return {
        "betalingssignalen": len(signalen),
        "schuldencrises": len(crises),
        "schuldhulp_inzet": len(inzet),
    }
