"""The receiving pipeline: read → level 1 → level 2 → levels 3/4 → store → retour.

``verwerk`` takes a batch of raw messages and always returns one result per message,
never raising for bad input. It is idempotent on (Afzender, berichttype, Identificatie,
content): the same message twice gives the stored retour again and no second record.
Messages are processed in date order, not arrival order (OP080).
"""

import contextlib
import datetime
import gc
import operator
import secrets
import time
from dataclasses import dataclass, field

from django.db import connections, models, router, transaction
from django.utils import timezone

from openwmo.accounts.selectors import doel_voor
from openwmo.gebeurtenissen import Gebeurtenis, publiceer_alle
from openwmo.privacy import services as audit

from . import codelijsten, keten, regels, schema
from .instanties import nieuw
from .models import Bericht, Levering, Prestatie, Toewijzing, Verzoek
from .schema import Fout, Gelezen

VOLGORDE = {"301": 0, "319": 1, "315": 2, "317": 3, "305": 4, "307": 5, "323": 6}
ONTVANGEN_DOOR_GEMEENTE = ("305", "307", "315", "317", "323")
DOEL_SYSTEEM = "Uitvoering Wmo 2015: iWmo-berichtenverkeer"
RETOURBERICHT = (
    "Dit is een retourbericht ({naam}): een antwoord op een heenbericht. Retourberichten "
    "worden niet als heenbericht verwerkt; alleen de structuur is gecontroleerd."
)


def nieuwe_identificatie() -> str:
    """12 random hexadecimal digits (as the first 12 of a uuid4, which are all random)."""
    return secrets.token_hex(6).upper()


@dataclass
class Invoer:
    raw: bytes
    organisatie: object = None  # the authenticated sender's Organisatie, if any


@dataclass
class Resultaat:
    gelezen: Gelezen
    niveau: int = 0  # 0 accepted; 1 structure; 2 in-message; 3 chain or external
    fouten: list[Fout] = field(default_factory=list)
    retour: bytes | None = None
    retourcodes: list[str] = field(default_factory=list)
    bericht: Bericht | None = None
    herhaald: bool = False

    @property
    def geaccepteerd(self) -> bool:
        return self.niveau == 0

    def als_dict(self) -> dict:
        return {
            "message": self.gelezen.naam,
            "valid": self.geaccepteerd,
            "retourcodes": self.retourcodes,
            "errors": [f.als_dict() for f in self.fouten],
        }


def _retourcodes(codes: dict[str, list[str]], standaard="0200") -> list[str]:
    gevonden = sorted({c for lijst in codes.values() for c in lijst})
    return gevonden or [standaard]


def _retour_header(g: Gelezen, vandaag) -> dict:
    h = dict(g.header)
    h["BerichtCode"] = schema.RETOUR[g.nr][1]
    h["IdentificatieRetour"] = nieuwe_identificatie()
    h["DagtekeningRetour"] = vandaag
    h["XsdVersieRetour"] = {
        "BasisschemaXsdVersie": schema.XSD_VERSIE,
        "BerichtXsdVersie": schema.XSD_VERSIE,
    }
    return h


def maak_retour(g: Gelezen, codes: dict[str, list[str]], *, alleen_header: bool, vandaag) -> bytes:
    """A retour: the heenbericht with retour fields in the header and codes per class."""
    nr = schema.RETOUR[g.nr][0]
    data = {"Header": _retour_header(g, vandaag)}
    if not alleen_header:
        for k, v in g.data.items():
            if k != "Header":
                data[k] = v
    return schema.schrijf(nr, data, codes)


