"""Level 2: the rules inside one message (TR/CD/CS, "XSLT level"). Any finding gives 0001.

The rules and their exact conditions follow the official iStandaarden validation XSLT for
iWmo 3.2 (version 2.10.5); ``tests/test_xslt_differentieel.py`` compares the two on
mutants of the official examples. On top of it we check one thing the XSLT cannot: that
every coded value is valid in its code list on the dagtekening (regel ``codelijst``).

Each function gets the message data (nested dicts from ``schema.lees``) and returns
findings; nothing here reads the database except the code lists (passed in).
"""

import datetime
import re
from dataclasses import dataclass

from .codelijsten import CODEVELDEN, Codes
from .schema import DEFINITIES, Complex, Fout, Gelezen

EEN_MAAND_EENHEDEN = {"14", "16", "83", "84"}
VRIJGESTELDE_CATEGORIEEN = {"11", "12", "13", "14"}
MIN_DATUM_DECLARATIE = datetime.date(2021, 1, 1)
EINDE_2020 = datetime.date(2020, 12, 31)
VERWIJZERS_MET_AGB = {"02", "03", "04", "05"}
NL_POSTCODE = re.compile(r"[1-9][0-9]{3}[a-zA-Z]{2}")
_XML_WIT = re.compile(r"[ \t\r\n]+")
CODELIJST = "codelijst"  # our own check, outside the XSLT: code valid on the dagtekening


@dataclass
class Bevinding(Fout):
    """A level-2 finding with the rule it breaks (e.g. ``CS003``, or ``codelijst``)."""

    regel: str = ""


