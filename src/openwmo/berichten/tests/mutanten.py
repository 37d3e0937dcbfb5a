"""Mutants of the official example messages, aimed at what the level-2 rules look at.

Used by ``test_xslt_differentieel``. A mutant is an example with one to four small edits:
dates (swapped, equal, a day before or after another date or the dagtekening, first or
last of a month, far past and far future), values of codes, amounts and references,
optional elements removed or added, repeated classes duplicated (the copy sometimes
differs in one key field), and one value copied onto another element of the same type.

The generator knows where elements may go from our structure description
(``schema.DEFINITIES``); it does not need to be right about that, because the test keeps
only the mutants that the official XSD accepts. Values are written in their canonical
form (no leading zeros or surrounding spaces): the rules compare text, and a different
spelling of the same number is a level-1 matter, not what this test is about.
"""

import datetime
import random

from lxml import etree

from openwmo.berichten import schema

# value pools per element name, for strings whose content matters to a rule
POOLS = {
    "Code": ["01A01", "01A03", "01A04", "01A12", "ABCDE", "BCDEF", "02A03", "Z"],
    "ProductCode": ["01A01", "01A03", "01A04", "01A12", "02A03", "Z"],
    "ReferentieAanbieder": ["42420001", "42420002", "9003", "R1", "R2"],
    "ReferentieNummer": ["RN001", "RN002", "RN003", "RN004", "RN005", "X1"],
    "VorigReferentieNummer": ["RN001", "RN002", "RN003", "RN004", "RN005", "X1"],
    "Postcode": ["9999XX", "1234AB", "1000zz", "0123AB", "12345", "AB1234", "1234ABC"],
    "LandCode": ["NL", "NL", "BE", "AD", "DE"],
    "Taal": ["Deens", "Engels"],
    "Commentaar": ["Opmerking", "Nog een opmerking"],
    "Nummer": ["1", "2", "3"],
    "Naam": ["Naam", "Dokter Jansen"],
    "ZorgverlenerCode": ["01234567", "12345678"],
    "DeclaratieNummer": ["DN001", "DN002"],
    "Identificatie": ["ID1", "ID2"],
}
# (class, element, values): values a rule looks at; None removes, "kopie" copies a value
# of the same (or the related reference) element elsewhere in the message
GERICHT = [
    ("ToegewezenProduct", "RedenWijziging", ["01", "13", "01", "13", "12"]),
    ("ToegewezenProduct", "Einddatum", "kopie"),
    ("ToegewezenProduct", "Product", None),
    ("ToegewezenProduct", "Omvang", None),
    ("AangevraagdProduct", "Product", None),
    ("AangevraagdProduct", "ReferentieAanbieder", "kopie"),
    ("NieuwProduct", "Product", None),
    ("Adres", "LandCode", ["NL"]),
    ("Adres", "Postcode", ["1234AB", "0123AB", "1234 AB", "1234ab"]),
    ("Huis", "Huisnummer", ["1"]),
    ("Adres", "Huis", None),
    ("Contact", "Telefoon", None),
    ("Contact", "Adres", None),
    ("Geboortedatum", "DatumGebruik", ["1", "2", "3"]),
    ("Geboortedatum", "Datum", ["1900-01-01", "1967-01-01", "1967-08-01"]),
    ("Omvang", "Eenheid", ["14", "16", "83", "84", "01"]),
    ("Omvang", "Frequentie", ["1", "2", "4", "6"]),
    ("Verzoek", "TeWijzigenProducten", None),
    ("Verzoek", "NieuweProducten", None),
    ("Verzoek", "OngewijzigdeProducten", None),
    ("Antwoord", "RedenAfwijzingVerzoek", ["1", "7"]),
    ("Antwoord", "RedenAfwijzingVerzoek", None),
    ("ProductReferentie", "VorigReferentieNummer", "kopie"),
    ("ProductReferentie", "VorigReferentieNummer", None),
    ("IngediendBedrag", "DebetCredit", ["C", "D"]),
    ("IngediendBedrag", "Bedrag", ["0"]),
    ("TotaalIngediendBedrag", "TotaalBedrag", ["0"]),
    ("TotaalIngediendBedrag", "DebetCredit", ["C"]),
    ("Prestatie", "Eenheid", ["83", "01"]),
    ("Prestatie", "ProductTarief", None),
]
INT_WAARDEN = [0, 1, 2, 4, 10, 60, 100, 1250, 5000, 99_999_999]
VAST_TEKST = "Tekst"
EENHEID_FREQUENTIE = ["Eenheid", "Frequentie", "Volume"]


