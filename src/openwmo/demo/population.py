"""Household composition and ages of the fictitious population (pure Python, no database).

Calibrated on CBS figures for the Netherlands: about 38% one-person households, 30%
couples without and 25% with children at home, 7% one-parent families; about 20% of
residents under 20, 60% aged 20-64 and 20% aged 65 or over (5% 80 or over).
"""

import datetime
import random
from dataclasses import dataclass, field
from itertools import accumulate

from .constants import PEILDATUM

ALLEENSTAAND = "alleenstaand"
PAAR = "paar"
PAAR_MET_KINDEREN = "paar_kinderen"
EENOUDER = "eenouder"
SAMENSTELLINGEN = [ALLEENSTAAND, PAAR, PAAR_MET_KINDEREN, EENOUDER]

HOOFDBEWONER = "hoofdbewoner"
PARTNER = "partner"
KIND = "kind"

MAN = "1"
VROUW = "2"

# (lowest age, highest age, weight) of the head of a household.
SINGLE_AGES = [
    (18, 24, 7),
    (25, 34, 16),
    (35, 44, 10),
    (45, 54, 13),
    (55, 64, 15),
    (65, 74, 15),
    (75, 84, 14),
    (85, 99, 6),
]
COUPLE_AGES = [
    (20, 29, 12),
    (30, 39, 7),
    (40, 49, 7),
    (50, 59, 16),
    (60, 69, 24),
    (70, 79, 20),
    (80, 94, 7),
]
# Age of the oldest child still living at home.
OLDEST_CHILD_COUPLE = [
    (0, 5, 20),
    (6, 11, 24),
    (12, 17, 27),
    (18, 21, 18),
    (22, 27, 10),
    (28, 36, 1),
]
OLDEST_CHILD_ONE_PARENT = [(0, 5, 10), (6, 11, 24), (12, 17, 36), (18, 24, 25), (25, 30, 5)]
CHILDREN_COUPLE = ([1, 2, 3, 4], [42, 42, 13, 3])
CHILDREN_ONE_PARENT = ([1, 2, 3], [50, 37, 13])


@dataclass
class Member:
    age: int
    geslacht: str
    rol: str
    geboortedatum: datetime.date | None = None


@dataclass
class HouseholdSpec:
    samenstelling: str
    members: list[Member] = field(default_factory=list)

    @property
    def adults(self) -> list[Member]:
        return [m for m in self.members if m.age >= 18]


class AgeBands:
    """Weighted age bands, with the weights of young and old bands scaled by a profile."""

    def __init__(self, bands, young: float = 1.0, old: float = 1.0):
        self.bands = bands
        weights = []
        for low, high, weight in bands:
            if high <= 34:
                weight *= young
            elif low >= 65:
                weight *= old
            weights.append(weight)
        self.cum_weights = list(accumulate(weights))

    def sample(self, rng: random.Random) -> int:
        low, high, _ = rng.choices(self.bands, cum_weights=self.cum_weights)[0]
        return rng.randint(low, high)


class HouseholdSampler:
    """Draws households for one wijk profile."""

    def __init__(self, profile: dict):
        young, old = profile["young"], profile["old"]
        self.type_cum_weights = list(accumulate(profile["households"]))
        self.single_ages = AgeBands(SINGLE_AGES, young, old)
        self.couple_ages = AgeBands(COUPLE_AGES, young, old)
        self.oldest_couple = AgeBands(OLDEST_CHILD_COUPLE)
        self.oldest_one_parent = AgeBands(OLDEST_CHILD_ONE_PARENT)

    def sample(self, rng: random.Random, max_size: int) -> HouseholdSpec:
        samenstelling = rng.choices(SAMENSTELLINGEN, cum_weights=self.type_cum_weights)[0]
        if samenstelling == ALLEENSTAAND:
            spec = self.single(rng)
        elif samenstelling == PAAR:
            spec = self.couple(rng)
        elif samenstelling == PAAR_MET_KINDEREN:
            spec = self.family(rng)
        else:
            spec = self.one_parent(rng)
        return truncate(spec, max_size)

    def single(self, rng: random.Random) -> HouseholdSpec:
        age = self.single_ages.sample(rng)
        female_share = 0.68 if age >= 75 else 0.48
        geslacht = VROUW if rng.random() < female_share else MAN
        return HouseholdSpec(ALLEENSTAAND, [Member(age, geslacht, HOOFDBEWONER)])

    def couple(self, rng: random.Random) -> HouseholdSpec:
        age = self.couple_ages.sample(rng)
        partner_age = max(18, age + rng.randint(-6, 3))
        return HouseholdSpec(PAAR, couple_members(rng, age, partner_age))

    def family(self, rng: random.Random) -> HouseholdSpec:
        oldest = self.oldest_couple.sample(rng)
        mother = oldest + rng.randint(24, 37)
        father = mother + rng.randint(-2, 5)
        members = couple_members(rng, father, mother, male_head=True)
        count = rng.choices(*CHILDREN_COUPLE)[0]
        members += children(rng, oldest, count)
        return HouseholdSpec(PAAR_MET_KINDEREN, members)

    def one_parent(self, rng: random.Random) -> HouseholdSpec:
        oldest = self.oldest_one_parent.sample(rng)
        geslacht = VROUW if rng.random() < 0.8 else MAN
        parent = Member(oldest + rng.randint(22, 38), geslacht, HOOFDBEWONER)
        count = rng.choices(*CHILDREN_ONE_PARENT)[0]
        return HouseholdSpec(EENOUDER, [parent, *children(rng, oldest, count)])


def couple_members(
    rng: random.Random, head_age: int, partner_age: int, male_head: bool = False
) -> list[Member]:
    """Two partners; about 3% of couples without children are same-sex."""
    if not male_head and rng.random() < 0.03:
        sexes = (MAN, MAN) if rng.random() < 0.5 else (VROUW, VROUW)
    elif male_head or rng.random() < 0.6:
        sexes = (MAN, VROUW)
    else:
        sexes = (VROUW, MAN)
    return [Member(head_age, sexes[0], HOOFDBEWONER), Member(partner_age, sexes[1], PARTNER)]


def children(rng: random.Random, oldest: int, count: int) -> list[Member]:
    kids = []
    age = oldest
    for _ in range(count):
        if age < 0:
            break
        kids.append(Member(age, MAN if rng.random() < 0.51 else VROUW, KIND))
        age -= rng.randint(1, 4)
    return kids


def truncate(spec: HouseholdSpec, max_size: int) -> HouseholdSpec:
    """Fit a household into the residents still to be placed."""
    if len(spec.members) <= max_size:
        return spec
    if max_size == 1:
        head = spec.members[0]
        return HouseholdSpec(ALLEENSTAAND, [Member(max(head.age, 18), head.geslacht, HOOFDBEWONER)])
    if spec.samenstelling == PAAR_MET_KINDEREN and max_size == 2:
        return HouseholdSpec(PAAR, spec.members[:2])
    return HouseholdSpec(spec.samenstelling, spec.members[:max_size])


def birth_date(rng: random.Random, age: int) -> datetime.date:
    """A birth date at which someone is exactly ``age`` years old on the PEILDATUM."""
    last_birthday = PEILDATUM.replace(year=PEILDATUM.year - age)
    return last_birthday - datetime.timedelta(days=rng.randrange(365))


def age_on(geboortedatum: datetime.date, day: datetime.date = PEILDATUM) -> int:
    before_birthday = (day.month, day.day) < (geboortedatum.month, geboortedatum.day)
    return day.year - geboortedatum.year - before_birthday