def maak_declaratie_antwoord(g: Gelezen, u: keten.Uitslag | None, vandaag) -> tuple[bytes, list]:
    """The 325 for a 323: totals, and only the rejected prestaties with their codes."""
    decl = g.data["Declaratie"]
    codes = u.codes if u else {"Declaratie": ["0001"]}
    ingediend = decl["TotaalIngediendBedrag"]
    teken = 1 if ingediend["DebetCredit"] == "D" else -1
    afgewezen_decl = "Declaratie" in codes or "Header" in codes
    clienten = []
    afgewezen_saldo = 0
    for client in decl["Clienten"]["Client"]:
        afgewezen = [p for p in client["Prestaties"]["Prestatie"] if p["_pad"] in codes]
        for p in afgewezen:
            b = p["IngediendBedrag"]
            afgewezen_saldo += b["Bedrag"] if b["DebetCredit"] == "D" else -b["Bedrag"]
        if afgewezen and not afgewezen_decl:
            clienten.append(
                {
                    "_pad": client["_pad"],
                    "Bsn": client["Bsn"],
                    "Prestaties": {"Prestatie": afgewezen},
                }
            )
    toegekend = 0 if afgewezen_decl else teken * ingediend["TotaalBedrag"] - afgewezen_saldo
    decl_codes = (
        codes.get("Declaratie") or codes.get("Header") or (["0200"] if clienten else ["8001"])
    )
    antwoord = {
        "_pad": "DeclaratieAntwoord",
        "DeclaratieNummer": decl["DeclaratieNummer"],
        "TotaalIngediendBedrag": ingediend,
        "TotaalToegekendBedrag": {
            "TotaalBedrag": abs(toegekend),
            "DebetCredit": "D" if toegekend >= 0 else "C",
        },
    }
    if clienten:
        antwoord["Clienten"] = {"Client": clienten}
    h = g.header
    data = {
        "Header": {
            **schema.header(
                "325",
                afzender=h["Ontvanger"],
                ontvanger=h["Afzender"],
                identificatie=nieuwe_identificatie(),
                dagtekening=vandaag,
            ),
            "DeclaratieIdentificatie": h["BerichtIdentificatie"],
            "XsdVersieDeclaratie": h["XsdVersie"],
            "_pad": "Header",  # its RetourCodes: those of the 323's header, else 0200
        },
        "DeclaratieAntwoord": antwoord,
    }
    alle = {**codes, "DeclaratieAntwoord": decl_codes}
    return schema.schrijf("325", data, alle), sorted(
        set(decl_codes) | {c for k, v in codes.items() for c in v}
    )


def _antwoord(g: Gelezen, niveau, codes, vandaag, u=None):
    """(retour bytes or None, retourcodes) for a message."""
    if niveau == 1:  # level 1 (XSD): refused as transport, no retour (nor 325)
        return None, ["0001"]
    if g.nr == "323":
        return maak_declaratie_antwoord(g, u if niveau != 2 else None, vandaag)
    if g.nr not in schema.RETOUR:
        return None, _retourcodes(codes)
    alleen_header = niveau == 2 or "Header" in codes
    return maak_retour(g, codes, alleen_header=alleen_header, vandaag=vandaag), _retourcodes(codes)


def _afzender_fout(g: Gelezen, organisatie) -> Fout | None:
    """The HTTP endpoint: a message must come from the caller's own organisation."""
    if organisatie is None:
        return None
    if g.nr not in ONTVANGEN_DOOR_GEMEENTE:
        return Fout("Header", "0001", f"{g.naam} wordt niet door de gemeente ontvangen")
    if g.header["Afzender"] != (organisatie.agb_code or None):
        return Fout("Header", "0001", "Afzender is niet de AGB-code van uw organisatie")
    return None


def verwerk(
    invoer: list[Invoer],
    *,
    gebruiker=None,
    kanaal: str = audit.Kanaal.SYSTEEM,
    opslaan: bool = True,
    gesloten: bool = True,
    vandaag: datetime.date | None = None,
    meting: dict | None = None,
) -> list[Resultaat]:
    """Check a batch of incoming messages and (when ``opslaan``) store them and their state.

    ``meting``, when given, accumulates the seconds per stage (for the benchmark)."""
    with _zonder_cyclische_gc():
        return _verwerk(invoer, gebruiker, kanaal, opslaan, gesloten, vandaag, meting)


