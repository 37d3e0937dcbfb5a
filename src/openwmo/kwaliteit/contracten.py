"""Contract rules (services for writes live in services.py; this module holds the checks
shared by services and demo data)."""

import datetime

from django.db.models import Q
from django.utils.translation import gettext as _

from openwmo.organisaties.models import Pijler

from .models import Contractpartij, Rol

# At most five parties per lot (seed §5.1: five for thuisondersteuning en dagbesteding,
# two for huishoudelijke hulp; the maximum per lot is the upper bound).
MAX_HOOFDAANNEMERS = {"hh": 2}
MAX_HOOFDAANNEMERS_STANDAARD = 5


def overlapt(van1, tot1, van2, tot2) -> bool:
    """Whether [van1, tot1] and [van2, tot2] overlap (None = open end)."""
    einde = datetime.date.max
    return van1 <= (tot2 or einde) and van2 <= (tot1 or einde)


def controleer_partij(deel, aanbieder, rol, ingangsdatum, einddatum, hoofdaannemer=None) -> dict:
    """Return {field: [message]} for a party that breaks a contract rule (empty = fine)."""
    fouten: dict[str, list[str]] = {}
    if einddatum and einddatum < ingangsdatum:
        fouten["einddatum"] = [_("De einddatum ligt voor de ingangsdatum.")]
    if Contractpartij.objects.filter(deelovereenkomst=deel, aanbieder=aanbieder).exists():
        fouten["aanbieder"] = [_("Deze aanbieder is al partij in deze deelovereenkomst.")]
    if rol == Rol.ONDERAANNEMER:
        if hoofdaannemer is None or hoofdaannemer.deelovereenkomst_id != deel.pk:
            fouten["hoofdaannemer"] = [
                _("Kies de hoofdaannemer in dit perceel waaronder de onderaannemer werkt.")
            ]
        return fouten
    pijler = deel.perceel.pijler
    if pijler in (Pijler.BASIS, Pijler.AANVULLEND):
        andere = Pijler.AANVULLEND if pijler == Pijler.BASIS else Pijler.BASIS
        botsing = (
            Contractpartij.objects.filter(
                aanbieder=aanbieder,
                rol=Rol.HOOFDAANNEMER,
                deelovereenkomst__perceel__pijler=andere,
            )
            .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=ingangsdatum))
            .select_related("deelovereenkomst__perceel")
        )
        if einddatum:
            botsing = botsing.filter(ingangsdatum__lte=einddatum)
        eerste = botsing.first()
        if eerste is not None:
            fouten["rol"] = [
                _(
                    "%(aanbieder)s is al hoofdaannemer in %(perceel)s. Een partij mag niet "
                    "hoofdaannemer zijn in zowel de basisondersteuning als de aanvullende "
                    "ondersteuning; onderaannemer kan wel."
                )
                % {"aanbieder": aanbieder.naam, "perceel": eerste.deelovereenkomst.perceel.naam}
            ]
    maximum = MAX_HOOFDAANNEMERS.get(deel.perceel.code, MAX_HOOFDAANNEMERS_STANDAARD)
    lopend = [
        p
        for p in deel.partijen.filter(rol=Rol.HOOFDAANNEMER)
        if overlapt(p.ingangsdatum, p.einddatum, ingangsdatum, einddatum)
    ]
    if len(lopend) >= maximum:
        fouten.setdefault("aanbieder", []).append(
            _("In dit perceel zijn al %(n)d hoofdaannemers gecontracteerd (maximum).")
            % {"n": maximum}
        )
    return fouten
