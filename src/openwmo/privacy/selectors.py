from django.db.models import QuerySet

from .models import AuditRecord


def inzage_log_voor_persoon(persoon_id: int) -> QuerySet[AuditRecord]:
    """Who looked at or changed this person's data: organisation and role, newest first."""
    return AuditRecord.objects.filter(persoon_id=persoon_id).only(
        "tijdstip", "rol", "organisatie", "actie", "kanaal", "doel", "object_type"
    )


def recente_dossiers(user, limit: int = 10) -> list[int]:
    """Ids of persons whose file this user opened most recently (for the start page)."""
    ids: list[int] = []
    rows = (
        AuditRecord.objects.filter(
            gebruiker=user, actie=AuditRecord.Actie.LEZEN, persoon_id__isnull=False
        )
        .values_list("persoon_id", flat=True)
        .order_by("-tijdstip", "-id")[: limit * 5]
    )
    for pid in rows:
        if pid not in ids:
            ids.append(pid)
        if len(ids) == limit:
            break
    return ids


def zoek_auditregels(*, gebruikersnaam: str = "", persoon_id: int | None = None, limit=200):
    qs = AuditRecord.objects.all()
    if gebruikersnaam:
        qs = qs.filter(gebruikersnaam__iexact=gebruikersnaam)
    if persoon_id:
        qs = qs.filter(persoon_id=persoon_id)
    return qs[:limit]
