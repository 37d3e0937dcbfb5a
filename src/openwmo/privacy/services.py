"""Writing the audit trail (the only write path for AuditRecord) and the privacy records."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.extensions import app_modules

from .models import (
    CORRIGEERBARE_GEGEVENS,
    AuditRecord,
    Correctieverzoek,
    CorrectieverzoekStatus,
    Deelafspraak,
    Doorbraak,
)

Actie = AuditRecord.Actie
Kanaal = AuditRecord.Kanaal


def _record(user, **velden) -> AuditRecord:
    medewerker = getattr(user, "medewerker", None) if user is not None else None
    return AuditRecord(
        gebruiker=user,
        gebruikersnaam=getattr(user, "username", "systeem") if user else "systeem",
        rol=getattr(user, "rol", "") if user else "systeem",
        organisatie=medewerker.organisatie.naam if medewerker else "",
        **velden,
    )


def log(
    user,
    *,
    actie: str,
    kanaal: str,
    doel: str,
    object_type: str,
    object_id="",
    persoon_id: int | None = None,
    velden: Iterable[str] = (),
    oude_waarden: dict | None = None,
    nieuwe_waarden: dict | None = None,
    toelichting: str = "",
) -> AuditRecord:
    """Append one audit record. Runs inside the caller's transaction, so a
    change and its audit record are written together or not at all."""
    record = _record(
        user,
        actie=actie,
        kanaal=kanaal,
        doel=doel,
        object_type=object_type,
        object_id=str(object_id or ""),
        persoon_id=persoon_id,
        velden=list(velden),
        oude_waarden=oude_waarden or {},
        nieuwe_waarden=nieuwe_waarden or {},
        toelichting=toelichting[:500],
    )
    record.save(force_insert=True)
    return record


def log_lijst(
    user,
    persoon_ids: Iterable[int | None],
    *,
    kanaal: str,
    doel: str,
    object_type: str,
    velden: Iterable[str] = (),
    toelichting: str = "",
    actie: str = Actie.LEZEN,
    ook_zonder_personen: bool = False,
) -> int:
    """The audit record of a list or search that shows residents: one record per resident
    shown (the record ``log`` writes for a single read, without an object), appended in
    one statement, so the privacy officer's search by BSN and the resident's "who looked
    at my data" find it. Empty ids are skipped, duplicates count once. A search that found
    nobody still leaves one record without a person with ``ook_zonder_personen``.
    Returns how many records were written."""
    velden = list(velden)
    ids = sorted({pid for pid in persoon_ids if pid})
    if not ids and ook_zonder_personen:
        ids = [None]
    records = [
        _record(
            user,
            actie=actie,
            kanaal=kanaal,
            doel=doel,
            object_type=object_type,
            object_id="",
            persoon_id=persoon_id,
            velden=velden,
            oude_waarden={},
            nieuwe_waarden={},
            toelichting=toelichting[:500],
        )
        for persoon_id in ids
    ]
    if records:
        AuditRecord.objects.bulk_create(records, batch_size=500)
    return len(records)


# --- break-the-glass ----------------------------------------------------------------

DOORBRAAK_DUUR = datetime.timedelta(hours=8)
MIN_REDEN = 20


def registreer_doorbraak(user, persoon, reden: str, *, kanaal: str) -> Doorbraak:
    """Record access outside the normal scope. Called by the resident register's service."""
    reden = (reden or "").strip()
    if len(reden) < MIN_REDEN:
        raise ValidationError(
            {"reden": [_("Beschrijf de reden in minstens %(n)s tekens.") % {"n": MIN_REDEN}]}
        )
    if len(reden) > 1000:
        raise ValidationError({"reden": [_("De reden mag niet langer zijn dan 1000 tekens.")]})
    doorbraak = Doorbraak.objects.create(
        gebruiker=user, persoon=persoon, reden=reden, einde=timezone.now() + DOORBRAAK_DUUR
    )
    log(
        user,
        actie=Actie.LEZEN,
        kanaal=kanaal,
        doel="Toegang buiten werkgebied (break-the-glass)",
        object_type="doorbraak",
        object_id=doorbraak.pk,
        persoon_id=persoon.pk,
        toelichting=reden,
    )
    return doorbraak


