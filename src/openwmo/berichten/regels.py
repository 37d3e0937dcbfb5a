"""Level 2: the rules inside one message (TR/CD/CS, "XSLT level"). Any finding gives 0001.

Each function gets the message data (nested dicts from ``schema.lees``) and returns
findings; nothing here reads the database except the code lists (passed in).
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from .codelijsten import CODEVELDEN, Codes
from .schema import DEFINITIES, Complex, Fout, Gelezen

EEN_MAAND_EENHEDEN = {"14", "16", "83", "84"}
VRIJGESTELDE_CATEGORIEEN = {"11", "12", "13", "14"}
MIN_DATUM_DECLARATIE = datetime.date(2021, 1, 1)


def bsn_geldig(bsn: str) -> bool:
    """CS002: the 11-proef with weights 9..2 and -1."""
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
    return totaal % 11 == 0 and bsn != "000000000"


def _f(fouten, pad, melding):
    fouten.append(Fout(pad, "0001", melding))


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
                _f(fouten, eigen, f"{naam} {w} is niet geldig in codelijst {lijst} op {peildatum}")
        elif dieper and isinstance(w, dict | list):
            _codes(w, eigen, codes, peildatum, fouten)


def _client(client: dict, dagtekening, fouten):
    pad = client.get("_pad", "Client")
    if not bsn_geldig(client.get("Bsn", "")):
        _f(fouten, pad, "Bsn voldoet niet aan de elfproef (CS002)")
    geb = client.get("Geboortedatum")
    if geb:
        datum = geb["Datum"]
        if datum > dagtekening:
            _f(fouten, pad, "Geboortedatum ligt na de dagtekening (TR134)")
        onbekend = datum == datetime.date(1900, 1, 1) and geb.get("DatumGebruik") == "3"
        if not onbekend and datum < dagtekening.replace(year=dagtekening.year - 120, day=1):
            _f(fouten, pad, "Geboortedatum ligt meer dan 120 jaar terug (TR002)")


def _combinatie(pad, product, omvang, budget, einddatum, fouten):
    """CD075–CD080, CS338/CS343: which of Product, Omvang, Budget and Einddatum go together."""
    code = (product or {}).get("Code")
    if omvang and not code:
        _f(fouten, pad, "Omvang mag alleen met een productcode (CD080)")
    if not product and budget is None:
        _f(fouten, pad, "Product is verplicht als er geen budget is (CD079)")
    if budget is not None and omvang:
        _f(fouten, pad, "Omvang en Budget gaan niet samen")
    if budget is not None and einddatum is None:
        _f(fouten, pad, "Einddatum is verplicht bij een budget (CD075)")
    if omvang:
        if omvang["Frequentie"] == "2" and einddatum is None:
            _f(fouten, pad, "Einddatum is verplicht bij frequentie per week (CD076)")
        if omvang["Eenheid"] in EEN_MAAND_EENHEDEN and omvang["Frequentie"] not in ("2", "4", "6"):
            _f(fouten, pad, "Deze eenheid vraagt frequentie per week, maand of totaal (CS338)")


def _overlap(pad, items, fouten, regel):
    """The same product may repeat only in periods that do not overlap; 11–14 are exempt."""
    gezien: dict = {}
    for product, begin, eind, item_pad in items:
        sleutel = ((product or {}).get("Categorie"), (product or {}).get("Code"))
        if sleutel[0] in VRIJGESTELDE_CATEGORIEEN:
            continue
        for b, e in gezien.get(sleutel, ()):
            if begin <= (e or datetime.date.max) and b <= (eind or datetime.date.max):
                _f(fouten, item_pad, f"Hetzelfde product overlapt in tijd ({regel})")
        gezien.setdefault(sleutel, []).append((begin, eind))


def _r301(data, dag, fouten):
    client = data["Client"]
    items = []
    nummers = set()
    for tp in client["ToegewezenProducten"]["ToegewezenProduct"]:
        pad = tp["_pad"]
        begin, eind = tp["Ingangsdatum"], tp.get("Einddatum")
        if tp["ToewijzingNummer"] in nummers:
            _f(fouten, pad, "ToewijzingNummer komt dubbel voor (TR101)")
        nummers.add(tp["ToewijzingNummer"])
        if eind and eind < begin:
            _f(fouten, pad, "Einddatum ligt voor de ingangsdatum (CS003)")
        reden = tp.get("RedenWijziging")
        if reden == "13" and eind != begin:
            _f(
                fouten,
                pad,
                "RedenWijziging 13 alleen als Einddatum gelijk is aan Ingangsdatum (CS335)",
            )
        if reden == "01":
            _f(fouten, pad, "RedenWijziging 01 is vervallen (CS336)")
        if tp["Toewijzingsdatum"] > dag:
            _f(fouten, pad, "Toewijzingsdatum ligt na de dagtekening (TR134)")
        _combinatie(pad, tp.get("Product"), tp.get("Omvang"), tp.get("Budget"), eind, fouten)
        if reden != "13":
            items.append((tp.get("Product"), begin, eind, pad))
    _overlap("Client", items, fouten, "TR302")


def _r305_307(data, dag, fouten, stop):
    naam = "StopProduct" if stop else "StartProduct"
    sleutels = set()
    for sp in data["Client"][f"{naam}en"][naam]:
        pad = sp["_pad"]
        if sp["StatusAanlevering"] not in ("1", "3"):
            _f(fouten, pad, "StatusAanlevering moet 1 of 3 zijn (CS058)")
        if sp["Begindatum"] > dag:
            _f(fouten, pad, "Begindatum ligt na de dagtekening (TR134)")
        if stop and sp["Einddatum"] < sp["Begindatum"]:
            _f(fouten, pad, "Einddatum ligt voor de begindatum (TR018)")
        product = sp.get("Product") or {}
        sleutel = (
            sp.get("ToewijzingNummer"),
            product.get("Categorie"),
            product.get("Code"),
            sp["Begindatum"],
            sp.get("Einddatum"),
        )
        if sleutel in sleutels:
            _f(fouten, pad, "Dezelfde sleutel komt twee keer voor (TR101)")
        sleutels.add(sleutel)


def _r315(data, dag, fouten):
    items = []
    for ap in data["Client"]["AangevraagdeProducten"]["AangevraagdProduct"]:
        pad = ap["_pad"]
        begin, eind = ap["ToewijzingIngangsdatum"], ap.get("ToewijzingEinddatum")
        if eind and eind < begin:
            _f(fouten, pad, "ToewijzingEinddatum ligt voor de ingangsdatum (CS003)")
        if ("BeschikkingNummer" in ap) != ("BeschikkingIngangsdatum" in ap):
            _f(fouten, pad, "BeschikkingNummer en BeschikkingIngangsdatum horen samen (CD043)")
        verwijzer = ap["Verwijzer"]
        if verwijzer["Type"] in ("02", "03", "04", "05"):
            if not (verwijzer.get("Naam") or verwijzer.get("ZorgverlenerCode")):
                _f(fouten, pad, "Verwijzer vraagt een naam of zorgverlenerscode (CD066)")
        elif verwijzer.get("ZorgverlenerCode"):
            _f(fouten, pad, "Bij dit type verwijzer hoort geen zorgverlenerscode (CD068)")
        _combinatie(pad, ap.get("Product"), ap.get("Omvang"), ap.get("Budget"), eind, fouten)
        items.append((ap.get("Product"), begin, eind, pad))
    _overlap("Client", items, fouten, "TR386")


def _r317(data, dag, fouten):
    verzoek = data["Client"]["Verzoek"]
    pad = verzoek["_pad"]
    ongewijzigd = (verzoek.get("OngewijzigdeProducten") or {}).get("OngewijzigdProduct", [])
    te_wijzigen = (verzoek.get("TeWijzigenProducten") or {}).get("TeWijzigenProduct", [])
    nieuw = (verzoek.get("NieuweProducten") or {}).get("NieuwProduct", [])
    if not (ongewijzigd or te_wijzigen):
        _f(fouten, pad, "Minstens één ongewijzigd of te wijzigen product (TR352)")
    if not (te_wijzigen or nieuw):
        _f(fouten, pad, "Minstens één te wijzigen of nieuw product (TR353)")
    for tw in te_wijzigen:
        if tw.get("Einddatum") and tw["Einddatum"] < tw["GewensteIngangsdatum"]:
            _f(fouten, tw["_pad"], "Einddatum ligt voor de gewenste ingangsdatum (CS003)")
        if tw.get("Omvang") and tw.get("Budget") is not None:
            _f(fouten, tw["_pad"], "Omvang en Budget gaan niet samen")
    items = []
    for np in nieuw:
        eind = np.get("Einddatum")
        if eind and eind < np["GewensteIngangsdatum"]:
            _f(fouten, np["_pad"], "Einddatum ligt voor de gewenste ingangsdatum (CS003)")
        _combinatie(np["_pad"], np.get("Product"), np.get("Omvang"), np.get("Budget"), eind, fouten)
        items.append((np.get("Product"), np["GewensteIngangsdatum"], eind, np["_pad"]))
    _overlap(pad, items, fouten, "TR410")


def _r319(data, dag, fouten):
    antwoord = data["Antwoord"]
    afgewezen = antwoord["VerzoekAntwoord"] == "1"
    if afgewezen != ("RedenAfwijzingVerzoek" in antwoord):
        _f(
            fouten,
            antwoord["_pad"],
            "Reden afwijzing alleen en altijd bij een afwijzing (CD085/086)",
        )


def bedrag_volgens_tarief(volume: int, eenheid: str, tarief: int) -> int:
    """CS339: minutes are claimed with an hourly tarief."""
    if eenheid == "01":
        return int((Decimal(volume) * tarief / 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return volume * tarief


def _een_maand(begin, eind) -> bool:
    return begin.year == eind.year and begin.month == eind.month


def _r323(data, dag, fouten):
    decl = data["Declaratie"]
    pad = decl["_pad"]
    periode = decl["DeclaratiePeriode"]
    pb, pe = periode["Begindatum"], periode["Einddatum"]
    volgende = (pe.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    if pb.day != 1 or not _een_maand(pb, pe) or pe + datetime.timedelta(days=1) != volgende:
        _f(fouten, pad, "DeclaratiePeriode moet precies één kalendermaand zijn (CS340)")
    if pb < MIN_DATUM_DECLARATIE:
        _f(fouten, pad, "Declaraties over periodes voor 2021 zijn niet toegestaan (CS100)")
    if decl["DeclaratieDagtekening"] > dag:
        _f(fouten, pad, "DeclaratieDagtekening ligt na de dagtekening (TR134)")
    saldo = 0
    refs = set()
    for client in decl["Clienten"]["Client"]:
        if not bsn_geldig(client["Bsn"]):
            _f(fouten, client["_pad"], "Bsn voldoet niet aan de elfproef (CS002)")
        for p in client["Prestaties"]["Prestatie"]:
            ppad = p["_pad"]
            ref = p["ProductReferentie"]["ReferentieNummer"]
            if ref in refs:
                _f(fouten, ppad, "ReferentieNummer komt dubbel voor (TR101)")
            refs.add(ref)
            b, e = p["ProductPeriode"]["Begindatum"], p["ProductPeriode"]["Einddatum"]
            if e < b or not _een_maand(b, e) or b < pb or e > pe:
                _f(fouten, ppad, "ProductPeriode ligt niet binnen één maand van de periode (CS337)")
            if e > dag:
                _f(fouten, ppad, "ProductPeriode ligt na de dagtekening (TR134)")
            tarief = p.get("ProductTarief")
            bedrag = p["IngediendBedrag"]["Bedrag"]
            if p["Eenheid"] == "83":
                if tarief is not None:
                    _f(fouten, ppad, "Geen ProductTarief bij eenheid euro's (CD087)")
                elif bedrag != p["GeleverdVolume"]:
                    _f(
                        fouten,
                        ppad,
                        "Bij eenheid euro's is het bedrag gelijk aan het volume (CS339)",
                    )
            elif tarief is None:
                _f(fouten, ppad, "ProductTarief is verplicht (CD087)")
            elif bedrag != bedrag_volgens_tarief(p["GeleverdVolume"], p["Eenheid"], tarief):
                _f(fouten, ppad, "IngediendBedrag is niet volume × tarief (CS339)")
            saldo += bedrag if p["IngediendBedrag"]["DebetCredit"] == "D" else -bedrag
    totaal = decl["TotaalIngediendBedrag"]
    opgegeven = totaal["TotaalBedrag"] * (1 if totaal["DebetCredit"] == "D" else -1)
    if opgegeven != saldo and not (saldo == 0 and totaal["TotaalBedrag"] == 0):
        _f(fouten, pad, "TotaalIngediendBedrag is niet de som debet min credit (TR358)")


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
    client = data.get("Client")
    if client and "Geboortedatum" in client:
        _client(client, dag, fouten)
    elif client and not bsn_geldig(client.get("Bsn", "")):
        _f(fouten, client.get("_pad", "Client"), "Bsn voldoet niet aan de elfproef (CS002)")
    _codes(data, "", codes, dag, fouten)
    PER_BERICHT[gelezen.nr](data, dag, fouten)
    return fouten
