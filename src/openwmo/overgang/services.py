"""Writing the transition: import, planning, outcomes and staff moves (one transaction each,
with an audit record; validation before anything is written)."""

import datetime
import hashlib
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor
from openwmo.privacy import services as audit

from . import importer, planner, selectors
from .models import (
    Begeleiding,
    BestaandeBeschikking,
    Gesprek,
    Importbestand,
    Leveringsvorm,
    Overstap,
    Route,
    Uitkomst,
)

IMPORT_ROLLEN = frozenset({Rol.WMO_CONSULENT})
PLAN_ROLLEN = frozenset({Rol.WMO_CONSULENT})
UITKOMST_ROLLEN = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT})
OVERSTAP_ROLLEN = frozenset({Rol.WMO_CONSULENT, Rol.BELEIDSMAKER})
MAX_CAPACITEIT = 40


def _eis_rol(user, rollen):
    if user is None or user.rol not in rollen:
        raise PermissionDenied


class Importfouten(ValidationError):
    """The file has errors: nothing was written. ``fouten`` lists every one."""

    def __init__(self, fouten: list[importer.Fout]):
        self.fouten = fouten
        super().__init__(
            {
                "bestand": [
                    _("Regel %(regel)s, %(veld)s: %(probleem)s")
                    % {"regel": f.regel, "veld": f.veld, "probleem": f.probleem}
                    for f in fouten
                ]
            }
        )


@dataclass(frozen=True)
class Importresultaat:
    bestand: Importbestand | None
    regels: int
    nieuw: int
    al_ingelezen: bool


def _bsn_geldig(bsn: str) -> bool:
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    som = sum(int(c) * w for c, w in zip(bsn[:8], range(9, 1, -1), strict=True))
    return (som - int(bsn[8])) % 11 == 0


def _controleer(user, regels: list[importer.Regel]):
    """Every problem of every row, and the rows as model field values (when none)."""
    fouten: list[importer.Fout] = []
    personen = selectors.personen_voor_import(user, {r.waarden["bsn"] for r in regels})
    agb = selectors.aanbieders_op_agb({r.waarden["aanbieder_agb"] for r in regels} - {""})
    gezien = set()
    schoon = []
    for regel in regels:
        w, n = regel.waarden, regel.nummer
        eigen: list[importer.Fout] = []

        def fout(veld, probleem, eigen=eigen, n=n):
            eigen.append(importer.Fout(n, veld, probleem))

        persoon = None
        if not _bsn_geldig(w["bsn"]):
            fout("bsn", _("Geen geldig BSN (9 cijfers, elfproef)."))
        elif w["bsn"] not in personen:
            fout("bsn", _("Geen inwoner met dit BSN in de basisregistratie."))
        else:
            persoon = personen[w["bsn"]]
            geboren = importer.datum(w["geboortedatum"])
            if geboren != persoon[1]:
                fout("geboortedatum", _("Wijkt af van de geboortedatum in de registratie."))
        product = w["product"].upper()
        if product not in importer.VOORLOPIG:
            fout("product", _("Onbekend product (verwacht bijvoorbeeld TO3, DB5, HH1 of KV)."))
        elif w["eenheid"] != importer.EENHEID[product]:
            fout("eenheid", _("Hoort bij dit product: %s.") % importer.EENHEID[product])
        ingang = importer.datum(w["ingangsdatum"])
        einde = importer.datum(w["einddatum"]) if w["einddatum"] else None
        if ingang is None:
            fout("ingangsdatum", _("Geen geldige datum (JJJJ-MM-DD)."))
        if w["einddatum"] and einde is None:
            fout("einddatum", _("Geen geldige datum (JJJJ-MM-DD)."))
        if ingang and einde and einde < ingang:
            fout("einddatum", _("Ligt vóór de ingangsdatum."))
        volume = int(w["volume"]) if w["volume"].isdigit() else 0
        if not 1 <= volume <= 10_000:
            fout("volume", _("Geef een heel getal van 1 tot en met 10.000."))
        vorm = w["leveringsvorm"].upper()
        if vorm not in Leveringsvorm.values:
            fout("leveringsvorm", _("Kies ZIN of PGB."))
        aanbieder = agb.get(w["aanbieder_agb"]) if w["aanbieder_agb"] else None
        if w["aanbieder_agb"] and aanbieder is None:
            fout("aanbieder_agb", _("Geen bekende aanbieder met deze AGB-code."))
        elif vorm == Leveringsvorm.ZIN and not w["aanbieder_agb"]:
            fout("aanbieder_agb", _("Zorg in natura vraagt een aanbieder."))
        sleutel = (w["bsn"], product, ingang)
        if not eigen and sleutel in gezien:
            fout("product", _("Deze beschikking staat al eerder in het bestand."))
        gezien.add(sleutel)
        fouten += eigen
        if not eigen:
            schoon.append(
                {
                    "persoon_id": persoon[0],
                    "product": product,
                    "aanbieder_id": aanbieder,
                    "ingangsdatum": ingang,
                    "einddatum": einde,
                    "volume": volume,
                    "eenheid": w["eenheid"],
                    "leveringsvorm": vorm,
                    "voorlopige_pijler": importer.VOORLOPIG[product],
                }
            )
    return fouten, schoon