def elfproef(bsn: str) -> bool:
    """CS002 as the XSLT computes it: Σ digit × weight (9..2, -1) is a multiple of 11."""
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    if bsn.isascii():  # the usual case, as bytes: digit = byte - 48 (weights sum to 43)
        c = bsn.encode()
        totaal = (
            (9 * c[0] + 8 * c[1] + 7 * c[2] + 6 * c[3] + 5 * c[4] + 4 * c[5] + 3 * c[6] + 2 * c[7])
            - c[8]
            - 48 * 43
        )
    else:
        totaal = sum(int(c) * w for c, w in zip(bsn, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return totaal % 11 == 0


def bsn_geldig(bsn: str) -> bool:
    """A BSN we accept in our own forms: the 11-proef, and not 000000000."""
    return elfproef(bsn) and bsn != "000000000"


def _f(fouten, pad, regel, melding):
    fouten.append(Bevinding(pad, "0001", f"{melding} ({regel})", regel=regel))


def _normaal(tekst: str) -> str:
    """XPath normalize-space."""
    if tekst.isalnum():  # the usual reference: nothing to normalise
        return tekst
    return _XML_WIT.sub(" ", tekst).strip(" ")


def _getal(d: datetime.date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def _met_codes() -> frozenset[str]:
    """Names of the complex elements (in any message) with a coded element below them:
    the only ones worth descending into."""
    complexen: dict[str, list] = {}
    for d in DEFINITIES.values():
        stapel = [d.root]
        gezien = set()
        while stapel:
            ctype = stapel.pop()
            if id(ctype) in gezien:
                continue
            gezien.add(id(ctype))
            for veld in ctype.velden:
                if isinstance(veld.type, Complex):
                    complexen.setdefault(veld.naam, []).append(veld.type)
                    stapel.append(veld.type)

    def bevat(ctype, bezig=()) -> bool:
        if id(ctype) in bezig:
            return False
        return any(
            veld.naam in CODEVELDEN
            or (isinstance(veld.type, Complex) and bevat(veld.type, (*bezig, id(ctype))))
            for veld in ctype.velden
        )

    return frozenset(naam for naam, types in complexen.items() if any(map(bevat, types)))


MET_CODES = _met_codes()


# per element name: its code list (or None) and whether to descend into it
_BIJ_CODES = {naam: (CODEVELDEN.get(naam), naam in MET_CODES) for naam in {*CODEVELDEN, *MET_CODES}}


def _codes(waarde, pad, codes: Codes, peildatum, fouten):
    """Every coded element must be valid in its code list on the peildatum."""
    if isinstance(waarde, list):
        for w in waarde:
            _codes(w, pad, codes, peildatum, fouten)
        return
    if not isinstance(waarde, dict):
        return
    eigen = waarde.get("_pad", pad)
    bij_codes = _BIJ_CODES.get
    for naam, w in waarde.items():
        soort = bij_codes(naam)
        if soort is None:
            continue
        lijst, dieper = soort
        if lijst and isinstance(w, str):
            if not codes.geldig(lijst, w, peildatum):
                _f(
                    fouten,
                    eigen,
                    CODELIJST,
                    f"{naam} {w} is niet geldig in codelijst {lijst} op {peildatum}",
                )
        elif dieper and isinstance(w, dict | list):
            _codes(w, eigen, codes, peildatum, fouten)


# --- persons ------------------------------------------------------------------------


def _geboortedatum(geb, pad, dag, fouten):
    """TR134, TR002 and CS139 on a Geboortedatum (client or relation)."""
    datum = geb["Datum"]
    gebruik = geb.get("DatumGebruik")
    if datum > dag:
        _f(fouten, pad, "TR134", "Geboortedatum ligt na de dagtekening")
    onbekend = gebruik == "3" and datum == datetime.date(1900, 1, 1)
    if not onbekend and _getal(datum) + 1_200_000 < _getal(dag):
        _f(fouten, pad, "TR002", "Geboortedatum ligt meer dan 120 jaar voor de dagtekening")
    if (
        (gebruik == "3" and datum != datetime.date(1900, 1, 1))
        or (gebruik == "2" and (datum.month, datum.day) != (1, 1))
        or (gebruik == "1" and datum.day != 1)
    ):
        _f(fouten, pad, "CS139", "Geboortedatum past niet bij DatumGebruik")


def _persoon(client, dag, fouten):
    """CS002 and the birth date rules of a client block."""
    pad = client.get("_pad", "Client")
    if not elfproef(client.get("Bsn", "")):
        _f(fouten, pad, "CS002", "Bsn voldoet niet aan de elfproef")
    geb = client.get("Geboortedatum")
    if geb:
        _geboortedatum(geb, pad, dag, fouten)


def _naamgebruik(naam, pad, fouten):
    """CS050: NaamGebruik 1 without a partner name, 1–4 with one."""
    toegestaan = ("1", "2", "3", "4") if "Partnernaam" in naam else ("1",)
    if naam["NaamGebruik"] not in toegestaan:
        _f(fouten, pad, "CS050", "NaamGebruik past niet bij wel of geen partnernaam")


def _contact(contact, fouten):
    """CD005, CD009, CD025, CD034, CS003, CS089 and TR006 on a 301 Contact."""
    pad = contact["_pad"]
    adres = contact.get("Adres") or {}
    postcode = adres.get("Postcode")
    landcode = adres.get("LandCode")
    if contact["Soort"] in ("01", "03") and not postcode:
        _f(fouten, pad, "CD034", "Bij dit soort adres is een postcode verplicht")
    if "Periode" in contact and contact["Soort"] != "04":
        _f(fouten, pad, "CD009", "Een periode mag alleen bij een tijdelijk verblijfadres")
    if "Telefoon" not in contact and ("Huis" not in adres or postcode is None):
        _f(fouten, pad, "TR006", "Vul een telefoonnummer of huisnummer en postcode in")
    if (postcode is None) != (landcode is None):
        _f(fouten, pad, "CD005", "Postcode en LandCode horen samen")
    if landcode == "NL":
        if "Huis" not in adres:
            _f(fouten, pad, "CD025", "Een Nederlands adres vraagt een huisnummer")
        if postcode is None or not NL_POSTCODE.fullmatch(postcode):
            _f(fouten, pad, "CS089", "Een Nederlandse postcode is 4 cijfers en 2 letters")
    periode = contact.get("Periode")
    if periode and "Einddatum" in periode:
        begin = periode.get("Begindatum")
        if begin is None or begin > periode["Einddatum"]:
            _f(fouten, pad, "CS003", "Einddatum ligt voor de begindatum")


def _dubbel(items, sleutel, fouten, melding="Deze klasse komt twee keer voor"):
    """TR101: a class may not repeat with the same key among its siblings."""
    gezien = set()
    for item in items:
        s = sleutel(item)
        if s in gezien:
            _f(fouten, item["_pad"], "TR101", melding)
        gezien.add(s)


def _product_sleutel(item):
    product = item.get("Product") or {}
    return product.get("Categorie"), product.get("Code")


# --- Product, Omvang, Budget, Einddatum ----------------------------------------------


def _combinatie(
    pad,
    product,
    omvang,
    budget,
    einddatum,
    fouten,
    *,
    met_product=True,
    omvang_regel="CD080",
    eenheid_regel="CS338",
):
    """CD041, CD075–CD080 (CD095/CD096 in 315/317), CS338/CS343: which of Product, Omvang,
    Budget and Einddatum go together. ``met_product`` is false for a class without Product
    (TeWijzigenProduct)."""
    code = (product or {}).get("Code")
    na_2020 = einddatum is None or einddatum > EINDE_2020
    if met_product:
        if code is not None and omvang is None:
            _f(fouten, pad, "CD041", "Een productcode vraagt een omvang")
        if budget is None and product is None:
            _f(fouten, pad, "CD079", "Product is verplicht als er geen budget is")
        if omvang is not None and code is None and na_2020:
            _f(fouten, pad, omvang_regel, "Omvang mag alleen met een productcode")
    if budget is not None:
        if einddatum is None:
            _f(fouten, pad, "CD075", "Einddatum is verplicht bij een budget")
        if omvang is not None:
            _f(fouten, pad, "CD077", "Bij een budget hoort geen omvang")
            _f(fouten, pad, "CD078", "Bij een omvang hoort geen budget")
    if omvang is not None:
        if omvang["Frequentie"] == "2" and einddatum is None:
            _f(fouten, pad, "CD076", "Einddatum is verplicht bij frequentie per week")
        if (
            omvang["Eenheid"] in EEN_MAAND_EENHEDEN
            and omvang["Frequentie"] not in ("2", "4", "6")
            and na_2020
        ):
            _f(
                fouten,
                pad,
                eenheid_regel,
                "Deze eenheid vraagt frequentie per week, maand of totaal",
            )


def _zelfde_product(p1, p2) -> bool:
    """The XSLT's notion of the same product for TR302/TR386/TR410: equal category and
    code, or equal category when one has no code, or one of them has no product at all."""
    if not p1 or not p2:
        return True
    if p1["Categorie"] != p2["Categorie"]:
        return False
    c1, c2 = p1.get("Code"), p2.get("Code")
    return c1 is None or c2 is None or c1 == c2


def _overlap(items, fouten, regel):
    """The same product may repeat only in periods that do not overlap; 11–14 are exempt.
    ``items``: (product, begin, eind or None, pad) in message order."""
    for i, (product, begin, eind, pad) in enumerate(items):
        if product and product["Categorie"] in VRIJGESTELDE_CATEGORIEEN:
            continue
        for ander, b, e, _ in items[:i]:
            if ander and ander["Categorie"] in VRIJGESTELDE_CATEGORIEEN:
                continue
            if not _zelfde_product(product, ander):
                continue
            if (eind is None or eind >= b) and (e is None or e >= begin):
                _f(fouten, pad, regel, "Hetzelfde product overlapt in tijd")


# --- per message ----------------------------------------------------------------------


def _r301(data, dag, fouten):
    client = data["Client"]
    _persoon(client, dag, fouten)
    pad = client["_pad"]
    _naamgebruik(client["Naam"], pad, fouten)
    communicatie = client.get("Communicatie")
    if communicatie and ("Taal" in communicatie) != (communicatie["Vorm"] == "1"):
        _f(fouten, pad, "CD007", "Taal alleen en altijd bij communicatievorm tolk")
    relaties = (client.get("Relaties") or {}).get("Relatie", [])
    for relatie in relaties:
        if relatie.get("Geboortedatum"):
            _geboortedatum(relatie["Geboortedatum"], relatie["_pad"], dag, fouten)
        _naamgebruik(relatie["Naam"], relatie["_pad"], fouten)
        _contact(relatie["Contact"], fouten)
    _dubbel(relaties, lambda r: r["Nummer"], fouten)
    contacten = client["Contactgegevens"]["Contact"]
    for contact in contacten:
        _contact(contact, fouten)
    _dubbel(contacten, lambda c: c["Soort"], fouten)
    if not any(c["Soort"] in ("01", "02", "03") for c in contacten):
        _f(fouten, contacten[0]["_pad"], "TR061", "Er ontbreekt een woon- of verblijfadres")

    producten = client["ToegewezenProducten"]["ToegewezenProduct"]
    _dubbel(producten, lambda tp: tp["ToewijzingNummer"], fouten)
    items = []
    for tp in producten:
        pad = tp["_pad"]
        begin, eind = tp["Ingangsdatum"], tp.get("Einddatum")
        if eind is not None and eind < begin:
            _f(fouten, pad, "CS003", "Einddatum ligt voor de ingangsdatum")
        reden = tp.get("RedenWijziging")
        if reden == "13" and eind is not None and eind != begin:
            _f(
                fouten,
                pad,
                "CS335",
                "RedenWijziging 13 alleen als Einddatum gelijk is aan Ingangsdatum",
            )
        if reden == "01":
            _f(fouten, pad, "CS336", "RedenWijziging 01 is vervallen")
        if tp["Toewijzingsdatum"] > dag:
            _f(fouten, pad, "TR134", "Toewijzingsdatum ligt na de dagtekening")
        _combinatie(pad, tp.get("Product"), tp.get("Omvang"), tp.get("Budget"), eind, fouten)
        if not (reden in ("01", "13") and eind == begin):  # deleted: never sent (TR302)
            items.append((tp.get("Product"), begin, eind, pad))
    _overlap(items, fouten, "TR302")


def _r305_307(data, dag, fouten, stop):
    client = data["Client"]
    _persoon(client, dag, fouten)
    naam = "StopProduct" if stop else "StartProduct"
    producten = client[f"{naam}en"][naam]
    for sp in producten:
        pad = sp["_pad"]
        if sp["StatusAanlevering"] not in ("1", "3"):
            _f(fouten, pad, "CS058", "StatusAanlevering moet 1 of 3 zijn")
        if stop:
            if sp["Einddatum"] < sp["Begindatum"]:
                _f(fouten, pad, "TR018", "Einddatum ligt voor de begindatum")
            if sp["Einddatum"] > dag:
                _f(fouten, pad, "TR134", "Einddatum ligt na de dagtekening")
        elif sp["Begindatum"] > dag:
            _f(fouten, pad, "TR134", "Begindatum ligt na de dagtekening")
    if stop:
        _dubbel(
            producten,
            lambda sp: (
                sp["Begindatum"],
                sp["Einddatum"],
                *_product_sleutel(sp),
                sp["RedenBeeindiging"],
                sp.get("ToewijzingNummer"),
            ),
            fouten,
        )
    else:
        _dubbel(
            producten,
            lambda sp: (sp["Begindatum"], *_product_sleutel(sp), sp.get("ToewijzingNummer")),
            fouten,
        )


def _r315(data, dag, fouten):
    client = data["Client"]
    _persoon(client, dag, fouten)
    producten = client["AangevraagdeProducten"]["AangevraagdProduct"]
    _dubbel(producten, lambda ap: ap["ReferentieAanbieder"], fouten)
    items = []
    eerder: dict[str, list[str]] = {}  # ReferentieAanbieder -> paths of earlier products
    for ap in producten:
        pad = ap["_pad"]
        referentie = ap["ReferentieAanbieder"]
        for eerder_pad in eerder.get(_normaal(referentie), ()):  # reported at the earlier one
            _f(fouten, eerder_pad, "TR383", "ReferentieAanbieder komt later nog eens voor")
        eerder.setdefault(referentie, []).append(pad)
        begin, eind = ap["ToewijzingIngangsdatum"], ap.get("ToewijzingEinddatum")
        if eind is not None and eind < begin:
            _f(fouten, pad, "CS003", "ToewijzingEinddatum ligt voor de ingangsdatum")
        if ("BeschikkingNummer" in ap) != ("BeschikkingIngangsdatum" in ap):
            _f(fouten, pad, "CD043", "BeschikkingNummer en BeschikkingIngangsdatum horen samen")
        verwijzer = ap["Verwijzer"]
        agb, naam = "ZorgverlenerCode" in verwijzer, "Naam" in verwijzer
        if verwijzer["Type"] in VERWIJZERS_MET_AGB:
            if agb and naam:
                _f(fouten, pad, "CD066", "Verwijzer: een zorgverlenerscode óf een naam, niet beide")
            elif not agb and not naam:
                _f(fouten, pad, "CD067", "Verwijzer vraagt een naam of zorgverlenerscode")
        elif agb:
            _f(fouten, pad, "CD068", "Bij dit type verwijzer hoort geen zorgverlenerscode")
        _combinatie(
            pad,
            ap.get("Product"),
            ap.get("Omvang"),
            ap.get("Budget"),
            eind,
            fouten,
            omvang_regel="CD095",
            eenheid_regel="CS343",
        )
        items.append((ap.get("Product"), begin, eind, pad))
    _overlap(items, fouten, "TR386")


def _r317(data, dag, fouten):
    client = data["Client"]
    _persoon(client, dag, fouten)
    verzoek = client["Verzoek"]
    pad = verzoek["_pad"]
    ongewijzigd = (verzoek.get("OngewijzigdeProducten") or {}).get("OngewijzigdProduct", [])
    te_wijzigen = (verzoek.get("TeWijzigenProducten") or {}).get("TeWijzigenProduct", [])
    nieuw = (verzoek.get("NieuweProducten") or {}).get("NieuwProduct", [])
    if not (ongewijzigd or te_wijzigen):
        _f(fouten, pad, "TR352", "Minstens één ongewijzigd of te wijzigen product")
    if not (te_wijzigen or nieuw):
        _f(fouten, pad, "TR353", "Minstens één te wijzigen of nieuw product")
    _dubbel(ongewijzigd, lambda p: p["ToewijzingNummer"], fouten)
    _dubbel(te_wijzigen, lambda p: p["ToewijzingNummer"], fouten)
    _dubbel(nieuw, lambda p: (p["GewensteIngangsdatum"], *_product_sleutel(p)), fouten)
    for tw in te_wijzigen:
        eind = tw.get("Einddatum")
        if eind is not None and eind < tw["GewensteIngangsdatum"]:
            _f(fouten, tw["_pad"], "CS003", "Einddatum ligt voor de gewenste ingangsdatum")
        _combinatie(
            tw["_pad"], None, tw.get("Omvang"), tw.get("Budget"), eind, fouten, met_product=False
        )
    items = []
    for np in nieuw:
        eind = np.get("Einddatum")
        begin = np["GewensteIngangsdatum"]
        if eind is not None and eind < begin:
            _f(fouten, np["_pad"], "CS003", "Einddatum ligt voor de gewenste ingangsdatum")
        if begin <= dag:
            _f(fouten, np["_pad"], "TR380", "GewensteIngangsdatum moet na de dagtekening liggen")
        _combinatie(
            np["_pad"],
            np.get("Product"),
            np.get("Omvang"),
            np.get("Budget"),
            eind,
            fouten,
            omvang_regel="CD096",
        )
        items.append((np.get("Product"), begin, eind, np["_pad"]))
    _overlap(items, fouten, "TR410")


def _r319(data, dag, fouten):
    antwoord = data["Antwoord"]
    reden = "RedenAfwijzingVerzoek" in antwoord
    if antwoord["VerzoekAntwoord"] == "1" and not reden:
        _f(fouten, antwoord["_pad"], "CD085", "Bij een afwijzing hoort een reden")
    elif antwoord["VerzoekAntwoord"] == "2" and reden:
        _f(fouten, antwoord["_pad"], "CD086", "Bij 'in onderzoek' hoort geen reden van afwijzing")


def _vijf_jaar_eerder(d: datetime.date) -> datetime.date:
    """TR335: the date 60 months earlier (29 February becomes the 28th)."""
    if d.year <= 5:
        return datetime.date.min
    return (
        d.replace(year=d.year - 5, day=28)
        if (d.month, d.day) == (2, 29)
        else d.replace(year=d.year - 5)
    )


def _r323(data, dag, fouten):
    decl = data["Declaratie"]
    pad = decl["_pad"]
    periode = decl["DeclaratiePeriode"]
    pb, pe = periode["Begindatum"], periode["Einddatum"]
    laatste = pe.month == 12 and pe.day == 31 or (pe + datetime.timedelta(days=1)).day == 1
    if pb.day != 1 or (pb.year, pb.month) != (pe.year, pe.month) or not laatste:
        _f(fouten, pad, "CS340", "DeclaratiePeriode moet precies één kalendermaand zijn")
    if pb < MIN_DATUM_DECLARATIE:
        _f(fouten, pad, "CS100", "Declaraties over periodes voor 2021 zijn niet toegestaan")
    if pb > dag:
        _f(fouten, pad, "TR134", "DeclaratiePeriode begint na de dagtekening")
    if pe < pb or pe > dag:
        _f(fouten, pad, "TR137", "DeclaratiePeriode eindigt voor het begin of na de dagtekening")
    grens = _vijf_jaar_eerder(decl["DeclaratieDagtekening"])
    totaal = decl["TotaalIngediendBedrag"]
    if totaal["TotaalBedrag"] == 0 and totaal["DebetCredit"] == "C":
        _f(fouten, pad, "CS325", "Een bedrag van 0 is altijd debet")
    saldo = 0
    refs: set = set()  # ReferentieNummer of the prestaties so far (whole message)
    vorige: set = set()  # VorigReferentieNummer of the prestaties so far
    clienten = decl["Clienten"]["Client"]
    _dubbel(clienten, lambda c: c["Bsn"], fouten)
    for client in clienten:
        if not elfproef(client["Bsn"]):
            _f(fouten, client["_pad"], "CS002", "Bsn voldoet niet aan de elfproef")
        debet: set = set()
        sleutels: set = set()  # TR101 among the prestaties of this client
        for p in client["Prestaties"]["Prestatie"]:
            ppad = p["_pad"]
            referentie = p["ProductReferentie"]
            ref = referentie["ReferentieNummer"]
            vorig = referentie.get("VorigReferentieNummer")
            if (ref, vorig) in sleutels:
                _f(fouten, ppad, "TR101", "Deze prestatie komt twee keer voor")
            sleutels.add((ref, vorig))
            bedrag, dc = p["IngediendBedrag"]["Bedrag"], p["IngediendBedrag"]["DebetCredit"]
            if (dc == "C") != (vorig is not None):
                _f(fouten, ppad, "CD060", "VorigReferentieNummer alleen en altijd bij credit")
            if vorig is not None and _normaal(vorig) in vorige:
                _f(fouten, ppad, "TR315", "Deze prestatie is in het bericht al gecrediteerd")
            n_ref, n_vorig = _normaal(ref), _normaal(vorig or "")
            if n_vorig in refs or n_ref in vorige or n_ref == n_vorig:
                _f(fouten, ppad, "TR316", "Crediteren van een prestatie uit hetzelfde bericht")
            refs.add(ref)
            if vorig is not None:
                vorige.add(vorig)
            b, e = p["ProductPeriode"]["Begindatum"], p["ProductPeriode"]["Einddatum"]
            if (b.year, b.month) != (e.year, e.month):
                _f(fouten, ppad, "CS337", "ProductPeriode ligt niet binnen één kalendermaand")
            if b < MIN_DATUM_DECLARATIE:
                _f(fouten, ppad, "CS100", "ProductPeriode voor 2021 is niet toegestaan")
            if b > dag:
                _f(fouten, ppad, "TR134", "ProductPeriode begint na de dagtekening")
            if e < b or e > dag:
                _f(
                    fouten,
                    ppad,
                    "TR137",
                    "ProductPeriode eindigt voor het begin of na de dagtekening",
                )
            if b > pe or e > pe:
                _f(fouten, ppad, "TR319", "ProductPeriode ligt na de declaratieperiode")
            if e < grens:
                _f(fouten, ppad, "TR335", "ProductPeriode ligt meer dan 5 jaar terug")
            if (p["Eenheid"] != "83") != ("ProductTarief" in p):
                _f(
                    fouten,
                    ppad,
                    "CD087",
                    "ProductTarief alleen en altijd als de eenheid geen euro is",
                )
            if p["Eenheid"] == "83" and bedrag != p["GeleverdVolume"]:
                _f(fouten, ppad, "CS339", "Bij eenheid euro's is het bedrag gelijk aan het volume")
            if bedrag == 0 and dc == "C":
                _f(fouten, ppad, "CS325", "Een bedrag van 0 is altijd debet")
            if dc == "D":
                sleutel = (b, e, p["ProductCategorie"], p["ToewijzingNummer"], p["ProductCode"])
                if sleutel in debet:
                    _f(fouten, ppad, "TR416", "Dezelfde prestatie is twee keer gedeclareerd")
                debet.add(sleutel)
            saldo += bedrag if dc == "D" else -bedrag
    verwacht = saldo if totaal["DebetCredit"] == "D" else -saldo
    if totaal["TotaalBedrag"] != verwacht:
        _f(fouten, pad, "TR358", "TotaalIngediendBedrag is niet de som debet min credit")


PER_BERICHT = {
    "301": _r301,
    "305": lambda d, dag, f: _r305_307(d, dag, f, stop=False),
    "307": lambda d, dag, f: _r305_307(d, dag, f, stop=True),
    "315": _r315,
    "317": _r317,
    "319": _r319,
    "323": _r323,
}


def controleer(gelezen: Gelezen, codes: Codes) -> list[Fout]:
    """Level 2 findings for a message that passed level 1."""
    fouten: list[Fout] = []
    data = gelezen.data
    dag = gelezen.dagtekening
    _codes(data, "", codes, dag, fouten)
    PER_BERICHT[gelezen.nr](data, dag, fouten)
    return fouten
