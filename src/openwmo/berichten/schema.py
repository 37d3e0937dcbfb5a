"""Our own description of the iWmo 3.2 messages and a codec for them.

Written from the official XSDs (release 3.2, basisschema and berichtschema's 1.0.0): for
every message the elements, their order and cardinality, and the simple types with their
facets. The product checks structure with this description and never reads an XSD at
runtime. The retour messages (302–320) and the 325 have no official XSD at hand; their
content model follows the official retour examples and the per-message XSD summary (see
``tests/referentie/README.md``): the heen header, then ``IdentificatieRetour``,
``DagtekeningRetour``, ``XsltVersie?``, ``XsdVersieRetour``, ``RetourCodes?``, and every
class (berichtklasse) of the heenbericht with ``RetourCodes`` as its last element.
"""

import datetime
import hashlib
import re
import threading
from dataclasses import dataclass, field

from lxml import etree

BASIS_NS = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XSD_VERSIE = "1.0.0"
MAX_BYTES = 5 * 1024 * 1024
MAX_DIEPTE = 12
XSD_WS = " \t\n\r"


def namespace(nr: str) -> str:
    return f"http://www.istandaarden.nl/iwmo/3_2/wmo{nr}/schema"


@dataclass
class Fout:
    """One finding: where, which retourcode, and a Dutch explanation."""

    pad: str
    code: str
    melding: str
    klasse: object = field(default=None, repr=False, compare=False)
    regel: str = field(default="", compare=False)  # the rule (TR056, CS339), when known

    def als_dict(self) -> dict:
        return {"pad": self.pad, "code": self.code, "melding": self.melding}

    @property
    def regelcode(self) -> str:
        """The rule this finding comes from: given, or named in the text ("… (TR056)")."""
        if self.regel:
            return self.regel
        m = _REGEL_IN_TEKST.search(self.melding)
        return m.group(1) if m else ""


_REGEL_IN_TEKST = re.compile(r"\b((?:TR|CD|CS|IV|OP|UP)[0-9]{3}[a-z0-9]*)\b", re.ASCII)


class OngeldigeXml(Exception):
    """The bytes are not a well-formed, safe XML document."""


# --- simple types -------------------------------------------------------------------

_INT = re.compile(r"[+-]?[0-9]+")
# [0-9], not \d: XSD digits are ASCII; \d would also take ٢٠٢٥ (and int() reads it)
_DATUM = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(.*)", re.S)
_TIJD = re.compile(r"([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(.*)", re.S)


class Simple:
    """An XSD simple type with the facets the iWmo schema's use."""

    __slots__ = (
        "naam",
        "soort",
        "patroon",
        "enum",
        "min_len",
        "max_len",
        "minimum",
        "maximum",
        "regel",
        "niet_leeg",
        "vast",
    )

    def __init__(
        self,
        naam,
        soort="str",
        *,
        patroon=None,
        enum=None,
        min_len=None,
        max_len=None,
        minimum=None,
        maximum=None,
        regel=False,
        niet_leeg=False,
        vast=None,
    ):
        self.naam = naam
        self.soort = soort
        self.patroon = re.compile(patroon) if patroon else None
        self.enum = frozenset(enum) if enum else None
        self.min_len, self.max_len = min_len, max_len
        self.minimum, self.maximum = minimum, maximum
        self.regel = regel  # XSD ".*[^\s].*": one line, not blank
        self.niet_leeg = niet_leeg  # XSD "([.\s]*\S+[.\s]*)+": not blank
        self.vast = vast  # a fixed value (pattern with one literal)

    def lees(self, tekst: str):
        """Return (python value, None) or (None, Dutch error)."""
        if self.soort == "str":
            return self._tekst(tekst)
        waarde = tekst.strip(XSD_WS)  # xs:integer/date/time collapse whitespace
        if self.vast is not None and waarde != self.vast:
            return None, f"moet {self.vast} zijn"
        if self.soort == "int":
            if not _INT.fullmatch(waarde):
                return None, "is geen geheel getal"
            getal = int(waarde)
            if (self.minimum is not None and getal < self.minimum) or (
                self.maximum is not None and getal > self.maximum
            ):
                return None, f"valt buiten {self.minimum}–{self.maximum}"
            return getal, None
        if self.soort == "date":
            m = _DATUM.fullmatch(waarde)
            if not m:
                return None, "is geen datum (JJJJ-MM-DD)"
            if m.group(4):
                return None, "een datum mag geen tijdzone hebben"
            try:
                return datetime.date(int(m[1]), int(m[2]), int(m[3])), None
            except ValueError:
                return None, "is geen bestaande datum"
        m = _TIJD.fullmatch(waarde)  # time
        if not m:
            return None, "is geen tijd (UU:MM:SS)"
        if m.group(5):
            return None, "een tijd mag geen tijdzone hebben"
        try:
            return datetime.time(int(m[1]), int(m[2]), int(m[3])), None
        except ValueError:
            return None, "is geen bestaande tijd"

    def _tekst(self, tekst):
        if self.vast is not None and tekst != self.vast:
            return None, f"moet {self.vast} zijn"
        if self.enum is not None:
            if tekst not in self.enum:
                return None, f"'{tekst[:40]}' staat niet in de codelijst"
            return tekst, None
        n = len(tekst)
        if (self.min_len is not None and n < self.min_len) or (
            self.max_len is not None and n > self.max_len
        ):
            return None, f"heeft een verkeerde lengte ({n})"
        if self.regel and ("\n" in tekst or "\r" in tekst or not tekst.strip(" \t")):
            return None, "mag niet leeg zijn en niet over meer regels lopen"
        if self.niet_leeg and not tekst.strip(XSD_WS):
            return None, "mag niet leeg zijn"
        if self.patroon is not None and not self.patroon.fullmatch(tekst):
            return None, "heeft niet de juiste vorm"
        return tekst, None

    def schrijf(self, waarde) -> str:
        if self.soort == "date":
            return waarde.isoformat()
        if self.soort == "time":
            return waarde.strftime("%H:%M:%S")
        return str(waarde)


def _enum(naam, *codes):
    return Simple(naam, enum=codes)


LANDCODES = (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO "
    "BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ "
    "DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP "
    "GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG "
    "KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML "
    "MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE "
    "PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL "
    "SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM "
    "US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
).split()

RETOURCODES = (
    "0001 0200 0233 0611 8001 8017 8021 8187 8214 8848 9019 9056 9063 9069 9071 9074 9307 "
    "9308 9319 9321 9322 9326 9332 9333 9338 9339 9340 9341 9346 9347 9349 9350 9351 9355 "
    "9357 9359 9360 9361 9365 9366 9367 9369 9373 9374 9375 9379 9384 9385 9387 9388 9389 "
    "9390 9411 9412 9413 9414 9415 S300 S329"
).split()

