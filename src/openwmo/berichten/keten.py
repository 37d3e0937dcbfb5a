"""Levels 3 and 4: rules across messages (the chain) and against external sources.

Rules work on a ``Staat``: an in-memory view of the toewijzingen, deliveries, requests
and prestaties that matter for a batch of messages. ``Staat.uit_database`` loads it with a
fixed number of queries for the whole batch (closed world: what is not there does not
exist); ``Staat()`` alone is an empty open world for checking a set of files together
(``openwmo iwmo validate``): a reference is only wrong when the set itself shows it.
Accepted messages change the Staat, so later messages in the same batch see them; the
new and changed model instances are collected for the caller to store.
"""

import datetime
from collections import defaultdict

from django.utils import timezone

from .instanties import laad, nieuw
from .models import (
    MET_DECLARATIE,
    MET_TOEWIJZING,
    Contract,
    Levering,
    Prestatie,
    Toewijzing,
    Uitvoeringsvariant,
    Verzoek,
)
from .schema import Fout, Gelezen

DEFINITIEF_BEEINDIGD = "20"


def json_veilig(waarde):
    """Message data as JSON: dates as ISO strings, without internal keys."""
    if isinstance(waarde, dict):
        return {k: json_veilig(v) for k, v in waarde.items() if not k.startswith("_")}
    if isinstance(waarde, list):
        return [json_veilig(v) for v in waarde]
    if isinstance(waarde, datetime.date | datetime.time):
        return waarde.isoformat()
    return waarde


def partij(g: Gelezen) -> tuple[str, str, str]:
    """(gemeentecode, AGB, BSN) of a message; BSN empty when the message has no client."""
    h = g.header
    gemeente, agb = (
        (h["Afzender"], h["Ontvanger"])
        if g.definitie.gemeente_afzender
        else (h["Ontvanger"], h["Afzender"])
    )
    return gemeente, agb, (g.data.get("Client") or {}).get("Bsn", "")


