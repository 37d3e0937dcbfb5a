"""Reading steering information: indicator values (aggregated in the database) and the
cases behind a number (scoped to the user and audited)."""

import contextlib
import datetime
import hashlib
import json
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.http import Http404
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor, scope_of
from openwmo.privacy import services as audit

from . import bronnen as b
from .models import Feitenstand, Indicator, Tussenstand, Uitnodiging

# Neighbourhood views for policy makers hide counts of 1 to 4 cases.
KLEINE_AANTALLEN = 5
MAX_GEVALLEN = 500

Periode = tuple[datetime.date, datetime.date]


# --- who sees what --------------------------------------------------------------------


def is_teamleider(user) -> bool:
    from openwmo.toegang.selectors import is_teamleider as _is

    return _is(user)


def niveaus_voor(user) -> list[str]:
    """The steering levels a user may open."""
    if user.rol == Rol.BELEIDSMAKER:
        return ["strategisch", "tactisch", "wijken"]
    if user.rol == Rol.ZORGAANBIEDER and scope_of(user).organisatie_id:
        return ["operationeel"]
    if is_teamleider(user):
        return ["operationeel"]
    return []


def mag(user, niveau: str) -> bool:
    return niveau in niveaus_voor(user)


def vaste_aanbieder(user) -> int | None:
    """A provider's contract manager only ever sees their own organisation."""
    if user.rol == Rol.ZORGAANBIEDER:
        return scope_of(user).organisatie_id
    return None


def controleer_aanbieder(user, aanbieder_id: int | None) -> int | None:
    """The provider filter a user may use: a contract manager gets their own; asking for
    another organisation is refused."""
    eigen = vaste_aanbieder(user)
    if user.rol == Rol.ZORGAANBIEDER:
        if aanbieder_id is not None and aanbieder_id != eigen:
            raise PermissionDenied
        return eigen
    return aanbieder_id


# --- registry ---------------------------------------------------------------------------


def indicatoren() -> list[Indicator]:
    """Registered indicators whose source is available in this installation."""
    return [i for i in Indicator.objects.all() if b.beschikbaar(i.bron)]


def indicator(code: str) -> Indicator:
    ind = Indicator.objects.filter(code=code).first()
    if ind is None or not b.beschikbaar(ind.bron):
        raise Http404
    return ind


def bron_van(code: str) -> str:
    ind = Indicator.objects.filter(code=code).values_list("bron", flat=True).first()
    # a source code may be used directly as indicator code as well
    return ind or code


# --- computing --------------------------------------------------------------------------


def _inwoners(wijk_id=None) -> dict:
    """Residents per wijk (key None = all) for 'per 1,000 residents'."""
    from openwmo.inwoners.selectors import aantal_inwoners_per_wijk_id

    per_wijk = aantal_inwoners_per_wijk_id()
    totaal = sum(per_wijk.values())
    return {**per_wijk, None: per_wijk.get(wijk_id, 0) if wijk_id else totaal}


def inwoners_stand() -> dict:
    """Residents per wijk (key None = all), from the nightly figures when fresh."""
    return uit_stand(
        "inwoners",
        _inwoners,
        lambda u: {(int(k) if k else None): v for k, v in u.items()},
    )


def _filter(bron: b.Bron, qs, aanbieder_id, wijk_id, wijk_ids=None):
    if aanbieder_id is not None:
        qs = qs.filter(**{bron.aanbieder: aanbieder_id})
    if wijk_id is not None:
        qs = qs.filter(**{bron.wijk: wijk_id})
    if wijk_ids is not None:
        qs = qs.filter(**{f"{bron.wijk}__in": wijk_ids})
    return qs


def _groep_pad(bron: b.Bron, groep: str | None) -> str | None:
    if groep == "wijk":
        return bron.wijk
    if groep == "aanbieder":
        return bron.aanbieder
    return None