SIMPLE = {
    t.naam: t
    for t in [
        _enum("LDT_AanduidingWoonadres", "AB", "BY", "TO", "WW"),
        _enum("LDT_AdresSoort", "01", "02", "03", "04"),
        Simple("LDT_AgbCode", min_len=1, max_len=8, patroon=r"[0-9]{8}"),
        Simple("LDT_Bedrag", "int", minimum=0, maximum=99_999_999),
        Simple("LDT_BerichtSubversie", "int", minimum=0, maximum=99),
        Simple("LDT_BerichtVersie", "int", minimum=0, maximum=99),
        Simple("LDT_Budget", "int", minimum=0, maximum=99_999_999),
        Simple("LDT_BurgerServicenummer", min_len=1, max_len=9, patroon=r"[0-9]{9}"),
        Simple("LDT_Commentaar", min_len=1, niet_leeg=True),
        _enum("LDT_Communicatievorm", "1", "2", "3"),
        Simple("LDT_Datum", "date"),
        _enum("LDT_DatumGebruik", "1", "2", "3"),
        _enum("LDT_DebetCredit", "C", "D"),
        _enum("LDT_Eenheid", "01", "04", "14", "16", "82", "83", "84"),
        Simple("LDT_Emailadres", min_len=1, max_len=80, regel=True),
        _enum("LDT_Frequentie", "1", "2", "4", "6"),
        Simple("LDT_Gemeente", min_len=1, patroon=r"[0-9]{4}"),
        _enum("LDT_Geslacht", "0", "1", "2"),
        Simple("LDT_Huisletter", min_len=1, max_len=1, regel=True),
        Simple("LDT_Huisnummer", "int", minimum=0, maximum=99999),
        Simple("LDT_HuisnummerToevoeging", min_len=1, max_len=4, regel=True),
        Simple("LDT_IdentificatieBericht", min_len=1, max_len=12, regel=True),
        Simple("LDT_IdentificatieDeclaratie", min_len=1, max_len=12, patroon=r"[a-zA-Z0-9]+"),
        _enum("LDT_JaNee", "1", "2"),
        _enum("LDT_JuridischeStatus", "01", "02", "03", "04", "05", "11", "12"),
        _enum("LDT_LandCode", *LANDCODES),
        Simple("LDT_Landnummer", min_len=1, max_len=4, regel=True),
        Simple("LDT_Naam", min_len=1, max_len=200, regel=True),
        _enum("LDT_NaamGebruik", "1", "2", "3", "4", "5", "6"),
        Simple("LDT_NaamVerwijzer", min_len=1, max_len=64, regel=True),
        Simple("LDT_Nummer", "int", minimum=0, maximum=999_999_999),
        Simple("LDT_Organisatienaam", min_len=1, max_len=35, regel=True),
        Simple("LDT_Persoonsid", min_len=1, max_len=20, regel=True),
        Simple("LDT_Plaatsnaam", min_len=1, max_len=80, regel=True),
        Simple("LDT_Postcode", min_len=1, max_len=8, regel=True),
        _enum("LDT_ProductCategorie", *(f"{i:02d}" for i in range(1, 19))),
        Simple("LDT_ProductCode", min_len=1, max_len=5, regel=True),
        _enum("LDT_RedenAfwijzingVerzoek", *"123456789"),
        _enum(
            "LDT_RedenBeeindiging",
            *"02 19 20 21 22 23 31 36 37 38 39".split(),
        ),
        _enum("LDT_RedenVerzoek", "1", "2"),
        _enum("LDT_RedenWijziging", *(f"{i:02d}" for i in range(1, 15))),
        Simple("LDT_Referentie", min_len=1, max_len=36, regel=True),
        Simple("LDT_ReferentieNummer", min_len=1, max_len=20),
        Simple("LDT_RelatieVolgorde", "int", minimum=0, maximum=99),
        _enum("LDT_RetourCode", *RETOURCODES),
        _enum("LDT_SoortRelatie", *(f"{i:02d}" for i in range(3, 26))),
        _enum("LDT_StatusAanlevering", "1", "2", "3", "9"),
        Simple("LDT_Straatnaam", min_len=1, max_len=24, regel=True),
        Simple("LDT_Taal", min_len=1, max_len=25, regel=True),
        Simple("LDT_Telefoonnummer", min_len=1, max_len=15, patroon=r"[0-9]*"),
        Simple("LDT_Tijd", "time"),
        Simple("LDT_TotaalBedrag", "int", minimum=0, maximum=999_999_999_999),
        _enum("LDT_TypeVerwijzer", "01", "02", "03", "04", "05", "06", "08"),
        Simple(
            "LDT_Versie",
            min_len=1,
            patroon=r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)",
        ),
        _enum("LDT_VerzoekAntwoord", "1", "2"),
        Simple("LDT_Volume", "int", minimum=0, maximum=99_999_999),
        Simple("LDT_Voorletters", min_len=1, max_len=6, patroon=r"[a-zA-ZÀ-ỳ]+"),
        Simple("LDT_Voorvoegsel", min_len=1, max_len=10, regel=True),
        _enum("LDT_WettelijkeVertegenwoordiging", "06", "07", "08", "09", "10"),
    ]
}

# --- complex types ------------------------------------------------------------------


class Veld:
    """One element in a sequence: name, qualified tag, type and cardinality (0 = unbounded)."""

    __slots__ = ("naam", "tag", "type", "minimum", "maximum", "simpel", "max_n", "enum")

    def __init__(self, naam: str, tag: str, type, minimum: int, maximum: int):  # noqa: A002
        self.naam, self.tag, self.type = naam, tag, type
        self.minimum, self.maximum = minimum, maximum
        self.simpel = isinstance(type, Simple)
        self.max_n = maximum or 1 << 30
        # a code list without other facets: a value in it is valid as it is
        self.enum = type.enum if self.simpel and type.vast is None else None

    def pad(self, pad: str) -> str:
        """The path of a single (maxOccurs 1) element below ``pad``."""
        return f"{pad}/{self.naam}" if pad else self.naam


class Complex:
    __slots__ = ("naam", "velden", "klasse")

    def __init__(self, naam, velden=(), klasse=False):
        self.naam = naam
        self.velden = list(velden)
        self.klasse = klasse


def _veld(spec: str, ns: str, types: dict) -> Veld:
    """'Naam:Type' with an optional suffix ? (0..1), + (1..n) or * (0..n)."""
    naam, typ = spec.split(":")
    lo, hi = 1, 1
    if typ[-1] in "?+*":
        lo, hi = {"?": (0, 1), "+": (1, 0), "*": (0, 0)}[typ[-1]]
        typ = typ[:-1]
    return Veld(naam, f"{{{ns}}}{naam}", types.get(typ) or SIMPLE[typ], lo, hi)


BASIS = {}
for _naam, _velden in [
    ("CDT_Achternaam", ["Achternaam:LDT_Naam", "Voorvoegsel:LDT_Voorvoegsel?"]),
    (
        "CDT_Huis",
        [
            "Huisnummer:LDT_Huisnummer",
            "Huisletter:LDT_Huisletter?",
            "HuisnummerToevoeging:LDT_HuisnummerToevoeging?",
            "AanduidingWoonadres:LDT_AanduidingWoonadres?",
        ],
    ),
    (
        "CDT_Adres",
        [
            "Huis:CDT_Huis?",
            "Postcode:LDT_Postcode?",
            "Straatnaam:LDT_Straatnaam?",
            "Plaatsnaam:LDT_Plaatsnaam?",
            "LandCode:LDT_LandCode?",
        ],
    ),
    ("CDT_BedragMetDC", ["Bedrag:LDT_Bedrag", "DebetCredit:LDT_DebetCredit"]),
    (
        "CDT_BerichtIdentificatie",
        ["Identificatie:LDT_IdentificatieBericht", "Dagtekening:LDT_Datum"],
    ),
    ("CDT_Communicatie", ["Vorm:LDT_Communicatievorm", "Taal:LDT_Taal?"]),
    ("CDT_Geboortedatum", ["Datum:LDT_Datum", "DatumGebruik:LDT_DatumGebruik?"]),
    ("CDT_GeslotenPeriode", ["Begindatum:LDT_Datum", "Einddatum:LDT_Datum"]),
    ("CDT_Omvang", ["Volume:LDT_Volume", "Eenheid:LDT_Eenheid", "Frequentie:LDT_Frequentie"]),
    ("CDT_OpenPeriode", ["Begindatum:LDT_Datum?", "Einddatum:LDT_Datum?"]),
    ("CDT_Product", ["Categorie:LDT_ProductCategorie", "Code:LDT_ProductCode?"]),
    (
        "CDT_Referentie",
        ["ReferentieNummer:LDT_ReferentieNummer", "VorigReferentieNummer:LDT_ReferentieNummer?"],
    ),
    ("CDT_Telefoon", ["Telefoonnummer:LDT_Telefoonnummer", "Landnummer:LDT_Landnummer"]),
    ("CDT_Telefoonnummers", ["Telefoon01:CDT_Telefoon", "Telefoon02:CDT_Telefoon?"]),
    ("CDT_TotaalBedragMetDC", ["TotaalBedrag:LDT_TotaalBedrag", "DebetCredit:LDT_DebetCredit"]),
    (
        "CDT_VerkorteNaam",
        ["Geslachtsnaam:CDT_Achternaam", "Voornamen:LDT_Naam?", "Voorletters:LDT_Voorletters?"],
    ),
    (
        "CDT_Verwijzer",
        ["Type:LDT_TypeVerwijzer", "Naam:LDT_NaamVerwijzer?", "ZorgverlenerCode:LDT_AgbCode?"],
    ),
    (
        "CDT_VolledigeNaam",
        [
            "Geslachtsnaam:CDT_Achternaam",
            "Partnernaam:CDT_Achternaam?",
            "Voornamen:LDT_Naam?",
            "Voorletters:LDT_Voorletters?",
            "NaamGebruik:LDT_NaamGebruik",
        ],
    ),
    ("CDT_XsdVersie", ["BasisschemaXsdVersie:LDT_Versie", "BerichtXsdVersie:LDT_Versie"]),
]:
    BASIS[_naam] = Complex(_naam, [_veld(v, BASIS_NS, BASIS) for v in _velden])


