"""The city preset: Lindeveen as a city of ~900,000 residents with five years of history.

``seed_city(scale)`` first builds the town with the normal generator, then walks the
residents in primary-key order and gives a share of them a history between 2022-01-01
and PEILDATUM: toegang meldingen (most answered at first contact, the rest through Het
gesprek or the fast household-help route), support plans with lines per pillar, plan
versions, evaluations with goal attainment, pgb's, and for zorg in natura the iWmo chain
(315/301, 305, 307 with a WMO588 reason, monthly 323 declaraties until the switch to
lumpsum on 2026-01-01), each message stored as XML with its retour.

Everything comes from one ``random.Random`` stream, rows get explicit primary keys and
are written with ``bulk_create`` in chunks, so the same seed gives the same city and
memory stays flat. At scale 1 it makes ≈ 60,000 active clients and ≈ 2 million messages.
"""

import datetime
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from types import SimpleNamespace

from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connection, connections, models, reset_queries, transaction
from django.db.models import Count, Max

from openwmo.accounts.models import Rol, User
from openwmo.berichten import services as berichten
from openwmo.berichten.models import (
    Bericht,
    Contract,
    Levering,
    PgbToekenning,
    Prestatie,
    Toewijzing,
    ToewijzingVersie,
    Uitvoeringsvariant,
    Verzoek,
)
from openwmo.gebieden.models import Buurtkamer
from openwmo.inwoners.models import Persoon
from openwmo.organisaties.models import Organisatie
from openwmo.plannen.models import (
    Evaluatie,
    Intensiteitswijziging,
    Plan,
    PlanVersie,
    Regel,
)
from openwmo.toegang.models import Gesprek, Melding, MeldingStap, Onderzoek, Overdracht

from . import generator
from .city_messages import Writer, client, client_301
from .constants import DEFAULT_SEED, GEMEENTECODE, MIN_RESIDENTS, PEILDATUM

CITY_RESIDENTS = 900_000
START = datetime.date(2022, 1, 1)
END = PEILDATUM
LUMPSUM_FROM = datetime.date(2026, 1, 1)  # contracts.INGANG: declaraties stop here
# Plans started per 1,000 plan-clients drawn; durations are exponential with this mean.
PLANS_PER_RESIDENT = 120_000 / CITY_RESIDENTS
MEAN_PLAN_YEARS = 3.0
DIRECT_PER_PLAN = 1.5  # meldingen answered at first contact per melding that needs a plan
CHUNK_PERSONS = 20_000
FLUSH_MESSAGES = 4_000
BATCH = 1_000
TZ = datetime.timezone(datetime.timedelta(hours=1))

UITKOMST_DIRECT = [("informatie", 45), ("activiteit", 25), ("vrijwilliger", 15), ("netwerk", 15)]
KANAAL = [("buurtkamer", 35), ("telefoon", 35), ("online", 20), ("overdracht", 7), ("outreach", 3)]
VRAGEN = [
    "Ik kan het huishouden niet meer goed bijhouden sinds mijn operatie.",
    "Mijn moeder vereenzaamt en komt de deur niet meer uit.",
    "Ik heb schulden en overzie mijn post niet meer.",
    "Ik zoek iets voor overdag, ik zit alleen maar thuis.",
    "Mijn man heeft dementie en ik red het niet meer alleen.",
    "Ik wil graag weten welke activiteiten er in de buurt zijn.",
    "Na de scheiding lukt het me niet om alles te regelen.",
    "Ik heb hulp nodig bij het aanvragen van een scootmobiel.",
    "Ik ben mantelzorger en raak overbelast.",
    "Ik kom moeilijk de trap op en kan niet meer zelf boodschappen doen.",
]
# WMO588 reasons for ending, weighted.
REDEN_EINDE = [
    ("19", 45),
    ("23", 14),
    ("02", 10),
    ("36", 7),
    ("21", 6),
    ("38", 5),
    ("39", 5),
    ("31", 5),
    ("22", 3),
]
# WMO002 reason for the 301 that sets the end date, by WMO588 reason.
REDEN_WIJZIGING = {"02": "02", "31": "07", "38": "09", "39": "06"}
VOORTGANG = [("bereikt", 45), ("deels", 40), ("niet", 15)]
# Aanvullende ondersteuning: (plan category, iWmo category, codes, eenheid, frequentie, volume
# range, plan unit, tarief in cents per unit before lumpsum), weight.
PRODUCTEN = [
    (
        (
            "thuisondersteuning",
            "02",
            ["02TOP", "02TO1", "02TO2", "02TO3", "02TO4"],
            "04",
            "2",
            (1, 6),
            "uur per week",
            6_450,
        ),
        45,
    ),
    (
        (
            "dagbesteding",
            "07",
            ["07DB1", "07DB2", "07DB3", "07DB4", "07DB5", "07DB6"],
            "16",
            "2",
            (2, 8),
            "dagdelen per week",
            4_120,
        ),
        25,
    ),
    (
        ("huishoudelijke_hulp", "01", ["01HH1", "01HH2"], "04", "2", (2, 4), "uur per week", 3_150),
        25,
    ),
    (("kortdurend_verblijf", "04", ["04KV"], "14", "4", (2, 6), "etmalen per maand", 15_800), 5),
]
WEEKS_PER_MONTH = 4.33


