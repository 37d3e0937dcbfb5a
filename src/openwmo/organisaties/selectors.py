from django.db.models import Count, QuerySet

from .models import Organisatie


def organisaties(soort: str | None = None) -> QuerySet[Organisatie]:
    qs = Organisatie.objects.annotate(aantal_teams=Count("teams"))
    if soort:
        qs = qs.filter(soort=soort)
    return qs.order_by("naam", "pk")


def organisatie_van(user) -> Organisatie | None:
    medewerker = getattr(user, "medewerker", None)
    return medewerker.organisatie if medewerker else None


def collegas(user):
    """Other staff of the user's organisation (names and functions only)."""
    from .models import Medewerker

    org = organisatie_van(user)
    if org is None:
        return Medewerker.objects.none()
    return (
        Medewerker.objects.filter(organisatie=org)
        .exclude(user=user)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")[:50]
    )