# --- messages -----------------------------------------------------------------------

KLIENT_KORT = [
    "Bsn:LDT_BurgerServicenummer",
    "Geboortedatum:CDT_Geboortedatum",
    "Geslacht:LDT_Geslacht",
    "Naam:CDT_VerkorteNaam",
]
OMVANG_BUDGET = ["Omvang:CDT_Omvang?", "Budget:LDT_Budget?"]

# nr: (berichtcode, afzender is gemeente, root fields, own types, classes)
HEEN = {
    "301": (
        "414",
        True,
        ["Client:Client"],
        {
            "Client": [
                "Bsn:LDT_BurgerServicenummer",
                "Geboortedatum:CDT_Geboortedatum",
                "Geslacht:LDT_Geslacht",
                "Naam:CDT_VolledigeNaam",
                "Communicatie:CDT_Communicatie?",
                "JuridischeStatus:LDT_JuridischeStatus?",
                "WettelijkeVertegenwoordiging:LDT_WettelijkeVertegenwoordiging?",
                "Commentaar:LDT_Commentaar?",
                "Relaties:Relaties?",
                "Contactgegevens:Contactgegevens",
                "ToegewezenProducten:ToegewezenProducten",
            ],
            "Contact": [
                "Soort:LDT_AdresSoort",
                "Adres:CDT_Adres?",
                "Organisatie:LDT_Organisatienaam?",
                "Telefoon:CDT_Telefoonnummers?",
                "Emailadres:LDT_Emailadres?",
                "Periode:CDT_OpenPeriode?",
            ],
            "Relatie": [
                "Nummer:LDT_Persoonsid",
                "Volgorde:LDT_RelatieVolgorde?",
                "Soort:LDT_SoortRelatie",
                "Geboortedatum:CDT_Geboortedatum?",
                "Geslacht:LDT_Geslacht?",
                "Naam:CDT_VolledigeNaam",
                "Contact:Contact",
            ],
            "Relaties": ["Relatie:Relatie+"],
            "Contactgegevens": ["Contact:Contact+"],
            "ToegewezenProduct": [
                "ToewijzingNummer:LDT_Nummer",
                "ReferentieAanbieder:LDT_Referentie?",
                "Product:CDT_Product?",
                "Toewijzingsdatum:LDT_Datum",
                "Toewijzingstijd:LDT_Tijd",
                "Ingangsdatum:LDT_Datum",
                "Einddatum:LDT_Datum?",
                "RedenWijziging:LDT_RedenWijziging?",
                *OMVANG_BUDGET,
                "Commentaar:LDT_Commentaar?",
            ],
            "ToegewezenProducten": ["ToegewezenProduct:ToegewezenProduct+"],
        },
        {"Client", "Relatie", "Contact", "ToegewezenProduct"},
    ),
    "305": (
        "418",
        False,
        ["Client:Client"],
        {
            "Client": [*KLIENT_KORT, "StartProducten:StartProducten"],
            "StartProduct": [
                "ToewijzingNummer:LDT_Nummer?",
                "Product:CDT_Product?",
                "ToewijzingIngangsdatum:LDT_Datum?",
                "Begindatum:LDT_Datum",
                "StatusAanlevering:LDT_StatusAanlevering",
            ],
            "StartProducten": ["StartProduct:StartProduct+"],
        },
        {"Client", "StartProduct"},
    ),
    "307": (
        "420",
        False,
        ["Client:Client"],
        {
            "Client": [*KLIENT_KORT, "StopProducten:StopProducten"],
            "StopProduct": [
                "ToewijzingNummer:LDT_Nummer?",
                "Product:CDT_Product?",
                "ToewijzingIngangsdatum:LDT_Datum?",
                "Begindatum:LDT_Datum",
                "RedenBeeindiging:LDT_RedenBeeindiging",
                "Einddatum:LDT_Datum",
                "StatusAanlevering:LDT_StatusAanlevering",
            ],
            "StopProducten": ["StopProduct:StopProduct+"],
        },
        {"Client", "StopProduct"},
    ),
    "315": (
        "444",
        False,
        ["Client:Client"],
        {
            "Client": [
                *KLIENT_KORT,
                "Commentaar:LDT_Commentaar?",
                "AangevraagdeProducten:AangevraagdeProducten",
            ],
            "AangevraagdProduct": [
                "ReferentieAanbieder:LDT_Referentie",
                "BeschikkingNummer:LDT_Nummer?",
                "Product:CDT_Product?",
                "BeschikkingIngangsdatum:LDT_Datum?",
                "ToewijzingIngangsdatum:LDT_Datum",
                "ToewijzingEinddatum:LDT_Datum?",
                *OMVANG_BUDGET,
                "Verwijzer:CDT_Verwijzer",
                "Raamcontract:LDT_JaNee?",
                "Commentaar:LDT_Commentaar?",
            ],
            "AangevraagdeProducten": ["AangevraagdProduct:AangevraagdProduct+"],
        },
        {"Client", "AangevraagdProduct"},
    ),
    "317": (
        "480",
        False,
        ["Client:Client"],
        {
            "Client": ["Bsn:LDT_BurgerServicenummer", "Verzoek:Verzoek"],
            "Verzoek": [
                "ReferentieAanbieder:LDT_Referentie",
                "RedenVerzoek:LDT_RedenVerzoek",
                "OngewijzigdeProducten:OngewijzigdeProducten?",
                "TeWijzigenProducten:TeWijzigenProducten?",
                "NieuweProducten:NieuweProducten?",
            ],
            "OngewijzigdProduct": ["ToewijzingNummer:LDT_Nummer"],
            "OngewijzigdeProducten": ["OngewijzigdProduct:OngewijzigdProduct+"],
            "TeWijzigenProduct": [
                "ToewijzingNummer:LDT_Nummer",
                "GewensteIngangsdatum:LDT_Datum",
                "Einddatum:LDT_Datum?",
                *OMVANG_BUDGET,
            ],
            "TeWijzigenProducten": ["TeWijzigenProduct:TeWijzigenProduct+"],
            "NieuwProduct": [
                "Product:CDT_Product?",
                "GewensteIngangsdatum:LDT_Datum",
                "Einddatum:LDT_Datum?",
                *OMVANG_BUDGET,
            ],
            "NieuweProducten": ["NieuwProduct:NieuwProduct+"],
        },
        {"Client", "Verzoek", "OngewijzigdProduct", "TeWijzigenProduct", "NieuwProduct"},
    ),
    "319": (
        "482",
        True,
        ["Antwoord:Antwoord"],
        {
            "Antwoord": [
                "ReferentieAanbieder:LDT_Referentie",
                "VerzoekAntwoord:LDT_VerzoekAntwoord",
                "RedenAfwijzingVerzoek:LDT_RedenAfwijzingVerzoek?",
            ]
        },
        {"Antwoord"},
    ),
    "323": (
        "484",
        False,
        ["Declaratie:Declaratie"],
        {
            "Declaratie": [
                "DeclaratieNummer:DeclaratieNummer",
                "DeclaratiePeriode:CDT_GeslotenPeriode",
                "DeclaratieDagtekening:LDT_Datum",
                "TotaalIngediendBedrag:CDT_TotaalBedragMetDC",
                "Clienten:Clienten",
            ],
            "Client": ["Bsn:LDT_BurgerServicenummer", "Prestaties:Prestaties"],
            "Clienten": ["Client:Client+"],
            "Prestatie": [
                "ProductReferentie:CDT_Referentie",
                "ToewijzingNummer:LDT_Nummer",
                "ProductCategorie:LDT_ProductCategorie",
                "ProductCode:LDT_ProductCode",
                "ProductPeriode:CDT_GeslotenPeriode",
                "GeleverdVolume:LDT_Volume",
                "Eenheid:LDT_Eenheid",
                "ProductTarief:LDT_Bedrag?",
                "IngediendBedrag:CDT_BedragMetDC",
            ],
            "Prestaties": ["Prestatie:Prestatie+"],
        },
        {"Declaratie", "Client", "Prestatie"},
    ),
}
# heen -> retour message number and BerichtCode
RETOUR = {
    "301": ("302", "415"),
    "305": ("306", "419"),
    "307": ("308", "421"),
    "315": ("316", "445"),
    "317": ("318", "481"),
    "319": ("320", "483"),
}
EXTRA_SIMPLE = {
    "DeclaratieNummer": Simple("DeclaratieNummer", min_len=1, max_len=12, patroon=r"[a-zA-Z0-9]+"),
}