def pick(rng: random.Random, weighted: list):
    total = sum(w for _, w in weighted)
    draw = rng.random() * total
    for value, weight in weighted:
        draw -= weight
        if draw < 0:
            return value
    return weighted[-1][0]


@dataclass
class Person:
    pk: int
    bsn: str
    geboortedatum: datetime.date
    geslacht: str
    voornamen: str
    voorvoegsel: str
    achternaam: str
    huishouden_id: int
    wijk_id: int


# Models of the history, in foreign-key order (also the flush order).
HISTORY_MODELS = [
    Contract, Melding, MeldingStap, Gesprek, Onderzoek, Overdracht, Plan, PlanVersie, Regel,
    Intensiteitswijziging, Evaluatie, PgbToekenning, Bericht, Verzoek, Toewijzing,
    ToewijzingVersie, Levering, Prestatie,
]  # fmt: skip


def seed_city(
    scale: float = 1.0, seed: int = DEFAULT_SEED, stdout=None, *, legacy_dir=None
) -> dict:
    """Build the city at ``scale`` (1 = ≈ 900,000 residents) in an empty database."""
    if not 0 < scale <= 2:
        raise ValueError("De schaal moet groter dan 0 en hoogstens 2 zijn.")
    residents = max(MIN_RESIDENTS, round(CITY_RESIDENTS * scale))
    started = time.perf_counter()
    summary = generator.seed(residents, seed, stdout, legacy_dir=legacy_dir)
    town_seconds = time.perf_counter() - started
    if stdout is not None:
        stdout.write("Vijf jaar geschiedenis aanmaken (meldingen, plannen, iWmo-berichten)…\n")
    with transaction.atomic():
        history = History(random.Random(f"lindeveen:{seed}:stad"), stdout).build()
        berichten.leverstand_bijwerken()  # the chain state the pipeline keeps
    reset_sequences()
    analyze()
    summary["stad"] = {
        "schaal": scale,
        "seconden_gemeente": round(town_seconds, 1),
        "seconden_totaal": round(time.perf_counter() - started, 1),
        **history,
    }
    if stdout is not None:
        stdout.write(report(summary["stad"]) + "\n")
    return summary