def tabel(
    bron_code: str,
    perioden: list[Periode],
    *,
    groep: str | None = None,
    aanbieder_id: int | None = None,
    wijk_id: int | None = None,
    wijk_ids=None,
    inwoners: dict | None = None,
    feiten: bool = False,
) -> dict:
    """{group key: [(value, number of cases) per period]} in one query (plus one for the
    denominator where needed). Group key None when not grouped. Empty dict when the
    source cannot be split that way. With ``feiten`` the cases are read from the case
    table of the last refresh (``Geval``) instead of the source's own model."""
    if bron_code in b.EXTERN:
        if groep not in (None, "aanbieder") or wijk_id or wijk_ids is not None:
            return {}
        if groep == "aanbieder":
            return {}
        waarden = b.EXTERN[bron_code](perioden, aanbieder_id)
        return {None: [(w, None) for w in waarden]}
    bron = b.op_feiten(bron_code) if feiten else b.BRONNEN[bron_code]
    if (aanbieder_id is not None or groep == "aanbieder") and bron.aanbieder is None:
        return {}
    qs = _filter(bron, bron.basis(), aanbieder_id, wijk_id, wijk_ids)
    # prefilter on the whole span once (a superset is fine: each aggregate has its own
    # period filter); one OR per period would repeat subqueries in the WHERE clause
    qs = qs.filter(bron.periode(min(p[0] for p in perioden), max(p[1] for p in perioden)))
    pad = _groep_pad(bron, groep)
    if bron.soort in ("mediaan", "p90"):
        rijen = _waarden(bron, qs, pad, perioden)
    else:
        aggs = {}
        for k, (van, tot) in enumerate(perioden):
            aggs.update(b.aggregaten(bron, bron.periode(van, tot), str(k)))
        if pad:
            data = qs.order_by().values(g=F(pad)).annotate(**aggs)
        else:
            data = [dict(qs.order_by().aggregate(**aggs), g=None)]
        noemers = _noemers(bron, perioden, groep, aanbieder_id, wijk_id, wijk_ids, inwoners, feiten)
        rijen = {}
        for d in data:
            rij = []
            for k in range(len(perioden)):
                n, t = d[f"n{k}"] or 0, d.get(f"t{k}")
                noemer = noemers(d["g"], k)
                rij.append((b.waarde(bron, n, t, noemer, d.get(f"d{k}")), n))
            rijen[d["g"]] = rij
    return rijen


def _noemers(bron, perioden, groep, aanbieder_id, wijk_id, wijk_ids, inwoners, feiten):
    if bron.soort in ("per_inwoners", "clienten_per_inwoners"):
        aantallen = inwoners if inwoners is not None else _inwoners(wijk_id)
        if groep == "wijk":
            return lambda g, k: aantallen.get(g, 0)
        return lambda g, k: aantallen[None]
    if bron.soort == "per_clienten":
        clienten = tabel(
            bron.noemer_bron,
            perioden,
            groep=groep,
            aanbieder_id=aanbieder_id,
            wijk_id=wijk_id,
            wijk_ids=wijk_ids,
            inwoners={None: 0},
            feiten=feiten,
        )
        return lambda g, k: clienten.get(g, [(None, 0)] * len(perioden))[k][1]
    return lambda g, k: None


def _waarden(bron: b.Bron, qs, pad, perioden) -> dict:
    """Waiting times: fetch the two dates per case and take percentiles in Python."""
    van_veld, tot_veld = bron.dagen
    velden = [van_veld, tot_veld] + ([pad] if pad else [])
    reeksen: dict = {}
    for rij in qs.order_by().values_list(*velden):
        g = rij[2] if pad else None
        per = reeksen.setdefault(g, [[] for _ in perioden])
        for k, (van, tot) in enumerate(perioden):
            if van <= rij[1] <= tot:
                per[k].append(b.dagen_tussen(rij[0], rij[1]))
    p = 50 if bron.soort == "mediaan" else 90
    return {g: [(b._percentiel(sorted(w), p), len(w)) for w in per] for g, per in reeksen.items()}