@contextlib.contextmanager
def _zonder_cyclische_gc():
    """A batch allocates hundreds of thousands of small objects (message data, models)
    that live until the end of the batch; Python's cycle collector would walk them over and
    over (about a tenth of the time). Memory is still freed by reference counting, and the
    collector works as usual again after the batch. Restores the previous state (threads,
    nesting)."""
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()


def _verwerk(invoer, gebruiker, kanaal, opslaan, gesloten, vandaag, meting) -> list[Resultaat]:
    klok = time.perf_counter()
    nu = timezone.now()
    vandaag = vandaag or timezone.localdate()
    codes = codelijsten.huidige()
    resultaten = []
    for i in invoer:
        g = schema.lees(i.raw)
        r = Resultaat(g)
        if g.fouten or g.definitie is None:
            r.niveau, r.fouten = 1, g.fouten
        elif g.nr not in schema.HEENBERICHTEN:
            r.niveau, r.fouten = 1, [Fout("", "0001", RETOURBERICHT.format(naam=g.naam))]
        else:
            fouten = regels.controleer(g, codes)
            if fouten:
                r.niveau, r.fouten = 2, fouten
        resultaten.append(r)
    klok = _meet(meting, "lezen en niveau 1-2", klok)
    leesbaar = [r.gelezen for r in resultaten if r.gelezen.header_geldig]
    volgorde = sorted(
        range(len(resultaten)),
        key=lambda n: (
            resultaten[n].gelezen.dagtekening or datetime.date.min,
            VOLGORDE.get(resultaten[n].gelezen.nr, 9),
            resultaten[n].gelezen.identificatie,
            n,
        ),
    )
    if opslaan:
        # the chain state is read inside the batch's transaction, under its locks: row
        # locks on the clients' toewijzingen (PostgreSQL), the write lock taken at BEGIN
        # (SQLite, transaction_mode IMMEDIATE). A parallel batch for the same toewijzing
        # waits, then reads what this one stored (issue 21)
        with transaction.atomic():
            staat = _staat(leesbaar, gesloten, vandaag, vergrendel=True)
            klok = _meet(meting, "staat laden", klok)
            _verwerk_geordend(resultaten, volgorde, invoer, staat, codes, nu, vandaag, True)
            klok = _meet(meting, "niveau 3-4 en retours", klok)
            _sla_op(resultaten, staat, gebruiker, kanaal)
            klok = _meet(meting, "opslaan", klok)
        _meet(meting, "commit", klok)
    else:
        staat = _staat(leesbaar, gesloten, vandaag, vergrendel=False)
        klok = _meet(meting, "staat laden", klok)
        _verwerk_geordend(resultaten, volgorde, invoer, staat, codes, nu, vandaag, False)
        _meet(meting, "niveau 3-4 en retours", klok)
    return resultaten


def _staat(leesbaar, gesloten, vandaag, *, vergrendel) -> keten.Staat:
    if not gesloten:
        return keten.Staat(vandaag=vandaag)
    return keten.Staat.uit_database(leesbaar, vandaag=vandaag, vergrendel=vergrendel)


def _meet(meting: dict | None, stap: str, sinds: float) -> float:
    nu = time.perf_counter()
    if meting is not None:
        meting[stap] = meting.get(stap, 0.0) + nu - sinds
    return nu


