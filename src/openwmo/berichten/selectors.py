"""Reading messages, toewijzingen and steering data, scoped inside the query.

A provider (zorgaanbieder) sees only its own organisation; the gemeente (wmo_consulent)
sees everything; a beleidsmaker sees steering figures only (no personal data).
"""

import datetime
from collections import Counter, defaultdict

from django.db.models import F, Min, Prefetch, Q, QuerySet
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor, scope_of
from openwmo.kalender import plus_werkdagen
from openwmo.organisaties import selectors as organisaties
from openwmo.privacy import services as audit

from . import codelijsten
from .models import Bericht, Levering, Toewijzing, ToewijzingVersie, Verzoek

LEZEN_ROLLEN = frozenset({Rol.WMO_CONSULENT, Rol.ZORGAANBIEDER})
STURING_ROLLEN = frozenset({Rol.WMO_CONSULENT, Rol.BELEIDSMAKER})
TERMIJN_RETOUR = 3
TERMIJN_ANTWOORD = 5
TERMIJN_START_STOP = 5
TERMIJN_ONDERZOEK = datetime.timedelta(weeks=8)


def _scoped(user, qs: QuerySet, veld="aanbieder_id") -> QuerySet:
    scope = scope_of(user)
    if scope.rol == Rol.WMO_CONSULENT:
        return qs
    if scope.rol == Rol.ZORGAANBIEDER and scope.organisatie_id:
        return qs.filter(**{veld: scope.organisatie_id})
    return qs.none()


def berichten_in_scope(user) -> QuerySet[Bericht]:
    return _scoped(user, Bericht.objects.select_related("aanbieder")).defer("inhoud", "retour")


def toewijzingen_in_scope(user) -> QuerySet[Toewijzing]:
    return _scoped(user, Toewijzing.objects.select_related("aanbieder", "persoon"))


def verzoeken_in_scope(user) -> QuerySet[Verzoek]:
    return _scoped(user, Verzoek.objects.select_related("aanbieder", "persoon"))


def leveringen_in_scope(user) -> QuerySet[Levering]:
    return _scoped(user, Levering.objects.select_related("aanbieder", "persoon", "toewijzing"))


def _log(user, kanaal, object_type, object_id, persoon_id, velden):
    audit.log(
        user,
        actie=audit.Actie.LEZEN,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type=object_type,
        object_id=object_id,
        persoon_id=persoon_id,
        velden=velden,
    )


def log_overzicht(user, rijen, *, kanaal: str, object_type: str) -> None:
    """A list with client names was shown: one audit record per client in it."""
    rijen = list(rijen)
    audit.log_lijst(
        user,
        [r.persoon_id for r in rijen],
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type=object_type,
        velden=["naam", "bsn"],
        toelichting=f"overzicht met {len(rijen)} regels",
    )


def bericht(user, pk: int, *, kanaal: str) -> Bericht:
    """One message with its content and retour (personal data: logged)."""
    b = _scoped(user, Bericht.objects.select_related("aanbieder")).filter(pk=pk).first()
    if b is None:
        raise Http404("Dit bericht bestaat niet of valt buiten uw toegang.")
    _log(user, kanaal, "iwmo_bericht", b.pk, b.persoon_id, ["bericht", "retour"])
    return b


def toewijzing(user, pk: int, *, kanaal: str) -> Toewijzing:
    t = (
        toewijzingen_in_scope(user)
        .select_related("persoon__huishouden__adres")
        .prefetch_related(
            Prefetch("leveringen", queryset=Levering.objects.order_by("ontvangen_op", "id")),
            "versies",
        )
        .filter(pk=pk)
        .first()
    )
    if t is None:
        raise Http404("Deze toewijzing bestaat niet of valt buiten uw toegang.")
    _log(user, kanaal, "toewijzing", t.nummer, t.persoon_id, ["naam", "bsn", "toewijzing"])
    return t


def verzoek(user, pk: int, *, kanaal: str) -> Verzoek:
    v = verzoeken_in_scope(user).filter(pk=pk).first()
    if v is None:
        raise Http404("Dit verzoek bestaat niet of valt buiten uw toegang.")
    _log(user, kanaal, "verzoek", v.pk, v.persoon_id, ["naam", "bsn", "verzoek"])
    return v