@dataclass
class Definitie:
    nr: str  # "305"
    berichtcode: str
    gemeente_afzender: bool
    ns: str
    root: Complex
    retour_van: str = ""  # for a retour: the heen message number

    @property
    def naam(self) -> str:
        return f"WMO{self.nr}"

    @property
    def tag(self) -> str:
        return f"{{{self.ns}}}Bericht"


def _header(ns, code, gemeente_afzender, retour=False) -> Complex:
    afz, ontv = ("LDT_Gemeente", "LDT_AgbCode")
    if not gemeente_afzender:
        afz, ontv = ontv, afz
    velden = [
        Veld("BerichtCode", f"{{{ns}}}BerichtCode", Simple("BerichtCode", vast=code), 1, 1),
        Veld("BerichtVersie", f"{{{ns}}}BerichtVersie", Simple("V", "int", vast="3"), 1, 1),
        Veld("BerichtSubversie", f"{{{ns}}}BerichtSubversie", Simple("S", "int", vast="2"), 1, 1),
        _veld(f"Afzender:{afz}", ns, BASIS),
        _veld(f"Ontvanger:{ontv}", ns, BASIS),
        _veld("BerichtIdentificatie:CDT_BerichtIdentificatie", ns, BASIS),
        _veld("XsdVersie:CDT_XsdVersie", ns, BASIS),
    ]
    if retour:  # the official 302-320: after the heen header, in this order
        velden += [
            _veld("IdentificatieRetour:LDT_IdentificatieBericht", ns, BASIS),
            _veld("DagtekeningRetour:LDT_Datum", ns, BASIS),
            _veld("XsltVersie:LDT_Versie?", ns, BASIS),
            _veld("XsdVersieRetour:CDT_XsdVersie", ns, BASIS),
        ]
    return Complex("Header", velden, klasse=True)


def _bouw(nr, code, gemeente_afzender, root_velden, eigen, klassen, retour_van="") -> Definitie:
    ns = namespace(nr)
    retour = bool(retour_van)
    types: dict = dict(BASIS)
    types.update(EXTRA_SIMPLE)
    if retour:
        types["RetourCodes"] = Complex("RetourCodes", [_veld("RetourCode:LDT_RetourCode+", ns, {})])
    # create empty shells first so types may refer to each other in any order
    for naam in eigen:
        types[naam] = Complex(naam, klasse=naam in klassen)
    for naam, velden in eigen.items():
        types[naam].velden = [_veld(v, ns, types) for v in velden]
        if retour and naam in klassen:
            types[naam].velden.append(_veld("RetourCodes:RetourCodes", ns, types))
    header = _header(ns, code, gemeente_afzender, retour)
    if retour:  # optional in the header (0..1): the official 308 and 316 leave it out
        codes = _veld("RetourCodes:RetourCodes?", ns, types)
        header.velden.append(codes)
    types["Header"] = header
    velden = [_veld("Header:Header", ns, types)]
    for spec in root_velden:
        veld = _veld(spec, ns, types)
        if retour:  # a header-only retour leaves the body out
            veld = Veld(veld.naam, veld.tag, veld.type, 0, veld.maximum)
        velden.append(veld)
    return Definitie(nr, code, gemeente_afzender, ns, Complex("Root", velden), retour_van)


DEFINITIES: dict[str, Definitie] = {}
for _nr, (_code, _gem, _root, _eigen, _klassen) in HEEN.items():
    DEFINITIES[_nr] = _bouw(_nr, _code, _gem, _root, _eigen, _klassen)
    if _nr in RETOUR:
        _rnr, _rcode = RETOUR[_nr]
        DEFINITIES[_rnr] = _bouw(_rnr, _rcode, _gem, _root, _eigen, _klassen, retour_van=_nr)

# 325 Declaratie-antwoord: content model from the official 325 example and the XSD
# summary: header with DeclaratieIdentificatie (the 323's BerichtIdentificatie: Identificatie
# and Dagtekening), XsltVersie?, XsdVersieDeclaratie and RetourCodes; a DeclaratieAntwoord
# (0..1) with totals, Clienten? and RetourCodes last; Client and Prestatie are classes.
_ns325 = namespace("325")
_t325: dict = dict(BASIS)
_t325["RetourCodes"] = Complex("RetourCodes", [_veld("RetourCode:LDT_RetourCode+", _ns325, {})])
_t325["DeclaratieNummer"] = EXTRA_SIMPLE["DeclaratieNummer"]
for _naam, _velden, _klasse in [
    (
        "Prestatie",
        [
            "ProductReferentie:CDT_Referentie",
            "ToewijzingNummer:LDT_Nummer",
            "ProductCategorie:LDT_ProductCategorie",
            "ProductCode:LDT_ProductCode",
            "ProductPeriode:CDT_GeslotenPeriode",
            "GeleverdVolume:LDT_Volume",
            "Eenheid:LDT_Eenheid",
            "ProductTarief:LDT_Bedrag?",
            "IngediendBedrag:CDT_BedragMetDC",
            "RetourCodes:RetourCodes",
        ],
        True,
    ),
    ("Prestaties", ["Prestatie:Prestatie+"], False),
    (
        "Client",
        ["Bsn:LDT_BurgerServicenummer", "Prestaties:Prestaties", "RetourCodes:RetourCodes"],
        True,
    ),
    ("Clienten", ["Client:Client+"], False),
    (
        "DeclaratieAntwoord",
        [
            "DeclaratieNummer:DeclaratieNummer",
            "TotaalIngediendBedrag:CDT_TotaalBedragMetDC",
            "TotaalToegekendBedrag:CDT_TotaalBedragMetDC",
            "Clienten:Clienten?",
            "RetourCodes:RetourCodes",
        ],
        True,
    ),
]:
    _t325[_naam] = Complex(_naam, [_veld(v, _ns325, _t325) for v in _velden], klasse=_klasse)
