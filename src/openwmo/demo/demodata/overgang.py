"""Demo data: the transition in Lindeveen, half-way through the transition year.

The municipal export is generated in memory with the demo's own legacy module (same rates
and product mix as ``bestaande-clienten.csv``; the resident generator's random stream
cannot be replayed here) and imported through the import service. Then the planner plans
every conversation (go-live 1 January 2027), the conversations before today get outcomes
(Mariska stays aanvullend unchanged; Pieter moves to basis with three months' transfer, as
in the plan's examples), clients get their regular support worker, and about a third of
the provider staff with clients move to the basis provider."""

import datetime
import io

from django.utils import timezone

from openwmo.overgang import importer, services
from openwmo.overgang.models import (
    Begeleiding,
    BestaandeBeschikking,
    Gesprek,
    Route,
    VoorlopigePijler,
)
from openwmo.privacy.services import Kanaal

START = datetime.date(2025, 12, 1)
GOLIVE = datetime.date(2027, 1, 1)
CAPACITEIT = 3
SYSTEEM = Kanaal.SYSTEEM

MARISKA_TOELICHTING = (
    "Begeleiding vraagt specifieke deskundigheid (borderline, PTSS) en moet regelmatig "
    "direct ingrijpen; dagbesteding met strakke structuur in een prikkelarme omgeving. "
    "De ondersteuning verandert niet."
)
PIETER_TOELICHTING = (
    "Brede, generieke deskundigheid op alle levensgebieden volstaat; zorg is goed te "
    "plannen, met aandacht voor terugtrekken. Dagbesteding bij het groenproject in de wijk "
    "met structuur. Ruim drie maanden om samen met begeleider en regievoerder over te gaan."
)


def _export(rng) -> bytes:
    """A municipal export for the demo's residents, in the LEGACY_COLUMNS format."""
    from openwmo.demo.constants import PEILDATUM
    from openwmo.demo.legacy import Client, LegacyClients
    from openwmo.demo.personas import BESCHIKKINGEN, JELLE, MARISKA, PIETER
    from openwmo.demo.population import age_on
    from openwmo.inwoners.models import Persoon
    from openwmo.organisaties.models import Organisatie
    from openwmo.organisaties.selectors import organisaties

    def codes(soort):
        return list(organisaties(soort).order_by("pk").values_list("agb_code", flat=True))

    agb = {
        "basis": codes(Organisatie.Soort.BASISONDERSTEUNING),
        "aanvullend": codes(Organisatie.Soort.AANVULLEND),
        "hh": codes(Organisatie.Soort.HUISHOUDELIJKE_HULP),
    }
    uit = io.StringIO()
    legacy = LegacyClients(rng, agb)
    legacy.start(uit)
    personas = {
        (p.voornamen, p.achternaam, p.geboortedatum): p.key for p in (MARISKA, PIETER, JELLE)
    }
    rijen = Persoon.objects.filter(geboortedatum__lte=datetime.date(PEILDATUM.year - 18, 1, 1))
    for p in rijen.values(
        "bsn",
        "voornamen",
        "achternaam",
        "geboortedatum",
        "rol_in_huishouden",
        "huishouden__samenstelling",
        "huishouden__adres__postcode",
        "huishouden__adres__huisnummer",
    ).order_by("pk"):
        client = Client(
            p["bsn"],
            p["achternaam"],
            p["geboortedatum"],
            p["huishouden__adres__postcode"],
            p["huishouden__adres__huisnummer"],
        )
        persona = personas.get((p["voornamen"], p["achternaam"], p["geboortedatum"]))
        if persona:
            for product, volume in BESCHIKKINGEN.get(persona, []):
                eenheid = importer.EENHEID[product]
                legacy.writer.writerow(
                    [
                        *_client_kolommen(client),
                        product,
                        agb["aanvullend"][0],
                        "2026-01-01",
                        "2026-12-31",
                        volume,
                        eenheid,
                        "ZIN",
                    ]
                )
            continue
        samenstelling = p["huishouden__samenstelling"]
        if samenstelling not in ("alleenstaand", "paar", "paar_kinderen", "eenouder"):
            samenstelling = "paar"
        leeftijd = age_on(p["geboortedatum"])
        beschikkingen = legacy.decide(leeftijd, samenstelling, p["rol_in_huishouden"])
        beschikkingen += legacy.decide_short_stay(leeftijd, rng.random() < 0.5)
        legacy.write(client, beschikkingen)
    return uit.getvalue().encode("utf-8")


def _client_kolommen(client):
    return [
        client.bsn,
        client.achternaam,
        client.geboortedatum.isoformat(),
        client.postcode,
        client.huisnummer,
    ]


def _route(rng, pijlers: set[str]) -> tuple[str, int]:
    if VoorlopigePijler.AANVULLEND in pijlers:
        return Route.AANVULLEND, 0
    if pijlers == {VoorlopigePijler.BASIS}:
        return (Route.BASIS, 100) if rng.random() < 0.93 else (Route.MIX, 60)
    keuze = rng.random()
    if keuze < 0.45:
        return Route.BASIS, 100
    if keuze < 0.9:
        return Route.AANVULLEND, 0
    return Route.MIX, 50