def bereken(
    code: str,
    van: datetime.date,
    tot: datetime.date,
    *,
    aanbieder_id: int | None = None,
    wijk_id: int | None = None,
):
    """The value of an indicator over [van, tot], municipality-wide or for one provider or
    wijk; None when it cannot be computed (no cases, or not defined for that filter)."""
    bron = bron_van(code)
    if not b.beschikbaar(bron):
        return None
    rijen = tabel(bron, [(van, tot)], aanbieder_id=aanbieder_id, wijk_id=wijk_id)
    if not rijen:
        return None
    return next(iter(rijen.values()))[0][0]


# --- figures computed ahead (Tussenstand) -----------------------------------------------
# The dashboards ask for their tables through `uit_stand`. The nightly refresh runs the
# dashboards once per standard view and scope while `opname()` is active: every table is
# then computed from the case tables and collected, and the refresh stores them as
# `Tussenstand` rows. A request reads a stored table when it is fresh; otherwise it is
# computed as before. The moment of the oldest stored table used is kept per request
# (`gebruikte_stand`) so a screen can say "cijfers van ...".

# A table that is not stored (another year, a chosen date) is aggregated from the case
# table of the last refresh (`Geval`) while that is fresh, else from the sources.

_opname: ContextVar[dict | None] = ContextVar("sturing_opname", default=None)
_gebruikt: ContextVar[list | None] = ContextVar("sturing_gebruikt", default=None)
_feiten: ContextVar[dict | None] = ContextVar("sturing_feiten", default=None)


@contextlib.contextmanager
def _zet(var, waarde):
    token = var.set(waarde)
    try:
        yield waarde
    finally:
        var.reset(token)


@contextlib.contextmanager
def opname():
    """Collect every table computed inside the block: {key: (description, encoded)}.
    The refresh has just written the case table, so the tables are aggregated from it."""
    with _zet(_feiten, {"vers": feiten_stand()}), _zet(_opname, {}) as verzameld:
        yield verzameld


@contextlib.contextmanager
def gebruikte_stand():
    """Yields a list that receives the `berekend_op` of each stored table read (and of the
    case table when a table was aggregated from it); one freshness check per block."""
    with _zet(_feiten, {}), _zet(_gebruikt, []) as gebruikt:
        yield gebruikt


def _grens():
    return timezone.now() - datetime.timedelta(hours=settings.STURING_TUSSENSTAND_UREN)


def laatste_feitenstanden(n: int = 10) -> list[Feitenstand]:
    """The most recent refreshes of the case table, newest first."""
    return list(Feitenstand.objects.all()[:n])


def feiten_stand():
    """The moment of the last refresh of the case table while it is fresh, else None."""
    onthouden = _feiten.get()
    if onthouden is not None and "vers" in onthouden:
        return onthouden["vers"]
    moment = (
        Feitenstand.objects.filter(berekend_op__gte=_grens())
        .values_list("berekend_op", flat=True)
        .first()
    )
    if onthouden is not None:
        onthouden["vers"] = moment
    return moment


def _codeer(waarde):
    if isinstance(waarde, Decimal):
        return str(waarde)
    if isinstance(waarde, (list, tuple)):
        return [_codeer(w) for w in waarde]
    if isinstance(waarde, dict):
        return {"" if k is None else str(k): _codeer(v) for k, v in waarde.items()}
    return waarde


def _decodeer_tabel(uitkomst: dict) -> dict:
    def w(x):
        return Decimal(x) if isinstance(x, str) else x

    return {
        (int(g) if g else None): [(w(waarde), n) for waarde, n in rij]
        for g, rij in uitkomst.items()
    }


