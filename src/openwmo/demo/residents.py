"""Residents of Lindeveen: addresses, households, persons and the people around them.

Households are generated buurt by buurt and written in chunks, so a town of a million
residents never sits in memory. Per household the order is fixed: ages, legacy
beschikkingen, carers, names, representation, rows. Carers living elsewhere are picked
from residents generated earlier; their surname is passed on to the parent's household.
"""

import datetime
import random
from array import array
from dataclasses import dataclass, field

from django.db import reset_queries

from openwmo.gebieden.models import Postcode
from openwmo.inwoners.models import Adres, Huishouden, Persoon, Relatie

from .bsn import bsn_numbers
from .constants import DB_PRODUCTS, HH_PRODUCTS, PEILDATUM, TO_PRODUCTS
from .geography import Address, BuurtPlan, Geography
from .legacy import Beschikking, Client, LegacyClients
from .names import BEWIND_OFFICES, NamePicker, ascii_slug
from .places import WIJK_PROFILES
from .population import (
    EENOUDER,
    KIND,
    MAN,
    PAAR,
    PAAR_MET_KINDEREN,
    HouseholdSampler,
    HouseholdSpec,
    Member,
    birth_date,
)

CHUNK_PERSONS = 10_000
BATCH_SIZE = 1_000
EMAIL_DOMAINS = ["mail.example", "post.example", "webmail.example", "inbox.example"]
TODB = set(TO_PRODUCTS) | set(DB_PRODUCTS)
HH = set(HH_PRODUCTS)
Soort = Relatie.Soort
Vertegenwoordiging = Relatie.Vertegenwoordiging


@dataclass
class Draft:
    """A resident before it becomes a Persoon row."""

    pk: int
    bsn: str
    member: Member
    geboortedatum: datetime.date
    surname_id: int = -1
    voornamen: str = ""
    voorvoegsel: str = ""
    achternaam: str = ""
    beschikkingen: list[Beschikking] = field(default_factory=list)

    @property
    def age(self) -> int:
        return self.member.age


@dataclass
class Carer:
    """A mantelzorger of one household member: a housemate, a child elsewhere or a neighbour."""

    receiver: int  # index in the household
    hours: int
    housemate: int | None = None
    child_pk: int | None = None
    child_surname_id: int | None = None
    naam: str = ""
    soort: str = Soort.BUUR
    vertegenwoordiging: str = ""
    sinds: datetime.date | None = None


