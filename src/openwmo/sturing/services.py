"""Writing steering data: editing the indicator registry and the client-experience survey."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor
from openwmo.privacy import services as audit

from .models import (
    Aanleiding,
    Antwoord,
    Feitenstand,
    Geval,
    Indicator,
    IndicatorWijziging,
    Niveau,
    Tussenstand,
    Uitnodiging,
)

BEWERKBAAR = ("naam", "definitie", "niveau", "streefwaarde")
VRAGEN = (
    "toegang_wist",
    "toegang_snel",
    "kwaliteit_serieus",
    "kwaliteit_passend",
    "effect_redden",
    "effect_leven",
)


def _tekst(waarde) -> str:
    return "" if waarde is None else str(waarde)


def wijzig_indicator(user, code: str, gegevens: dict) -> Indicator:
    """A policy maker changes the words, level or target of an indicator. The source (the
    computation) stays; every change is kept in the history."""
    if user.rol != Rol.BELEIDSMAKER:
        raise PermissionDenied
    fouten = {}
    naam = (gegevens.get("naam") or "").strip()
    definitie = (gegevens.get("definitie") or "").strip()
    niveau = gegevens.get("niveau") or ""
    streef = gegevens.get("streefwaarde")
    if not naam:
        fouten["naam"] = [_("Geef de indicator een naam.")]
    elif len(naam) > 120:
        fouten["naam"] = [_("De naam is te lang (maximaal 120 tekens).")]
    if not definitie:
        fouten["definitie"] = [_("Beschrijf wat de indicator meet.")]
    elif len(definitie) > 2000:
        fouten["definitie"] = [_("De definitie is te lang (maximaal 2000 tekens).")]
    if niveau not in Niveau.values:
        fouten["niveau"] = [_("Kies een niveau uit de doelenboom.")]
    if streef in (None, ""):
        streef = None
    else:
        try:
            streef = Decimal(str(streef).replace(",", ".")).quantize(Decimal("0.1"))
        except (InvalidOperation, ValueError):
            fouten["streefwaarde"] = [_("Vul een getal in, bijvoorbeeld 80 of 12,5.")]
        else:
            if not Decimal("-99999999") <= streef <= Decimal("99999999"):
                fouten["streefwaarde"] = [_("Deze streefwaarde is te groot.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        ind = Indicator.objects.select_for_update(of=("self",)).filter(code=code).first()
        if ind is None:
            raise ValidationError({"code": [_("Deze indicator bestaat niet.")]})
        oud = {k: _tekst(getattr(ind, k)) for k in BEWERKBAAR}
        ind.naam, ind.definitie, ind.niveau, ind.streefwaarde = naam, definitie, niveau, streef
        nieuw = {k: _tekst(getattr(ind, k)) for k in BEWERKBAAR}
        if oud != nieuw:
            ind.save()
            IndicatorWijziging.objects.create(
                indicator=ind,
                door=user,
                oud={k: v for k, v in oud.items() if nieuw[k] != v},
                nieuw={k: v for k, v in nieuw.items() if oud[k] != v},
            )
    return ind


def nodig_uit(persoon_id: int, aanleiding: str, bron_id: int, aanbieder_id=None):
    """Invite a resident to the survey once per evaluation or end of support."""
    if persoon_id is None:
        return None
    try:
        with transaction.atomic():
            return Uitnodiging.objects.create(
                persoon_id=persoon_id,
                aanleiding=aanleiding,
                bron_id=bron_id,
                aanbieder_id=aanbieder_id,
            )
    except IntegrityError:
        return None


def beantwoord(user, uitnodiging_id: int, gegevens: dict, *, kanaal: str = "ui") -> Antwoord:
    """A resident answers their own invitation, once."""
    if user.rol != Rol.INWONER or not user.persoon_id:
        raise PermissionDenied
    scores = {}
    fouten = {}
    for vraag in VRAGEN:
        waarde = gegevens.get(vraag)
        if waarde in (None, "", "0"):
            scores[vraag] = None
            continue
        try:
            score = int(waarde)
        except (TypeError, ValueError):
            score = 0
        if not 1 <= score <= 5:
            fouten[vraag] = [_("Kies een antwoord van 1 tot en met 5, of 'weet ik niet'.")]
        scores[vraag] = score
    toelichting = (gegevens.get("toelichting") or "").strip()
    if len(toelichting) > 2000:
        fouten["toelichting"] = [_("De toelichting is te lang (maximaal 2000 tekens).")]
    if not fouten and all(v is None for v in scores.values()):
        fouten["__all__"] = [_("Beantwoord minstens één vraag.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        uitnodiging = (
            Uitnodiging.objects.select_for_update(of=("self",))
            .filter(pk=uitnodiging_id, persoon_id=user.persoon_id)
            .first()
        )
        if uitnodiging is None:
            raise PermissionDenied
        if Antwoord.objects.filter(uitnodiging=uitnodiging).exists():
            raise ValidationError({"__all__": [_("U hebt deze vragenlijst al ingevuld.")]})
        antwoord = Antwoord.objects.create(
            uitnodiging=uitnodiging,
            beantwoord_op=timezone.localdate(),
            toelichting=toelichting,
            **scores,
        )
        audit.log(
            user,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="sturing:antwoord",
            object_id=antwoord.pk,
            persoon_id=user.persoon_id,
            velden=[*VRAGEN, "toelichting"],
        )
    return antwoord


def bij_evaluatie(evaluatie_id: int, *, persoon_id, aanbieder_id=None) -> None:
    """After an evaluation is recorded, the resident gets a survey invitation."""
    nodig_uit(persoon_id, Aanleiding.EVALUATIE, evaluatie_id, aanbieder_id=aanbieder_id)


def bij_einde(stops: list[dict]) -> None:
    """After definitive stop messages (iWmo 307, not a temporary stop): one invitation
    per stop of a known resident, in one statement for a whole batch; a stop that
    already has one is skipped."""
    nieuw = [
        Uitnodiging(
            persoon_id=stop["persoon_id"],
            aanleiding=Aanleiding.EINDE,
            bron_id=stop["levering_id"],
            aanbieder_id=stop["aanbieder_id"],
        )
        for stop in stops
        if stop["persoon_id"] is not None and stop["reden_beeindiging"] not in ("", "20", "02")
    ]
    Uitnodiging.objects.bulk_create(nieuw, batch_size=500, ignore_conflicts=True)


# --- figures computed ahead ---------------------------------------------------------------


def _operationele_gebruikers() -> list:
    """One user per distinct operational scope: each provider with a contract manager
    account, and each distinct set of wijken of a team lead."""
    from django.contrib.auth import get_user_model

    from openwmo.accounts.selectors import scope_of

    from . import selectors

    gezien, uit = set(), []
    kandidaten = (
        get_user_model()
        .objects.filter(is_active=True, rol__in=(Rol.ZORGAANBIEDER, Rol.SOCIAAL_WERKER))
        .select_related("medewerker__organisatie")
        .order_by("pk")
    )
    for user in kandidaten:
        if not selectors.mag(user, "operationeel"):
            continue
        scope = scope_of(user)
        sleutel = (user.rol, scope.organisatie_id if user.rol == Rol.ZORGAANBIEDER else None)
        if user.rol == Rol.SOCIAAL_WERKER:
            sleutel += (tuple(sorted(scope.wijk_ids)),)
        if sleutel not in gezien:
            gezien.add(sleutel)
            uit.append(user)
    return uit


def feiten_bijwerken() -> dict:
    """Rewrite the case table (``Geval``) from every source in one transaction: per source
    one ``INSERT … SELECT`` built from the source's own queryset, so the table holds
    exactly the cases the live computation counts. Appends a ``Feitenstand``."""
    import time

    from django.db import connection

    from . import bronnen as b

    begin, klok = timezone.now(), time.perf_counter()
    tabel = connection.ops.quote_name(Geval._meta.db_table)
    kolommen = [f.column for f in Geval._meta.concrete_fields if not f.primary_key]
    with transaction.atomic():
        Feitenstand.objects.select_for_update().order_by().first()  # one refresh at a time
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {tabel}")  # one statement, whatever the size
        for code, bron in b.BRONNEN.items():
            if not b.beschikbaar(code):
                continue
            velden = b.feit_velden(bron)
            qs = bron.basis().order_by().values(**velden)
            sql, params = qs.query.sql_with_params()
            keuze = ", ".join(
                f"q.{connection.ops.quote_name('f_' + k)}" if f"f_{k}" in velden else "NULL"
                for k in kolommen[1:]
            )
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {tabel} ({', '.join(kolommen)}) "
                    f"SELECT %s, {keuze} FROM ({sql}) q",
                    [code, *params],
                )
        aantal = Geval.objects.count()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {tabel}")
        stand = Feitenstand.objects.create(
            berekend_op=begin,
            gevallen=aantal,
            seconden=Decimal(str(round(time.perf_counter() - klok, 1))),
        )
    return {"gevallen": stand.gevallen, "seconden": float(stand.seconden)}


def tussenstanden_bijwerken(vandaag=None) -> dict:
    """Compute every standard dashboard table ahead (the last five years for the
    strategic, tactical and neighbourhood views and the council report; this week for
    each operational scope) and replace the stored figures in one transaction, so a
    dashboard never shows a mix of two moments. The case table is rewritten first, so
    the tables are aggregated from it. Returns counts and the time taken."""
    from types import SimpleNamespace

    from . import dashboards, selectors

    vandaag = vandaag or timezone.localdate()
    begin = timezone.now()
    feiten = feiten_bijwerken()
    beleid = SimpleNamespace(rol=Rol.BELEIDSMAKER)
    with selectors.opname() as verzameld:
        selectors.inwoners_stand()
        for jaar in range(vandaag.year, vandaag.year - dashboards.JAREN_TREND, -1):
            dashboards.strategisch(beleid, jaar)
            dashboards.wijken(beleid, jaar)
            dashboards.redenen_beeindiging(jaar)
            for ind in selectors.indicatoren():
                dashboards.tactisch(beleid, jaar, ind.code)
        for user in _operationele_gebruikers():
            dashboards.operationeel(user, vandaag)
            dashboards.redenen_beeindiging(vandaag.year, selectors.vaste_aanbieder(user))
    with transaction.atomic():
        Tussenstand.objects.all().delete()
        Tussenstand.objects.bulk_create(
            [
                Tussenstand(sleutel=k, omschrijving=o, uitkomst=u, berekend_op=begin)
                for k, (o, u) in verzameld.items()
            ],
            batch_size=500,
        )
    return {
        "gevallen": feiten["gevallen"],
        "tabellen": len(verzameld),
        "seconden": round((timezone.now() - begin).total_seconds(), 1),
    }


def vraag_bijwerken(user) -> None:
    """Queue a refresh for a worker (policy makers, from the dashboards)."""
    if user.rol != Rol.BELEIDSMAKER:
        raise PermissionDenied
    from .tasks import bijwerken

    transaction.on_commit(bijwerken.enqueue)