def uit_stand(soort: str, bereken_live, decodeer=lambda u: u, **args):
    """The result of ``bereken_live()`` for ``args``: from a fresh stored table when
    there is one, otherwise computed now (and collected when a refresh is recording)."""
    omschrijving = json.dumps({"soort": soort, **args}, default=str, sort_keys=True)
    sleutel = hashlib.sha256(omschrijving.encode()).hexdigest()
    verzameld = _opname.get()
    if verzameld is not None:
        if sleutel not in verzameld:
            verzameld[sleutel] = (omschrijving[:400], _codeer(bereken_live()))
        return decodeer(verzameld[sleutel][1])
    stand = (
        Tussenstand.objects.filter(sleutel=sleutel, berekend_op__gte=_grens())
        .values_list("uitkomst", "berekend_op")
        .first()
    )
    if stand is None:
        return bereken_live()
    gebruikt = _gebruikt.get()
    if gebruikt is not None:
        gebruikt.append(stand[1])
    return decodeer(stand[0])


def stand_tabel(bron_code: str, perioden: list[Periode], **kw) -> dict:
    """`tabel` for the dashboards: from the nightly figures when fresh, else from the
    fresh case table, else from the sources."""
    args = {k: v for k, v in kw.items() if k != "inwoners" and v is not None}

    def live():
        moment = feiten_stand() if bron_code in b.BRONNEN else None
        gebruikt = _gebruikt.get()
        if moment is not None and gebruikt is not None:
            gebruikt.append(moment)
        return tabel(bron_code, perioden, feiten=moment is not None, **kw)

    return uit_stand(
        "tabel",
        live,
        _decodeer_tabel,
        bron=bron_code,
        perioden=[(van.isoformat(), tot.isoformat()) for van, tot in perioden],
        **args,
    )


def aantal(code: str, van, tot, *, aanbieder_id=None, wijk_id=None) -> int | None:
    """The number of cases behind a value (None for sources without cases)."""
    bron = bron_van(code)
    if not b.beschikbaar(bron) or bron in b.EXTERN:
        return None
    rijen = tabel(bron, [(van, tot)], aanbieder_id=aanbieder_id, wijk_id=wijk_id)
    return next(iter(rijen.values()))[0][1] if rijen else 0


def teller_aantal(code: str, van, tot, *, aanbieder_id=None, wijk_id=None) -> int:
    """How many of the cases count in the numerator (for shares)."""
    bron = b.BRONNEN[bron_van(code)]
    qs = _filter(bron, bron.basis(), aanbieder_id, wijk_id).filter(bron.periode(van, tot))
    if bron.teller is not None:
        qs = qs.filter(bron.teller)
    return qs.count()


# --- drill-down -------------------------------------------------------------------------


@dataclass
class Geval:
    pk: int
    persoon_id: int | None
    naam: str
    gegevens: dict
    telt: bool | None


@dataclass
class Gevallen:
    indicator: Indicator
    van: datetime.date
    tot: datetime.date
    rijen: list[Geval]
    totaal: int
    stand: datetime.datetime | None = None  # the refresh the cases come from (None: live)