class Staat:
    def __init__(self, *, gesloten=False, vandaag=None):
        self.gesloten = gesloten
        self.vandaag = vandaag or timezone.localdate()
        self.gemeenten: set[str] = set()
        self.aanbieders: dict[str, int] = {}
        self.contracten: dict[int, list[Contract]] = defaultdict(list)
        self.berichten: dict[tuple, set[str]] = defaultdict(set)
        self.toewijzingen: dict[tuple, list[Toewijzing]] = defaultdict(list)
        self.nummers: dict[int, Toewijzing] = {}
        self.bekende_klanten: set[tuple] = set()
        self.leveringen: dict[tuple, list[Levering]] = defaultdict(list)
        self.verzoeken: dict[tuple, Verzoek] = {}
        self.verzoeken_klant: dict[tuple, list[Verzoek]] = defaultdict(list)
        self.prestaties: dict[tuple, Prestatie] = {}
        self.gecrediteerd: set[tuple] = set()
        self.per_toewijzing: dict[int, list[Prestatie]] = defaultdict(list)
        self.declaratienummers: set[tuple] = set()
        self.personen: dict[str, int] = {}
        self.nieuw: list = []
        self.gewijzigd: list = []

    # --- loading -----------------------------------------------------------------
    @classmethod
    def uit_database(cls, berichten: list[Gelezen], *, vandaag=None, vergrendel=False) -> "Staat":
        """``vergrendel`` (inside the batch's transaction): the batch's clients (register
        rows) and then their toewijzingen are read first, with a row lock (PostgreSQL), so
        a parallel batch for the same client waits until this one commits and then reads
        what it stored. A BSN that is not in the register has no row to lock: two batches
        for such a client at once are not kept apart on PostgreSQL (SQLite: one writer)."""
        from openwmo.inwoners.selectors import persoon_ids_voor_bsns
        from openwmo.organisaties.models import Organisatie

        staat = cls(gesloten=True, vandaag=vandaag)
        bsns, ids, refs, decl = set(), set(), set(), set()
        for g in berichten:
            ids.add(g.identificatie)
            client = g.data.get("Client")
            if client:
                bsns.add(client.get("Bsn", ""))
            for c in (g.data.get("Declaratie") or {}).get("Clienten", {}).get("Client", []):
                bsns.add(c["Bsn"])
                for p in c["Prestaties"]["Prestatie"]:
                    refs.update(p["ProductReferentie"].values())
            if g.nr == "323":
                decl.add(g.data["Declaratie"]["DeclaratieNummer"])
            for ap in (client or {}).get("AangevraagdeProducten", {}).get("AangevraagdProduct", []):
                refs.add(ap["ReferentieAanbieder"])
            if client and "Verzoek" in client:
                refs.add(client["Verzoek"]["ReferentieAanbieder"])
        soorten = {g.nr for g in berichten}
        # the clients first (also when the batch names no toewijzing: a taakgericht
        # 305/307, a 315, a 323), then their toewijzingen; every batch in this order
        staat.personen = persoon_ids_voor_bsns(bsns, vergrendel=vergrendel)
        toewijzingen = []
        if vergrendel or soorten & {"301", "305", "307", "317", "323"}:
            qs = Toewijzing.objects.filter(bsn__in=bsns)
            if vergrendel:  # in pk order, as every batch locks them: no deadlock
                qs = qs.select_for_update().order_by("pk")
            toewijzingen = laad(qs)
        for soort, code, agb, pk in Organisatie.objects.values_list(
            "soort", "gemeentecode", "agb_code", "pk"
        ):
            if soort == Organisatie.Soort.GEMEENTE and code:
                staat.gemeenten.add(code)
            if agb:
                staat.aanbieders[agb] = pk
        agb_van = {pk: agb for agb, pk in staat.aanbieders.items()}
        for c in laad(Contract.objects.all()):
            staat.contracten[c.aanbieder_id].append(c)
        from .models import Bericht

        # by identificatie alone, the direction checked here: with the direction in the
        # query SQLite walks the unique index over all incoming messages (slower with
        # every batch stored), instead of looking up the batch's identificaties
        for richting, afz, typ, ident, sha in Bericht.objects.filter(
            identificatie__in=ids
        ).values_list("richting", "afzender", "berichttype", "identificatie", "sha256"):
            if richting == Bericht.Richting.IN:
                staat.berichten[(afz, typ, ident)].add(sha)
        if soorten & {"301", "305", "307", "317", "323"}:
            for t in toewijzingen:
                t.agb = agb_van.get(t.aanbieder_id, "")
                staat._toewijzing(t)
        if soorten & {"305", "307"}:
            for lev in laad(Levering.objects.filter(bsn__in=bsns)):
                lev.agb = agb_van.get(lev.aanbieder_id, "")
                staat.leveringen[(lev.gemeentecode, lev.agb, lev.bsn)].append(lev)
        if soorten & {"301", "315", "317", "319"}:
            verzoeken = Verzoek.objects.filter(bsn__in=bsns) | Verzoek.objects.filter(
                referentie__in=refs
            )
            for v in laad(verzoeken):
                v.agb = agb_van.get(v.aanbieder_id, "")
                staat._verzoek(v)
        if "323" in soorten:
            prestaties = Prestatie.objects.filter(
                referentienummer__in=refs
            ) | Prestatie.objects.filter(
                toewijzing_id__in=[t.pk for t in staat.nummers.values()], toegekend=True
            )
            for p in laad(prestaties):
                p.agb = agb_van.get(p.aanbieder_id, "")
                staat._prestatie(p)
            for agb_pk, nr in Prestatie.objects.filter(declaratienummer__in=decl).values_list(
                "aanbieder_id", "declaratienummer"
            ):
                staat.declaratienummers.add((agb_van.get(agb_pk), nr))
        return staat

    def _toewijzing(self, t: Toewijzing):
        sleutel = (t.gemeentecode, t.agb, t.bsn)
        lijst = self.toewijzingen[sleutel]
        oud = self.nummers.get(t.nummer)
        if oud is not None and oud in lijst:
            lijst.remove(oud)
        lijst.append(t)
        self.nummers[t.nummer] = t
        self.bekende_klanten.add(sleutel)

    def _verzoek(self, v: Verzoek):
        self.verzoeken[(v.agb, v.referentie)] = v
        klant = self.verzoeken_klant[(v.gemeentecode, v.agb, v.bsn)]
        if v not in klant:
            klant.append(v)

    def _prestatie(self, p: Prestatie):
        self.prestaties[(p.agb, p.referentienummer)] = p
        if p.debet_credit == "C" and p.toegekend:
            self.gecrediteerd.add((p.agb, p.vorig_referentienummer))
        if p.toegekend and p.toewijzing_id and p not in self.per_toewijzing[p.toewijzing_id]:
            self.per_toewijzing[p.toewijzing_id].append(p)

    # --- questions -----------------------------------------------------------------
    def kent_klant(self, sleutel) -> bool:
        """Closed world: always. Open world: only when a 301 for this client was seen."""
        return self.gesloten or sleutel in self.bekende_klanten

    def variant(self, agb: str, categorie: str | None, datum) -> str | None:
        pk = self.aanbieders.get(agb)
        for c in self.contracten.get(pk, ()):
            if (categorie is None or c.productcategorie == categorie) and c.geldig_op(datum):
                return c.uitvoeringsvariant
        return None

    def contract(self, agb: str, categorie: str, code: str, datum) -> Contract | None:
        beste = None
        for c in self.contracten.get(self.aanbieders.get(agb), ()):
            if c.productcategorie == categorie and c.geldig_op(datum):
                if c.productcode == code:
                    return c
                if not c.productcode:
                    beste = c
        return beste

    def taakgericht(self, agb: str, categorie: str | None, datum) -> bool:
        pk = self.aanbieders.get(agb)
        return any(
            c.uitvoeringsvariant == Uitvoeringsvariant.TAAKGERICHT
            and (categorie is None or c.productcategorie == categorie)
            and c.geldig_op(datum)
            for c in self.contracten.get(pk, ())
        )

    def toewijzing(self, sleutel, nummer) -> Toewijzing | None:
        for t in self.toewijzingen.get(sleutel, ()):
            if t.nummer == nummer and not t.verwijderd:
                return t
        return None

    def huidige_toewijzingen(self, sleutel, peildatum) -> list[Toewijzing]:
        return [
            t
            for t in self.toewijzingen.get(sleutel, ())
            if not t.verwijderd and (t.einddatum is None or t.einddatum >= peildatum)
        ]


