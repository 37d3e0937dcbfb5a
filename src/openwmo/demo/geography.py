"""Wijken, buurten, postcodes, addresses and buurtkamers of the fictitious town.

Coordinates use only additions and multiplications of random numbers (no trigonometry),
so every platform computes the same decimals.
"""

import datetime
import math
import random
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate

from openwmo.gebieden.models import Buurt, Buurtkamer, Openingstijd, Postcode, Wijk

from . import places
from .constants import GEMEENTECODE, GEMEENTENAAM
from .names import words

CENTRE_LAT = 52.4700
CENTRE_LON = 6.3000
DEGREES_LAT_PER_KM = 1 / 111.2
DEGREES_LON_PER_KM = 1 / 67.7  # at 52.5 degrees north
WIJK_CELL_KM = 1.4
BUURT_CELL_KM = 0.45
PC4_BASE = 7400
# Letters used in postcodes, in issuing order; SA, SD and SS are never issued.
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
LETTER_PAIRS = [
    a + b for a in POSTCODE_LETTERS for b in POSTCODE_LETTERS if a + b not in ("SA", "SD", "SS")
]
# Directions (east, north) in which the villages lie, as unit vectors.
VILLAGE_DIRECTIONS = [
    (0.0, 1.0),
    (0.92, -0.38),
    (-0.71, -0.71),
    (-0.92, 0.38),
    (0.71, 0.71),
    (0.38, -0.92),
    (-0.38, 0.92),
    (-1.0, 0.0),
    (0.92, 0.38),
    (0.0, -1.0),
    (-0.71, 0.71),
    (0.71, -0.71),
    (-0.38, -0.92),
    (0.38, 0.92),
    (1.0, 0.0),
    (-0.92, -0.38),
]
STREET_PREFIXES = ["Korte ", "Lange ", "Nieuwe ", "Oude ", "Kleine ", "Grote ", "Hoge ", "Lage "]
BINNENSTAD_STEMS = words(
    "Markt, Kerk, Raadhuis, Gasthuis, Waag, Turf, Vis, Boter, Kaas, Hout, Kalk, Poort,"
    "Gracht, Bleek, Munt, Begijnen, Weeshuis, Graan, Zuivel, Lakenhal"
)
MAX_RESIDENTS_PER_WIJK_FOR_SMALL_BUURTEN = 7000
RESIDENTS_PER_WIJK = 3500
MAX_WIJKEN = 99


@dataclass
class WijkPlan:
    number: int
    pk: int
    naam: str
    soort: str
    profile: str
    woonplaats: str
    centre_km: tuple[float, float]
    weight: float
    buurten: list["BuurtPlan"] = field(default_factory=list)

    @property
    def code(self) -> str:
        return f"WK{GEMEENTECODE}{self.number:02d}"


@dataclass
class Address:
    postcode: str
    straat: str
    huisnummer: int
    huisletter: str
    toevoeging: str
    woonplaats: str


class StreetNames:
    """Unique street names per woonplaats, drawn from a buurt's theme."""

    def __init__(self):
        self.used: dict[str, set[str]] = {}
        self.suffixes = [suffix for suffix, _ in places.STREET_SUFFIXES]
        self.suffix_cum = list(accumulate(weight for _, weight in places.STREET_SUFFIXES))

    def new(self, rng: random.Random, woonplaats: str, stems: list[str], rural: bool) -> str:
        used = self.used.setdefault(woonplaats, set())
        for attempt in range(60):
            stem = stems[rng.randrange(len(stems))]
            suffix = "weg" if rural and rng.random() < 0.6 else self.suffix(rng)
            prefix = "" if attempt < 25 else STREET_PREFIXES[rng.randrange(len(STREET_PREFIXES))]
            name = f"{prefix}{stem}{suffix}"
            if name not in used:
                used.add(name)
                return name
        name = f"{stems[0]}{self.suffixes[0]} {len(used) + 1}"
        used.add(name)
        return name

    def suffix(self, rng: random.Random) -> str:
        return rng.choices(self.suffixes, cum_weights=self.suffix_cum)[0]


