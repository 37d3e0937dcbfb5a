"""Reading residents. Scope is applied inside the query; every read is audited."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.http import Http404

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import DOSSIER_ROLLEN, doel_voor, scope_of
from openwmo.gebieden.selectors import normaliseer_postcode
from openwmo.privacy import selectors as privacy
from openwmo.privacy import services as audit

from .models import Huishouden, Persoon, Relatie

MAX_ZOEKRESULTATEN = 50


def personen_in_scope(user) -> QuerySet[Persoon]:
    """The residents this user may see, as a query (never filtered afterwards)."""
    scope = scope_of(user)
    qs = Persoon.objects.select_related("huishouden__adres__buurt__wijk")
    if scope.rol == Rol.WMO_CONSULENT:
        return qs
    if scope.rol == Rol.SOCIAAL_WERKER:
        return qs.filter(
            Q(huishouden__adres__buurt__wijk_id__in=scope.wijk_ids)
            | Q(pk__in=privacy.doorbraak_persoon_ids(user))
        )
    if scope.rol == Rol.INWONER and scope.persoon_id:
        # themself, and whom they legally represent (a registered representation with a
        # ground); living in the same household gives no right to another's file
        return qs.filter(Q(pk=scope.persoon_id) | Q(pk__in=vertegenwoordigde_ids(scope.persoon_id)))
    return qs.none()


def vertegenwoordigde_ids(persoon_id: int) -> QuerySet:
    """Persons this person legally represents (curator, mentor, guardian, ...), a subquery:
    the representation is registered on the represented person's relations, naming this
    person from the register and the ground (``vertegenwoordiging``)."""
    return (
        Relatie.objects.filter(gerelateerde_id=persoon_id)
        .exclude(vertegenwoordiging=Relatie.Vertegenwoordiging.GEEN)
        .values("persoon_id")
    )


@dataclass(frozen=True)
class Zoekvraag:
    bsn: str = ""
    naam: str = ""
    geboortedatum: datetime.date | None = None
    postcode: str = ""

    @property
    def leeg(self) -> bool:
        return not (self.bsn or self.naam or self.geboortedatum or self.postcode)

    def als_dict(self) -> dict:
        return {
            k: str(v)
            for k, v in (
                ("bsn", self.bsn),
                ("naam", self.naam),
                ("geboortedatum", self.geboortedatum or ""),
                ("postcode", self.postcode),
            )
            if v
        }


MAX_OP_POSTCODE = 2000


def zoek_personen(user, vraag: Zoekvraag, *, kanaal: str) -> list[Persoon]:
    """Find residents by BSN, name, birth date or postcode, within the user's scope."""
    if not scope_of(user).ziet_dossiers and user.rol != Rol.INWONER:
        raise PermissionDenied
    if vraag.leeg:
        return []
    qs = personen_in_scope(user)
    if vraag.bsn:
        qs = qs.filter(bsn=vraag.bsn.strip())
    if vraag.naam:
        for deel in vraag.naam.split()[:4]:
            qs = qs.filter(Q(achternaam__icontains=deel) | Q(voornamen__icontains=deel))
    if vraag.geboortedatum:
        qs = qs.filter(geboortedatum=vraag.geboortedatum)
    if vraag.postcode:
        # residents at a postcode are few: select them first, so the database does not
        # walk all residents in name order looking for them (seen on PostgreSQL at 200k)
        op_postcode = Persoon.objects.filter(
            huishouden__adres__postcode=normaliseer_postcode(vraag.postcode)
        ).values_list("pk", flat=True)
        qs = qs.filter(pk__in=list(op_postcode[:MAX_OP_POSTCODE]))
    # sorted on an expression: with an index on the name itself, PostgreSQL would walk all
    # residents in name order instead of using the trigram index (1 s at 900,000)
    resultaten = list(
        qs.order_by(Lower("achternaam"), Lower("voornamen"), "pk")[:MAX_ZOEKRESULTATEN]
    )
    # one record per resident found (the search itself when nobody was found)
    audit.log_lijst(
        user,
        [p.pk for p in resultaten],
        actie=audit.Actie.ZOEKEN,
        ook_zonder_personen=True,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type="persoon",
        velden=sorted(vraag.als_dict()),
        toelichting=f"{len(resultaten)} resultaten",
    )
    return resultaten


@dataclass
class Dossier:
    persoon: Persoon
    huishouden: Huishouden | None
    leden: list[Persoon]
    relaties: list[Relatie]
    secties: list[dict] = field(default_factory=list)

    @property
    def mantelzorgers(self) -> list[Relatie]:
        return [r for r in self.relaties if r.is_mantelzorger]

    @property
    def vertegenwoordigers(self) -> list[Relatie]:
        return [r for r in self.relaties if r.vertegenwoordiging]


VERTEGENWOORDIGER_DOEL = "Optreden als wettelijk vertegenwoordiger (BW boek 1, titels 16 en 19-20)"