def elfproef_bsn(rng: random.Random) -> str:
    while True:
        cijfers = [rng.randrange(10) for _ in range(8)]
        rest = sum(c * w for c, w in zip(cijfers, range(9, 1, -1), strict=True)) % 11
        if rest < 10:
            return "".join(map(str, cijfers)) + str(rest)


def _datum(tekst: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(tekst)
    except (TypeError, ValueError):
        return None


def _maandeinde(d: datetime.date) -> datetime.date:
    if d.month == 12:
        return d.replace(day=31)
    volgende = (d.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return volgende - datetime.timedelta(days=1)


def _plus_dagen(d: datetime.date, n: int) -> datetime.date:
    try:
        return d + datetime.timedelta(days=n)
    except OverflowError:
        return d


def _plus_jaren(d: datetime.date, n: int) -> datetime.date:
    jaar = min(max(d.year + n, 1), 9999)
    return d.replace(year=jaar, day=min(d.day, 28)) if d.month == 2 else d.replace(year=jaar)


class Mutator:
    """Makes mutants of one example; ``rng`` decides everything (a fixed seed repeats)."""

    def __init__(self, raw: bytes, rng: random.Random):
        self.raw = raw
        self.rng = rng
        root = etree.fromstring(raw)
        self.definitie = schema.PER_TAG[root.tag]
        self.nr = self.definitie.nr

    # --- structure ------------------------------------------------------------------

    def _kaart(self, root):
        """Each element -> (its Veld, the Complex of its parent)."""
        kaart = {}

        def loop(el, ctype):
            per_tag = {v.tag: v for v in ctype.velden}
            for kind in el:
                veld = per_tag.get(kind.tag) if isinstance(kind.tag, str) else None
                if veld is None:
                    continue
                kaart[kind] = (veld, ctype)
                if not veld.simpel:
                    loop(kind, veld.type)

        loop(root, self.definitie.root)
        return kaart

    def _simpel(self, veld, oud: str | None = None) -> str:
        """A new value for a simple element (canonical form)."""
        rng, s = self.rng, veld.type
        if s.vast is not None:
            return s.vast
        if veld.naam == "Bsn":
            return rng.choice(
                [elfproef_bsn(rng), elfproef_bsn(rng), f"{rng.randrange(10**9):09d}", "999900006"]
            )
        if s.soort == "date":
            basis = _datum(oud or "") or datetime.date(2023, 6, 1)
            return self._datum_variant(basis, []).isoformat()
        if s.soort == "time":
            return rng.choice(["00:00:00", "12:34:56", "23:59:59"])
        if s.soort == "int":
            keuzes = [w for w in INT_WAARDEN if s.minimum <= w <= s.maximum]
            keuzes.append(rng.randint(s.minimum, min(s.maximum, 100_000)))
            return str(rng.choice(keuzes))
        if s.enum is not None:
            return rng.choice(sorted(s.enum))
        if veld.naam in POOLS:
            return rng.choice(POOLS[veld.naam])
        if s.naam == "LDT_AgbCode":
            return rng.choice(POOLS["ZorgverlenerCode"])
        if s.naam == "LDT_Telefoonnummer":
            return "0101234567"
        if s.naam == "LDT_Voorletters":
            return "AB"
        if s.naam == "LDT_Versie":
            return "1.0.0"
        if s.naam == "LDT_Gemeente":
            return "0384"
        if s.patroon is not None:
            return oud or VAST_TEKST
        tekst = VAST_TEKST
        if s.max_len is not None:
            tekst = tekst[: s.max_len]
        return tekst

    def _maak(self, veld, ns_hint=None):
        """A new element for ``veld``: required children always, optional ones at random."""
        el = etree.Element(veld.tag)
        if veld.simpel:
            el.text = self._simpel(veld)
            return el
        for kind in veld.type.velden:
            if kind.minimum or self.rng.random() < 0.4:
                el.append(self._maak(kind))
        return el

    # --- dates ----------------------------------------------------------------------

    def _datum_variant(self, d: datetime.date, andere: list) -> datetime.date:
        rng = self.rng
        keuze = rng.randrange(12)
        if keuze < 3 and andere:
            return _plus_dagen(rng.choice(andere), rng.choice([0, 0, 1, -1]))
        if keuze == 3:
            return _plus_dagen(d, rng.choice([1, -1, 7, -7, 30, -30, 365, -365]))
        if keuze == 4:
            return d.replace(day=1)
        if keuze == 5:
            return _maandeinde(d)
        if keuze == 6:
            return _plus_jaren(d, rng.choice([-121, -120, -5, -1, 1, 5]))
        if keuze == 7:
            return rng.choice(
                [
                    datetime.date(1900, 1, 1),
                    datetime.date(1890, 6, 15),
                    datetime.date(2020, 12, 31),
                    datetime.date(2021, 1, 1),
                ]
            )
        if keuze == 8:
            return rng.choice([datetime.date(2999, 12, 31), datetime.date(9999, 12, 31)])
        if keuze == 9:
            eerste = d.replace(day=1)
            return _maandeinde(_plus_dagen(eerste, rng.choice([-1, 32])))
        return _plus_dagen(d, rng.randint(-40, 40))

    # --- operations -----------------------------------------------------------------

    def _datum_op(self, root, kaart):
        datums = [el for el, (v, _) in kaart.items() if v.simpel and v.type.soort == "date"]
        if not datums:
            return "geen datum"
        el = self.rng.choice(datums)
        waarden = [d for d in (_datum(x.text) for x in datums) if d]
        if self.rng.random() < 0.2:  # swap with another date of the same parent
            buren = [x for x in el.getparent() if x in kaart and x is not el and x in datums]
            if buren:
                ander = self.rng.choice(buren)
                el.text, ander.text = ander.text, el.text
                return f"wissel {_naam(el)} en {_naam(ander)}"
        oud = _datum(el.text) or datetime.date(2023, 6, 1)
        el.text = self._datum_variant(oud, waarden).isoformat()
        return f"datum {_naam(el)}={el.text}"

    def _waarde_op(self, root, kaart):
        kandidaten = [
            el
            for el, (v, _) in kaart.items()
            if v.simpel and v.type.vast is None and not _in_header(el, root)
        ]
        voorkeur = [
            el
            for el in kandidaten
            if _naam(el)
            in {
                "Eenheid",
                "Frequentie",
                "Volume",
                "Categorie",
                "Code",
                "RedenWijziging",
                "Budget",
                "Bedrag",
                "ProductTarief",
                "GeleverdVolume",
                "TotaalBedrag",
                "DebetCredit",
                "StatusAanlevering",
                "VerzoekAntwoord",
                "Type",
                "DatumGebruik",
                "NaamGebruik",
                "Soort",
                "Vorm",
                "LandCode",
                "Postcode",
                "Bsn",
                "ProductCategorie",
                "ProductCode",
                "ReferentieNummer",
                "VorigReferentieNummer",
                "ReferentieAanbieder",
                "ToewijzingNummer",
                "RedenBeeindiging",
            }
        ]
        el = self.rng.choice(voorkeur if voorkeur and self.rng.random() < 0.8 else kandidaten)
        veld = kaart[el][0]
        el.text = self._simpel(veld, el.text)
        if _naam(el) == "Bedrag" and self.rng.random() < 0.3:  # amount = volume (Eenheid 83)
            volume = el.getparent().getparent().find(_zus(el.getparent(), "GeleverdVolume"))
            if volume is not None:
                el.text = volume.text
        return f"waarde {_naam(el)}={el.text}"

    def _verwijder_op(self, root, kaart):
        kandidaten = []
        for el, (veld, _) in kaart.items():
            if _in_header(el, root):
                continue
            if veld.minimum == 0:
                kandidaten.append(el)
            elif veld.maximum != 1 and len(el.getparent().findall(veld.tag)) > veld.minimum:
                kandidaten.append(el)
        if not kandidaten:
            return "niets te verwijderen"
        el = self.rng.choice(kandidaten)
        el.getparent().remove(el)
        return f"verwijder {_naam(el)}"

    def _voeg_toe_op(self, root, kaart):
        plekken = []
        for el, (veld, _) in kaart.items():
            if veld.simpel or _in_header(el, root):
                continue
            aanwezig = {k.tag for k in el}
            for i, kind in enumerate(veld.type.velden):
                if kind.tag not in aanwezig or kind.maximum != 1:
                    plekken.append((el, veld.type, i))
        if not plekken:
            return "niets toe te voegen"
        ouder, ctype, i = self.rng.choice(plekken)
        nieuw_veld = ctype.velden[i]
        nieuw = self._maak(nieuw_veld)
        volgorde = {v.tag: n for n, v in enumerate(ctype.velden)}
        positie = 0
        for n, kind in enumerate(ouder):
            if volgorde.get(kind.tag, -1) <= i:
                positie = n + 1
        ouder.insert(positie, nieuw)
        return f"voeg {nieuw_veld.naam} toe aan {_naam(ouder)}"

    def _dupliceer_op(self, root, kaart):
        kandidaten = [
            el
            for el, (veld, _) in kaart.items()
            if not veld.simpel and veld.maximum != 1 and not _in_header(el, root)
        ]
        if not kandidaten:
            return "niets te dupliceren"
        el = self.rng.choice(kandidaten)
        kopie = etree.fromstring(etree.tostring(el))
        el.addnext(kopie)
        if self.rng.random() < 0.5:  # the copy differs in one leaf
            bladeren = [x for x in kopie.iter() if len(x) == 0 and isinstance(x.tag, str)]
            sub = self._kaart_van(kopie, kaart[el][0])
            bladeren = [x for x in bladeren if x in sub]
            if bladeren:
                blad = self.rng.choice(bladeren)
                blad.text = self._simpel(sub[blad], blad.text)
                return f"dupliceer {_naam(el)}, {_naam(blad)}={blad.text}"
        return f"dupliceer {_naam(el)}"

    def _kaart_van(self, el, veld):
        kaart = {}

        def loop(e, ctype):
            per_tag = {v.tag: v for v in ctype.velden}
            for kind in e:
                v = per_tag.get(kind.tag)
                if v is None:
                    continue
                if v.simpel:
                    kaart[kind] = v
                else:
                    loop(kind, v.type)

        loop(el, veld.type)
        return kaart

    def _kopieer_op(self, root, kaart):
        per_type: dict = {}
        for el, (veld, _) in kaart.items():
            if veld.simpel and veld.type.vast is None:
                per_type.setdefault(veld.type.naam, []).append(el)
        paren = [els for els in per_type.values() if len(els) > 1]
        if not paren:
            return "niets te kopiëren"
        els = self.rng.choice(paren)
        bron, doel = self.rng.sample(els, 2)
        doel.text = bron.text
        return f"kopieer {_naam(bron)} naar {_naam(doel)}"

    def _zet(self, ouder, veld_naam, kaart, tekst=None):
        """Give ``ouder`` a child ``veld_naam`` (made when missing) and return it."""
        ctype = kaart[ouder][0].type
        i, veld = next((n, v) for n, v in enumerate(ctype.velden) if v.naam == veld_naam)
        el = ouder.find(veld.tag)
        if el is None:
            el = self._maak(veld)
            volgorde = {v.tag: n for n, v in enumerate(ctype.velden)}
            positie = 0
            for n, kind in enumerate(ouder):
                if volgorde.get(kind.tag, -1) < i:
                    positie = n + 1
            ouder.insert(positie, el)
        if tekst is not None:
            el.text = tekst
        return el

    def _gericht_op(self, root, kaart):
        """A value that a rule is about, in its class (the element is added when missing)."""
        per_klasse: dict = {}
        for el, (veld, _) in kaart.items():
            if not veld.simpel and not _in_header(el, root):
                per_klasse.setdefault(veld.naam, []).append(el)
        keuzes = [g for g in GERICHT if g[0] in per_klasse]
        if not keuzes:
            return "niets gericht"
        klasse, veld_naam, waarden = self.rng.choice(keuzes)
        ouder = self.rng.choice(per_klasse[klasse])
        veld = next((v for v in kaart[ouder][0].type.velden if v.naam == veld_naam), None)
        if veld is None:
            return f"{klasse} heeft geen {veld_naam}"
        if waarden is None:  # remove the element
            el = ouder.find(veld.tag)
            if el is None:
                return f"geen {veld_naam} in {klasse}"
            ouder.remove(el)
            return f"verwijder {klasse}/{veld_naam}"
        if waarden == "kopie":  # the same element elsewhere (a credit: a ReferentieNummer)
            tags = [veld.tag]
            if veld_naam == "VorigReferentieNummer":
                tags.append(veld.tag.replace("VorigReferentieNummer", "ReferentieNummer"))
            bronnen = list(root.iter(*tags))
            if not bronnen:
                return f"geen bron voor {veld_naam}"
            waarde = self.rng.choice(bronnen).text
        else:
            waarde = self.rng.choice(waarden)
        el = self._zet(ouder, veld_naam, kaart, waarde)
        uit = f"zet {klasse}/{veld_naam}={el.text}"
        if veld_naam == "LandCode" and self.rng.random() < 0.7:  # a Dutch address, checked
            if self.rng.random() < 0.5:
                postcode = self._zet(ouder, "Postcode", kaart, self.rng.choice(POOLS["Postcode"]))
                uit += f", Postcode={postcode.text}"
            elif ouder.find(f"{{{schema.BASIS_NS}}}Huis") is not None:
                ouder.remove(ouder.find(f"{{{schema.BASIS_NS}}}Huis"))
                uit += ", zonder Huis"
        return uit

    OPERATIES = (
        ("_datum_op", 25),
        ("_waarde_op", 20),
        ("_gericht_op", 20),
        ("_verwijder_op", 10),
        ("_voeg_toe_op", 12),
        ("_dupliceer_op", 8),
        ("_kopieer_op", 5),
    )

    def mutant(self) -> tuple[bytes, str]:
        """One mutant and a short description of its edits."""
        root = etree.fromstring(self.raw)
        namen = [n for n, _ in self.OPERATIES]
        gewichten = [g for _, g in self.OPERATIES]
        stappen = []
        for _ in range(self.rng.choice([1, 1, 2, 2, 3, 4])):
            kaart = self._kaart(root)
            op = self.rng.choices(namen, gewichten)[0]
            stappen.append(getattr(self, op)(root, kaart))
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8"), "; ".join(stappen)


def _naam(el) -> str:
    return etree.QName(el).localname


def _zus(el, naam: str) -> str:
    return f"{{{etree.QName(el).namespace}}}{naam}"


def _in_header(el, root) -> bool:
    header = root[0] if len(root) else None
    if header is None:
        return False
    for ouder in el.iterancestors():
        if ouder is header:
            return _naam(el) != "Dagtekening"
    return el is header


def mutanten(voorbeelden: dict[str, bytes], per_voorbeeld: int, seed: int, houden):
    """``per_voorbeeld`` distinct mutants of every example for which ``houden(raw)`` is
    true: yields (example name, raw, description)."""
    rng = random.Random(seed)
    for naam in sorted(voorbeelden):
        mutator = Mutator(voorbeelden[naam], rng)
        gezien = set()
        gehouden = pogingen = 0
        while gehouden < per_voorbeeld and pogingen < per_voorbeeld * 10:
            pogingen += 1
            raw, beschrijving = mutator.mutant()
            if raw in gezien:
                continue
            gezien.add(raw)
            if houden(raw):
                gehouden += 1
                yield naam, raw, beschrijving
