from django.db.models import QuerySet

from .models import AuditRecord


def inzage_log_voor_persoon(persoon_id: int) -> QuerySet[AuditRecord]:
    """Who looked at or changed this person's data: organisation and role, newest first."""
    return AuditRecord.objects.filter(persoon_id=persoon_id).only(
        "tijdstip", "rol", "organisatie", "actie", "kanaal", "doel", "object_type"
    )


def recente_dossiers(user, limit: int = 10) -> list[int]:
    """Ids of persons whose file this user opened most recently (for the start page).

    A single item opened names its object; a list that showed many residents does not."""
    ids: list[int] = []
    rows = (
        AuditRecord.objects.filter(
            gebruiker=user, actie=AuditRecord.Actie.LEZEN, persoon_id__isnull=False
        )
        .exclude(object_id="")
        .values_list("persoon_id", flat=True)
        .order_by("-tijdstip", "-id")[: limit * 5]
    )
    for pid in rows:
        if pid not in ids:
            ids.append(pid)
        if len(ids) == limit:
            break
    return ids


def zoek_auditregels(
    *, gebruikersnaam="", persoon_id=None, actie="", van=None, tot=None, limit=200
):
    qs = AuditRecord.objects.all()
    if gebruikersnaam:
        qs = qs.filter(gebruikersnaam__iexact=gebruikersnaam)
    if persoon_id:
        qs = qs.filter(persoon_id=persoon_id)
    if actie:
        qs = qs.filter(actie=actie)
    if van:
        qs = qs.filter(tijdstip__date__gte=van)
    if tot:
        qs = qs.filter(tijdstip__date__lte=tot)
    return qs[:limit]


def doorbraak_persoon_ids(user):
    """Persons this user may see now because of a break-the-glass access (a subquery)."""
    from django.utils import timezone

    from .models import Doorbraak

    return Doorbraak.objects.filter(gebruiker=user, einde__gt=timezone.now()).values("persoon_id")


def te_beoordelen_doorbraken():
    from .models import Doorbraak

    return Doorbraak.objects.filter(oordeel="").select_related("gebruiker", "persoon")


def correctieverzoeken(open_only: bool = True):
    from .models import Correctieverzoek

    qs = Correctieverzoek.objects.select_related("persoon", "ingediend_door").prefetch_related(
        "statussen"
    )
    verzoeken = list(qs.order_by("ingediend_op", "pk"))
    if open_only:
        verzoeken = [v for v in verzoeken if v.status == Correctieverzoek.Status.INGEDIEND]
    return verzoeken


def deelmatrix() -> dict[tuple[str, str], bool]:
    from .models import Deelafspraak

    return {(a.gegeven, a.partnersoort): a.toegestaan for a in Deelafspraak.objects.all()}


def mag_delen(gegeven: str, partnersoort: str) -> bool:
    """Whether the covenant allows sharing this data item with this kind of partner."""
    from .models import Deelafspraak

    return Deelafspraak.objects.filter(
        gegeven=gegeven, partnersoort=partnersoort, toegestaan=True
    ).exists()


def gegevensregister() -> list[dict]:
    """Every declared personal-data field with its purpose, grouped by purpose."""
    from django.apps import apps

    rows = []
    for model in apps.get_models():
        for veld, gegeven in getattr(model, "PERSOONSGEGEVENS", {}).items():
            rows.append(
                {
                    "model": model._meta.verbose_name,
                    "veld": model._meta.get_field(veld).verbose_name,
                    "doel": gegeven.doel,
                    "categorie": gegeven.categorie_omschrijving,
                    "bijzonder": gegeven.categorie != "gewoon",
                    "grondslag": gegeven.grondslag,
                }
            )
    return sorted(rows, key=lambda r: (r["doel"], str(r["model"]), str(r["veld"])))


def te_beoordelen_bewaarmarkeringen():
    from .models import Bewaarmarkering

    return list(
        Bewaarmarkering.objects.filter(besluit="", uitgevoerd_op__isnull=True).order_by(
            "verlopen_op", "pk"
        )[:200]
    )


def bewaartermijnen():
    from .models import Bewaartermijn

    return list(Bewaartermijn.objects.all())


def gedeelde_gegevens(partnersoort: str) -> frozenset[str]:
    """The data items the covenant allows to share with this kind of partner."""
    from .models import Deelafspraak

    return frozenset(
        Deelafspraak.objects.filter(partnersoort=partnersoort, toegestaan=True).values_list(
            "gegeven", flat=True
        )
    )


def inzage_uitzonderingen() -> list[dict]:
    """Models about a person whose records the inzage export withholds, with the reason."""
    from .verzamelen import persoonsmodellen, uitzondering

    return [
        {"model": model._meta.verbose_name_plural, "reden": uitzondering(model)}
        for model, _velden, _soort in persoonsmodellen()
        if uitzondering(model)
    ]