_h325 = _header(_ns325, "485", True)
_h325.velden += [
    _veld("DeclaratieIdentificatie:CDT_BerichtIdentificatie", _ns325, BASIS),
    _veld("XsltVersie:LDT_Versie?", _ns325, BASIS),
    _veld("XsdVersieDeclaratie:CDT_XsdVersie", _ns325, BASIS),
    _veld("RetourCodes:RetourCodes", _ns325, _t325),
]
_t325["Header"] = _h325
DEFINITIES["325"] = Definitie(
    "325",
    "485",
    True,
    _ns325,
    Complex(
        "Root",
        [
            _veld("Header:Header", _ns325, _t325),
            _veld("DeclaratieAntwoord:DeclaratieAntwoord?", _ns325, _t325),
        ],
    ),
)

PER_TAG = {d.tag: d for d in DEFINITIES.values()}
HEENBERICHTEN = ("301", "305", "307", "315", "317", "319", "323")

# --- reading --------------------------------------------------------------------------

_local = threading.local()


class GeenExterneBronnen(etree.Resolver):
    """Registered on our parser: any request to load something (a DTD, an entity, a
    schema) is refused. Never called when the checks before parsing hold; ``aanroepen``
    counts the attempts (tests)."""

    aanroepen = 0

    def resolve(self, url, id, context):  # noqa: A002
        GeenExterneBronnen.aanroepen += 1
        raise OngeldigeXml("Externe bronnen (DTD, entiteiten) worden niet geladen.")


def _parser():
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            dtd_validation=False,
            load_dtd=False,
            huge_tree=False,  # libxml2's own limits stay on (nesting depth 256, text size)
            remove_comments=True,
            remove_pis=True,
            collect_ids=False,
        )
        parser.resolvers.add(GeenExterneBronnen())
        _local.parser = parser
    return parser


_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)
# the XML declaration as the first bytes of a UTF-8 document (after an optional BOM)
_DECLARATIE = re.compile(rb"<\?xml[ \t\r\n][^>]*?\?>")
_ENCODING = re.compile(rb"""encoding[ \t\r\n]*=[ \t\r\n]*["']([A-Za-z0-9._-]*)["']""")


def _alleen_utf8(raw: bytes) -> None:
    """Refuse, on the raw bytes and before any parsing, every document that is not UTF-8:
    a UTF-16/32 byte order mark or layout (NUL bytes), another declared encoding (UTF-7,
    Latin-1, ...), or bytes that are not valid UTF-8. Only after this do the byte checks for
    DOCTYPE mean what they say (in UTF-16 ``<!DOCTYPE`` is not those bytes)."""
    for bom, naam in _BOMS:
        if raw.startswith(bom):
            raise OngeldigeXml(f"Het bericht is in {naam}; alleen UTF-8 is toegestaan.")
    if b"\x00" in raw:
        raise OngeldigeXml(
            "Het bericht bevat NUL-bytes (UTF-16 of UTF-32?); alleen UTF-8 is toegestaan."
        )
    begin = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    if raw.startswith(b"<?xml", begin):
        m = _DECLARATIE.match(raw, begin)
        if m is None:
            raise OngeldigeXml("De XML-declaratie is niet volledig.")
        enc = _ENCODING.search(m.group())
        if enc and enc.group(1).lower() not in (b"utf-8", b"utf8"):
            naam = enc.group(1).decode("ascii", "replace")[:20]
            raise OngeldigeXml(f"Het bericht is in {naam}; alleen UTF-8 is toegestaan.")
    elif not raw[begin:].lstrip(b" \t\r\n").startswith(b"<"):
        raise OngeldigeXml("Het bericht begint niet met XML (alleen UTF-8 is toegestaan).")
    if not raw.isascii():
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            raise OngeldigeXml("Het bericht is geen geldige UTF-8-tekst.") from None


def max_bytes() -> int:
    """The size limit: the setting ``IWMO_MAX_BYTES`` (default 5 MB)."""
    from django.conf import settings

    return getattr(settings, "IWMO_MAX_BYTES", MAX_BYTES) if settings.configured else MAX_BYTES