def beoordeel_doorbraak(user, doorbraak_id: int, *, oordeel: str, toelichting: str = ""):
    _alleen_privacyfunctionaris(user)
    if oordeel not in Doorbraak.Oordeel.values:
        raise ValidationError({"oordeel": [_("Kies terecht of onterecht.")]})
    if oordeel == Doorbraak.Oordeel.ONTERECHT and not toelichting.strip():
        raise ValidationError({"toelichting": [_("Licht toe waarom de toegang onterecht was.")]})
    with transaction.atomic():
        doorbraak = Doorbraak.objects.select_for_update().get(pk=doorbraak_id)
        if doorbraak.oordeel:
            raise ValidationError(
                {"oordeel": [_("Deze doorbraak is al beoordeeld; een oordeel blijft staan.")]}
            )
        doorbraak.oordeel = oordeel
        doorbraak.toelichting = toelichting.strip()[:1000]
        doorbraak.beoordeeld_door = user
        doorbraak.beoordeeld_op = timezone.now()
        doorbraak.save()
    return doorbraak


# --- correction requests (AVG art. 16) ------------------------------------------------


def dien_correctieverzoek_in(
    user, persoon, *, gegeven: str, gewenste_waarde: str, toelichting: str = ""
) -> Correctieverzoek:
    verzoek = Correctieverzoek(
        persoon=persoon,
        gegeven=gegeven,
        gewenste_waarde=(gewenste_waarde or "").strip(),
        toelichting=(toelichting or "").strip(),
        ingediend_door=user,
    )
    errors = {}
    if gegeven not in dict(CORRIGEERBARE_GEGEVENS):
        errors["gegeven"] = [_("Kies welk gegeven niet klopt.")]
    try:
        verzoek.full_clean(exclude=["persoon", "ingediend_door", "gegeven"])
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        verzoek.save()
        CorrectieverzoekStatus.objects.create(
            verzoek=verzoek, status=Correctieverzoek.Status.INGEDIEND, door=user
        )
        log(
            user,
            actie=Actie.AANMAKEN,
            kanaal=Kanaal.UI,
            doel="Recht op rectificatie (AVG art. 16)",
            object_type="correctieverzoek",
            object_id=verzoek.pk,
            persoon_id=persoon.pk,
            velden=[gegeven],
            nieuwe_waarden={gegeven: verzoek.gewenste_waarde},
        )
    return verzoek


def behandel_correctieverzoek(user, verzoek_id: int, *, besluit: str, toelichting: str):
    """Grant or refuse a correction request. A granted phone or e-mail change is applied."""
    _alleen_privacyfunctionaris(user)
    if besluit not in (Correctieverzoek.Status.TOEGEWEZEN, Correctieverzoek.Status.AFGEWEZEN):
        raise ValidationError({"besluit": [_("Kies toewijzen of afwijzen.")]})
    if not (toelichting or "").strip():
        raise ValidationError(
            {"toelichting": [_("Geef de inwoner een toelichting bij het besluit.")]}
        )
    from openwmo.inwoners import services as inwoners  # the register's own write path

    with transaction.atomic():
        verzoek = Correctieverzoek.objects.select_for_update().get(pk=verzoek_id)
        if verzoek.status != Correctieverzoek.Status.INGEDIEND:
            raise ValidationError({"besluit": [_("Over dit verzoek is al besloten.")]})
        if besluit == Correctieverzoek.Status.TOEGEWEZEN and verzoek.gegeven in (
            "telefoon",
            "email",
        ):
            inwoners.corrigeer_contactgegeven(
                user,
                verzoek.persoon_id,
                veld=verzoek.gegeven,
                waarde=verzoek.gewenste_waarde,
                reden=f"Correctieverzoek {verzoek.pk}",
            )
        CorrectieverzoekStatus.objects.create(
            verzoek=verzoek, status=besluit, door=user, toelichting=toelichting.strip()
        )
    return verzoek


# --- the privacy covenant -------------------------------------------------------------