def gevallen(
    user,
    code: str,
    van: datetime.date,
    tot: datetime.date,
    *,
    aanbieder_id: int | None = None,
    wijk_id: int | None = None,
    kanaal: str = "ui",
) -> Gevallen:
    """Exactly the cases behind a number, limited to what the user may see: a provider
    its own organisation, a team lead the residents of their wijken. Policy makers work
    with pseudonymised figures and get no case lists. One audit record per resident."""
    if not mag(user, "operationeel"):
        raise PermissionDenied
    ind = indicator(code)
    if ind.bron not in b.BRONNEN:
        raise Http404
    bron = b.BRONNEN[ind.bron]
    aanbieder_id = controleer_aanbieder(user, aanbieder_id)
    if user.rol == Rol.ZORGAANBIEDER and bron.aanbieder is None:
        raise PermissionDenied
    bron_db, stand = bron, feiten_stand()
    if stand is not None:
        # the cases of the same refresh as the figures; their details are read live
        bron = b.op_feiten(ind.bron)
    qs = _filter(bron, bron.basis(), aanbieder_id, wijk_id).filter(bron.periode(van, tot))
    if user.rol == Rol.SOCIAAL_WERKER:
        from openwmo.inwoners.selectors import personen_in_scope

        in_scope = personen_in_scope(user)
        if bron.feiten:
            # the team's figures count the cases in its wijken as of the refresh; of those,
            # only the residents the worker may see now are listed (checked by key)
            qs = qs.filter(wijk_id__in=sorted(scope_of(user).wijk_ids))
            kandidaten = set(qs.values_list("persoon_id", flat=True).distinct())
            in_scope = in_scope.filter(pk__in=kandidaten).values_list("pk", flat=True)
            qs = qs.filter(persoon_id__in=list(in_scope))
        else:
            qs = qs.filter(**{f"{bron.persoon}__in": in_scope.values("pk")})
    kolommen = bron.kolommen
    if bron.soort == "clienten_per_inwoners":
        # the number counts residents, so the cases are the residents
        personen = qs.order_by(bron.persoon).values_list(bron.persoon, flat=True).distinct()
        totaal = personen.count()
        rijen_db = [{"pk": p, bron.persoon: p} for p in personen[:MAX_GEVALLEN]]
        kolommen = ()
    elif bron.feiten:
        totaal = qs.count()
        feiten = list(
            qs.order_by("geval_id").values("geval_id", "persoon_id", "teller")[:MAX_GEVALLEN]
        )
        details = {
            r["pk"]: r
            for r in bron_db.basis()
            .filter(pk__in=[f["geval_id"] for f in feiten])
            .values("pk", *kolommen)
        }
        rijen_db = [
            {
                **details.get(f["geval_id"], dict.fromkeys(kolommen)),
                "pk": f["geval_id"],
                bron.persoon: f["persoon_id"],
                **({"telt": f["teller"]} if bron.teller is not None else {}),
            }
            for f in feiten
        ]
    else:
        totaal = qs.count()
        velden = ["pk", bron.persoon, *kolommen]
        if bron.teller is not None:
            qs = qs.annotate(telt=ExpressionWrapper(bron.teller, output_field=BooleanField()))
            velden.append("telt")
        rijen_db = list(qs.order_by("pk").values(*velden)[:MAX_GEVALLEN])
    from openwmo.inwoners.models import Persoon

    namen = dict(
        (p.pk, p.volledige_naam)
        for p in Persoon.objects.filter(pk__in={r[bron.persoon] for r in rijen_db})
    )
    rijen = [
        Geval(
            pk=r["pk"],
            persoon_id=r[bron.persoon],
            naam=namen.get(r[bron.persoon], ""),
            gegevens={k: r[k] for k in kolommen},
            telt=bool(r["telt"]) if "telt" in r else None,
        )
        for r in rijen_db
    ]
    audit.log_lijst(
        user,
        [r.persoon_id for r in rijen],
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type=f"sturing:{ind.code}",
        velden=["naam"],
        toelichting=f"gevallen achter {ind.naam} {van:%d-%m-%Y} t/m {tot:%d-%m-%Y}",
    )
    return Gevallen(indicator=ind, van=van, tot=tot, rijen=rijen, totaal=totaal, stand=stand)


# --- survey -----------------------------------------------------------------------------


def open_uitnodigingen(user) -> list[Uitnodiging]:
    """A resident's survey invitations that have not been answered yet."""
    persoon_id = scope_of(user).persoon_id
    if user.rol != Rol.INWONER or not persoon_id:
        return []
    return list(Uitnodiging.objects.filter(persoon_id=persoon_id, antwoord__isnull=True))


def uitnodiging_voor(user, pk: int) -> Uitnodiging:
    persoon_id = scope_of(user).persoon_id
    if user.rol != Rol.INWONER or not persoon_id:
        raise PermissionDenied
    uitnodiging = Uitnodiging.objects.filter(pk=pk, persoon_id=persoon_id).first()
    if uitnodiging is None:
        raise Http404
    return uitnodiging


def onderdruk(waarde, n, user) -> tuple:
    """Policy makers see no values resting on 1 to 4 cases (neighbourhood views)."""
    if user.rol == Rol.BELEIDSMAKER and n is not None and 0 < n < KLEINE_AANTALLEN:
        return None, True
    return waarde, False


__all__ = ["Q", "bereken", "gevallen", "tabel"]