# --- rules per message ---------------------------------------------------------------


class Uitslag:
    """Findings per class path; an empty Uitslag means: accepted."""

    def __init__(self):
        self.fouten: list[Fout] = []

    def fout(self, pad, code, melding):
        self.fouten.append(Fout(pad, code, melding))

    @property
    def codes(self) -> dict[str, list[str]]:
        per: dict[str, list[str]] = {}
        for f in self.fouten:
            lijst = per.setdefault(f.pad, [])
            if f.code not in lijst:
                lijst.append(f.code)
        return per


def controleer_header(g: Gelezen, staat: Staat, u: Uitslag):
    h = g.header
    gemeente, agb, _ = partij(g)
    shas = staat.berichten.get((h["Afzender"], g.naam, g.identificatie))
    if shas and g.sha256 not in shas:
        u.fout("Header", "9056", "Identificatie is al gebruikt voor een ander bericht (TR056)")
    if g.dagtekening > staat.vandaag:
        u.fout("Header", "8848", "Dagtekening ligt in de toekomst (TR135)")
    if staat.gesloten and gemeente not in staat.gemeenten:
        u.fout("Header", "S300", f"Gemeentecode {gemeente} is onbekend (TR378)")
    if staat.gesloten and agb not in staat.aanbieders:
        u.fout("Header", "0001", f"AGB-code {agb} is geen bekende aanbieder")


def _tr381(categorie, code, pad, staat, u, codes):
    """TR381 (S329, checked against the code list: level 4): a product code belongs to
    its category. Open world (a set of files without the code list) does not judge it."""
    if staat.gesloten and code and categorie not in codes.categorie_van(code):
        u.fout(pad, "S329", f"Productcode {code} hoort niet bij categorie {categorie} (TR381)")


def _toewijzing_check(sp, sleutel, agb, staat, u, product):
    """TR019: start/stop under inspannings- or outputgericht belongs to a toewijzing."""
    nummer = sp.get("ToewijzingNummer")
    if nummer is not None:
        t = staat.toewijzing(sleutel, nummer)
        if t is None and staat.kent_klant(sleutel):
            u.fout(sp["_pad"], "9019", f"Toewijzing {nummer} bestaat niet voor deze cliënt (TR019)")
        return t
    if staat.gesloten and not staat.taakgericht(agb, product.get("Categorie"), sp["Begindatum"]):
        u.fout(sp["_pad"], "9019", "ToewijzingNummer ontbreekt buiten taakgerichte financiering")
    return None


def _spoor(obj) -> tuple:
    return (obj.toewijzingnummer, obj.productcategorie, obj.productcode)


def _sleutel_van(sp) -> tuple:
    product = sp.get("Product") or {}
    return (sp.get("ToewijzingNummer"), product.get("Categorie", ""), product.get("Code", ""))


def _heeft_stop(leveringen, start) -> list[Levering]:
    return [
        s
        for s in leveringen
        if s.soort == Levering.Soort.STOP
        and s.actief
        and _spoor(s) == _spoor(start)
        and s.begindatum == start.begindatum
    ]


def _levering(g, sp, soort, sleutel, staat, t, ctx) -> Levering:
    spoor = _sleutel_van(sp)
    lev = nieuw(
        Levering,
        soort=soort,
        aanbieder_id=staat.aanbieders.get(sleutel[1]),
        gemeentecode=sleutel[0],
        bsn=sleutel[2],
        persoon_id=staat.personen.get(sleutel[2]),
        toewijzing=t if t is not None and t.pk else None,
        toewijzingnummer=spoor[0],
        productcategorie=spoor[1],
        productcode=spoor[2],
        begindatum=sp["Begindatum"],
        einddatum=sp.get("Einddatum"),
        reden_beeindiging=sp.get("RedenBeeindiging", ""),
        status_aanlevering=sp["StatusAanlevering"],
        actief=sp["StatusAanlevering"] == "1",
        bericht=ctx.get("bericht"),
        ontvangen_op=ctx.get("ontvangen_op"),
    )
    lev.agb = sleutel[1]
    return lev