def zet_deelafspraken(user, afspraken: dict[tuple[str, str], bool]) -> int:
    """Store the sharing matrix: {(gegeven, partnersoort): allowed}. Returns the changes."""
    _alleen_privacyfunctionaris(user)
    gewijzigd = 0
    with transaction.atomic():
        bestaand = {
            (a.gegeven, a.partnersoort): a for a in Deelafspraak.objects.select_for_update()
        }
        for sleutel, toegestaan in afspraken.items():
            afspraak = bestaand.get(sleutel)
            if afspraak is None:
                afspraak = Deelafspraak(gegeven=sleutel[0], partnersoort=sleutel[1])
            elif afspraak.toegestaan == toegestaan:
                continue
            oud = afspraak.toegestaan if afspraak.pk else None
            afspraak.toegestaan = toegestaan
            afspraak.gewijzigd_door = user
            afspraak.save()
            gewijzigd += 1
            log(
                user,
                actie=Actie.WIJZIGEN,
                kanaal=Kanaal.UI,
                doel="Privacyconvenant bijhouden",
                object_type="deelafspraak",
                object_id=f"{sleutel[0]}/{sleutel[1]}",
                oude_waarden={"toegestaan": oud},
                nieuwe_waarden={"toegestaan": toegestaan},
            )
    return gewijzigd


# --- inzage (AVG art. 15) ------------------------------------------------------------


def inzage_export(user, persoon, *, kanaal: str) -> dict:
    """Everything OpenWmo stores about one person, collected from every app.

    The caller has already checked that the user may request it (the resident
    themself, or the privacy officer handling a request)."""
    from . import verzamelen

    onderdelen: dict[str, list[dict]] = {}
    behandeld: set[str] = set()
    for module in app_modules("inzage"):
        onderdelen.update(module.gegevens(persoon))
        behandeld.update(getattr(module, "MODELLEN", ()))
    onderdelen.update(verzamelen.gegevens(persoon, frozenset(behandeld)))
    log(
        user,
        actie=Actie.EXPORT,
        kanaal=kanaal,
        doel="Recht op inzage (AVG art. 15)",
        object_type="persoon",
        object_id=persoon.pk,
        persoon_id=persoon.pk,
        velden=sorted(onderdelen),
    )
    return {
        "persoon": persoon.volledige_naam,
        "aangemaakt_op": timezone.now().isoformat(),
        "onderdelen": onderdelen,
    }


def _alleen_privacyfunctionaris(user):
    from openwmo.accounts.models import Rol

    if user.rol != Rol.PRIVACY_FUNCTIONARIS:
        raise PermissionDenied(_("Alleen de privacyfunctionaris mag dit doen."))


def wijzig_bewaartermijn(user, soort: str, *, jaren, toelichting: str):
    """The privacy officer sets how long a kind of record is kept; old and new values go
    to the append-only audit log. A shorter term applies at the next flagging run."""
    from .models import Bewaarsoort, Bewaartermijn

    _alleen_privacyfunctionaris(user)
    fouten = {}
    try:
        jaren = int(jaren)
    except (TypeError, ValueError):
        jaren = None
    if jaren is None or not 1 <= jaren <= 100:
        fouten["jaren"] = [_("Vul een bewaartermijn in van 1 tot en met 100 jaar.")]
    toelichting = (toelichting or "").strip()
    if len(toelichting) < 10:
        fouten["toelichting"] = [_("Geef de grondslag of reden (minstens 10 tekens).")]
    if soort not in Bewaarsoort.values:
        fouten["soort"] = [_("Onbekende soort gegevens.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        termijn = Bewaartermijn.objects.select_for_update().filter(soort=soort).first()
        oud = {"jaren": termijn.jaren, "toelichting": termijn.toelichting} if termijn else {}
        termijn, _n = Bewaartermijn.objects.update_or_create(
            soort=soort, defaults={"jaren": jaren, "toelichting": toelichting[:300]}
        )
        log(
            user,
            actie=Actie.WIJZIGEN,
            kanaal=Kanaal.UI,
            doel="Bewaartermijnen vaststellen (AVG art. 5 lid 1 onder e)",
            object_type="bewaartermijn",
            object_id=soort,
            velden=["jaren", "toelichting"],
            oude_waarden=oud,
            nieuwe_waarden={"jaren": jaren, "toelichting": toelichting[:300]},
        )
    return termijn