class BuurtPlan:
    """One buurt: its code, centre and the addresses it hands out street by street.

    Postcodes are created lazily as residents need addresses; each new Postcode row is
    appended to ``new_postcodes`` for the caller to insert.
    """

    def __init__(self, rng, wijk: WijkPlan, number: int, pk: int, theme, centre_km):
        self.rng = rng
        self.wijk = wijk
        self.number = number
        self.pk = pk
        self.naam, self.stems, self.rural = theme
        self.pc4 = PC4_BASE + wijk.number * 20 + number
        self.centre_km = (
            centre_km[0] + (rng.random() - 0.5) * 0.2,
            centre_km[1] + (rng.random() - 0.5) * 0.2,
        )
        self.weight = rng.uniform(0.6, 1.4)
        self.flat_share = {"centrum": 0.3, "dorp": 0.03}.get(wijk.profile, 0.1)
        self.target = 0
        self.letter_index = 0
        self.street = ""
        self.street_postcodes_left = 0
        self.next_number = {1: 1, 0: 2}
        self.parity = 1
        self.slot: list[tuple[int, str, str]] = []
        self.postcode = ""

    @property
    def code(self) -> str:
        return f"BU{GEMEENTECODE}{self.wijk.number:02d}{self.number:02d}"

    def model(self) -> Buurt:
        return Buurt(pk=self.pk, code=self.code, naam=self.naam, wijk_id=self.wijk.pk)

    def next_address(self, town: "Geography") -> Address:
        if not self.slot:
            self.open_postcode(town)
        huisnummer, huisletter, toevoeging = self.slot.pop()
        return Address(
            self.postcode, self.street, huisnummer, huisletter, toevoeging, self.wijk.woonplaats
        )

    def open_postcode(self, town: "Geography") -> None:
        rng = self.rng
        if self.street_postcodes_left == 0:
            self.street = town.street_names.new(rng, self.wijk.woonplaats, self.stems, self.rural)
            self.street_postcodes_left = rng.choices([1, 2, 3, 4, 6], [20, 30, 25, 15, 10])[0]
            self.next_number = {1: 1, 0: 2}
            self.parity = 1
        self.street_postcodes_left -= 1
        if self.letter_index >= len(LETTER_PAIRS):
            raise ValueError(f"Buurt {self.code} heeft geen vrije postcodes meer.")
        self.postcode = f"{self.pc4}{LETTER_PAIRS[self.letter_index]}"
        self.letter_index += 1
        numbers = self.flat_numbers() if rng.random() < self.flat_share else self.house_numbers()
        self.slot = list(reversed(numbers))
        self.parity = 1 - self.parity
        town.add_postcode(self)

    def house_numbers(self) -> list[tuple[int, str, str]]:
        rng = self.rng
        numbers = []
        for _ in range(rng.randint(8, 24)):
            number = self.next_number[self.parity]
            self.next_number[self.parity] += 2
            numbers.append((number, "", ""))
            if rng.random() < 0.03:
                numbers.append((number, "A", ""))
        return numbers

    def flat_numbers(self) -> list[tuple[int, str, str]]:
        rng = self.rng
        numbers = []
        for _ in range(rng.randint(1, 3)):
            number = self.next_number[self.parity]
            self.next_number[self.parity] += 2
            units = rng.randint(4, 24)
            for unit in range(1, units + 1):
                if units <= 6:
                    numbers.append((number, "ABCDEF"[unit - 1], ""))
                else:
                    numbers.append((number, "", str(unit)))
        return numbers

    def coordinates(self) -> tuple[Decimal, Decimal]:
        east = self.centre_km[0] + (self.rng.random() - 0.5) * 0.7
        north = self.centre_km[1] + (self.rng.random() - 0.5) * 0.7
        return degrees(north, east)


def degrees(north_km: float, east_km: float) -> tuple[Decimal, Decimal]:
    latitude = CENTRE_LAT + north_km * DEGREES_LAT_PER_KM
    longitude = CENTRE_LON + east_km * DEGREES_LON_PER_KM
    return Decimal(f"{latitude:.6f}"), Decimal(f"{longitude:.6f}")


def square_spiral(count: int) -> list[tuple[int, int]]:
    """Grid cells around (0, 0), ring by ring."""
    cells = [(0, 0)]
    x = y = 0
    step = 1
    while len(cells) < count:
        for dx, dy, length in ((1, 0, step), (0, 1, step), (-1, 0, step + 1), (0, -1, step + 1)):
            for _ in range(length):
                x, y = x + dx, y + dy
                cells.append((x, y))
        step += 2
    return cells[:count]