def _start_stop(g: Gelezen, staat: Staat, u: Uitslag, ctx, toepassen: bool, stop: bool, codes):
    sleutel = partij(g)
    naam = "StopProduct" if stop else "StartProduct"
    producten = g.data["Client"][f"{naam}en"][naam]
    plan = []
    for sp in producten:
        leveringen = staat.leveringen.get(sleutel, [])
        product = sp.get("Product") or {}
        _tr381(product.get("Categorie"), product.get("Code"), sp["_pad"], staat, u, codes)
        t = _toewijzing_check(sp, sleutel, sleutel[1], staat, u, product)
        spoor = _sleutel_van(sp)
        actief = [lev for lev in leveringen if lev.actief and _spoor(lev) == spoor]
        starts = [s for s in actief if s.soort == Levering.Soort.START]
        zelfde_start = [s for s in starts if s.begindatum == sp["Begindatum"]]
        pad = sp["_pad"]
        if not stop and sp["StatusAanlevering"] == "1":
            if zelfde_start:
                u.fout(pad, "9074", "Deze start is al eerder aangeleverd (TR074)")
            elif any(not _heeft_stop(leveringen, s) for s in starts):
                u.fout(pad, "9326", "Er loopt al een start die nog niet is gestopt (TR326)")
        elif not stop:
            if not zelfde_start:
                u.fout(pad, "9063", "Er is geen start met deze sleutel om te verwijderen (TR063)")
            elif _heeft_stop(leveringen, zelfde_start[0]):
                u.fout(pad, "9071", "Een gestopte start kan niet worden verwijderd (TR071)")
        elif sp["StatusAanlevering"] == "1":
            if not zelfde_start:
                if staat.gesloten or starts or any(_spoor(s) == spoor for s in leveringen):
                    u.fout(pad, "9069", "Er is geen actuele start met dezelfde sleutel (TR382)")
            else:
                stops = _heeft_stop(leveringen, zelfde_start[0])
                definitief = [s for s in stops if s.reden_beeindiging != DEFINITIEF_BEEINDIGD]
                tijdelijk = [s for s in stops if s.reden_beeindiging == DEFINITIEF_BEEINDIGD]
                if definitief:
                    u.fout(pad, "9415", "Deze start is al definitief gestopt (TR415)")
                elif tijdelijk and sp["RedenBeeindiging"] == DEFINITIEF_BEEINDIGD:
                    u.fout(pad, "9413", "Na een tijdelijke stop volgt een definitieve stop (TR413)")
                elif tijdelijk and sp["Einddatum"] < max(s.einddatum for s in tijdelijk):
                    u.fout(pad, "9414", "Einddatum ligt voor die van de tijdelijke stop (TR414)")
        else:
            bestaand = []
            if zelfde_start:
                bestaand = [
                    s
                    for s in _heeft_stop(leveringen, zelfde_start[0])
                    if s.einddatum == sp["Einddatum"]
                    and s.reden_beeindiging == sp["RedenBeeindiging"]
                ]
            if not bestaand:
                u.fout(pad, "9063", "Er is geen stop met deze sleutel om te verwijderen (TR063)")
        plan.append((sp, t, zelfde_start))
    if toepassen and not u.fouten:
        for sp, t, zelfde_start in plan:
            _pas_levering_toe(g, sp, t, zelfde_start, sleutel, staat, ctx, stop)


def _pas_levering_toe(g, sp, t, zelfde_start, sleutel, staat, ctx, stop):
    soort = Levering.Soort.STOP if stop else Levering.Soort.START
    lev = _levering(g, sp, soort, sleutel, staat, t, ctx)
    if sp["StatusAanlevering"] == "3":
        if stop:
            doelen = [
                s
                for s in _heeft_stop(staat.leveringen[sleutel], zelfde_start[0])
                if s.einddatum == sp["Einddatum"] and s.reden_beeindiging == sp["RedenBeeindiging"]
            ]
        else:
            doelen = zelfde_start
        for doel in doelen:
            doel.actief = False
            if doel.pk:
                staat.gewijzigd.append(doel)
    staat.leveringen[sleutel].append(lev)
    staat.nieuw.append(lev)


def _verzoek_klant_lopend(staat, sleutel, ctx_bericht_refs) -> bool:
    return any(
        v.is_lopend and v.referentie not in ctx_bericht_refs
        for v in staat.verzoeken_klant.get(sleutel, ())
    )


def _r315(g, staat, u, ctx, toepassen, codes):
    sleutel = partij(g)
    agb = sleutel[1]
    client = g.data["Client"]
    producten = client["AangevraagdeProducten"]["AangevraagdProduct"]
    refs = [ap["ReferentieAanbieder"] for ap in producten]
    if _verzoek_klant_lopend(staat, sleutel, set(refs)):
        u.fout(client["_pad"], "9374", "Er loopt al een verzoek voor deze cliënt (TR374)")
    gezien = set()
    for ap in producten:
        ref = ap["ReferentieAanbieder"]
        if (agb, ref) in staat.verzoeken or ref in gezien:
            u.fout(ap["_pad"], "9347", f"ReferentieAanbieder {ref} is al gebruikt (TR347)")
        gezien.add(ref)
        product = ap.get("Product") or {}
        _tr381(product.get("Categorie"), product.get("Code"), ap["_pad"], staat, u, codes)
    if toepassen and not u.fouten:
        for ap in producten:
            _nieuw_verzoek(g, staat, ctx, sleutel, Verzoek.Soort.VOT, ap["ReferentieAanbieder"], ap)


