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


def inrichting(user) -> dict:
    """The organisation part of a user's rights, as names and ids (for requests and audit)."""
    from .models import Medewerker

    medewerker = Medewerker.objects.select_related("organisatie", "team").filter(user=user).first()
    if medewerker is None:
        return {
            "organisatie": None,
            "organisatie_id": None,
            "team": None,
            "team_id": None,
            "teamleider": False,
        }
    return {
        "organisatie": medewerker.organisatie.naam,
        "organisatie_id": medewerker.organisatie_id,
        "team": medewerker.team.naam if medewerker.team else None,
        "team_id": medewerker.team_id,
        "teamleider": medewerker.is_teamleider,
    }