def reset_sequences() -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), HISTORY_MODELS)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def analyze() -> None:
    """Fresh planner statistics after millions of inserts (PostgreSQL ANALYZE, SQLite too)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


class History:
    """Generates the five years, resident by resident, and writes them in chunks."""

    def __init__(self, rng: random.Random, stdout=None):
        self.rng = rng
        self.stdout = stdout
        self.writer = Writer()
        self.rows: dict = defaultdict(list)
        self.pending_messages = 0
        self.counts: Counter = Counter()
        self.next = {m: (m.objects.aggregate(m=Max("pk"))["m"] or 0) for m in HISTORY_MODELS}
        self.first = {m._meta.model_name: pk for m, pk in self.next.items()}
        self.next_nummer = Toewijzing.objects.aggregate(m=Max("nummer"))["m"] or 100_000
        self.load_town()

    # -- reference data --------------------------------------------------------------
    def load_town(self) -> None:
        orgs = list(Organisatie.objects.order_by("pk"))
        by_soort = defaultdict(list)
        for org in orgs:
            by_soort[org.soort].append(org)
        self.basis = by_soort[Organisatie.Soort.BASISONDERSTEUNING][0]
        self.aanvullend = by_soort[Organisatie.Soort.AANVULLEND]
        self.hh = by_soort[Organisatie.Soort.HUISHOUDELIJKE_HULP]
        self.vrijwilligers = by_soort[Organisatie.Soort.VRIJWILLIGERS]
        self.partners = by_soort[Organisatie.Soort.PARTNER] or [self.basis]
        self.kamers = defaultdict(list)
        for pk, wijk_id in Buurtkamer.objects.order_by("pk").values_list("pk", "wijk_id"):
            self.kamers[wijk_id].append(pk)
        self.workers = defaultdict(list)
        everyone = []
        through = User.wijken.through.objects.filter(user__rol=Rol.SOCIAAL_WERKER)
        for user_id, wijk_id in through.order_by("user_id", "wijk_id").values_list(
            "user_id", "wijk_id"
        ):
            self.workers[wijk_id].append(user_id)
            everyone.append(user_id)
        self.all_workers = everyone or list(
            User.objects.filter(rol=Rol.SOCIAAL_WERKER).values_list("pk", flat=True)
        )
        self.consulenten = (
            list(
                User.objects.filter(rol=Rol.WMO_CONSULENT)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            or self.all_workers
        )
        self.taken = set(
            Plan.objects.filter(status="actief").values_list("huishouden_id", flat=True)
        )
        self.add_contracts()

    def add_contracts(self) -> None:
        """Before the lumpsum (2026) providers declared per hour/day part (inspanningsgericht)."""
        einde = LUMPSUM_FROM - datetime.timedelta(days=1)
        for (categorie, iwmo, *_rest, tarief), _w in PRODUCTEN:
            for org in self.providers(categorie):
                self.add(
                    Contract,
                    aanbieder_id=org.pk,
                    productcategorie=iwmo,
                    uitvoeringsvariant=Uitvoeringsvariant.INSPANNINGSGERICHT,
                    tarief=tarief,
                    ingangsdatum=datetime.date(2021, 1, 1),
                    einddatum=einde,
                )

    def providers(self, categorie: str) -> list[Organisatie]:
        if categorie == "huishoudelijke_hulp":
            return self.hh
        if categorie == "kortdurend_verblijf":
            return self.aanvullend[:1]
        return self.aanvullend

    def worker(self, wijk_id: int) -> int | None:
        pool = self.workers.get(wijk_id) or self.all_workers
        return pool[self.rng.randrange(len(pool))] if pool else None

    # -- rows ------------------------------------------------------------------------
    def add(self, model, **fields):
        """A row to insert: its fields by attribute name (``persoon_id``), the rest defaults."""
        self.next[model] += 1
        obj = SimpleNamespace(pk=self.next[model], **fields)
        self.rows[model].append(obj)
        return obj

    def flush(self) -> None:
        for model in HISTORY_MODELS:
            objs = self.rows.get(model)
            if objs:
                insert(model, objs)
                self.counts[model._meta.model_name] += len(objs)
        self.rows = defaultdict(list)
        self.pending_messages = 0
        reset_queries()

    # -- the walk --------------------------------------------------------------------
    def build(self) -> dict:
        rng = self.rng
        weights = self.age_weights()
        last = Persoon.objects.aggregate(m=Max("pk"))["m"] or 0
        progress = max(1, last // 10)
        for low in range(1, last + 1, CHUNK_PERSONS):
            people = Persoon.objects.filter(pk__gte=low, pk__lt=low + CHUNK_PERSONS).order_by("pk")
            for values in people.values_list(
                "pk", "bsn", "geboortedatum", "geslacht", "voornamen", "voorvoegsel",
                "achternaam", "huishouden_id", "huishouden__adres__buurt__wijk_id",
            ):  # fmt: skip
                person = Person(*values)
                if person.huishouden_id is None or person.wijk_id is None:
                    continue
                age = (START.year + 2) - person.geboortedatum.year
                plan_chance, direct_chance = weights(age)
                if rng.random() < direct_chance:
                    self.direct_melding(person)
                if person.huishouden_id not in self.taken and rng.random() < plan_chance:
                    self.taken.add(person.huishouden_id)
                    self.episode(person)
                if self.pending_messages >= FLUSH_MESSAGES:
                    self.flush()
            self.flush()
            if self.stdout and (low // progress) != ((low + CHUNK_PERSONS) // progress):
                self.stdout.write(f"  … inwoners tot nummer {low + CHUNK_PERSONS:,}\n")
        self.flush()
        return self.summary()

    def age_weights(self):
        """Chances per age for a plan and for a melding answered at first contact."""
        plan_w = lambda age: (  # noqa: E731
            0 if age < 18 else 1 if age < 65 else 3 if age < 75 else 7 if age < 85 else 12
        )
        direct_w = lambda age: 0 if age < 18 else 1 if age < 65 else 2  # noqa: E731
        years = Persoon.objects.values_list("geboortedatum__year").annotate(n=Count("pk"))
        total = plan_total = direct_total = 0
        for year, n in years:
            age = (START.year + 2) - year
            total += n
            plan_total += plan_w(age) * n
            direct_total += direct_w(age) * n
        plans = PLANS_PER_RESIDENT * total * 1.04  # a few draws hit a household with a plan
        k_plan = plans / plan_total if plan_total else 0
        k_direct = plans * DIRECT_PER_PLAN / direct_total if direct_total else 0
        return lambda age: (min(1.0, k_plan * plan_w(age)), min(1.0, k_direct * direct_w(age)))

    # -- toegang ---------------------------------------------------------------------
    def moment(self, low: datetime.date, high: datetime.date) -> datetime.datetime:
        days = max(0, (high - low).days)
        day = low + datetime.timedelta(days=self.rng.randint(0, days))
        minutes = self.rng.randint(8 * 60, 17 * 60)
        return datetime.datetime.combine(day, datetime.time(minutes // 60, minutes % 60), TZ)

    def melding(self, person: Person, at: datetime.datetime, **fields) -> Melding:
        rng = self.rng
        kanaal = pick(rng, KANAAL)
        kamers = self.kamers.get(person.wijk_id) or []
        if kanaal == "buurtkamer" and not kamers:
            kanaal = "telefoon"
        worker = self.worker(person.wijk_id)
        return self.add(
            Melding,
            persoon_id=person.pk,
            huishouden_id=person.huishouden_id,
            kanaal=kanaal,
            buurtkamer_id=kamers[rng.randrange(len(kamers))] if kanaal == "buurtkamer" else None,
            overdragende_organisatie_id=(
                self.partners[rng.randrange(len(self.partners))].pk
                if kanaal == "overdracht"
                else None
            ),
            ontvangen_op=at,
            vraag=VRAGEN[rng.randrange(len(VRAGEN))],
            behandelaar_id=worker,
            geregistreerd_door_id=worker,
            geregistreerd_op=at,
            **fields,
        )

    def step(self, melding: Melding, status: str, at: datetime.datetime, toelichting=""):
        self.add(
            MeldingStap,
            melding_id=melding.pk,
            status=status,
            tijdstip=at,
            door_id=melding.behandelaar_id,
            toelichting=toelichting,
        )

    def direct_melding(self, person: Person) -> None:
        at = self.moment(START, END - datetime.timedelta(days=1))
        uitkomst = pick(self.rng, UITKOMST_DIRECT)
        melding = self.melding(person, at, status="opgelost", uitkomst=uitkomst)
        self.step(melding, "nieuw", at)
        self.step(melding, "opgelost", at + datetime.timedelta(minutes=self.rng.randint(5, 50)))

    def episode(self, person: Person) -> None:
        """A melding that leads to a plan (through Het gesprek or the household-help route)."""
        rng = self.rng
        at = self.moment(START, END - datetime.timedelta(days=60))
        if rng.random() < 0.25:
            org = self.hh[rng.randrange(len(self.hh))]
            ontvangen = at + datetime.timedelta(hours=rng.randint(2, 48))
            # the provider reports its investigation done within a week (before the plan)
            afgerond = ontvangen + datetime.timedelta(days=5)
            melding = self.melding(
                person,
                at,
                route="hh",
                hh_aanbieder_id=org.pk,
                hh_ontvangen_op=ontvangen,
                status="onderzoek_afgerond",
                uitkomst="hh",
                onderzoek_afgerond_op=afgerond.date(),
            )
            self.step(melding, "nieuw", at)
            self.step(melding, "bij_aanbieder", at + datetime.timedelta(minutes=20))
            self.step(melding, "onderzoek_afgerond", afgerond, "Onderzoek door aanbieder")
            begin = at.date() + datetime.timedelta(days=rng.randint(7, 21))
            self.plan(person, melding, begin, hh_route=org)
            return
        gesprek_op = at + datetime.timedelta(days=rng.randint(3, 25))
        late = rng.random() < 0.1
        afgerond = gesprek_op.date() + datetime.timedelta(
            days=rng.randint(25, 45) if late else rng.randint(3, 18)
        )
        melding = self.melding(
            person, at, status="overgedragen", uitkomst="gesprek", onderzoek_afgerond_op=afgerond
        )
        self.step(melding, "nieuw", at)
        self.step(melding, "wacht_op_gesprek", at + datetime.timedelta(minutes=30))
        self.step(melding, "in_onderzoek", gesprek_op)
        for n in range(1 if rng.random() < 0.7 else 2):
            self.add(
                Gesprek,
                melding_id=melding.pk,
                gepland_op=gesprek_op + datetime.timedelta(days=7 * n),
                locatie="Thuis bij de inwoner" if rng.random() < 0.7 else "Buurtkamer",
                gevoerd=True,
                notitie="Vraag, eigen kracht en netwerk besproken.",
                gespreksvoerder_id=melding.behandelaar_id,
                aangemaakt_op=at,
            )
        afgerond_at = datetime.datetime.combine(afgerond, datetime.time(16), TZ)
        self.add(
            Onderzoek,
            melding_id=melding.pk,
            clientondersteuning_gemeld_op=at.date(),
            eigen_mogelijkheden="Kan met hulp veel zelf.",
            netwerk="Familie in de buurt helpt af en toe.",
            mantelzorgbelasting=pick(rng, [("", 40), ("geen", 30), ("matig", 20), ("risico", 10)]),
            gewenst_resultaat="Zelfstandig thuis blijven wonen met een dagritme.",
            conclusie="Ondersteuningsplan opgesteld met de inwoner.",
            gewijzigd_op=afgerond_at,
        )
        self.step(melding, "onderzoek_afgerond", afgerond_at)
        self.step(melding, "overgedragen", afgerond_at + datetime.timedelta(hours=1))
        self.plan(person, melding, afgerond + datetime.timedelta(days=rng.randint(1, 10)))

    # -- plannen ---------------------------------------------------------------------
    def plan(self, person, melding, begin: datetime.date, hh_route=None) -> None:
        rng = self.rng
        years = min(rng.expovariate(1 / MEAN_PLAN_YEARS), 12)
        end = begin + datetime.timedelta(days=max(30, round(years * 365)))
        actief = end >= END
        end = None if actief else end
        lines = self.lines(begin, end, hh_route is not None)
        if hh_route is None and any(soort == "aanvullend" for soort, *_ in lines):
            # the aanvraag is filed during or after Het gesprek; decided the day before
            besluit = begin - datetime.timedelta(days=1)
            delay = rng.randint(15, 30) if rng.random() < 0.08 else rng.randint(2, 13)
            melding.besluit_op = besluit
            melding.aanvraag_op = max(
                melding.ontvangen_op.date(), besluit - datetime.timedelta(days=delay)
            )
        if hh_route is None:
            naar = "verwijzing" if getattr(melding, "besluit_op", None) else "plan"
            self.add(
                Overdracht,
                melding_id=melding.pk,
                naar=naar,
                toelichting="Plan met de inwoner opgesteld.",
                door_id=melding.behandelaar_id,
                op=datetime.datetime.combine(begin, datetime.time(9), TZ),
            )
        regie = pick(rng, [("inwoner", 40), ("netwerk", 25), ("professional", 35)])
        created = datetime.datetime.combine(
            begin - datetime.timedelta(days=1), datetime.time(10), TZ
        )
        plan = self.add(
            Plan,
            huishouden_id=person.huishouden_id,
            persoon_id=person.pk,
            status="actief" if actief else "beeindigd",
            regievoerder_soort=regie,
            regievoerder_naam=(
                f"{person.voornamen.split()[0]} {person.achternaam}"
                if regie == "inwoner"
                else "Familielid"
                if regie == "netwerk"
                else ""
            ),
            regievoerder_gebruiker_id=melding.behandelaar_id if regie == "professional" else None,
            versie=0,
            aangemaakt_door_id=melding.behandelaar_id,
            aangemaakt_op=created,
            geactiveerd_op=begin,
        )
        self.version(plan, "Plan opgesteld", created, lines)
        self.version(plan, "Plan actief", created + datetime.timedelta(days=1), lines)
        for soort, start, stop, extra in lines:
            self.line(person, plan, melding, soort, start, stop, extra, hh_route)
        if end is not None:
            self.version(
                plan, "Plan beëindigd", datetime.datetime.combine(end, datetime.time(12), TZ), lines
            )

    def version(self, plan, reden, at, lines) -> None:
        plan.versie += 1
        self.add(
            PlanVersie,
            plan_id=plan.pk,
            nummer=plan.versie,
            reden=reden,
            momentopname={"regels": [soort for soort, *_ in lines], "status": plan.status},
            door_id=plan.aangemaakt_door_id,
            op=at,
        )

    def lines(self, begin, end, hh_route: bool) -> list[tuple]:
        """(soort, start, end, product) per line, with some moves between pillars."""
        rng = self.rng
        if hh_route:
            lines = [("aanvullend", begin, end, self.product("huishoudelijke_hulp"))]
            if rng.random() < 0.3:
                lines.append(("netwerk", begin, end, None))
            return lines
        chosen = {
            soort
            for soort, chance in [
                ("eigen_kracht", 0.45),
                ("netwerk", 0.5),
                ("sociale_basis", 0.45),
                ("basis", 0.6),
                ("aanvullend", 0.75),
            ]  # fmt: skip
            if rng.random() < chance
        }
        if not chosen & {"sociale_basis", "basis", "aanvullend"}:
            chosen.add("basis")
        last = end or END
        mid = begin + (last - begin) / 2
        lines = []
        for soort in ["eigen_kracht", "netwerk", "sociale_basis", "basis", "aanvullend"]:
            if soort not in chosen:
                continue
            product = self.product() if soort == "aanvullend" else None
            if (last - begin).days > 120 and rng.random() < 0.18:
                # a move between pillars halfway: up, down or to the sociale basis
                target = {"basis": "aanvullend", "aanvullend": "basis"}.get(soort)
                if soort == "basis" and rng.random() < 0.4:
                    target = "sociale_basis"
                if target:
                    lines.append((soort, begin, mid, product))
                    nieuw = self.product() if target == "aanvullend" else None
                    lines.append((target, mid, end, nieuw))
                    continue
            lines.append((soort, begin, end, product))
            if soort == "aanvullend" and rng.random() < 0.7:  # e.g. begeleiding and dagbesteding
                second = self.product()
                if second["iwmo"] != product["iwmo"]:
                    lines.append((soort, begin, end, second))
        return lines

    def product(self, categorie: str | None = None):
        rng = self.rng
        options = [p for p in PRODUCTEN if categorie in (None, p[0][0])]
        cat, iwmo, codes, eenheid, freq, (lo, hi), unit, tarief = pick(rng, options)
        return {
            "categorie": cat,
            "iwmo": iwmo,
            "code": codes[rng.randrange(len(codes))],
            "eenheid": eenheid,
            "frequentie": freq,
            "volume": rng.randint(lo, hi),
            "unit": unit,
            "tarief": tarief,
            "pgb": rng.random() < 0.08,
        }

    def line(self, person, plan, melding, soort, start, stop, product, hh_route) -> None:
        rng = self.rng
        at = datetime.datetime.combine(start, datetime.time(11), TZ)
        fields = dict(
            plan_id=plan.pk,
            soort=soort,
            ingangsdatum=start,
            einddatum=stop,
            status="beeindigd" if stop else "loopt",
            aangemaakt_op=at,
        )
        if soort == "eigen_kracht":
            fields.update(resultaat="Houdt zelf een weekplanning bij", uitvoerder="Inwoner zelf")
        elif soort == "netwerk":
            fields.update(resultaat="Boodschappen en vervoer geregeld", uitvoerder="Familie")
        elif soort == "sociale_basis":
            org = (
                self.vrijwilligers[rng.randrange(len(self.vrijwilligers))]
                if self.vrijwilligers
                else None
            )
            fields.update(
                resultaat="Heeft weer contact met buurtgenoten",
                uitvoerder=org.naam[:160] if org else "Buurtkamer",
                organisatie_id=org.pk if org else None,
            )
        elif soort == "basis":
            uren = rng.randint(1, 4)
            fields.update(
                resultaat="Heeft grip op de dag en de administratie",
                uitvoerder=self.basis.naam[:160],
                organisatie_id=self.basis.pk,
                uren_per_week=uren,
                flexibel=rng.random() < 0.5,
            )
        else:
            org_list = self.providers(product["categorie"])
            org = hh_route or org_list[rng.randrange(len(org_list))]
            fields.update(
                resultaat="Kan zelfstandig thuis blijven wonen",
                uitvoerder=org.naam[:160],
                organisatie_id=org.pk,
                productcategorie=product["categorie"],
                leveringsvorm="pgb" if product["pgb"] else "zin",
                volume=product["volume"],
                eenheid=product["unit"],
                status="beeindigd" if stop else "toegekend",
                iwmo=f"{product['iwmo']} {product['code']}",
                iwmo_doorgegeven=not product["pgb"],
            )
        regel = self.add(Regel, **fields)
        self.evaluations(regel, start, stop, melding.behandelaar_id)
        if soort == "basis":
            if stop is None or (stop - start).days > 90:
                if rng.random() < 0.3:
                    day = start + datetime.timedelta(days=rng.randint(40, 90))
                    self.add(
                        Intensiteitswijziging,
                        regel_id=regel.pk,
                        van=regel.uren_per_week,
                        naar=max(1, regel.uren_per_week + rng.choice([-1, 1])),
                        ingangsdatum=day,
                        toelichting="Bijgesteld na overleg met de inwoner.",
                        door_id=melding.behandelaar_id,
                        op=datetime.datetime.combine(day, datetime.time(9), TZ),
                    )
            self.taakgericht(person, start, stop)
        elif soort == "aanvullend":
            if product["pgb"]:
                self.add(
                    PgbToekenning,
                    persoon_id=person.pk,
                    productcategorie=product["iwmo"],
                    productcode=product["code"],
                    ingangsdatum=start,
                    einddatum=stop,
                    bron=f"Ondersteuningsplan {plan.pk}",
                    aangemaakt_op=at,
                )
            else:
                self.iwmo(person, fields["organisatie_id"], product, start, stop, hh_route)

    def evaluations(self, regel, start, stop, door) -> None:
        """Yearly evaluations (half-yearly for aanvullend), and one at the end of the line."""
        rng = self.rng
        step = 182 if regel.soort == "aanvullend" else 365
        day = start + datetime.timedelta(days=step)
        last = stop or END
        while day < last:
            self.add(
                Evaluatie,
                regel_id=regel.pk,
                gepland_op=day,
                uitgevoerd_op=day + datetime.timedelta(days=rng.randint(0, 20)),
                voortgang=pick(rng, VOORTGANG),
                door_id=door,
            )
            day += datetime.timedelta(days=step)
        if stop is not None:
            self.add(
                Evaluatie,
                regel_id=regel.pk,
                gepland_op=stop,
                uitgevoerd_op=stop,
                voortgang=pick(rng, [("bereikt", 60), ("deels", 30), ("niet", 10)]),
                door_id=door,
            )
        else:
            self.add(Evaluatie, regel_id=regel.pk, gepland_op=day, door_id=door)

    # -- iWmo ------------------------------------------------------------------------
    def bericht(self, nr, raw, retour, ident, sha, *, person, org, at, richting) -> Bericht:
        self.pending_messages += 1
        gemeente = richting == "uit"
        return self.add(
            Bericht,
            richting=richting,
            berichttype=f"WMO{nr}",
            afzender=GEMEENTECODE if gemeente else org.agb_code,
            ontvanger=org.agb_code if gemeente else GEMEENTECODE,
            aanbieder_id=org.pk,
            identificatie=ident,
            dagtekening=at.date(),
            sha256=sha,
            inhoud=raw,
            status="geaccepteerd",
            retourcodes=["8001"] if nr == "323" else ["0200"],
            retour=retour,
            retour_identificatie=f"R{self.writer.sequence:010d}",
            bsn=person.bsn,
            persoon_id=person.pk,
            ontvangen_op=at,
            retour_op=at + datetime.timedelta(minutes=2),
        )

    def send(self, nr, body, *, person, org, day, richting="in"):
        raw, retour, ident, sha = self.writer.message(nr, body, agb=org.agb_code, dag=day)
        at = datetime.datetime.combine(day, datetime.time(self.rng.randint(7, 22)), TZ)
        return self.bericht(nr, raw, retour, ident, sha, person=person, org=org, at=at,
                            richting=richting)  # fmt: skip

    def taakgericht(self, person, start, stop) -> None:
        """Basisondersteuning: start and stop registered without a toewijzing."""
        org = self.basis
        sp = {"Product": {"Categorie": "02"}, "Begindatum": start, "StatusAanlevering": "1"}
        bericht = self.send(
            "305",
            {**client(person), "StartProducten": {"StartProduct": [sp]}},
            person=person,
            org=org,
            day=min(start + datetime.timedelta(days=2), END),
        )
        self.levering("start", person, org, None, "02", "", start, None, "", bericht)
        if stop is not None:
            reden = pick(self.rng, REDEN_EINDE)
            stp = {**sp, "RedenBeeindiging": reden, "Einddatum": stop}
            bericht = self.send(
                "307",
                {**client(person), "StopProducten": {"StopProduct": [stp]}},
                person=person,
                org=org,
                day=min(stop + datetime.timedelta(days=2), END),
            )
            self.levering("stop", person, org, None, "02", "", start, stop, reden, bericht)

    def levering(self, soort, person, org, toewijzing, cat, code, begin, einde, reden, bericht):
        self.add(
            Levering,
            soort=soort,
            aanbieder_id=org.pk,
            gemeentecode=GEMEENTECODE,
            bsn=person.bsn,
            persoon_id=person.pk,
            toewijzing_id=toewijzing.pk if toewijzing else None,
            toewijzingnummer=toewijzing.nummer if toewijzing else None,
            productcategorie=cat,
            productcode=code,
            begindatum=begin,
            einddatum=einde,
            reden_beeindiging=reden,
            status_aanlevering="1",
            bericht_id=bericht.pk,
            ontvangen_op=bericht.ontvangen_op,
        )

    def iwmo(self, person, org_id, product, start, stop, hh_route) -> None:
        rng = self.rng
        org = next(o for o in self.aanvullend + self.hh if o.pk == org_id)
        cat, code = product["iwmo"], product["code"]
        omvang = {
            "Volume": product["volume"],
            "Eenheid": product["eenheid"],
            "Frequentie": product["frequentie"],
        }
        verzoek = None
        toegewezen = start - datetime.timedelta(days=rng.randint(1, 5))
        referentie = ""
        if hh_route is not None:
            referentie = f"HH{self.writer.sequence + 1:08d}"
            aangevraagd = {
                "ReferentieAanbieder": referentie,
                "Product": {"Categorie": cat, "Code": code},
                "ToewijzingIngangsdatum": start,
                "Omvang": omvang,
                "Verwijzer": {"Type": "01", "Naam": "Gemeente Lindeveen"},
            }
            day = toegewezen - datetime.timedelta(days=rng.randint(1, 4))
            b315 = self.send(
                "315",
                {**client(person), "AangevraagdeProducten": {"AangevraagdProduct": [aangevraagd]}},
                person=person,
                org=org,
                day=day,
            )
            verzoek = self.add(
                Verzoek,
                soort="vot",
                aanbieder_id=org.pk,
                gemeentecode=GEMEENTECODE,
                bsn=person.bsn,
                persoon_id=person.pk,
                referentie=referentie,
                inhoud={"Product": {"Categorie": cat, "Code": code}, "Omvang": omvang},
                status="toegewezen",
                bericht_id=b315.pk,
                ontvangen_op=b315.ontvangen_op,
                beantwoord_op=datetime.datetime.combine(toegewezen, datetime.time(10), TZ),
            )
        self.next_nummer += 1
        reden = pick(rng, REDEN_EINDE) if stop else ""
        product_block = {"Categorie": cat, "Code": code}
        tp = {
            "ToewijzingNummer": self.next_nummer,
            **({"ReferentieAanbieder": referentie} if referentie else {}),
            "Product": product_block,
            "Toewijzingsdatum": toegewezen,
            "Toewijzingstijd": datetime.time(10, 0),
            "Ingangsdatum": start,
            "Omvang": omvang,
        }
        b301 = self.send(
            "301",
            {**client_301(person), "ToegewezenProducten": {"ToegewezenProduct": [tp]}},
            person=person,
            org=org,
            day=toegewezen,
            richting="uit",
        )
        versions = [(tp, b301)]
        final = tp
        if stop is not None:
            changed_on = min(stop, END)
            final = {
                **tp,
                "Toewijzingsdatum": changed_on,
                "Einddatum": stop,
                "RedenWijziging": REDEN_WIJZIGING.get(reden, "05"),
            }
            b301 = self.send(
                "301",
                {**client_301(person), "ToegewezenProducten": {"ToegewezenProduct": [final]}},
                person=person,
                org=org,
                day=changed_on,
                richting="uit",
            )
            versions.append((final, b301))
        toewijzing = self.add(
            Toewijzing,
            nummer=self.next_nummer,
            persoon_id=person.pk,
            bsn=person.bsn,
            aanbieder_id=org.pk,
            gemeentecode=GEMEENTECODE,
            productcategorie=cat,
            productcode=code,
            ingangsdatum=start,
            einddatum=stop,
            volume=product["volume"],
            eenheid=product["eenheid"],
            frequentie=product["frequentie"],
            reden_wijziging=final.get("RedenWijziging", ""),
            referentie_aanbieder=referentie,
            toewijzingsdatum=final["Toewijzingsdatum"],
            toewijzingstijd=datetime.time(10, 0),
            bron="Ondersteuningsplan",
            verzoek_id=verzoek.pk if verzoek else None,
            aangemaakt_op=datetime.datetime.combine(toegewezen, datetime.time(10), TZ),
        )
        for gegevens, bericht in versions:
            self.add(
                ToewijzingVersie,
                toewijzing_id=toewijzing.pk,
                bericht_id=bericht.pk,
                gegevens=json_safe(gegevens),
                toewijzingsdatum=gegevens["Toewijzingsdatum"],
                toewijzingstijd=datetime.time(10, 0),
                gebruiker="systeem",
                aangemaakt_op=bericht.ontvangen_op,
            )
        begin = start + datetime.timedelta(days=rng.randint(0, 7))
        if stop is not None and begin >= stop:
            begin = start
        if begin > END:
            return
        sp = {
            "ToewijzingNummer": toewijzing.nummer,
            "Product": product_block,
            "ToewijzingIngangsdatum": start,
            "Begindatum": begin,
            "StatusAanlevering": "1",
        }
        bericht = self.send(
            "305",
            {**client(person), "StartProducten": {"StartProduct": [sp]}},
            person=person,
            org=org,
            day=min(begin + datetime.timedelta(days=1), END),
        )
        self.levering("start", person, org, toewijzing, cat, code, begin, None, "", bericht)
        self.declaraties(person, org, toewijzing, product, begin, stop)
        if stop is not None:
            stp = {**sp, "RedenBeeindiging": reden, "Einddatum": stop}
            bericht = self.send(
                "307",
                {**client(person), "StopProducten": {"StopProduct": [stp]}},
                person=person,
                org=org,
                day=min(stop + datetime.timedelta(days=2), END),
            )
            self.levering("stop", person, org, toewijzing, cat, code, begin, stop, reden, bericht)

    def declaraties(self, person, org, toewijzing, product, begin, stop) -> None:
        """A 323 per month delivered before the lumpsum, with its 325 and Prestatie."""
        month = begin.replace(day=1)
        last = min(stop or END, LUMPSUM_FROM - datetime.timedelta(days=1))
        per_month = product["volume"] * (1 if product["frequentie"] == "4" else WEEKS_PER_MONTH)
        while month <= last:
            following = (month + datetime.timedelta(days=32)).replace(day=1)
            period_end = min(following - datetime.timedelta(days=1), last)
            period_start = max(month, begin)
            share = ((period_end - period_start).days + 1) / (following - month).days
            volume = max(1, round(per_month * share))
            tarief = product["tarief"]
            referentie = f"P{toewijzing.nummer}-{month:%y%m}"
            dag = min(following + datetime.timedelta(days=self.rng.randint(2, 12)), END)
            raw, retour, ident, sha = self.writer.declaratie(
                bsn=person.bsn,
                agb=org.agb_code,
                dag=dag,
                maand_begin=month,
                maand_eind=following - datetime.timedelta(days=1),
                referentie=referentie,
                toewijzing=toewijzing.nummer,
                categorie=product["iwmo"],
                code=product["code"],
                begin=period_start,
                eind=period_end,
                volume=volume,
                eenheid=product["eenheid"],
                tarief=tarief,
            )
            at = datetime.datetime.combine(dag, datetime.time(3), TZ)
            bericht = self.bericht(
                "323", raw, retour, ident, sha, person=person, org=org, at=at, richting="in"
            )
            self.add(
                Prestatie,
                bericht_id=bericht.pk,
                aanbieder_id=org.pk,
                declaratienummer=ident,
                bsn=person.bsn,
                referentienummer=referentie,
                toewijzing_id=toewijzing.pk,
                toewijzingnummer=toewijzing.nummer,
                productcategorie=product["iwmo"],
                productcode=product["code"],
                begindatum=period_start,
                einddatum=period_end,
                volume=volume,
                eenheid=product["eenheid"],
                tarief=tarief,
                bedrag=volume * tarief,
                debet_credit="D",
                toegekend=True,
                retourcodes=[],
            )
            month = following

    # -- summary ---------------------------------------------------------------------
    def summary(self) -> dict:
        counts = dict(sorted(self.counts.items()))
        return {
            "aantallen": counts,
            "actieve_clienten": Plan.objects.filter(status="actief").count(),
            "berichten": counts.get("bericht", 0),
            "vanaf": self.first,  # the history has primary keys above these
        }


# Values the database driver cannot take as they are: JSON everywhere; dates, times and
# decimals on SQLite (psycopg adapts them itself).
ALWAYS_CONVERTED = (models.JSONField,)
SQLITE_CONVERTED = (models.DateTimeField, models.DateField, models.TimeField, models.DecimalField)


def insert(model, objs: list) -> None:
    """A lean insert of plain rows with explicit primary keys (``executemany``).

    The same rows as ``bulk_create`` would write (missing fields get the model's defaults),
    without building model instances or running the SQL compiler per row, which took most of
    the time for millions of rows."""
    connection = connections[DEFAULT_DB_ALIAS]  # the object itself, not the proxy
    converted = ALWAYS_CONVERTED + (SQLITE_CONVERTED if connection.vendor == "sqlite" else ())
    fields = model._meta.concrete_fields
    plan = [
        (
            "pk" if f.primary_key else f.attname,
            f,
            isinstance(f, converted),
        )
        for f in fields
    ]
    missing = object()
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"

    def value(obj, name, field, convert):
        v = getattr(obj, name, missing)
        if v is missing:
            v = field.get_default()
        return field.get_db_prep_save(v, connection) if convert else v

    with connection.cursor() as cursor:
        for start in range(0, len(objs), BATCH):
            rows = [
                tuple(value(obj, name, f, c) for name, f, c in plan)
                for obj in objs[start : start + BATCH]
            ]
            cursor.executemany(sql, rows)


def json_safe(data: dict) -> dict:
    def value(v):
        if isinstance(v, dict):
            return {k: value(x) for k, x in v.items()}
        if isinstance(v, (datetime.date, datetime.time)):
            return v.isoformat()
        return v

    return value(data)


def report(stad: dict) -> str:
    def number(value) -> str:
        return f"{value:,}".replace(",", ".")

    counts = stad["aantallen"]
    return "\n".join(
        [
            f"Stad (schaal {stad['schaal']}) klaar in {stad['seconden_totaal']} s "
            f"(gemeente {stad['seconden_gemeente']} s):",
            f"  {number(counts.get('melding', 0))} meldingen, "
            f"{number(counts.get('plan', 0))} plannen "
            f"({number(stad['actieve_clienten'])} actief), "
            f"{number(counts.get('regel', 0))} regels, "
            f"{number(counts.get('evaluatie', 0))} evaluaties",
            f"  {number(counts.get('toewijzing', 0))} toewijzingen, "
            f"{number(counts.get('levering', 0))} start/stop, "
            f"{number(stad['berichten'])} iWmo-berichten",
        ]
    )