def importeer(user, *, bestandsnaam: str, inhoud: bytes, kanaal: str) -> Importresultaat:
    """Import a municipal export: all rows or nothing; the same file again changes nothing."""
    _eis_rol(user, IMPORT_ROLLEN)
    vingerafdruk = hashlib.sha256(inhoud).hexdigest()
    try:
        regels = importer.lees(bestandsnaam, inhoud)
    except importer.Bestandsfout as exc:
        raise Importfouten(exc.fouten) from exc
    fouten, schoon = _controleer(user, regels)
    if fouten:
        raise Importfouten(fouten)
    with transaction.atomic():
        eerder = Importbestand.objects.select_for_update().filter(sha256=vingerafdruk).first()
        if eerder is not None:
            return Importresultaat(eerder, len(regels), 0, True)
        bestaand = set(
            BestaandeBeschikking.objects.filter(
                persoon_id__in={r["persoon_id"] for r in schoon}
            ).values_list("persoon_id", "product", "ingangsdatum")
        )
        nieuw = [
            r for r in schoon if (r["persoon_id"], r["product"], r["ingangsdatum"]) not in bestaand
        ]
        bestand = Importbestand.objects.create(
            bestandsnaam=bestandsnaam[:200],
            sha256=vingerafdruk,
            aantal_regels=len(regels),
            nieuwe_regels=len(nieuw),
            door=user,
        )
        BestaandeBeschikking.objects.bulk_create(
            [BestaandeBeschikking(importbestand=bestand, **r) for r in nieuw], batch_size=1000
        )
        audit.log(
            user,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="overgang_import",
            object_id=bestand.pk,
            velden=["bsn", "product", "aanbieder", "periode", "volume", "leveringsvorm"],
            toelichting=f"{len(nieuw)} bestaande beschikkingen van "
            f"{len({r['persoon_id'] for r in nieuw})} inwoners ingelezen",
        )
    return Importresultaat(bestand, len(regels), len(nieuw), False)


def plan_gesprekken(
    user,
    *,
    start: datetime.date,
    golive: datetime.date,
    capaciteit_per_week: int,
    kanaal: str,
) -> planner.Planning:
    """Plan a maatwerkgesprek for every TO/DB client without one (see planner.py)."""
    _eis_rol(user, PLAN_ROLLEN)
    if golive <= start + datetime.timedelta(days=7):
        raise ValidationError(
            {
                "golive": [
                    _("De startdatum moet minstens een week na het begin van de planning liggen.")
                ]
            }
        )
    if not 1 <= capaciteit_per_week <= MAX_CAPACITEIT:
        raise ValidationError(
            {"capaciteit_per_week": [_("Geef een aantal van 1 tot en met 40 gesprekken per week.")]}
        )
    with transaction.atomic():
        werkers = selectors.gesprekvoerders(lock=True)
        if not werkers:
            raise ValidationError(
                {
                    "capaciteit_per_week": [
                        _("Er zijn geen sociaal werkers van de basisondersteuning.")
                    ]
                }
            )
        clients = selectors.te_plannen_clienten()
        bezet = selectors.geplande_momenten(start, golive)
        kwetsbaar = {c.id for c in clients if c.kwetsbaar}
        resultaat = planner.plan(
            clients,
            werkers,
            start=start,
            golive=golive,
            capaciteit_per_week=capaciteit_per_week,
            bezet=bezet,
        )
        Gesprek.objects.bulk_create(
            [
                Gesprek(
                    persoon_id=a.client_id,
                    medewerker_id=a.werker_id,
                    gepland_op=a.datum,
                    uiterlijk_op=a.uiterlijk,
                    kwetsbaar=a.client_id in kwetsbaar,
                    aanbieder_id=a.aanbieder_id,
                    gepland_door=user,
                )
                for a in resultaat.afspraken
            ],
            batch_size=1000,
        )
        audit.log(
            user,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="overgang_planning",
            toelichting=f"{len(resultaat.afspraken)} maatwerkgesprekken gepland, "
            f"{len(resultaat.niet_gepland)} niet in te plannen",
        )
    return resultaat