def vul(rng) -> dict:
    from django.contrib.auth import get_user_model

    from openwmo.demo.personas import MARISKA, PIETER

    consulent = get_user_model().objects.filter(username="consulent").first()
    if consulent is None:
        return {}
    resultaat = services.importeer(
        consulent, bestandsnaam="bestaande-clienten.csv", inhoud=_export(rng), kanaal=SYSTEEM
    )
    planning = services.plan_gesprekken(
        consulent, start=START, golive=GOLIVE, capaciteit_per_week=CAPACITEIT, kanaal=SYSTEEM
    )
    vandaag = min(timezone.localdate(), GOLIVE)
    pijlers: dict[int, set] = {}
    for pk, pijler in BestaandeBeschikking.objects.filter(
        product__in=importer.HERBEOORDELEN
    ).values_list("persoon_id", "voorlopige_pijler"):
        pijlers.setdefault(pk, set()).add(pijler)
    personas = {
        (MARISKA.voornamen, MARISKA.achternaam): "mariska",
        (PIETER.voornamen, PIETER.achternaam): "pieter",
    }
    gehouden = 0
    gesprekken = Gesprek.objects.filter(gepland_op__lt=vandaag).select_related("persoon")
    for g in gesprekken.order_by("gepland_op", "pk"):
        persona = personas.get((g.persoon.voornamen, g.persoon.achternaam))
        if persona is None and rng.random() < 0.03:
            continue  # a few conversations are overdue
        if persona == "mariska":
            route, aandeel, maanden, toelichting = Route.AANVULLEND, 0, 0, MARISKA_TOELICHTING
        elif persona == "pieter":
            route, aandeel, maanden, toelichting = Route.BASIS, 100, 3, PIETER_TOELICHTING
        else:
            route, aandeel = _route(rng, pijlers.get(g.persoon_id, set()))
            maanden, toelichting = (0, "") if route == Route.AANVULLEND else (3, "")
        ruimte = (GOLIVE.year - g.gepland_op.year) * 12 + GOLIVE.month - g.gepland_op.month - 1
        maanden = max(0, min(maanden, ruimte))
        maatwerk = route == Route.BASIS and persona is None and rng.random() < 0.02
        if maatwerk:
            toelichting = "Geen passende dagbesteding in de wijk: huidige groep blijft op maat."
        services.leg_uitkomst_vast(
            consulent,
            g.pk,
            gehouden_op=g.gepland_op,
            route=route,
            aandeel_basis_procent=aandeel,
            wijzigingsdatum=GOLIVE,
            overgangsperiode_maanden=maanden,
            maatwerk=maatwerk,
            toelichting=toelichting,
            kanaal=SYSTEEM,
        )
        gehouden += 1
    begeleid = _begeleiders(rng, consulent)
    overstappen = 0
    basis = services.selectors.basisaanbieders().order_by("pk").first()
    pieter_begeleiders = set(
        Begeleiding.objects.filter(
            persoon__voornamen=PIETER.voornamen, persoon__achternaam=PIETER.achternaam
        ).values_list("medewerker_id", flat=True)
    )
    met_clienten = (
        services.selectors.overstappers()
        .filter(pk__in=Begeleiding.objects.values("medewerker_id"))
        .order_by("pk")
    )
    for m in met_clienten.values_list("pk", flat=True):
        if basis and (m in pieter_begeleiders or rng.random() < 0.35):
            services.registreer_overstap(consulent, m, naar_id=basis.pk, per=GOLIVE, kanaal=SYSTEEM)
            overstappen += 1
    return {
        "overgang_beschikkingen": resultaat.nieuw,
        "overgang_gesprekken": len(planning.afspraken),
        "overgang_gehouden": gehouden,
        "overgang_begeleiders": begeleid,
        "overgang_overstappen": overstappen,
    }


def _begeleiders(rng, consulent) -> int:
    """Each client with a provider (ZIN) gets a regular support worker of that provider."""
    from openwmo.organisaties.models import Medewerker

    staf: dict[int, list[int]] = {}
    for pk, org in (
        Medewerker.objects.filter(user__rol="zorgaanbieder")
        .values_list("pk", "organisatie_id")
        .order_by("pk")
    ):
        staf.setdefault(org, []).append(pk)
    paren = []
    gezien = set()
    for persoon_id, aanbieder_id in (
        BestaandeBeschikking.objects.filter(
            product__in=importer.HERBEOORDELEN,
            aanbieder__isnull=False,
            persoon__overgangsgesprek__isnull=False,
        )
        .values_list("persoon_id", "aanbieder_id")
        .order_by("persoon_id", "pk")
    ):
        if persoon_id in gezien or aanbieder_id not in staf:
            continue
        gezien.add(persoon_id)
        paren.append((persoon_id, rng.choice(staf[aanbieder_id])))
    return services.koppel_begeleiders(consulent, paren, kanaal=SYSTEEM)