def _nieuw_verzoek(g, staat, ctx, sleutel, soort, ref, inhoud):
    v = nieuw(
        Verzoek,
        soort=soort,
        aanbieder_id=staat.aanbieders.get(sleutel[1]),
        gemeentecode=sleutel[0],
        bsn=sleutel[2],
        persoon_id=staat.personen.get(sleutel[2]),
        referentie=ref,
        inhoud=json_veilig(inhoud),
        bericht=ctx.get("bericht"),
        ontvangen_op=ctx.get("ontvangen_op"),
    )
    v.agb = sleutel[1]
    staat._verzoek(v)
    staat.nieuw.append(v)


def _r317(g, staat, u, ctx, toepassen, codes):
    sleutel = partij(g)
    client = g.data["Client"]
    verzoek = client["Verzoek"]
    ref = verzoek["ReferentieAanbieder"]
    if (sleutel[1], ref) in staat.verzoeken:
        u.fout(verzoek["_pad"], "9347", f"ReferentieAanbieder {ref} is al gebruikt (TR347)")
    if _verzoek_klant_lopend(staat, sleutel, {ref}):
        u.fout(client["_pad"], "9374", "Er loopt al een verzoek voor deze cliënt (TR374)")
    genoemd = [
        *((verzoek.get("OngewijzigdeProducten") or {}).get("OngewijzigdProduct", [])),
        *((verzoek.get("TeWijzigenProducten") or {}).get("TeWijzigenProduct", [])),
    ]
    bestaand: list[tuple[dict, Toewijzing]] = []
    if staat.kent_klant(sleutel):
        huidig = {t.nummer: t for t in staat.huidige_toewijzingen(sleutel, g.dagtekening)}
        nummers = set()
        for p in genoemd:
            nr = p["ToewijzingNummer"]
            if nr in nummers:
                u.fout(p["_pad"], "9351", f"Toewijzing {nr} staat dubbel in het verzoek (TR351)")
            nummers.add(nr)
            t = staat.toewijzing(sleutel, nr)
            if t is None:
                u.fout(p["_pad"], "9350", f"Toewijzing {nr} bestaat niet (TR350)")
            else:
                if "GewensteIngangsdatum" in p:
                    gewenst = p["GewensteIngangsdatum"]
                    if gewenst < g.dagtekening and gewenst != t.ingangsdatum:
                        u.fout(p["_pad"], "9357", "Gewenste ingangsdatum in het verleden (TR357)")
                    if _tr373(p, t):
                        u.fout(
                            p["_pad"],
                            "9373",
                            "Budget of totaalvolume wijzigt alleen vanaf de ingangsdatum "
                            "van de toewijzing (TR373)",
                        )
                bestaand.append((p, t))
        if set(huidig) - nummers:
            ontbrekend = ", ".join(str(n) for n in sorted(set(huidig) - nummers))
            u.fout(verzoek["_pad"], "9349", f"Huidige toewijzingen ontbreken: {ontbrekend} (TR349)")
    nieuw = (verzoek.get("NieuweProducten") or {}).get("NieuwProduct", [])
    for np in nieuw:
        product = np.get("Product") or {}
        _tr381(product.get("Categorie"), product.get("Code"), np["_pad"], staat, u, codes)
        for p, t in bestaand:
            if _tr361(np, p, t):
                u.fout(
                    np["_pad"],
                    "9361",
                    f"Nieuw product overlapt met toewijzing {t.nummer} voor hetzelfde "
                    "product (TR361)",
                )
    if toepassen and not u.fouten:
        _nieuw_verzoek(g, staat, ctx, sleutel, Verzoek.Soort.VOW, ref, verzoek)


def _tr373(p: dict, t: Toewijzing) -> bool:
    """TR373: a changed budget or 'totaal' volume (Frequentie 6) applies from the
    toewijzing's own start, so GewensteIngangsdatum must equal its Ingangsdatum."""
    omvang = p.get("Omvang")
    totaal = (
        omvang is not None
        and omvang["Frequentie"] == "6"
        and (omvang["Volume"], omvang["Eenheid"], omvang["Frequentie"])
        != (t.volume, t.eenheid, t.frequentie)
    )
    budget = p.get("Budget") is not None and p["Budget"] != t.budget
    return (totaal or budget) and p["GewensteIngangsdatum"] != t.ingangsdatum


VRIJ_VAN_OVERLAP = frozenset({"11", "12", "13", "14"})