def _verwerk_geordend(resultaten, volgorde, invoer, staat, codes, nu, vandaag, opslaan):
    eerder: dict[tuple, Resultaat] = {}
    for n in volgorde:
        r = resultaten[n]
        g = r.gelezen
        org = invoer[n].organisatie
        sleutel = None
        if g.header_geldig and r.niveau != 1:
            h = g.header
            sleutel = (h["Afzender"], g.naam, g.identificatie, g.sha256)
        else:  # refused as transport (level 1): not received, known by caller and bytes only
            sleutel = ((getattr(org, "agb_code", "") or "")[:8], "", "", g.sha256)
        if sleutel in eerder:  # the same message twice in one batch
            r.herhaald, r.bericht = True, eerder[sleutel].bericht
            r.retour, r.retourcodes = eerder[sleutel].retour, eerder[sleutel].retourcodes
            r.niveau, r.fouten = eerder[sleutel].niveau, eerder[sleutel].fouten
            continue
        eerder[sleutel] = r
        if opslaan and _al_opgeslagen(r, staat, sleutel):
            continue
        bericht = _bericht(g, org, staat, nu, r.niveau == 1) if opslaan else None
        r.bericht = bericht
        codes_per_klasse: dict = {}
        u = None
        if r.niveau == 0:
            fout = _afzender_fout(g, org)
            if fout:
                r.niveau, r.fouten = 3, [fout]
                codes_per_klasse = {"Header": ["0001"]}
            else:
                u = keten.beoordeel(g, staat, codes, {"bericht": bericht, "ontvangen_op": nu})
                codes_per_klasse = u.codes
                if u.fouten:
                    r.fouten = u.fouten
                    if (
                        g.nr != "323"
                        or "Declaratie" in codes_per_klasse
                        or "Header" in codes_per_klasse
                    ):
                        r.niveau = 3
        elif r.niveau == 2:
            codes_per_klasse = {"Header": ["0001"]} if g.header_geldig else {}
            if g.header_geldig:
                h = g.header
                staat.berichten[(h["Afzender"], g.naam, g.identificatie)].add(g.sha256)
        if r.niveau != 1 and g.definitie is not None and g.header_geldig:
            r.retour, r.retourcodes = _antwoord(g, r.niveau, codes_per_klasse, vandaag, u)
        else:  # level 1: the transport layer refuses it, no retour (the API answers 400)
            r.retourcodes = ["0001"]
        if bericht is not None:
            bericht.status = (
                Bericht.Status.ONLEESBAAR
                if r.niveau == 1
                else Bericht.Status.GEACCEPTEERD
                if r.niveau == 0
                else Bericht.Status.AFGEKEURD
            )
            bericht.retourcodes = r.retourcodes
            bericht.fouten = [f.als_dict() for f in r.fouten][:50]
            bericht.retour = r.retour
            bericht.retour_op = nu if r.retour else None


def _al_opgeslagen(r: Resultaat, staat, sleutel) -> bool:
    """Idempotency against the database: return the stored retour of the same message."""
    afzender, naam, ident, sha = sleutel
    bekend = staat.berichten.get((afzender, naam, ident), ())
    zelfde = Bericht.objects.filter(
        richting=Bericht.Richting.IN, afzender=afzender, berichttype=naam, identificatie=ident
    )
    if sha in bekend or not naam:
        bestaand = zelfde.filter(sha256=sha).first()
    elif bekend:
        # the identification is known with another fingerprint: a different message
        # (TR056), or the same content stored under the hash of its bytes (the city
        # preset writes those), so compare the content itself
        bestaand = next(
            (b for b in zelfde.order_by("pk") if schema.lees(bytes(b.inhoud)).sha256 == sha), None
        )
    else:
        return False
    if bestaand is None:
        return False
    r.herhaald, r.bericht = True, bestaand
    r.retour = bytes(bestaand.retour) if bestaand.retour else None
    r.retourcodes = bestaand.retourcodes
    r.fouten = [Fout(f["pad"], f["code"], f["melding"]) for f in bestaand.fouten]
    r.niveau = 0 if bestaand.status == Bericht.Status.GEACCEPTEERD else max(r.niveau, 1)
    return True