def plus_maanden(d: datetime.date, maanden: int) -> datetime.date:
    jaar, maand = divmod(d.month - 1 + maanden, 12)
    jaar, maand = d.year + jaar, maand + 1
    for dag in (d.day, 30, 29, 28):
        try:
            return datetime.date(jaar, maand, dag)
        except ValueError:
            continue
    raise AssertionError


def leg_uitkomst_vast(
    user,
    gesprek_id: int,
    *,
    gehouden_op: datetime.date,
    route: str,
    aandeel_basis_procent: int | None,
    wijzigingsdatum: datetime.date,
    overgangsperiode_maanden: int,
    maatwerk: bool = False,
    criteria: dict | None = None,
    toelichting: str = "",
    kanaal: str,
) -> Uitkomst:
    """Record the outcome of a maatwerkgesprek (a correction appends a new outcome)."""
    _eis_rol(user, UITKOMST_ROLLEN)
    criteria = criteria or {}
    fouten: dict[str, list[str]] = {}
    if gehouden_op > timezone.localdate():
        fouten["gehouden_op"] = [_("Een gesprek kan niet in de toekomst gehouden zijn.")]
    if route not in Route.values:
        fouten["route"] = [_("Kies een uitkomst.")]
    vast = {Route.BASIS: 100, Route.AANVULLEND: 0}
    if route in vast:
        aandeel_basis_procent = vast[route]
    elif not aandeel_basis_procent or not 1 <= aandeel_basis_procent <= 99:
        fouten["aandeel_basis_procent"] = [
            _("Geef bij een mix het deel basisondersteuning als percentage van 1 tot en met 99.")
        ]
    if not 0 <= overgangsperiode_maanden <= 12:
        fouten["overgangsperiode_maanden"] = [_("Geef 0 tot en met 12 maanden.")]
    elif wijzigingsdatum < plus_maanden(gehouden_op, overgangsperiode_maanden):
        fouten["wijzigingsdatum"] = [
            _("De overgangsperiode moet passen tussen het gesprek en de datum van de wijziging.")
        ]
    if maatwerk and not toelichting.strip():
        fouten["toelichting"] = [_("Beschrijf de oplossing op maat.")]
    if any(v not in ("basis", "aanvullend") for v in criteria.values()):
        fouten["criteria"] = [_("Weeg elk criterium als basis of aanvullend.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        gesprek = (
            selectors.gesprekken_in_scope(user)
            .select_for_update(of=("self",))
            .filter(pk=gesprek_id)
            .first()
        )
        if gesprek is None:
            raise PermissionDenied
        if gehouden_op > gesprek.uiterlijk_op and not toelichting.strip():
            raise ValidationError(
                {"toelichting": [_("Het gesprek is na de uiterste datum gehouden: licht dit toe.")]}
            )
        uitkomst = Uitkomst.objects.create(
            gesprek=gesprek,
            gehouden_op=gehouden_op,
            route=route,
            aandeel_basis_procent=aandeel_basis_procent,
            wijzigingsdatum=wijzigingsdatum,
            overgangsperiode_maanden=overgangsperiode_maanden,
            maatwerk=maatwerk,
            criteria=criteria,
            toelichting=toelichting.strip(),
            vastgelegd_door=user,
        )
        audit.log(
            user,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="overgang_uitkomst",
            object_id=uitkomst.pk,
            persoon_id=gesprek.persoon_id,
            velden=["route", "wijzigingsdatum", "overgangsperiode", "maatwerk"],
            nieuwe_waarden={
                "route": route,
                "aandeel_basis_procent": aandeel_basis_procent,
                "wijzigingsdatum": wijzigingsdatum.isoformat(),
                "overgangsperiode_maanden": overgangsperiode_maanden,
                "maatwerk": maatwerk,
            },
        )
    return uitkomst


def koppel_begeleider(user, persoon_id: int, medewerker_id: int, *, kanaal: str) -> Begeleiding:
    """Record a client's regular support worker at a provider (kept where possible)."""
    _eis_rol(user, UITKOMST_ROLLEN)
    with transaction.atomic():
        persoon = selectors.client_in_scope(user, persoon_id, lock=True)
        if persoon is None:
            raise PermissionDenied
        if medewerker_id not in selectors.begeleiders_voor(persoon_id):
            raise ValidationError(
                {
                    "medewerker": [
                        _("Kies een medewerker van een huidige aanbieder van deze cliënt.")
                    ]
                }
            )
        begeleiding, _nieuw = Begeleiding.objects.get_or_create(
            persoon_id=persoon_id, medewerker_id=medewerker_id
        )
        audit.log(
            user,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="overgang_begeleiding",
            object_id=begeleiding.pk,
            persoon_id=persoon_id,
            velden=["vaste_begeleider"],
        )
    return begeleiding


def registreer_overstap(
    user, medewerker_id: int, *, naar_id: int, per: datetime.date, kanaal: str
) -> Overstap:
    """A worker of an aanvullend provider moves to the basis provider."""
    from openwmo.organisaties.models import Organisatie

    _eis_rol(user, OVERSTAP_ROLLEN)
    with transaction.atomic():
        medewerker = selectors.overstappers(lock=True).filter(pk=medewerker_id).first()
        if medewerker is None:
            raise ValidationError(
                {
                    "medewerker": [
                        _("Kies een medewerker van een aanbieder van aanvullende ondersteuning.")
                    ]
                }
            )
        if Overstap.objects.filter(medewerker_id=medewerker_id).exists():
            raise ValidationError({"medewerker": [_("Deze overstap is al vastgelegd.")]})
        naar = selectors.basisaanbieders().filter(pk=naar_id).first()
        if naar is None or naar.soort != Organisatie.Soort.BASISONDERSTEUNING:
            raise ValidationError({"naar": [_("Kies de aanbieder van basisondersteuning.")]})
        overstap = Overstap.objects.create(
            medewerker=medewerker,
            van_id=medewerker.organisatie_id,
            naar=naar,
            per=per,
            vastgelegd_door=user,
        )
        audit.log(
            user,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="overgang_overstap",
            object_id=overstap.pk,
            toelichting=f"medewerker {medewerker_id} naar {naar.naam} per {per}",
        )
    return overstap


def koppel_begeleiders(user, paren: list[tuple[int, int]], *, kanaal: str) -> int:
    """Batch form of ``koppel_begeleider`` (e.g. from a provider's client list): every
    (person, worker) pair is checked first; one invalid pair writes nothing."""
    _eis_rol(user, UITKOMST_ROLLEN)
    with transaction.atomic():
        toegestaan = selectors.begeleiderparen(user, {p for p, _m in paren})
        fout = [(p, m) for p, m in paren if (p, m) not in toegestaan]
        if fout:
            raise ValidationError(
                {
                    "medewerker": [
                        _(
                            "%s koppelingen met een medewerker die niet bij een huidige "
                            "aanbieder van de cliënt werkt."
                        )
                        % len(fout)
                    ]
                }
            )
        bestaand = set(
            Begeleiding.objects.filter(persoon_id__in={p for p, _m in paren}).values_list(
                "persoon_id", "medewerker_id"
            )
        )
        nieuw = [Begeleiding(persoon_id=p, medewerker_id=m) for p, m in set(paren) - bestaand]
        Begeleiding.objects.bulk_create(nieuw, batch_size=1000)
        for b in nieuw:
            audit.log(
                user,
                actie=audit.Actie.AANMAKEN,
                kanaal=kanaal,
                doel=doel_voor(user),
                object_type="overgang_begeleiding",
                persoon_id=b.persoon_id,
                velden=["vaste_begeleider"],
            )
    return len(nieuw)