def _grootte(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n % (1024 * 1024) == 0 else f"{n} bytes"


def parse_xml(raw: bytes):
    """Parse untrusted bytes safely: UTF-8 only, size limit, no DOCTYPE (so no DTD or
    entities), nothing loaded from files or the network, libxml2's depth limit."""
    if not isinstance(raw, bytes | bytearray):
        raise OngeldigeXml("Het bericht moet als bytes worden aangeleverd.")
    grens = max_bytes()
    if len(raw) > grens:
        raise OngeldigeXml(f"Het bericht is groter dan {_grootte(grens)}.")
    if not raw or raw.isspace():  # what strip() would leave empty, without the copy
        raise OngeldigeXml("Het bericht is leeg.")
    _alleen_utf8(raw)
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw or b"<!doctype" in raw:
        raise OngeldigeXml("Een DTD of entiteitsdeclaratie is niet toegestaan.")
    try:
        root = etree.fromstring(raw if raw.__class__ is bytes else bytes(raw), _parser())
    except etree.XMLSyntaxError as exc:
        raise OngeldigeXml(f"Geen geldige XML: {str(exc)[:200]}") from None
    except (ValueError, etree.LxmlError) as exc:
        raise OngeldigeXml(f"Geen geldige XML: {str(exc)[:200]}") from None
    if root.getroottree().docinfo.doctype:
        raise OngeldigeXml("Een DTD of entiteitsdeclaratie is niet toegestaan.")
    return root


class _eenmalig:  # noqa: N801 (used as a decorator)
    """A property computed once per instance (``functools.cached_property`` without its
    lock, which in Python 3.11 costs more than the value)."""

    def __init__(self, functie):
        self.functie, self.naam = functie, functie.__name__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        waarde = obj.__dict__[self.naam] = self.functie(obj)
        return waarde


@dataclass
class Gelezen:
    """A message after reading: its definition, data as nested dicts, and findings."""

    raw: bytes
    definitie: Definitie | None
    data: dict
    fouten: list[Fout]
    sha256: str

    @property
    def nr(self) -> str:
        return self.definitie.nr if self.definitie else ""

    @property
    def naam(self) -> str:
        return self.definitie.naam if self.definitie else "onbekend"

    @_eenmalig  # read once, asked for many times in the pipeline
    def header(self) -> dict:
        return self.data.get("Header") or {}

    @_eenmalig
    def identificatie(self) -> str:
        return (self.header.get("BerichtIdentificatie") or {}).get("Identificatie") or ""

    @_eenmalig
    def dagtekening(self):
        return (self.header.get("BerichtIdentificatie") or {}).get("Dagtekening")

    @_eenmalig
    def header_geldig(self) -> bool:
        return self.definitie is not None and not any(
            f.pad.startswith("Header") or f.pad == "" for f in self.fouten
        )


def _pad(pad: str, veld: Veld, n: int) -> str:
    sub = f"{pad}/{veld.naam}" if pad else veld.naam
    return f"{sub}[{n + 1}]" if veld.maximum != 1 else sub


def _lees_simpel(kind, veld: Veld, pad: str, n: int, fouten: list):
    """The value of a simple element, with its findings (the tail is checked by the caller)."""
    if len(kind) or kind.attrib:
        fouten.append(Fout(_pad(pad, veld, n), "0001", "mag geen elementen of attributen bevatten"))
    tekst = kind.text or ""
    enum = veld.enum
    if enum is not None and tekst in enum:  # the common case of a code, without a call
        return tekst
    waarde, fout = veld.type.lees(tekst)
    if fout:
        fouten.append(Fout(_pad(pad, veld, n), "0001", f"{veld.naam} {fout}"))
    return waarde


def _lees(el, ctype: Complex, pad: str, fouten: list, diepte: int) -> dict:
    """Check one element against its complex type and return its data (one pass)."""
    if diepte > MAX_DIEPTE:
        fouten.append(Fout(pad, "0001", "te diep geneste elementen"))
        return {}
    if el.attrib:
        for attr in el.attrib:
            if not attr.startswith(f"{{{XSI_NS}}}") or attr.endswith(("}type", "}nil")):
                fouten.append(Fout(pad, "0001", f"attribuut {attr} is niet toegestaan"))
    tekst = el.text
    if tekst and tekst.strip(XSD_WS):
        fouten.append(Fout(pad, "0001", "tekst is hier niet toegestaan"))
    data: dict = {}
    kinderen = list(el)
    tags = [kind.tag for kind in kinderen]  # lxml builds the string on every access
    n = len(kinderen)
    i = 0
    for veld in ctype.velden:
        if i == n or tags[i] != veld.tag:
            if veld.minimum:
                fouten.append(Fout(pad, "0001", f"verplicht element {veld.naam} ontbreekt"))
            continue
        if veld.maximum == 1:  # most elements: exactly one, no list
            kind = kinderen[i]
            i += 1
            staart = kind.tail
            if staart and staart.strip(XSD_WS):
                fouten.append(Fout(pad, "0001", "tekst is hier niet toegestaan"))
            if veld.simpel:
                data[veld.naam] = _lees_simpel(kind, veld, pad, 0, fouten)
            else:
                data[veld.naam] = _lees(kind, veld.type, veld.pad(pad), fouten, diepte + 1)
            continue
        tag, max_n = veld.tag, veld.max_n
        gevonden = []
        while i < n and len(gevonden) < max_n:
            if tags[i] != tag:
                break
            kind = kinderen[i]
            staart = kind.tail
            if staart and staart.strip(XSD_WS):
                fouten.append(Fout(pad, "0001", "tekst is hier niet toegestaan"))
            if veld.simpel:
                waarde = _lees_simpel(kind, veld, pad, len(gevonden), fouten)
            else:
                waarde = _lees(kind, veld.type, _pad(pad, veld, len(gevonden)), fouten, diepte + 1)
            gevonden.append(waarde)
            i += 1
        data[veld.naam] = gevonden
    if i < n:
        kind = kinderen[i]
        naam = etree.QName(kind).localname if isinstance(kind.tag, str) else "?"
        fouten.append(Fout(pad, "0001", f"element {naam} is hier niet toegestaan"))
    if ctype.klasse:
        data["_pad"] = pad
    return data


def lees(raw: bytes, *, snel: bool = True) -> Gelezen:
    """Read and check the structure of a message (level 1). Never raises for bad input.

    ``snel=False`` uses the detailed reader only (the reference for the fast path)."""
    try:
        root = parse_xml(raw)
    except OngeldigeXml as exc:
        return Gelezen(raw, None, {}, [Fout("", "0001", str(exc))], _sha_bytes(raw))
    definitie = PER_TAG.get(root.tag) if isinstance(root.tag, str) else None
    if definitie is None:
        melding = "onbekend bericht: verwacht een iWmo 3.2-bericht (Bericht in de namespace "
        melding += "van WMO301–WMO323)"
        return Gelezen(raw, None, {}, [Fout("", "0001", melding)], _sha_bytes(raw))
    fouten: list[Fout] = []
    data = snel_lezen(root, definitie) if snel else None
    if data is None:  # not valid, or not sure: the detailed reader says what is wrong
        data = _lees(root, definitie.root, "", fouten, 0)
    if fouten:
        return Gelezen(raw, definitie, data, fouten, _sha_bytes(raw))
    # the same content in other bytes (whitespace, line ends) is the same message
    return Gelezen(raw, definitie, data, fouten, hashlib.sha256(repr(data).encode()).hexdigest())


def _sha_bytes(raw) -> str:
    return hashlib.sha256(raw if isinstance(raw, bytes | bytearray) else b"").hexdigest()


def lees_gedetailleerd(raw: bytes) -> Gelezen:
    """``lees`` with the detailed reader only (the reference for the fast path)."""
    return lees(raw, snel=False)


# --- the fast path: an XSD written from our own description -------------------------
#
# For a valid message the detailed reader spends most of its time on checks. The fast
# path writes, once per message type, an XSD from ``DEFINITIES`` (our description, not
# the official files) that accepts no more than the detailed reader does, lets libxml2's
# validator check the structure in C, and then only collects the data. Whatever the
# validator refuses, or the fast path is not sure of (attributes, a value it cannot
# convert), goes to the detailed reader, so findings and their Dutch texts stay the same.

_XS = "http://www.w3.org/2001/XMLSchema"
_REGEL = r"[^\n\r]*[^ \t\n\r][^\n\r]*"  # what Simple.regel accepts
_NIET_LEEG = r"[\s\S]*\S[\s\S]*"  # what Simple.niet_leeg accepts
_VEILIG_PATROON = re.compile(r"(?:[\w\[\]{}()|+*,-]|\\\.)+")
_HEEFT_ATTRIBUTEN = etree.XPath("boolean(//@*)")
_DATUM_VORM = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
_TIJD_VORM = r"[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?"


def _attr(waarde: str) -> str:
    return (
        waarde.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def _xsd_simpel(s: Simple) -> str:
    """An anonymous simple type that accepts exactly what ``Simple.lees`` accepts, or less."""

    def stappen(basis, facetten, patronen):
        binnen = f'<xs:restriction base="{basis}">{facetten}'
        for patroon in patronen[:-1]:  # patterns in one step are alternatives: nest them
            binnen = f"<xs:restriction><xs:simpleType>{binnen}</xs:restriction></xs:simpleType>"
            binnen += f'<xs:pattern value="{_attr(patroon)}"/>'
        if patronen:
            binnen += f'<xs:pattern value="{_attr(patronen[-1])}"/>'
        return f"<xs:simpleType>{binnen}</xs:restriction></xs:simpleType>"

    if s.vast is not None:
        if s.lees(s.vast)[1] is not None:
            raise ValueError(f"{s.naam}: vaste waarde is zelf ongeldig")
        basis = "xs:string" if s.soort == "str" else "xs:token"  # token: stripped, like lees
        return stappen(basis, f'<xs:enumeration value="{_attr(s.vast)}"/>', [])
    if s.soort == "int":
        facetten = ""
        if s.minimum is not None:
            facetten += f'<xs:minInclusive value="{s.minimum}"/>'
        if s.maximum is not None:
            facetten += f'<xs:maxInclusive value="{s.maximum}"/>'
        return stappen("xs:integer", facetten, [])
    if s.soort == "date":
        return stappen("xs:date", "", [_DATUM_VORM])
    if s.soort == "time":
        return stappen("xs:time", "", [_TIJD_VORM])
    if s.enum is not None:
        return stappen(
            "xs:string",
            "".join(f'<xs:enumeration value="{_attr(c)}"/>' for c in sorted(s.enum)),
            [],
        )
    facetten = ""
    if s.min_len is not None:
        facetten += f'<xs:minLength value="{s.min_len}"/>'
    if s.max_len is not None:
        facetten += f'<xs:maxLength value="{s.max_len}"/>'
    patronen = []
    if s.regel:
        patronen.append(_REGEL)
    if s.niet_leeg:
        patronen.append(_NIET_LEEG)
    if s.patroon is not None:
        if s.patroon.flags & ~re.UNICODE or not _VEILIG_PATROON.fullmatch(s.patroon.pattern):
            raise ValueError(f"{s.naam}: patroon is niet zeker gelijk in XSD")
        patronen.append(s.patroon.pattern)
    return stappen("xs:string", facetten, patronen)


def _ns_van(ctype: Complex) -> str | None:
    namespaces = {veld.tag[1:].split("}")[0] for veld in ctype.velden}
    if len(namespaces) > 1:
        raise ValueError(f"{ctype.naam}: velden uit meer namespaces")
    return namespaces.pop() if namespaces else None


def xsd_teksten(nr: str) -> tuple[str, str]:
    """The XSD (message namespace, basis namespace) for a message, from ``DEFINITIES``."""
    definitie = DEFINITIES[nr]
    namen: dict[int, str] = {}
    delen: dict[str, list[str]] = {definitie.ns: [], BASIS_NS: []}

    def diepte(ctype, n=1) -> int:
        return max(
            [n] + [diepte(v.type, n + 1) for v in ctype.velden if v.type.__class__ is Complex]
        )

    if diepte(definitie.root) > MAX_DIEPTE:
        raise ValueError("dieper dan de gedetailleerde lezer toestaat")

    def typenaam(ctype: Complex, ns: str) -> str:
        if id(ctype) in namen:
            return namen[id(ctype)]
        veld_ns = _ns_van(ctype) or ns
        if veld_ns not in delen:
            raise ValueError(f"{ctype.naam}: onbekende namespace")
        naam = namen[id(ctype)] = f"{'b' if veld_ns == BASIS_NS else 'm'}:T{len(namen)}"
        elementen = []
        for veld in ctype.velden:
            n_max = "unbounded" if veld.maximum == 0 else str(veld.maximum)
            kop = f'<xs:element name="{veld.naam}" minOccurs="{veld.minimum}" maxOccurs="{n_max}"'
            if veld.type.__class__ is Complex:
                elementen.append(f'{kop} type="{typenaam(veld.type, veld_ns)}"/>')
            else:
                elementen.append(f"{kop}>{_xsd_simpel(veld.type)}</xs:element>")
        delen[veld_ns].append(
            f'<xs:complexType name="{naam[2:]}"><xs:sequence>{"".join(elementen)}'
            "</xs:sequence></xs:complexType>"
        )
        return naam

    root = typenaam(definitie.root, definitie.ns)
    kop = (
        f'<xs:schema xmlns:xs="{_XS}" xmlns:m="{definitie.ns}" xmlns:b="{BASIS_NS}" '
        'elementFormDefault="qualified" attributeFormDefault="unqualified" '
    )
    basis = f'{kop}targetNamespace="{BASIS_NS}">{"".join(delen[BASIS_NS])}</xs:schema>'
    bericht = (
        f'{kop}targetNamespace="{definitie.ns}">'
        f'<xs:import namespace="{BASIS_NS}" schemaLocation="openwmo-basis.xsd"/>'
        f'<xs:element name="Bericht" type="{root}"/>{"".join(delen[definitie.ns])}</xs:schema>'
    )
    return bericht, basis


class _BasisResolver(etree.Resolver):
    def __init__(self, basis: str):
        super().__init__()
        self.basis = basis

    def resolve(self, url, id, context):  # noqa: A002
        if url.endswith("openwmo-basis.xsd"):
            return self.resolve_string(self.basis, context)
        return None


def _xsd(nr: str):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    bericht, basis = xsd_teksten(nr)
    parser.resolvers.add(_BasisResolver(basis))
    return etree.XMLSchema(etree.fromstring(bericht.encode(), parser, base_url="openwmo.xsd"))


_ENKEL_TEKST, _ENKEL_OMGEZET, _ENKEL_COMPLEX, _HERHAALD = range(4)


def _oogst_plan(ctype: Complex, plannen: dict) -> list:
    """Per complex type: [tag -> (name, kind, conversion, the child's plan), whether it is a
    class (berichtklasse, with ``_pad``), whether a class lies below it (paths needed)]."""
    plan = plannen.get(id(ctype))
    if plan is None:
        velden: dict = {}
        plan = plannen[id(ctype)] = [velden, ctype.klasse, ctype.klasse]
        for veld in ctype.velden:
            if veld.type.__class__ is Complex:
                kind_plan = _oogst_plan(veld.type, plannen)
                plan[2] = plan[2] or kind_plan[2]
                soort = _HERHAALD if veld.maximum != 1 else _ENKEL_COMPLEX
                velden[veld.tag] = (veld.naam, soort, None, kind_plan)
            else:
                omzet = _OMZET[veld.type.soort]
                soort = (
                    _HERHAALD
                    if veld.maximum != 1
                    else _ENKEL_TEKST
                    if omzet is None
                    else _ENKEL_OMGEZET
                )
                velden[veld.tag] = (veld.naam, soort, omzet, None)
    return plan


def _tijd(tekst: str):
    t = tekst.strip(XSD_WS)
    return datetime.time(int(t[0:2]), int(t[3:5]), int(t[6:8]))


def _datum(tekst: str):
    return datetime.date.fromisoformat(tekst.strip(XSD_WS))


_OMZET = {"str": None, "int": int, "date": _datum, "time": _tijd}


def _oogst(el, plan: list, pad: str) -> dict:
    """The data of a valid element: as ``_lees`` gives it, without the checks."""
    velden, klasse, _ = plan
    data: dict = {}
    for kind in el:
        naam, soort, omzet, kind_plan = velden[kind.tag]
        if soort == _ENKEL_TEKST:
            data[naam] = kind.text or ""
        elif soort == _ENKEL_OMGEZET:
            data[naam] = omzet(kind.text or "")
        elif soort == _ENKEL_COMPLEX:
            data[naam] = _oogst(
                kind, kind_plan, (f"{pad}/{naam}" if pad else naam) if kind_plan[2] else ""
            )
        else:
            lijst = data.get(naam)
            if lijst is None:
                lijst = data[naam] = []
            if kind_plan is not None:
                kind_pad = ""
                if kind_plan[2]:
                    kind_pad = (
                        f"{pad}/{naam}[{len(lijst) + 1}]" if pad else f"{naam}[{len(lijst) + 1}]"
                    )
                lijst.append(_oogst(kind, kind_plan, kind_pad))
            else:
                tekst = kind.text or ""
                lijst.append(tekst if omzet is None else omzet(tekst))
    if klasse:
        data["_pad"] = pad
    return data


_snel_lokaal = threading.local()


def snel_lezen(root, definitie: Definitie) -> dict | None:
    """The data of a message that is valid for certain, else None (ask ``_lees``)."""
    per_nr = getattr(_snel_lokaal, "per_nr", None)
    if per_nr is None:
        per_nr = _snel_lokaal.per_nr = {}
    snel = per_nr.get(definitie.nr, False)
    if snel is False:
        try:  # validators are per thread: they keep their error log
            snel = (_xsd(definitie.nr), _oogst_plan(definitie.root, {}))
        except (ValueError, etree.LxmlError):
            snel = None  # this type always through the detailed reader
        per_nr[definitie.nr] = snel
    if snel is None:
        return None
    validator, plan = snel
    if not validator.validate(root) or _HEEFT_ATTRIBUTEN(root):
        return None
    try:
        return _oogst(root, plan, "")
    except (ValueError, KeyError, TypeError):
        return None


# --- writing --------------------------------------------------------------------------


_ONGELDIG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BIJZONDER = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PLANNEN: dict = {}  # (complex type, message ns) -> its fields with their written tags


def _xml_tekst(tekst: str) -> str:
    """Element text escaped as libxml2 writes it; refuses what XML cannot hold."""
    if _BIJZONDER.search(tekst) is None:
        return tekst
    if _ONGELDIG.search(tekst):
        raise ValueError(
            "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control "
            "characters"
        )
    return (
        tekst.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _plan(ctype: Complex, ns: str, prefix: str) -> list[tuple]:
    """Per field: name, required-message, repeated, simple type or None, the field plan of a
    complex type, and the open and close tag. Built once per type and message namespace."""
    plan = _PLANNEN.get((ctype, ns))
    if plan is None:
        plan = _PLANNEN[(ctype, ns)] = []  # in the cache first: a type may recur
        for veld in ctype.velden:
            veld_ns, naam = veld.tag[1:].split("}")
            pre = "iwmo" if veld_ns == BASIS_NS else prefix if veld_ns == ns else None
            if pre is None:
                del _PLANNEN[(ctype, ns)]
                raise ValueError(f"{veld.tag} hoort niet bij dit bericht")
            simpel = veld.type if veld.type.__class__ is Simple else None
            plan.append(
                (
                    veld.naam,
                    f"{ctype.naam}/{veld.naam} is verplicht" if veld.minimum else None,
                    veld.maximum != 1,
                    simpel,
                    None if simpel is not None else _plan(veld.type, ns, prefix),
                    f"<{pre}:{naam}>",
                    f"</{pre}:{naam}>",
                )
            )
    return plan


_SCHRIJVERS: dict = {}  # (complex type, message ns) -> its generated writer


_SCHRIJVERS_SLOT = threading.RLock()


def _schrijver(ctype: Complex, ns: str, prefix: str):
    """A generated Python function that appends the fields of a dict of this type as
    pretty-printed XML (what lxml's writer gives), straight from the plan, without walking
    the plan per element (a retour is written for every incoming message). Built once,
    under a lock, and published only when complete (threads)."""
    functie = _SCHRIJVERS.get((ctype, ns))
    if functie is not None:
        return functie
    with _SCHRIJVERS_SLOT:
        functie = _SCHRIJVERS.get((ctype, ns))
        if functie is None:
            bezig: dict = {}
            functie = _maak_schrijver(ctype, ns, prefix, bezig)
            _SCHRIJVERS.update(bezig)
        return functie


def _maak_schrijver(ctype: Complex, ns: str, prefix: str, bezig: dict):
    sleutel = (ctype, ns)
    functie = _SCHRIJVERS.get(sleutel) or bezig.get(sleutel)
    if functie is not None:
        return functie
    plan = _plan(ctype, ns, prefix)
    omgeving: dict = {"_xml_tekst": _xml_tekst}
    regels = ["def schrijf(out, data, codes, inspring):", "    dieper = inspring + '  '"]
    regels.append("    get = data.get")
    for i, (naam, verplicht, herhaald, simpel, _, open_, sluit) in enumerate(plan):
        omgeving[f"V{i}"] = verplicht
        omgeving[f"O{i}"], omgeving[f"C{i}"], omgeving[f"E{i}"] = open_, sluit, f"{open_[:-1]}/>"
        if naam == "RetourCodes":
            regels.append("    if codes is not None:")
            regels.append("        w = {'RetourCode': codes.get(get('_pad', ''), ['0200'])}")
            regels.append("    else:")
            regels.append(f"        w = get({naam!r})")
        else:
            regels.append(f"    w = get({naam!r})")
        regels.append("    if w is None:")
        regels.append(f"        if V{i}:\n            raise ValueError(V{i})")
        regels.append("    else:")
        lus = "        for w in w:" if herhaald else "        if True:"
        regels.append(lus)
        if simpel is not None:
            omgeving[f"S{i}"] = simpel.schrijf
            tekst = f"w if w.__class__ is str else S{i}(w)" if simpel.soort == "str" else f"S{i}(w)"
            regels += [
                f"            t = {tekst}",
                "            if not t.isalnum():  # letters and digits only: nothing to escape",
                "                t = _xml_tekst(t)",
                f"            out.append(f'{{inspring}}{open_}{{t}}{sluit}')",
            ]
        else:
            omgeving[f"F{i}"] = None  # filled in below: a type may recur
            regels += [
                "            begin = len(out)",
                f"            out.append(inspring + O{i})",
                f"            F{i}(out, w, codes, dieper)",
                "            if len(out) == begin + 1:",
                f"                out[begin] = inspring + E{i}",
                "            else:",
                f"                out.append(inspring + C{i})",
            ]
    exec(compile("\n".join(regels), f"<schrijver {ctype.naam}>", "exec"), omgeving)  # noqa: S102
    functie = bezig[sleutel] = omgeving["schrijf"]  # before the children: a type may recur
    for i, (_, _, _, simpel, _, _, _) in enumerate(plan):
        if simpel is None:
            omgeving[f"F{i}"] = _maak_schrijver(ctype.velden[i].type, ns, prefix, bezig)
    return functie


def schrijf(nr: str, data: dict, codes: dict | None = None) -> bytes:
    """Write a message from nested dicts in the order of the schema.

    ``codes`` maps a class path (as in ``Fout.pad``) to its retourcodes (retour messages).
    The XML is written as text, byte for byte what lxml's pretty printer gives, without
    building a tree first (retours are written for every incoming message).
    """
    definitie = DEFINITIES[nr]
    prefix = f"wmo{nr}"
    out = [
        f"<?xml version='1.0' encoding='UTF-8'?>\n<{prefix}:Bericht "
        f'xmlns:{prefix}="{definitie.ns}" xmlns:iwmo="{BASIS_NS}">'
    ]
    _schrijver(definitie.root, definitie.ns, prefix)(out, data, codes, "\n  ")
    if len(out) == 1:
        out[0] = out[0][:-1] + "/>"
    else:
        out.append(f"\n</{prefix}:Bericht>")
    out.append("\n")
    return "".join(out).encode("utf-8")


def schrijf_lxml(nr: str, data: dict, codes: dict | None = None) -> bytes:
    """The reference writer (an lxml tree); ``schrijf`` gives the same bytes, faster."""
    definitie = DEFINITIES[nr]
    root = etree.Element(definitie.tag, nsmap={f"wmo{nr}": definitie.ns, "iwmo": BASIS_NS})
    _schrijf_lxml(root, definitie.root, data, codes)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _schrijf_lxml(parent, ctype: Complex, data: dict, codes):
    for veld in ctype.velden:
        waarde = data.get(veld.naam)
        if veld.naam == "RetourCodes" and codes is not None:
            waarde = {"RetourCode": codes.get(data.get("_pad", ""), ["0200"])}
        if waarde is None:
            if veld.minimum:
                raise ValueError(f"{ctype.naam}/{veld.naam} is verplicht")
            continue
        for w in waarde if veld.maximum != 1 else (waarde,):
            kind = etree.SubElement(parent, veld.tag)
            if veld.type.__class__ is Simple:
                kind.text = veld.type.schrijf(w)
            else:
                _schrijf_lxml(kind, veld.type, w, codes)


def header(nr: str, *, afzender: str, ontvanger: str, identificatie: str, dagtekening) -> dict:
    d = DEFINITIES[nr]
    return {
        "BerichtCode": d.berichtcode,
        "BerichtVersie": 3,
        "BerichtSubversie": 2,
        "Afzender": afzender,
        "Ontvanger": ontvanger,
        "BerichtIdentificatie": {"Identificatie": identificatie, "Dagtekening": dagtekening},
        "XsdVersie": {"BasisschemaXsdVersie": XSD_VERSIE, "BerichtXsdVersie": XSD_VERSIE},
    }