def _bericht(g: Gelezen, org, staat, nu, geweigerd=False) -> Bericht:
    """The stored record of an incoming message. One refused at level 1 is kept as a
    record of the refusal (bytes, caller, findings) without header fields: it was not
    received, so its Identificatie stays free for the corrected message (TR056)."""
    h = g.header if g.header_geldig and not geweigerd else {}
    bsn = (g.data.get("Client") or {}).get("Bsn", "") if h else ""
    agb = ""
    if h:
        agb = h["Ontvanger"] if g.definitie.gemeente_afzender else h["Afzender"]
    return nieuw(
        Bericht,
        richting=Bericht.Richting.IN,
        berichttype=g.naam if h else "",
        afzender=h.get("Afzender", getattr(org, "agb_code", "") or "")[:8],
        ontvanger=h.get("Ontvanger", ""),
        aanbieder_id=staat.aanbieders.get(agb) or getattr(org, "pk", None),
        identificatie=g.identificatie if h else "",
        dagtekening=g.dagtekening if h else None,
        sha256=g.sha256,
        inhoud=bytes(g.raw),
        status=Bericht.Status.AFGEKEURD,
        bsn=bsn if isinstance(bsn, str) and len(bsn) <= 9 else "",
        persoon_id=staat.personen.get(bsn),
        ontvangen_op=nu,
    )


RIJEN_PER_INSERT = 40  # stays under SQLite's oldest limit of 999 parameters per statement


def voeg_in(model, objs: list) -> None:
    """A lean bulk insert that sets the primary keys (INSERT … RETURNING on SQLite 3.35+
    and PostgreSQL). Same result as ``bulk_create`` without its per-field compiler work,
    which dominates for thousands of messages with their blobs."""
    if not objs:
        return
    connection = connections[router.db_for_write(model)]
    # plain columns (text, numbers, keys) go as they are, read in one go; only the others
    # need Django's conversion (dates, JSON, blobs, automatic timestamps)
    eenvoudig = (
        models.CharField,
        models.TextField,
        models.IntegerField,
        models.BooleanField,
        models.ForeignKey,
    )
    alle = [f for f in model._meta.concrete_fields if not f.primary_key]
    gewoon = [f for f in alle if isinstance(f, eenvoudig)]
    overig = [f for f in alle if not isinstance(f, eenvoudig)]
    velden = gewoon + overig
    kolommen = ", ".join(connection.ops.quote_name(f.column) for f in velden)
    pk = connection.ops.quote_name(model._meta.pk.column)
    tabel = connection.ops.quote_name(model._meta.db_table)
    rij = "(" + ", ".join(["%s"] * len(velden)) + ")"
    lees_gewoon = operator.attrgetter(*(f.attname for f in gewoon)) if gewoon else None
    if len(gewoon) == 1:
        enkel = lees_gewoon
        lees_gewoon = lambda obj: (enkel(obj),)  # noqa: E731
    omzetters = [
        _onthoudend(f, connection)
        if isinstance(f, models.DateField | models.TimeField) and not _automatisch(f)
        else _json_onthoudend(f, connection)
        if isinstance(f, models.JSONField)
        else (lambda obj, f=f: f.get_db_prep_save(f.pre_save(obj, True), connection))
        for f in overig
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(objs), RIJEN_PER_INSERT):
            deel = objs[start : start + RIJEN_PER_INSERT]
            params = []
            for obj in deel:
                if lees_gewoon is not None:
                    params.extend(lees_gewoon(obj))
                params.extend([omzet(obj) for omzet in omzetters])
            cursor.execute(
                f"INSERT INTO {tabel} ({kolommen}) VALUES {', '.join([rij] * len(deel))} "
                f"RETURNING {pk}",
                params,
            )
            for obj, (waarde,) in zip(deel, cursor.fetchall(), strict=True):
                obj.pk = waarde
                obj._state.adding = False
                obj._state.db = connection.alias


def _automatisch(f) -> bool:
    return getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)


def _onthoudend(f, connection):
    """Dates and times converted once per value: a batch shares a handful of them (its
    receiving time, the days of the month), and the conversion is Django's slowest."""
    gezien: dict = {}

    def omzet(obj):
        waarde = getattr(obj, f.attname)
        try:
            return gezien[waarde]
        except KeyError:
            db = gezien[waarde] = f.get_db_prep_save(waarde, connection)
            return db

    return omzet


