"""The municipality's existing Wmo beschikkingen, as a municipal CSV export.

Not stored in the database: the transition (re-assessment of every existing client)
imports this file later. Rates and product mix are calibrated on the seeds:

* household help (HH): about 28 clients per 1,000 residents, mostly aged 75+;
* thuisondersteuning (TO) or dagbesteding (DB): about 16 clients per 1,000 residents
  (Leeuwarden: some 2,000 such clients on about 124,000 residents);
* TO versus DB and the categories within them follow Zoetermeer's 2017 invoiced
  indications: individual support 1,259 (light/VIV 312, basis 406, specialist 541) and
  day activities 536 (recreational basis 169, recreational specialist 272, work-based basis
  84, work-based specialist 11). That puts about 70% of TO and 55% of DB clients in
  Leeuwarden's future basisondersteuning, as its plan assumes (75% and 55%);
* about 9% of the beschikkingen are a personal budget (PGB).
"""

import csv
import datetime
import random
from collections import Counter
from dataclasses import dataclass

from .constants import (
    DB_PRODUCTS,
    HH_PRODUCTS,
    LEGACY_COLUMNS,
    LEGACY_PRODUCTS,
    PEILDATUM,
    TO_PRODUCTS,
)

# Chance of household help by age (from the given age up), before the household factor.
HH_RATES = [(18, 0.0035), (55, 0.013), (65, 0.046), (75, 0.15), (85, 0.39)]
HH_HOUSEHOLD_FACTOR = {"alleenstaand": 1.35, "paar": 0.75}
# Chance of TO and/or DB by age, before the household factor.
TODB_RATES = [(18, 0.027), (30, 0.025), (50, 0.021), (65, 0.011), (80, 0.0065)]
TODB_HOUSEHOLD_FACTOR = {"alleenstaand": 1.7, "paar": 0.6, "paar_kinderen": 0.7, "eenouder": 1.3}
# Adults still living with their parents more often need support.
TODB_ADULT_CHILD_FACTOR = 1.6
KV_RATE_CARED_75_PLUS = 0.04

# (share of TO/DB clients) with only TO, only DB, or both.
TODB_COMBINATIONS = (["TO", "DB", "TO+DB"], [62, 18, 20])
TO_WEIGHTS = [10, 15, 32, 26, 17]  # TO_PRAKTISCH, TO1, TO2, TO3, TO4
DB_WEIGHTS = [31, 25, 25, 10, 7, 2]  # DB1 .. DB6
DB_WEIGHTS_65_PLUS = [45, 30, 25, 0, 0, 0]  # older clients: stabilising day activities
HH_WEIGHTS = [70, 30]  # HH1, HH2

# (lowest, highest) volume and unit per product.
VOLUMES = {
    "TO_PRAKTISCH": (1, 3, "uur_per_week"),
    "TO1": (1, 3, "uur_per_week"),
    "TO2": (2, 5, "uur_per_week"),
    "TO3": (3, 7, "uur_per_week"),
    "TO4": (5, 10, "uur_per_week"),
    "DB1": (1, 3, "dagdeel_per_week"),
    "DB2": (2, 4, "dagdeel_per_week"),
    "DB3": (3, 6, "dagdeel_per_week"),
    "DB4": (1, 3, "dagdeel_per_week"),
    "DB5": (2, 5, "dagdeel_per_week"),
    "DB6": (3, 8, "dagdeel_per_week"),
    "HH1": (2, 3, "uur_per_week"),
    "HH2": (3, 5, "uur_per_week"),
    "KV": (14, 52, "etmaal_per_jaar"),
}
# Light home support is delivered by the basis provider (first line) already.
BASIS_PRODUCTS = {"TO_PRAKTISCH", "TO1"}
PGB_SHARE = {"todb": 0.12, "hh": 0.06, "kv": 0.10}
AANVULLEND_WEIGHTS = [30, 25, 20, 15, 10]
KV_PROVIDER_WEIGHTS = [10, 60, 10, 10, 10]
HH_PROVIDER_WEIGHTS = [55, 45]


@dataclass(frozen=True)
class Client:
    """The register facts of a resident that the export needs."""

    bsn: str
    achternaam: str
    geboortedatum: datetime.date
    postcode: str
    huisnummer: int


@dataclass(frozen=True)
class Beschikking:
    product: str
    volume: int
    leveringsvorm: str = "ZIN"
    aanbieder_index: int = 0


def rate_for(age: int, rates: list[tuple[int, float]]) -> float:
    rate = 0.0
    for lowest_age, value in rates:
        if age >= lowest_age:
            rate = value
    return rate