def clientcontrole(user, v: Verzoek) -> list[dict]:
    """The gemeente checks the client data a provider stated in its request against the
    register: per item what the provider wrote, what the register says, whether they
    agree. Only the gemeente sees the register's side (the read of the request is logged)."""
    if user.rol != Rol.WMO_CONSULENT:
        return []
    from django.utils.translation import gettext as _

    from . import schema

    client = (schema.lees(bytes(v.bericht.inhoud)).data or {}).get("Client") or {}
    naam = client.get("Naam") or {}
    geslachtsnaam = naam.get("Geslachtsnaam") or {}
    p = v.persoon
    geslachten = {"0": _("Onbekend"), "1": _("Man"), "2": _("Vrouw")}

    def achternaam(voorvoegsel, achternaam):
        return " ".join(d for d in (voorvoegsel, achternaam) if d)

    opgegeven = {
        "naam": achternaam(geslachtsnaam.get("Voorvoegsel"), geslachtsnaam.get("Achternaam")),
        "voorletters": naam.get("Voorletters") or "",
        "geboortedatum": (client.get("Geboortedatum") or {}).get("Datum"),
        "geslacht": client.get("Geslacht") or "0",
    }
    register = (
        {
            "naam": achternaam(p.voorvoegsel, p.achternaam),
            "voorletters": "".join(d[0] for d in p.voornamen.split() if d).upper(),
            "geboortedatum": p.geboortedatum,
            "geslacht": p.geslacht or "0",
        }
        if p
        else {}
    )
    rijen = []
    for sleutel, label in (
        ("naam", _("Achternaam")),
        ("voorletters", _("Voorletters")),
        ("geboortedatum", _("Geboortedatum")),
        ("geslacht", _("Geslacht")),
    ):
        a, r = opgegeven[sleutel], register.get(sleutel)
        if sleutel == "geslacht":
            klopt = p is not None and (a == r or "0" in (a, r))
            a, r = geslachten.get(a, a), geslachten.get(r, r) if p else None
        elif sleutel in ("naam", "voorletters"):
            klopt = p is not None and (a or "").casefold() == (r or "").casefold()
            if sleutel == "voorletters" and not a:
                klopt = p is not None  # initials are optional in the message
        else:
            klopt = p is not None and a == r
        rijen.append({"gegeven": label, "aanbieder": a, "register": r, "klopt": klopt})
    return rijen


def lopende_starts(user) -> QuerySet[Levering]:
    """Starts without a (definitive or temporary) stop: what a provider can stop."""
    qs = leveringen_in_scope(user).filter(soort=Levering.Soort.START, actief=True)
    gestopt = {
        (s.aanbieder_id, s.bsn, s.toewijzingnummer, s.productcategorie, s.productcode, s.begindatum)
        for s in _scoped(user, Levering.objects.filter(soort=Levering.Soort.STOP, actief=True))
    }
    return [
        s
        for s in qs.order_by("begindatum")
        if (
            s.aanbieder_id,
            s.bsn,
            s.toewijzingnummer,
            s.productcategorie,
            s.productcode,
            s.begindatum,
        )
        not in gestopt
    ]


def te_laat(user, vandaag: datetime.date | None = None) -> list[dict]:
    """Late items of the chain: open requests, missing starts/stops, missing retours."""
    vandaag = vandaag or timezone.localdate()
    items = []
    for v in (
        verzoeken_in_scope(user)
        .filter(status__in=[Verzoek.Status.OPEN, Verzoek.Status.IN_ONDERZOEK])
        .annotate(verzoek_dagtekening=F("bericht__dagtekening"))
    ):
        termijn = plus_werkdagen(timezone.localtime(v.ontvangen_op).date(), TERMIJN_ANTWOORD)
        if v.status == Verzoek.Status.OPEN and termijn < vandaag:
            items.append(
                {
                    "soort": "Antwoord op verzoek (301/319)",
                    "termijn": termijn,
                    "object": v,
                    "omschrijving": f"{v.get_soort_display()} {v.referentie} van {v.aanbieder}",
                }
            )
        elif v.status == Verzoek.Status.IN_ONDERZOEK:
            # after 'in onderzoek' only a 301 or a rejection may follow (TR360/TR365),
            # within 8 weeks of the request's Dagtekening (OP274, OP346)
            termijn = v.verzoek_dagtekening + TERMIJN_ONDERZOEK
            if termijn < vandaag:
                items.append(
                    {
                        "soort": "Besluit na onderzoek (301 of afwijzing, TR365)",
                        "termijn": termijn,
                        "object": v,
                        "omschrijving": f"{v.get_soort_display()} {v.referentie} van "
                        f"{v.aanbieder}: 8 weken in onderzoek",
                    }
                )

    # the database picks the candidates (n working days are at least n calendar days)
    # from the chain state the pipeline keeps per toewijzing (partial indexes), the exact
    # working-day term is computed here
    grens = vandaag - datetime.timedelta(days=TERMIJN_START_STOP)
    toewijzingen = toewijzingen_in_scope(user).exclude(reden_wijziging="13")
    zonder_start = toewijzingen.filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=F("ingangsdatum")),
        gestart=False,
        ingangsdatum__lt=grens,
    )
    zonder_stop = toewijzingen.filter(gestart=True, gestopt=False, einddatum__lt=grens)
    for qs, datum, soort, ontbreekt in (
        (zonder_start, "ingangsdatum", "Startbericht (305)", "geen start"),
        (zonder_stop, "einddatum", "Stopbericht (307)", "geen stop"),
    ):
        # the keys first, then the few rows with their relations
        ids = list(qs.order_by().values_list("pk", flat=True))
        for t in toewijzingen.filter(pk__in=ids).order_by(datum, "pk"):
            termijn = plus_werkdagen(getattr(t, datum), TERMIJN_START_STOP)
            if termijn < vandaag:
                items.append(
                    {
                        "soort": soort,
                        "termijn": termijn,
                        "object": t,
                        "omschrijving": f"Toewijzing {t.nummer} bij {t.aanbieder}: {ontbreekt}",
                    }
                )
    for b in berichten_in_scope(user).filter(retour_op__isnull=True, status="geaccepteerd"):
        termijn = plus_werkdagen(timezone.localtime(b.ontvangen_op).date(), TERMIJN_RETOUR)
        if termijn < vandaag:
            items.append(
                {
                    "soort": "Retourbericht",
                    "termijn": termijn,
                    "object": b,
                    "omschrijving": f"{b.berichttype} {b.identificatie}: geen retour",
                }
            )
    return sorted(items, key=lambda i: i["termijn"])