def _tr361(np: dict, p: dict, t: Toewijzing) -> bool:
    """TR361: a new product may not overlap (in period) an existing toewijzing of the same
    product named in the 317 (with its requested end date); no code = the category, no
    category = any product; categories 11-14 may overlap."""
    product = np.get("Product") or {}
    cat, code = product.get("Categorie", ""), product.get("Code", "")
    if cat in VRIJ_VAN_OVERLAP or t.productcategorie in VRIJ_VAN_OVERLAP:
        return False
    zelfde = (
        not cat
        or not t.productcategorie
        or (cat == t.productcategorie and (not code or not t.productcode or code == t.productcode))
    )
    if not zelfde:
        return False
    eind_t = p.get("Einddatum") or t.einddatum
    begin, eind = np["GewensteIngangsdatum"], np.get("Einddatum")
    return begin <= (eind_t or datetime.date.max) and t.ingangsdatum <= (eind or datetime.date.max)


def _r319(g, staat, u, ctx, toepassen, codes):
    antwoord = g.data["Antwoord"]
    v = staat.verzoeken.get((g.header["Ontvanger"], antwoord["ReferentieAanbieder"]))
    if v is None:
        if staat.gesloten:
            u.fout(antwoord["_pad"], "9355", "Er is geen verzoek met deze referentie (TR355)")
        return
    if v.status == Verzoek.Status.AFGEWEZEN:
        u.fout(
            antwoord["_pad"],
            "9365",
            "Dit verzoek is al afgewezen; een volgend antwoord mag alleen na 'in onderzoek' "
            "(TR365)",
        )
    elif not v.is_lopend:
        u.fout(antwoord["_pad"], "9355", "Dit verzoek is al beantwoord (TR355)")
    elif v.status == Verzoek.Status.IN_ONDERZOEK and antwoord["VerzoekAntwoord"] == "2":
        u.fout(antwoord["_pad"], "9360", "Een verzoek gaat maar één keer in onderzoek (TR360)")
    if toepassen and not u.fouten:
        v.status = (
            Verzoek.Status.AFGEWEZEN
            if antwoord["VerzoekAntwoord"] == "1"
            else Verzoek.Status.IN_ONDERZOEK
        )
        v.reden_afwijzing = antwoord.get("RedenAfwijzingVerzoek", "")
        v.beantwoord_op = ctx.get("ontvangen_op")
        if v.pk:
            staat.gewijzigd.append(v)


def _r301(g, staat, u, ctx, toepassen, codes):
    """A 301 as the provider receives it (or in a set of files)."""
    sleutel = partij(g)
    tps = g.data["Client"]["ToegewezenProducten"]["ToegewezenProduct"]
    for tp in tps:
        bestaand = staat.nummers.get(tp["ToewijzingNummer"])
        if bestaand is not None and (bestaand.gemeentecode, bestaand.agb, bestaand.bsn) != sleutel:
            u.fout(tp["_pad"], "9332", "ToewijzingNummer hoort bij een andere cliënt (TR332)")
        if bestaand is not None and tp.get("RedenWijziging") == "13" and bestaand.pk:
            if staat.per_toewijzing.get(bestaand.pk):
                u.fout(tp["_pad"], "9385", "Verwijderen kan niet na toegekende declaraties (TR385)")
    if toepassen and not u.fouten:
        for tp in tps:
            versie = (tp["Toewijzingsdatum"], tp["Toewijzingstijd"])
            bestaand = staat.nummers.get(tp["ToewijzingNummer"])
            if bestaand and (bestaand.toewijzingsdatum, bestaand.toewijzingstijd) > versie:
                continue  # IV013: the latest version wins, whatever the arrival order
            product = tp.get("Product") or {}
            omvang = tp.get("Omvang") or {}
            t = nieuw(
                Toewijzing,
                nummer=tp["ToewijzingNummer"],
                bsn=sleutel[2],
                gemeentecode=sleutel[0],
                productcategorie=product.get("Categorie", ""),
                productcode=product.get("Code", ""),
                ingangsdatum=tp["Ingangsdatum"],
                einddatum=tp.get("Einddatum"),
                volume=omvang.get("Volume"),
                eenheid=omvang.get("Eenheid", ""),
                frequentie=omvang.get("Frequentie", ""),
                budget=tp.get("Budget"),
                reden_wijziging=tp.get("RedenWijziging", ""),
                referentie_aanbieder=tp.get("ReferentieAanbieder", ""),
                toewijzingsdatum=tp["Toewijzingsdatum"],
                toewijzingstijd=tp["Toewijzingstijd"],
            )
            t.agb = sleutel[1]
            staat._toewijzing(t)
            v = staat.verzoeken.get((sleutel[1], t.referentie_aanbieder))
            if v is not None and v.is_lopend:
                v.status = Verzoek.Status.TOEGEWEZEN
        staat.bekende_klanten.add(sleutel)


def _in_eenheid(t: Toewijzing, eenheid: str) -> int:
    """Factor to express the toewijzing's volume in the claimed unit (hours as minutes)."""
    return 60 if t.eenheid == "04" and eenheid == "01" else 1