class LegacyClients:
    """Decides per adult which legacy products they have and writes the export rows."""

    def __init__(self, rng: random.Random, agb: dict[str, list[str]], writer=None):
        self.rng = rng
        self.agb = agb  # "basis", "aanvullend", "hh" -> AGB codes
        self.writer = writer
        self.products = Counter()
        self.hh_clients = 0
        self.todb_clients = 0
        self.rows = 0

    def start(self, output) -> None:
        self.writer = csv.writer(output, lineterminator="\n")
        self.writer.writerow(LEGACY_COLUMNS)

    def decide(self, age: int, samenstelling: str, rol: str) -> list[Beschikking]:
        """Draw the household help and TO/DB beschikkingen of one adult (possibly none)."""
        rng = self.rng
        result: list[Beschikking] = []
        hh_rate = rate_for(age, HH_RATES) * HH_HOUSEHOLD_FACTOR.get(samenstelling, 1.0)
        if rng.random() < hh_rate:
            result.append(self.hh(age))
        todb_rate = rate_for(age, TODB_RATES) * TODB_HOUSEHOLD_FACTOR[samenstelling]
        if rol == "kind":
            todb_rate *= TODB_ADULT_CHILD_FACTOR
        if rng.random() < todb_rate:
            result += self.todb(age)
        return result

    def decide_short_stay(self, age: int, has_carer: bool) -> list[Beschikking]:
        """Short stay (respite) relieves a carer of someone aged 75 or over."""
        if age >= 75 and has_carer and self.rng.random() < KV_RATE_CARED_75_PLUS:
            return [self.kv()]
        return []

    def hh(self, age: int) -> Beschikking:
        rng = self.rng
        weights = HH_WEIGHTS if age < 85 else [55, 45]
        product = rng.choices(HH_PRODUCTS, weights)[0]
        pgb = rng.random() < PGB_SHARE["hh"]
        return self.beschikking(product, pgb, rng.choices([0, 1], HH_PROVIDER_WEIGHTS)[0])

    def todb(self, age: int) -> list[Beschikking]:
        rng = self.rng
        combination = rng.choices(*TODB_COMBINATIONS)[0]
        pgb = rng.random() < PGB_SHARE["todb"]
        provider = rng.choices(range(len(AANVULLEND_WEIGHTS)), AANVULLEND_WEIGHTS)[0]
        result = []
        if "TO" in combination:
            result.append(self.beschikking(rng.choices(TO_PRODUCTS, TO_WEIGHTS)[0], pgb, provider))
        if "DB" in combination:
            if rng.random() < 0.4:
                provider = rng.choices(range(len(AANVULLEND_WEIGHTS)), AANVULLEND_WEIGHTS)[0]
            weights = DB_WEIGHTS_65_PLUS if age >= 65 else DB_WEIGHTS
            result.append(self.beschikking(rng.choices(DB_PRODUCTS, weights)[0], pgb, provider))
        return result

    def kv(self) -> Beschikking:
        rng = self.rng
        pgb = rng.random() < PGB_SHARE["kv"]
        provider = rng.choices(range(len(KV_PROVIDER_WEIGHTS)), KV_PROVIDER_WEIGHTS)[0]
        return self.beschikking("KV", pgb, provider)

    def beschikking(self, product: str, pgb: bool, provider: int, volume=None) -> Beschikking:
        low, high, _ = VOLUMES[product]
        if volume is None:
            volume = self.rng.randint(low, high)
        return Beschikking(product, volume, "PGB" if pgb else "ZIN", provider)

    def write(self, client: Client, beschikkingen: list[Beschikking]) -> None:
        """Count the client and write one export row per beschikking."""
        if not beschikkingen:
            return
        products = [b.product for b in beschikkingen]
        if any(p in HH_PRODUCTS for p in products):
            self.hh_clients += 1
        if any(p in TO_PRODUCTS or p in DB_PRODUCTS for p in products):
            self.todb_clients += 1
        for beschikking in beschikkingen:
            self.products[beschikking.product] += 1
            self.rows += 1
            row = self.row(client, beschikking)  # always drawn: the stream stays the same
            if self.writer is not None:
                self.writer.writerow(row)

    def row(self, client: Client, beschikking: Beschikking) -> list:
        product = beschikking.product
        ingang, einde = self.period(product)
        return [
            client.bsn,
            client.achternaam,
            client.geboortedatum.isoformat(),
            client.postcode,
            client.huisnummer,
            product,
            self.provider_agb(beschikking),
            ingang.isoformat(),
            einde.isoformat() if einde else "",
            beschikking.volume,
            VOLUMES[product][2],
            beschikking.leveringsvorm,
        ]

    def provider_agb(self, beschikking: Beschikking) -> str:
        """ZIN names the contracted provider; a PGB holder buys support themselves."""
        if beschikking.leveringsvorm == "PGB":
            return ""
        product = beschikking.product
        if product in BASIS_PRODUCTS:
            return self.agb["basis"][0]
        if product in HH_PRODUCTS:
            return self.agb["hh"][beschikking.aanbieder_index]
        return self.agb["aanvullend"][beschikking.aanbieder_index]

    def period(self, product: str) -> tuple[datetime.date, datetime.date | None]:
        """A beschikking that runs on the PEILDATUM; household help is often open-ended."""
        rng = self.rng
        if product in HH_PRODUCTS and rng.random() < 0.6:
            return PEILDATUM - datetime.timedelta(days=rng.randint(60, 8 * 365)), None
        duration = rng.choice([365, 730, 1095]) if product != "KV" else 365
        einde = PEILDATUM + datetime.timedelta(days=rng.randint(1, duration - 30))
        return einde - datetime.timedelta(days=duration - 1), einde

    def summary(self) -> dict:
        return {
            "producten": {p: self.products[p] for p in LEGACY_PRODUCTS},
            "clienten_hh": self.hh_clients,
            "clienten_to_db": self.todb_clients,
            "regels": self.rows,
        }