def wijk_count(residents: int) -> tuple[int, int]:
    """(city wijken, villages): 6 for a small town, one wijk per ~3,500 residents above."""
    total = min(MAX_WIJKEN, max(6, round(residents / RESIDENTS_PER_WIJK)))
    villages = min(len(places.DORPEN), max(2, total // 5))
    return total - villages, villages


def city_wijk_name(index: int) -> str:
    base = places.CITY_WIJKEN[index % len(places.CITY_WIJKEN)]
    rounds = index // len(places.CITY_WIJKEN)
    return base if rounds == 0 else f"{base}-{places.WIJK_QUARTERS[(rounds - 1) % 4]}"


def largest_remainder(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` (ties by position)."""
    weight_sum = sum(weights)
    exact = [total * w / weight_sum for w in weights]
    counts = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - counts[i]), i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


class Geography:
    """Builds wijken and buurten up front; postcodes follow as addresses are handed out."""

    def __init__(self, rng: random.Random, residents: int):
        self.rng = rng
        self.residents = residents
        self.street_names = StreetNames()
        self.wijken: list[WijkPlan] = []
        self.buurten: list[BuurtPlan] = []
        self.new_postcodes: list[Postcode] = []
        self.postcode_pk = 0
        self.theme_uses: dict[str, int] = {}
        self.wijk_themes: dict[int, list[str]] = {}
        self.plan()

    # -- planning -------------------------------------------------------------
    def plan(self) -> None:
        rng = self.rng
        city, villages = wijk_count(self.residents)
        cells = square_spiral(city)
        for index in range(city):
            cx, cy = cells[index]
            centre = (
                cx * WIJK_CELL_KM + (rng.random() - 0.5) * 0.3,
                cy * WIJK_CELL_KM + (rng.random() - 0.5) * 0.3,
            )
            profile = places.CITY_PROFILE_CYCLE[index % len(places.CITY_PROFILE_CYCLE)]
            self.add_wijk(city_wijk_name(index), Wijk.Soort.WIJK, profile, GEMEENTENAAM, centre)
        city_radius = WIJK_CELL_KM * math.sqrt(city) / 2 + 1.0
        for index in range(villages):
            east, north = VILLAGE_DIRECTIONS[index % len(VILLAGE_DIRECTIONS)]
            distance = city_radius + rng.uniform(3.0, 7.0) + 2.0 * (index // 16)
            naam = places.DORPEN[index]
            self.add_wijk(naam, Wijk.Soort.DORP, "dorp", naam, (east * distance, north * distance))
        per_wijk = self.residents / len(self.wijken)
        for wijk in self.wijken:
            self.plan_buurten(wijk, per_wijk)
        targets = largest_remainder(
            self.residents, [b.wijk.weight * b.weight for b in self.buurten]
        )
        for buurt, target in zip(self.buurten, targets, strict=True):
            buurt.target = target

    def add_wijk(self, naam, soort, profile, woonplaats, centre) -> None:
        weight = (
            self.rng.uniform(0.8, 1.3) if soort == Wijk.Soort.WIJK else self.rng.uniform(0.35, 0.55)
        )
        number = len(self.wijken) + 1
        self.wijken.append(
            WijkPlan(number, number, naam, soort, profile, woonplaats, centre, weight)
        )

    def plan_buurten(self, wijk: WijkPlan, per_wijk: float) -> None:
        rng = self.rng
        if wijk.soort == Wijk.Soort.DORP:
            count = rng.randint(3, 4)
        elif per_wijk > MAX_RESIDENTS_PER_WIJK_FOR_SMALL_BUURTEN:
            count = rng.randint(6, 12)
        else:
            count = rng.randint(3, 6)
        cells = square_spiral(count)
        for number in range(1, count + 1):
            cx, cy = cells[number - 1]
            spacing = BUURT_CELL_KM * (2.2 if wijk.soort == Wijk.Soort.DORP else 1.0)
            centre = (wijk.centre_km[0] + cx * spacing, wijk.centre_km[1] + cy * spacing)
            theme = self.buurt_theme(wijk, number, count)
            buurt = BuurtPlan(rng, wijk, number, len(self.buurten) + 1, theme, centre)
            wijk.buurten.append(buurt)
            self.buurten.append(buurt)

    def buurt_theme(self, wijk: WijkPlan, number: int, count: int):
        """(name, street stems, rural) of the buurt."""
        if wijk.soort == Wijk.Soort.DORP:
            if number == 1:
                return f"Kern {wijk.naam}", places.DORPSKERN_STEMS, False
            if number == count:
                return f"Verspreide huizen {wijk.naam}", places.BUITENGEBIED_STEMS, True
            side = ["Noord", "Zuid", "West", "Oost"][number - 2]
            _, stems = self.next_theme(wijk)
            return f"{wijk.naam}-{side}", stems, False
        if wijk.number == 1 and number == 1:
            return "Binnenstad", BINNENSTAD_STEMS, False
        naam, stems = self.next_theme(wijk)
        uses = self.theme_uses[naam]
        return (naam if uses == 1 else f"{naam} {wijk.naam}"), stems, False

    def next_theme(self, wijk: WijkPlan) -> tuple[str, list[str]]:
        """A theme not yet used in this wijk, preferring the least used in the town."""
        in_wijk = self.wijk_themes.setdefault(wijk.pk, [])
        options = [t for t in places.BUURT_THEMES if t[0] not in in_wijk]
        fewest = min(self.theme_uses.get(naam, 0) for naam, _ in options)
        options = [t for t in options if self.theme_uses.get(t[0], 0) == fewest]
        naam, stems = options[self.rng.randrange(len(options))]
        self.theme_uses[naam] = self.theme_uses.get(naam, 0) + 1
        in_wijk.append(naam)
        return naam, stems

    # -- rows -----------------------------------------------------------------
    def wijk_models(self) -> list[Wijk]:
        return [Wijk(pk=w.pk, code=w.code, naam=w.naam, soort=w.soort) for w in self.wijken]

    def buurt_models(self) -> list[Buurt]:
        return [b.model() for b in self.buurten]

    def add_postcode(self, buurt: BuurtPlan) -> None:
        self.postcode_pk += 1
        latitude, longitude = buurt.coordinates()
        self.new_postcodes.append(
            Postcode(
                pk=self.postcode_pk,
                postcode=buurt.postcode,
                buurt_id=buurt.pk,
                straat=buurt.street,
                woonplaats=buurt.wijk.woonplaats,
                latitude=latitude,
                longitude=longitude,
            )
        )

    def take_new_postcodes(self) -> list[Postcode]:
        rows, self.new_postcodes = self.new_postcodes, []
        return rows

    def buurtkamers(self) -> tuple[list[Buurtkamer], list[Openingstijd]]:
        """One buurtkamer (or dorpskamer) per wijk, in its first buurt, with opening hours."""
        rng = self.rng
        kamers, tijden = [], []
        for wijk in self.wijken:
            address = wijk.buurten[0].next_address(self)
            dorp = wijk.soort == Wijk.Soort.DORP
            if dorp:
                naam = f"Dorpskamer {wijk.naam}"
                patterns = places.DORPSKAMER_HOURS
            else:
                base = places.BUURTKAMER_NAMES[(wijk.number - 1) % len(places.BUURTKAMER_NAMES)]
                naam = f"Buurtkamer {base}"
                if wijk.number > len(places.BUURTKAMER_NAMES):
                    naam += f" ({wijk.naam})"
                patterns = places.BUURTKAMER_HOURS
            kamer = Buurtkamer(
                pk=wijk.pk,
                naam=naam,
                soort=Buurtkamer.Soort.DORPSKAMER if dorp else Buurtkamer.Soort.BUURTKAMER,
                wijk_id=wijk.pk,
                straat=address.straat,
                huisnummer=address.huisnummer,
                postcode=address.postcode,
                woonplaats=address.woonplaats,
                telefoon=f"0570-{rng.randint(200000, 899999)}",
            )
            kamers.append(kamer)
            for weekdag, van, tot in patterns[rng.randrange(len(patterns))]:
                tijden.append(
                    Openingstijd(
                        pk=len(tijden) + 1,
                        buurtkamer_id=kamer.pk,
                        weekdag=weekdag,
                        van=datetime.time.fromisoformat(van),
                        tot=datetime.time.fromisoformat(tot),
                    )
                )
        return kamers, tijden