def _json_onthoudend(f, connection):
    """JSON lists of codes (retourcodes, an empty list of findings) converted once per value."""
    gezien: dict = {}

    def omzet(obj):
        waarde = getattr(obj, f.attname)
        if waarde.__class__ is list and all(w.__class__ is str for w in waarde):
            sleutel = tuple(waarde)
            try:
                return gezien[sleutel]
            except KeyError:
                db = gezien[sleutel] = f.get_db_prep_save(waarde, connection)
                return db
        return f.get_db_prep_save(f.pre_save(obj, True), connection)

    return omzet


def leverstand_bijwerken(toewijzing_ids=None) -> int:
    """Toewijzing.gestart / gestopt from the active starts and stops, for the given
    toewijzingen (all when None), in one statement; returns how many were looked at."""
    if toewijzing_ids is not None and not toewijzing_ids:
        return 0
    actief = Levering.objects.filter(toewijzing=models.OuterRef("pk"), actief=True)
    toewijzingen = Toewijzing.objects.all()
    if toewijzing_ids is not None:
        toewijzingen = toewijzingen.filter(pk__in=sorted(toewijzing_ids))
    return toewijzingen.update(
        gestart=models.Exists(actief.filter(soort=Levering.Soort.START)),
        gestopt=models.Exists(actief.filter(soort=Levering.Soort.STOP)),
    )


def _publiceer_stops(leveringen) -> None:
    """The rows are inserted in bulk, so the write path announces each new active stop
    itself (one ``on_commit`` for the whole batch)."""
    publiceer_alle(
        Gebeurtenis.LEVERING_GESTOPT,
        (
            {
                "levering_id": lev.pk,
                "persoon_id": lev.persoon_id,
                "aanbieder_id": lev.aanbieder_id,
                "reden_beeindiging": lev.reden_beeindiging,
                "einddatum": lev.einddatum,
            }
            for lev in leveringen
            if lev.soort == Levering.Soort.STOP and lev.actief
        ),
    )


def _sla_op(resultaten, staat, gebruiker, kanaal):
    berichten = [r.bericht for r in resultaten if r.bericht is not None and not r.herhaald]
    voeg_in(Bericht, berichten)
    per_model: dict = {}
    for obj in staat.nieuw:
        per_model.setdefault(type(obj), []).append(obj)
    for model in (Toewijzing, Verzoek, Levering, Prestatie):
        objs = per_model.get(model)
        if objs:
            for obj in objs:
                if getattr(obj, "bericht", None) is not None:
                    obj.bericht_id = obj.bericht.pk
            voeg_in(model, objs)
    levering_upd = [o for o in staat.gewijzigd if isinstance(o, Levering)]
    if levering_upd:
        Levering.objects.bulk_update(levering_upd, ["actief"])
    leverstand_bijwerken(
        {o.toewijzing_id for o in [*per_model.get(Levering, ()), *levering_upd] if o.toewijzing_id}
    )
    _publiceer_stops(per_model.get(Levering, ()))
    verzoek_upd = [o for o in staat.gewijzigd if isinstance(o, Verzoek)]
    if verzoek_upd:
        Verzoek.objects.bulk_update(verzoek_upd, ["status", "reden_afwijzing", "beantwoord_op"])
    doel = doel_voor(gebruiker) if gebruiker is not None else DOEL_SYSTEEM
    met_client = [b for b in berichten if b.bsn or b.berichttype == "WMO323"]
    if gebruiker is None and len(met_client) > 1:
        # a system batch (file import, benchmark): one audit record for the batch; the
        # stored messages themselves say per resident what was received from whom
        audit.log(
            None,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=doel,
            object_type="iwmo_bericht",
            object_id=f"{met_client[0].pk}-{met_client[-1].pk}",
            velden=["bsn", "naam", "geboortedatum", "zorggegevens"],
            toelichting=f"{len(met_client)} iWmo-berichten ontvangen in één verwerking",
        )
        return
    for b in met_client:
        audit.log(
            gebruiker,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=doel,
            object_type="iwmo_bericht",
            object_id=b.pk,
            persoon_id=b.persoon_id,
            velden=["bsn", "naam", "geboortedatum", "zorggegevens"],
            toelichting=f"{b.berichttype} {b.identificatie} ontvangen ({b.status})",
        )