def _iso_weken(begin, eind) -> int:
    weken = set()
    dag = begin
    while dag <= eind:
        weken.add(dag.isocalendar()[:2])
        dag += datetime.timedelta(days=1)
    return len(weken)


def _zondagen(begin, eind) -> int:
    eerste = begin + datetime.timedelta(days=(6 - begin.weekday()) % 7)
    return 0 if eerste > eind else (eind - eerste).days // 7 + 1


def _weken_iv077(t: Toewijzing, begin, eind, variant) -> int:
    """IV077: how many weekly volumes fit a productperiode (within the toewijzing).
    Outputgericht: the Sundays, plus one in the period of the toewijzing's last Sunday
    when it does not end on a Sunday. Otherwise the (broken) calendar weeks, and for
    category 01 (hulp bij het huishouden) always 6."""
    begin = max(begin, t.ingangsdatum)
    eind = min(eind, t.einddatum or eind)
    if variant == Uitvoeringsvariant.OUTPUTGERICHT:
        weken = _zondagen(begin, eind)
        if t.einddatum and t.einddatum.weekday() != 6:
            laatste_zondag = t.einddatum - datetime.timedelta(days=t.einddatum.weekday() + 1)
            if begin <= laatste_zondag <= eind:
                weken += 1
        return weken
    if t.productcategorie == "01":
        return 6
    return _iso_weken(begin, eind)


def _volume_check(p, t: Toewijzing, staat, pad, u, variant=None):
    if t.volume is None or p["IngediendBedrag"]["DebetCredit"] != "D":
        return
    factor = _in_eenheid(t, p["Eenheid"])
    begin, eind = p["ProductPeriode"]["Begindatum"], p["ProductPeriode"]["Einddatum"]
    eerder = [x for x in staat.per_toewijzing.get(t.pk or id(t), []) if x.toegekend]

    def netto(items):
        return sum(x.volume if x.debet_credit == "D" else -x.volume for x in items)

    volume = p["GeleverdVolume"]
    if t.frequentie == "6":
        if netto(eerder) + volume > t.volume * factor:
            u.fout(pad, "9322", "Geleverd volume is groter dan de totale omvang (TR322)")
        return
    if t.frequentie == "1":
        grens = t.volume * factor * ((eind - begin).days + 1)
    elif t.frequentie == "2":
        grens = t.volume * factor * _weken_iv077(t, begin, eind, variant)
        if variant != Uitvoeringsvariant.OUTPUTGERICHT and t.einddatum:
            totaal = t.volume * factor * _iso_weken(t.ingangsdatum, t.einddatum)
            if netto(eerder) + volume > totaal:
                u.fout(pad, "9322", "Geleverd volume is groter dan de totale omvang (IV077)")
                return
    else:
        grens = t.volume * factor
    zelfde_maand = [
        x for x in eerder if (x.begindatum.year, x.begindatum.month) == (begin.year, begin.month)
    ]
    if netto(zelfde_maand) + volume > grens:
        u.fout(pad, "9321", "Geleverd volume is groter dan de omvang in deze periode (TR321)")


def _r323(g, staat, u, ctx, toepassen, codes):
    decl = g.data["Declaratie"]
    agb = g.header["Afzender"]
    gemeente = g.header["Ontvanger"]
    if (agb, decl["DeclaratieNummer"]) in staat.declaratienummers:
        u.fout(decl["_pad"], "9333", "DeclaratieNummer is al eerder ingediend")
    in_bericht = set()
    beoordeeld = []
    for client in decl["Clienten"]["Client"]:
        sleutel = (gemeente, agb, client["Bsn"])
        for p in client["Prestaties"]["Prestatie"]:
            pad = p["_pad"]
            aantal = len(u.fouten)
            ref = p["ProductReferentie"]["ReferentieNummer"]
            vorig = p["ProductReferentie"].get("VorigReferentieNummer", "")
            if (agb, ref) in staat.prestaties:
                u.fout(pad, "8021", f"ReferentieNummer {ref} is al gebruikt (TR314)")
            if p["IngediendBedrag"]["DebetCredit"] == "C":
                orig = staat.prestaties.get((agb, vorig))
                if (
                    orig is None
                    or not orig.toegekend
                    or orig.debet_credit != "D"
                    or (agb, vorig) in staat.gecrediteerd
                    or vorig in in_bericht
                ):
                    u.fout(pad, "8017", "Credit zonder toegekende, niet eerder gecrediteerde debet")
            in_bericht.add(ref)
            t = staat.toewijzing(sleutel, p["ToewijzingNummer"])
            if t is None:
                if staat.kent_klant(sleutel):
                    u.fout(pad, "9338", "Prestatie hoort niet bij een toewijzing (TR338)")
            else:
                _prestatie_tegen_toewijzing(p, t, agb, staat, pad, u, codes)
            beoordeeld.append((sleutel, p, t, len(u.fouten) == aantal))
    declaratie_afgewezen = any(f.pad == decl["_pad"] for f in u.fouten)
    if toepassen and not declaratie_afgewezen:
        for sleutel, p, t, goed in beoordeeld:
            _nieuwe_prestatie(g, staat, ctx, sleutel, p, t, goed, u)