DOSSIER_VELDEN = (
    "bsn",
    "naam",
    "geboortedatum",
    "geslacht",
    "adres",
    "contactgegevens",
    "huishouden",
    "relaties",
    "mantelzorgers",
    "vertegenwoordigers",
)


def dossier(user, persoon_id: int, *, kanaal: str, secties=None) -> Dossier:
    """The household file of a resident. Logs exactly one audit record per read.

    ``secties(persoon)`` gives the other apps' sections of the file page; they do not log
    themselves, and the fields they show (``velden`` of each section) join this record."""
    persoon = (
        personen_in_scope(user)
        .prefetch_related(
            Prefetch(
                "relaties",
                queryset=Relatie.objects.select_related("gerelateerde").order_by("soort", "pk"),
            )
        )
        .filter(pk=persoon_id)
        .first()
    )
    if persoon is None:
        raise Http404("Deze inwoner bestaat niet of valt buiten uw toegang.")
    leden = []
    if persoon.huishouden_id:
        # a resident sees no other household member than whom they may see themself
        basis = personen_in_scope(user) if user.rol == Rol.INWONER else Persoon.objects
        leden = list(
            basis.filter(huishouden_id=persoon.huishouden_id).order_by(
                "rol_in_huishouden", "geboortedatum", "pk"
            )
        )
    extra = secties(persoon) if secties else []
    velden = list(DOSSIER_VELDEN)
    for sectie in extra:
        velden += [v for v in sectie.get("velden", ()) if v not in velden]
    doel = doel_voor(user)
    if user.rol == Rol.INWONER and persoon.pk != scope_of(user).persoon_id:
        doel = VERTEGENWOORDIGER_DOEL
    audit.log(
        user,
        actie=audit.Actie.LEZEN,
        kanaal=kanaal,
        doel=doel,
        object_type="persoon",
        object_id=persoon.pk,
        persoon_id=persoon.pk,
        velden=velden,
    )
    return Dossier(
        persoon=persoon,
        huishouden=persoon.huishouden,
        leden=leden,
        relaties=list(persoon.relaties.all()),
        secties=extra,
    )


def aantal_inwoners_per_wijk() -> list[dict]:
    """Residents per wijk, for steering views: counts only, no personal data."""
    return list(
        Persoon.objects.values(wijk=F("huishouden__adres__buurt__wijk__naam"))
        .annotate(aantal=Count("pk"))
        .order_by("wijk")
    )


def persoon_id_voor_bsn(bsn: str) -> int | None:
    """For the privacy officer's audit search: the id behind a BSN, without reading the file."""
    return Persoon.objects.filter(bsn=bsn).values_list("pk", flat=True).first()


def persoon_voor_inzage(bsn: str) -> Persoon | None:
    """The person an inzage request is about (the export itself is audited)."""
    return Persoon.objects.select_related("huishouden__adres__buurt").filter(bsn=bsn).first()


def persoon_voor_inzage_door_inwoner(user) -> Persoon:
    return Persoon.objects.select_related("huishouden__adres__buurt").get(pk=user.persoon_id)


def persoon_op_identiteit(user, bsn: str, geboortedatum, postcode: str | None = None):
    """The resident with exactly this BSN and birth date (and postcode, for the public form).

    For identifying someone in front of you with an ID document (a volunteer at the
    buurtkamer) or a resident who identifies themself online. Roles that work with files
    stay within their scope. Returns None when there is no such resident; the caller
    must not reveal which part did not match.
    """
    if user is not None and user.rol in DOSSIER_ROLLEN:
        qs = personen_in_scope(user)
    else:
        qs = Persoon.objects.select_related("huishouden__adres__buurt")
    qs = qs.filter(bsn=bsn, geboortedatum=geboortedatum)
    if postcode is not None:
        qs = qs.filter(huishouden__adres__postcode=normaliseer_postcode(postcode))
    return qs.first()


def persoon_ids_voor_bsns(bsns, *, vergrendel=False) -> dict[str, int]:
    """For processing iWmo messages: which BSNs are residents of the municipality.

    ``vergrendel`` (inside the caller's transaction): the rows are locked in pk order, in
    one query (PostgreSQL ``FOR UPDATE``; SQLite locks the whole file anyway), so two
    batches for the same client run one after the other. A BSN without a row locks
    nothing. Message handling audits the persons it touches itself."""
    qs = Persoon.objects.filter(bsn__in=list(bsns))
    if vergrendel:
        qs = qs.select_for_update().order_by("pk")
    return dict(qs.values_list("bsn", "pk"))


def persoon_voor_bsn(bsn: str) -> Persoon | None:
    """For a provider naming its client in a message (the caller audits the read)."""
    return Persoon.objects.filter(bsn=bsn).first()


def aantal_inwoners_per_wijk_id() -> dict[int, int]:
    """Residents per wijk id (counts only, no personal data), for 'per 1,000 residents'."""
    pad = "huishouden__adres__buurt__wijk_id"
    return dict(
        Persoon.objects.filter(**{f"{pad}__isnull": False})
        .order_by()
        .values(pad)
        .annotate(n=Count("pk"))
        .values_list(pad, "n")
    )
