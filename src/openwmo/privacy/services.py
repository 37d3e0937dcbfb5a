"""Writing the audit trail. The only write path for AuditRecord."""

from collections.abc import Iterable

from .models import AuditRecord

Actie = AuditRecord.Actie
Kanaal = AuditRecord.Kanaal


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
    medewerker = getattr(user, "medewerker", None) if user is not None else None
    return AuditRecord.objects.create(
        gebruiker=user,
        gebruikersnaam=getattr(user, "username", "systeem") if user else "systeem",
        rol=getattr(user, "rol", "") if user else "systeem",
        organisatie=medewerker.organisatie.naam if medewerker else "",
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