def _prestatie_tegen_toewijzing(p, t, agb, staat, pad, u, codes):
    begin = p["ProductPeriode"]["Begindatum"]
    variant = staat.variant(agb, t.productcategorie or None, begin)
    if staat.gesloten and variant not in MET_DECLARATIE:
        u.fout(pad, "0611", "Onder deze uitvoeringsvariant wordt niet per cliënt gedeclareerd")
        return
    if t.productcategorie and p["ProductCategorie"] != t.productcategorie:
        u.fout(pad, "9339", "Productcategorie wijkt af van de toewijzing (TR339)")
    if t.productcode and p["ProductCode"] != t.productcode:
        u.fout(pad, "9340", "Productcode wijkt af van de toewijzing (TR340)")
    if t.eenheid and p["Eenheid"] != t.eenheid and not (t.eenheid == "04" and p["Eenheid"] == "01"):
        u.fout(pad, "9341", "Eenheid wijkt af van de toewijzing (TR341)")
    if begin < t.ingangsdatum:
        u.fout(pad, "9307", "ProductPeriode begint voor de toewijzing (TR307)")
    if t.einddatum and p["ProductPeriode"]["Einddatum"] > t.einddatum:
        u.fout(pad, "9308", "ProductPeriode eindigt na de toewijzing (TR308)")
    _tr381(p["ProductCategorie"], p["ProductCode"], pad, staat, u, codes)
    _volume_check(p, t, staat, pad, u, variant)
    if t.budget is not None and p["IngediendBedrag"]["DebetCredit"] == "D":
        eerder = staat.per_toewijzing.get(t.pk or id(t), [])
        besteed = sum(x.bedrag if x.debet_credit == "D" else -x.bedrag for x in eerder)
        if besteed + p["IngediendBedrag"]["Bedrag"] > t.budget:
            u.fout(pad, "9369", "Gedeclareerd bedrag is groter dan het budget (TR369)")
    contract = staat.contract(agb, p["ProductCategorie"], p["ProductCode"], begin)
    tarief = p.get("ProductTarief")
    if (
        contract
        and contract.tarief is not None
        and tarief is not None
        and tarief != contract.tarief
    ):
        u.fout(pad, "0611", "ProductTarief wijkt af van het contracttarief (TR418)")


def _nieuwe_prestatie(g, staat, ctx, sleutel, p, t, goed, u):
    periode = p["ProductPeriode"]
    prestatie = nieuw(
        Prestatie,
        bericht=ctx.get("bericht"),
        aanbieder_id=staat.aanbieders.get(sleutel[1]),
        declaratienummer=g.data["Declaratie"]["DeclaratieNummer"],
        bsn=sleutel[2],
        referentienummer=p["ProductReferentie"]["ReferentieNummer"],
        vorig_referentienummer=p["ProductReferentie"].get("VorigReferentieNummer", ""),
        toewijzing=t if t is not None and t.pk else None,
        toewijzingnummer=p["ToewijzingNummer"],
        productcategorie=p["ProductCategorie"],
        productcode=p["ProductCode"],
        begindatum=periode["Begindatum"],
        einddatum=periode["Einddatum"],
        volume=p["GeleverdVolume"],
        eenheid=p["Eenheid"],
        tarief=p.get("ProductTarief"),
        bedrag=p["IngediendBedrag"]["Bedrag"],
        debet_credit=p["IngediendBedrag"]["DebetCredit"],
        toegekend=goed,
        retourcodes=u.codes.get(p["_pad"], ["0200"]),
    )
    prestatie.agb = sleutel[1]
    staat._prestatie(prestatie)
    if goed and t is not None and not t.pk:
        staat.per_toewijzing[id(t)].append(prestatie)
    staat.declaratienummers.add((sleutel[1], prestatie.declaratienummer))
    staat.nieuw.append(prestatie)


PER_BERICHT = {
    "301": _r301,
    "305": lambda g, s, u, c, t, codes: _start_stop(g, s, u, c, t, False, codes),
    "307": lambda g, s, u, c, t, codes: _start_stop(g, s, u, c, t, True, codes),
    "315": _r315,
    "317": _r317,
    "319": _r319,
    "323": _r323,
}
MET_TOEWIJZING_VARIANTEN = MET_TOEWIJZING


def beoordeel(g: Gelezen, staat: Staat, codes, ctx: dict | None = None, toepassen=True) -> Uitslag:
    """Levels 3 and 4 for one message; when accepted (and ``toepassen``) update the Staat."""
    u = Uitslag()
    controleer_header(g, staat, u)
    if u.fouten:
        return u
    PER_BERICHT[g.nr](g, staat, u, ctx or {}, toepassen, codes)
    h = g.header
    staat.berichten[(h["Afzender"], g.naam, g.identificatie)].add(g.sha256)
    return u
