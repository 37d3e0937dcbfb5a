"""The youth team (JET) of Lindeveen as a partner organisation with a team, and risk
assessments for some households with children in the demo social worker's wijken."""

import datetime

from openwmo.accounts.models import Rol, User
from openwmo.demo.constants import PEILDATUM
from openwmo.inwoners.selectors import personen_in_scope
from openwmo.jeugd.models import Risicotaxatie
from openwmo.organisaties.models import Organisatie, Team

JET = "Jeugd Expert Team (JET) Lindeveen"


def vul(rng) -> dict:
    jet, _nieuw = Organisatie.objects.get_or_create(
        naam=JET, defaults={"soort": Organisatie.Soort.PARTNER}
    )
    Team.objects.get_or_create(organisatie=jet, naam="JET outreachende jeugdexperts")
    werker = User.objects.filter(rol=Rol.SOCIAAL_WERKER, username="sociaalwerker").first()
    if werker is None:
        return {"jeugdteam": JET}
    grens = PEILDATUM.replace(year=PEILDATUM.year - 18)
    huishoudens = list(
        personen_in_scope(werker)
        .filter(geboortedatum__gt=grens)
        .order_by("huishouden_id")
        .values_list("huishouden_id", flat=True)
        .distinct()[:200]
    )
    taxaties = [
        Risicotaxatie(
            huishouden_id=h,
            datum=PEILDATUM - datetime.timedelta(days=rng.randint(1, 300)),
            risico=rng.choices(["geen", "licht", "verhoogd"], [70, 25, 5])[0],
            volwassenenproblematiek="Beoordeeld in het gesprek met de ouders",
            onderbouwing="Taxatie bij het opstellen van het ondersteuningsplan",
            door=werker,
        )
        for h in rng.sample(huishoudens, len(huishoudens) // 2)
    ]
    Risicotaxatie.objects.bulk_create(taxaties)
    return {"jeugdteam": JET, "risicotaxaties": len(taxaties)}