STURING_PER_PAGINA = 100


def sturingsinformatie(
    user, vandaag: datetime.date | None = None, *, pagina: int = 1, per_pagina: int = 0
) -> dict:
    """Waiting time, duration and reason for ending per toewijzing; late share per provider.

    Beleidsmakers get aggregates only; the gemeente also gets per-toewijzing rows (no
    names), one page at a time (``pagina``, ``per_pagina``). Every figure comes from a few
    grouped queries of plain values, so it stays quick with a city's hundred thousand
    toewijzingen.
    """
    leeg = {"aanbieders": [], "redenen": [], "toewijzingen": [], "aantal_toewijzingen": 0}
    scope = scope_of(user)
    if scope.rol not in STURING_ROLLEN:
        return {**leeg, "pagina": 1, "paginas": 1, "per_pagina": per_pagina or STURING_PER_PAGINA}
    vandaag = vandaag or timezone.localdate()
    per_pagina = per_pagina or STURING_PER_PAGINA
    codes = codelijsten.huidige()
    namen = dict(organisaties.organisaties().values_list("pk", "naam"))
    actief = Levering.objects.filter(actief=True, toewijzing__isnull=False).order_by()
    eerste_start = dict(
        actief.filter(soort=Levering.Soort.START)
        .values("toewijzing_id")
        .annotate(eerste=Min("begindatum"))
        .values_list("toewijzing_id", "eerste")
    )
    eerste_versie = dict(
        ToewijzingVersie.objects.order_by()
        .values("toewijzing_id")
        .annotate(eerste=Min("toewijzingsdatum"))
        .values_list("toewijzing_id", "eerste")
    )
    einde, tijdelijk = {}, set()  # the last definitive stop; a temporary stop (reason 20)
    for tid, einddatum, reden in (
        actief.filter(soort=Levering.Soort.STOP)
        .order_by("begindatum", "id")
        .values_list("toewijzing_id", "einddatum", "reden_beeindiging")
    ):
        if reden == "20":
            tijdelijk.add(tid)
        else:
            einde[tid] = (einddatum, reden)
    toewijzingen = list(
        Toewijzing.objects.exclude(reden_wijziging="13")
        .order_by("nummer")
        .values_list(
            "pk", "nummer", "aanbieder_id", "productcategorie", "productcode",
            "toewijzingsdatum", "ingangsdatum",
        )
    )  # fmt: skip

    def rij(t) -> dict:
        pk, nummer, aanbieder_id, categorie, code, toewijzingsdatum, ingangsdatum = t
        eerste = eerste_start.get(pk)
        toegewezen = eerste_versie.get(pk, toewijzingsdatum)
        eind, reden = einde.get(pk, (None, ""))
        return {
            "nummer": nummer,
            "aanbieder": namen.get(aanbieder_id, ""),
            "product": f"{categorie} {code}".strip(),
            "toewijzingsdatum": toegewezen,
            "ingangsdatum": ingangsdatum,
            "start": eerste,
            # a retroactive toewijzing (start before the decision) has no waiting time
            "wachttijd_dagen": max(0, (eerste - toegewezen).days) if eerste else None,
            "duur_dagen": ((eind or vandaag) - eerste).days + 1 if eerste else None,
            "reden_beeindiging": reden,
            "reden_omschrijving": codes.omschrijving("WMO588", reden) if reden else "",
            "tijdelijk_gestopt": pk in tijdelijk and not reden,
        }

    per_aanbieder: dict = defaultdict(lambda: {"meldingen": 0, "te_laat": 0, "wachttijden": []})
    termijn = {}  # OP272: 305/307 within 5 working days of the real start or end
    for aanbieder_id, soort, begindatum, einddatum, ontvangen in (
        Levering.objects.filter(status_aanlevering="1")
        .order_by()
        .values_list("aanbieder_id", "soort", "begindatum", "einddatum", TruncDate("ontvangen_op"))
    ):
        datum = einddatum if soort == Levering.Soort.STOP else begindatum
        if datum not in termijn:
            termijn[datum] = plus_werkdagen(datum, TERMIJN_START_STOP)
        a = per_aanbieder[namen.get(aanbieder_id, "")]
        a["meldingen"] += 1
        a["te_laat"] += ontvangen > termijn[datum]
    redenen = Counter()
    for pk, _, aanbieder_id, _, _, toewijzingsdatum, _ in toewijzingen:
        eerste = eerste_start.get(pk)
        if eerste:
            wacht = max(0, (eerste - eerste_versie.get(pk, toewijzingsdatum)).days)
            per_aanbieder[namen.get(aanbieder_id, "")]["wachttijden"].append(wacht)
        if pk in einde:
            redenen[codes.omschrijving("WMO588", einde[pk][1])] += 1
    aanbieders = []
    for naam, a in sorted(per_aanbieder.items()):
        w = a["wachttijden"]
        aanbieders.append(
            {
                "aanbieder": naam,
                "meldingen": a["meldingen"],
                "te_laat": a["te_laat"],
                "aandeel_te_laat": round(100 * a["te_laat"] / a["meldingen"])
                if a["meldingen"]
                else 0,
                "gemiddelde_wachttijd": round(sum(w) / len(w), 1) if w else None,
                "starts": len(w),
            }
        )
    gemeente = scope.rol == Rol.WMO_CONSULENT
    paginas = max(1, -(-len(toewijzingen) // per_pagina)) if gemeente else 1
    pagina = max(1, min(pagina, paginas))
    deel = toewijzingen[(pagina - 1) * per_pagina : pagina * per_pagina] if gemeente else []
    return {
        "aanbieders": aanbieders,
        "redenen": [{"reden": k, "aantal": v} for k, v in redenen.most_common()],
        "toewijzingen": [rij(t) for t in deel],
        "aantal_toewijzingen": len(toewijzingen) if gemeente else 0,
        "pagina": pagina,
        "paginas": paginas,
        "per_pagina": per_pagina,
    }


def uitgaande_berichten(vanaf: datetime.date):
    """(file name, bytes) of every message the gemeente sent since a date: 301/319 and the
    retours and 325s of received messages. Logged as an export of personal data."""
    begin = timezone.make_aware(datetime.datetime.combine(vanaf, datetime.time()))
    qs = Bericht.objects.filter(ontvangen_op__gte=begin).order_by("ontvangen_op", "id")
    for b in qs.iterator():
        if b.richting == Bericht.Richting.UIT:
            yield f"{b.berichttype}_{b.identificatie}.xml", bytes(b.inhoud)
        elif b.retour:
            soort = "WMO325" if b.berichttype == "WMO323" else _retournaam(b.berichttype)
            yield f"{soort}_{b.identificatie or b.pk}_{b.pk}.xml", bytes(b.retour)
        else:
            continue
        audit.log(
            None,
            actie=audit.Actie.EXPORT,
            kanaal=audit.Kanaal.EXPORT,
            doel="Uitvoering Wmo 2015: iWmo-berichtenverkeer",
            object_type="iwmo_bericht",
            object_id=b.pk,
            persoon_id=b.persoon_id,
            velden=["bericht"],
        )


def _retournaam(naam: str) -> str:
    from .schema import RETOUR

    return "WMO" + RETOUR.get(naam[3:], ("",))[0]


def aanbieders_met_levering(van: datetime.date, tot: datetime.date) -> set[int]:
    """Ids of providers with a toewijzing or a started delivery that runs some time in
    [van, tot]. Counts only (no personal data): used to flag providers without deliveries."""
    lopend = {"ingangsdatum__lte": tot}
    actief = set(
        Toewijzing.objects.filter(**lopend)
        .exclude(einddatum__lt=van)
        .exclude(reden_wijziging="13")  # withdrawn
        .values_list("aanbieder_id", flat=True)
        .distinct()
    )
    actief |= set(
        Levering.objects.filter(soort=Levering.Soort.START, begindatum__lte=tot)
        .exclude(einddatum__lt=van)
        .values_list("aanbieder_id", flat=True)
        .distinct()
    )
    return actief
