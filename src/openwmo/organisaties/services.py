"""Writes on staff records. Organisation, team and the teamleider flag decide what a
user sees, so they only change through the four-eyes request in
``accounts.services`` (gebruikersbeheer); that module checks rights and writes the audit
record, these functions only write (inside its transaction)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Medewerker


def controleer_team(organisatie, team) -> None:
    if team is not None and (organisatie is None or team.organisatie_id != organisatie.pk):
        raise ValidationError({"team": [_("Dit team hoort niet bij de gekozen organisatie.")]})


def zet_organisatie(gebruiker, organisatie, team, is_teamleider: bool, functie: str) -> Medewerker:
    """Give the user this organisation, team and teamleider flag (a new staff record when
    he has none; ``functie`` is only used then)."""
    controleer_team(organisatie, team)
    medewerker = Medewerker.objects.select_for_update(of=("self",)).filter(user=gebruiker).first()
    if medewerker is None:
        medewerker = Medewerker(user=gebruiker, functie=functie[:80])
    medewerker.organisatie = organisatie
    medewerker.team = team
    medewerker.is_teamleider = is_teamleider
    medewerker.full_clean()
    medewerker.save()
    return medewerker


def maak_medewerker(gebruiker, organisatie, team, functie: str, telefoon: str = "") -> Medewerker:
    """A new staff record without teamleider rights."""
    controleer_team(organisatie, team)
    medewerker = Medewerker(
        user=gebruiker,
        organisatie=organisatie,
        team=team,
        functie=functie,
        telefoon=telefoon,
        is_teamleider=False,
    )
    medewerker.full_clean()
    medewerker.save()
    return medewerker


def wijzig_contactgegevens(medewerker_id: int, functie: str, telefoon: str) -> Medewerker:
    medewerker = Medewerker.objects.select_for_update(of=("self",)).get(pk=medewerker_id)
    medewerker.functie = functie
    medewerker.telefoon = telefoon
    medewerker.full_clean()
    medewerker.save(update_fields=["functie", "telefoon"])
    return medewerker