class CarerPool:
    """Adults aged 25-70 generated so far, by (culture, birth year), as compact arrays."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.buckets: dict[tuple[str, int], tuple[array, array]] = {}

    def add(self, culture: str, draft: Draft) -> None:
        key = (culture, draft.geboortedatum.year)
        pks, surnames = self.buckets.setdefault(key, (array("q"), array("l")))
        pks.append(draft.pk)
        surnames.append(draft.surname_id)

    def pick_child(self, culture: str, parent_birth_year: int) -> tuple[int, int] | None:
        """(pk, surname_id) of someone who could be a child of a parent born that year."""
        rng = self.rng
        for _ in range(6):
            year = parent_birth_year + rng.randint(21, 40)
            bucket = self.buckets.get((culture, year))
            if bucket:
                index = rng.randrange(len(bucket[0]))
                return bucket[0][index], bucket[1][index]
        return None


class Residents:
    """Generates and writes all residents, buurt by buurt."""

    def __init__(self, rng, geography: Geography, legacy: LegacyClients, stdout=None):
        self.rng = rng
        self.geography = geography
        self.legacy = legacy
        self.stdout = stdout
        self.names = NamePicker(random.Random(rng.getrandbits(64)))
        self.pool = CarerPool(rng)
        self.bsns = bsn_numbers()
        self.samplers = {key: HouseholdSampler(p) for key, p in WIJK_PROFILES.items()}
        self.last_pk = {"adres": 0, "huishouden": 0, "persoon": 0, "relatie": 0}
        self.rows: dict[str, list] = {"adres": [], "huishouden": [], "persoon": [], "relatie": []}
        self.written_persons = 0
        self.jelle: tuple[int, str, str] | None = None  # set by the personas
        self.progress_step = max(100_000, geography.residents // 10)

    def next_pk(self, kind: str) -> int:
        self.last_pk[kind] += 1
        return self.last_pk[kind]

    # -- the town ---------------------------------------------------------------
    def populate(self, personas) -> None:
        for index, buurt in enumerate(self.geography.buurten):
            placed = personas(self, buurt) if index == 0 else 0
            sampler = self.samplers[buurt.wijk.profile]
            while placed < buurt.target:
                spec = sampler.sample(self.rng, buurt.target - placed)
                self.add_household(buurt, spec)
                placed += len(spec.members)
                if len(self.rows["persoon"]) >= CHUNK_PERSONS:
                    self.flush()
        self.flush()

    def flush(self) -> None:
        Postcode.objects.bulk_create(self.geography.take_new_postcodes(), batch_size=BATCH_SIZE)
        for kind, model in (
            ("adres", Adres),
            ("huishouden", Huishouden),
            ("persoon", Persoon),
            ("relatie", Relatie),
        ):
            model.objects.bulk_create(self.rows[kind], batch_size=BATCH_SIZE)
        before = self.written_persons
        self.written_persons += len(self.rows["persoon"])
        self.rows = {kind: [] for kind in self.rows}
        reset_queries()  # with DEBUG on, Django keeps every query otherwise
        if (
            self.stdout
            and self.written_persons // self.progress_step > before // self.progress_step
        ):
            self.stdout.write(f"  … {self.written_persons:,} inwoners\n".replace(",", "."))

    # -- one household ------------------------------------------------------------
    def add_household(self, buurt: BuurtPlan, spec: HouseholdSpec) -> None:
        huishouden_pk, address = self.new_household(buurt, spec.samenstelling)
        culture = self.names.culture()
        drafts = [self.draft(member) for member in spec.members]
        for draft in drafts:
            if draft.age >= 18:
                draft.beschikkingen = self.legacy.decide(
                    draft.age, spec.samenstelling, draft.member.rol
                )
        carers = self.plan_carers(spec, drafts, culture)
        for carer in carers:
            receiver = drafts[carer.receiver]
            receiver.beschikkingen += self.legacy.decide_short_stay(receiver.age, True)
        self.name_household(spec, drafts, carers, culture)
        representation = self.plan_representation(drafts, carers)
        for draft in drafts:
            self.add_person(draft, huishouden_pk)
        self.add_household_relations(spec, drafts, carers)
        self.add_outside_relations(drafts, carers, representation)
        for draft in drafts:
            if draft.beschikkingen:
                self.legacy.write(self.client(draft, address), draft.beschikkingen)
            if 25 <= draft.age <= 70:
                self.pool.add(culture, draft)

    def draft(self, member: Member, geboortedatum: datetime.date | None = None) -> Draft:
        geboortedatum = geboortedatum or birth_date(self.rng, member.age)
        return Draft(self.next_pk("persoon"), next(self.bsns), member, geboortedatum)

    def new_household(self, buurt: BuurtPlan, samenstelling: str) -> tuple[int, Address]:
        address = buurt.next_address(self.geography)
        adres_pk = self.next_pk("adres")
        self.rows["adres"].append(
            Adres(
                pk=adres_pk,
                straat=address.straat,
                huisnummer=address.huisnummer,
                huisletter=address.huisletter,
                huisnummertoevoeging=address.toevoeging,
                postcode=address.postcode,
                woonplaats=address.woonplaats,
                buurt_id=buurt.pk,
            )
        )
        huishouden_pk = self.next_pk("huishouden")
        self.rows["huishouden"].append(
            Huishouden(pk=huishouden_pk, adres_id=adres_pk, samenstelling=samenstelling)
        )
        return huishouden_pk, address

    def client(self, draft: Draft, address: Address) -> Client:
        return Client(
            bsn=draft.bsn,
            achternaam=draft.achternaam,
            geboortedatum=draft.geboortedatum,
            postcode=address.postcode,
            huisnummer=address.huisnummer,
        )

    # -- carers and representatives -------------------------------------------------
    def plan_carers(self, spec: HouseholdSpec, drafts: list[Draft], culture: str) -> list[Carer]:
        rng = self.rng
        carers = []
        for index, draft in enumerate(drafts):
            if draft.age < 18 or rng.random() >= care_chance(draft):
                continue
            carer = self.choose_carer(spec, drafts, index, culture)
            carer.sinds = since(rng, draft.geboortedatum)
            carers.append(carer)
        return carers

    def choose_carer(self, spec, drafts, index, culture) -> Carer:
        rng = self.rng
        draft = drafts[index]
        draw = rng.random()
        partner = partner_index(spec, index)
        if partner is not None and drafts[partner].age < 85 and draw < 0.35:
            return Carer(index, rng.randint(8, 40), housemate=partner)
        if draft.member.rol == KIND and draw < 0.9:
            return Carer(index, rng.randint(6, 30), housemate=0)
        if draft.age >= 50 and draw < 0.75:
            child = self.pool.pick_child(culture, draft.geboortedatum.year)
            if child is not None:
                return Carer(
                    index,
                    rng.randint(2, 16),
                    child_pk=child[0],
                    child_surname_id=child[1],
                    soort=Soort.KIND,
                )
        naam = self.names.full_name(age=rng.randint(30, 75))
        soort = Soort.BUUR if rng.random() < 0.7 else Soort.VRIEND
        return Carer(index, rng.randint(1, 4), naam=naam, soort=soort)

    def plan_representation(self, drafts: list[Draft], carers: list[Carer]) -> dict[int, str]:
        """Legal representation per household index; family carers take it on where fitting."""
        rng = self.rng
        result = {}
        for index, draft in enumerate(drafts):
            if draft.age < 18:
                continue
            kind = representation_kind(rng.random(), draft)
            if not kind:
                continue
            family = next(
                (
                    c
                    for c in carers
                    if c.receiver == index and (c.child_pk or c.housemate is not None)
                ),
                None,
            )
            if family is not None and (kind != Vertegenwoordiging.BEWIND or rng.random() < 0.4):
                family.vertegenwoordiging = kind
            else:
                result[index] = kind
        return result

    # -- names and rows ---------------------------------------------------------------
    def name_household(self, spec, drafts: list[Draft], carers: list[Carer], culture) -> None:
        names = self.names
        bearer = surname_bearer(spec)
        family_surname = names.surname_id(culture)
        for carer in carers:
            if carer.child_surname_id is not None and carer.receiver in family_of(spec, bearer):
                family_surname = carer.child_surname_id
                break
        children_surname = family_surname
        if spec.samenstelling == EENOUDER and self.rng.random() < 0.4:
            children_surname = names.surname_id(culture)
        for index, draft in enumerate(drafts):
            if index == bearer:
                draft.surname_id = family_surname
            elif draft.member.rol == KIND:
                draft.surname_id = children_surname
            else:
                draft.surname_id = names.surname_id(culture)
            draft.voorvoegsel, draft.achternaam = names.surname(draft.surname_id)
            draft.voornamen = names.voornamen(
                culture, draft.member.geslacht, draft.geboortedatum.year
            )

    def add_person(self, draft: Draft, huishouden_pk: int, telefoon=None, email=None) -> None:
        if telefoon is None:
            telefoon, email = self.contact(draft)
        self.rows["persoon"].append(
            Persoon(
                pk=draft.pk,
                bsn=draft.bsn,
                voornamen=draft.voornamen,
                voorvoegsel=draft.voorvoegsel,
                achternaam=draft.achternaam,
                geboortedatum=draft.geboortedatum,
                geslacht=draft.member.geslacht,
                huishouden_id=huishouden_pk,
                rol_in_huishouden=draft.member.rol,
                telefoon=telefoon,
                email=email,
            )
        )

    def contact(self, draft: Draft) -> tuple[str, str]:
        rng = self.rng
        age = draft.age
        telefoon = email = ""
        phone_chance = 0.0 if age < 12 else 0.5 if age < 18 else 0.85 if age < 80 else 0.6
        if rng.random() < phone_chance:
            if age >= 70 and rng.random() < 0.4:
                telefoon = f"0570-{rng.randint(200000, 899999)}"
            else:
                telefoon = f"06{rng.randint(10000000, 99999999)}"
        if age >= 18 and rng.random() < (0.6 if age < 70 else 0.25):
            first = ascii_slug(draft.voornamen.split()[0]) or "inwoner"
            last = ascii_slug(draft.voorvoegsel + draft.achternaam) or "lindeveen"
            domain = EMAIL_DOMAINS[rng.randrange(len(EMAIL_DOMAINS))]
            email = f"{first}.{last}{rng.randint(1, 99)}@{domain}"
        return telefoon, email

    def relation(self, persoon_pk: int, soort: str, **fields) -> None:
        self.rows["relatie"].append(
            Relatie(pk=self.next_pk("relatie"), persoon_id=persoon_pk, soort=soort, **fields)
        )

    def add_household_relations(self, spec, drafts: list[Draft], carers: list[Carer]) -> None:
        care = {(c.receiver, c.housemate): c for c in carers if c.housemate is not None}
        partner = partner_index(spec, 0)
        if partner is not None:
            for a, b in ((0, partner), (partner, 0)):
                self.relation(
                    drafts[a].pk,
                    Soort.PARTNER,
                    gerelateerde_id=drafts[b].pk,
                    **care_fields(care.get((a, b))),
                )
        parents = [0, 1] if spec.samenstelling == PAAR_MET_KINDEREN else [0]
        for kid, draft in enumerate(drafts):
            if draft.member.rol != KIND:
                continue
            for parent in parents:
                self.relation(drafts[parent].pk, Soort.KIND, gerelateerde_id=draft.pk)
                fields = care_fields(care.get((kid, parent)))
                if draft.age < 18:
                    fields.update(
                        vertegenwoordiging=Vertegenwoordiging.GEZAG, sinds=draft.geboortedatum
                    )
                self.relation(draft.pk, Soort.OUDER, gerelateerde_id=drafts[parent].pk, **fields)

    def add_outside_relations(self, drafts, carers: list[Carer], representation) -> None:
        rng = self.rng
        for carer in carers:
            if carer.housemate is not None:
                continue
            receiver = drafts[carer.receiver]
            fields = care_fields(carer)
            if carer.child_pk is not None:
                self.relation(receiver.pk, Soort.KIND, gerelateerde_id=carer.child_pk, **fields)
                self.relation(carer.child_pk, Soort.OUDER, gerelateerde_id=receiver.pk)
            else:
                telefoon = f"06{rng.randint(10000000, 99999999)}"
                self.relation(
                    receiver.pk, carer.soort, naam=carer.naam, telefoon=telefoon, **fields
                )
        for index, kind in representation.items():
            office = rng.randrange(len(BEWIND_OFFICES))
            self.relation(
                drafts[index].pk,
                Soort.PROFESSIONAL,
                naam=BEWIND_OFFICES[office],
                telefoon=f"0570-{400100 + office * 1111}",
                vertegenwoordiging=kind,
                sinds=since(rng, drafts[index].geboortedatum),
            )


def care_chance(draft: Draft) -> float:
    """How likely an adult has a registered mantelzorger."""
    age = draft.age
    chance = 0.30 if age >= 75 else 0.08 if age >= 65 else 0.012
    products = {b.product for b in draft.beschikkingen}
    if products & HH:
        chance += 0.25
    if products & TODB:
        chance += 0.20
    return min(chance, 0.85)


def representation_kind(draw: float, draft: Draft) -> str:
    """Bewind, mentorschap or curatele for a small share, more often for TO/DB clients."""
    todb = any(b.product in TODB for b in draft.beschikkingen)
    bewind = 0.10 if todb else 0.012
    mentor = 0.04 if todb else 0.02 if draft.age >= 85 else 0.003
    curatele = 0.012 if todb else 0.001
    if draw < bewind:
        return Vertegenwoordiging.BEWIND
    if draw < bewind + mentor:
        return Vertegenwoordiging.MENTORSCHAP
    if draw < bewind + mentor + curatele:
        return Vertegenwoordiging.CURATELE
    return ""


def care_fields(carer: Carer | None) -> dict:
    if carer is None:
        return {}
    fields = {
        "is_mantelzorger": True,
        "mantelzorg_uren_per_week": carer.hours,
        "sinds": carer.sinds,
    }
    if carer.vertegenwoordiging:
        fields["vertegenwoordiging"] = carer.vertegenwoordiging
    return fields


def since(rng: random.Random, geboortedatum: datetime.date) -> datetime.date:
    """A start date in the past ten years, not before the 18th birthday."""
    adult = geboortedatum.replace(year=geboortedatum.year + 18, day=min(geboortedatum.day, 28))
    return max(adult, PEILDATUM - datetime.timedelta(days=rng.randint(60, 3650)))


def partner_index(spec: HouseholdSpec, index: int) -> int | None:
    if spec.samenstelling not in (PAAR, PAAR_MET_KINDEREN) or len(spec.members) < 2:
        return None
    if index == 0:
        return 1
    return 0 if index == 1 else None


def surname_bearer(spec: HouseholdSpec) -> int:
    """The member whose surname the children carry: the man in a mixed couple, else the head."""
    if spec.samenstelling in (PAAR, PAAR_MET_KINDEREN) and len(spec.members) >= 2:
        first, second = spec.members[0], spec.members[1]
        if first.geslacht != second.geslacht and second.geslacht == MAN:
            return 1
    return 0


def family_of(spec: HouseholdSpec, bearer: int) -> set[int]:
    """Members whose children carry the bearer's surname: the bearer and their partner."""
    partner = partner_index(spec, bearer)
    return {bearer} if partner is None else {bearer, partner}
