"""An enrolment code from the server's command line, e.g. for the first beheerder."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from openwmo.accounts import services
from openwmo.accounts.models import User
from openwmo.privacy.services import Kanaal


class Command(BaseCommand):
    help = (
        "Geef een inschrijfcode voor tweestapsverificatie aan een medewerker (bijvoorbeeld de "
        "eerste functioneel beheerder). Daarna geven beheerders codes uit via "
        "/tweestaps/inschrijfcodes/."
    )

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")

    def handle(self, *args, gebruikersnaam, **options):
        gebruiker = User.objects.filter(username=gebruikersnaam).first()
        if gebruiker is None:
            raise CommandError(f"Gebruiker {gebruikersnaam} bestaat niet.")
        try:
            record, code = services.geef_inschrijfcode(None, gebruiker.pk, kanaal=Kanaal.SYSTEEM)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(
            f"Inschrijfcode voor {gebruiker.username}: {code} "
            f"(geldig tot {record.verloopt_op:%Y-%m-%d %H:%M} UTC, één keer te gebruiken)"
        )
