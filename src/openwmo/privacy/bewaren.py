"""Retention: find records past their term, let the privacy officer decide, anonymise.

Apps that keep records about residents offer them through a module ``bewaarbron`` with
``OBJECT_TYPE``, ``kandidaten(grenzen)`` and ``anonimiseer(object_id) -> dict``.
``grenzen`` maps each Bewaarsoort to the last closing date that is past its term;
``kandidaten`` yields Kandidaat rows for records closed on or before that date that are
not anonymised yet. ``anonimiseer`` removes the personal data but keeps what steering
counts need (dates, channel, route, outcome), and returns what it removed.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.extensions import app_modules

from . import services
from .models import Bewaarmarkering, Bewaartermijn


@dataclass(frozen=True)
class Kandidaat:
    soort: str
    object_id: int
    persoon_id: int | None
    afgesloten_op: datetime.date


def jaren_verder(dag: datetime.date, jaren: int) -> datetime.date:
    """The same day ``jaren`` years later (or earlier, when negative); 29 February → 28."""
    try:
        return dag.replace(year=dag.year + jaren)
    except ValueError:
        return dag.replace(year=dag.year + jaren, day=28)


def _bronnen() -> dict[str, object]:
    return {module.OBJECT_TYPE: module for module in app_modules("bewaarbron")}


def markeer_verlopen(peildatum: datetime.date | None = None) -> int:
    """Flag every record whose retention term has passed. Returns the number of new flags.

    Postponed flags whose postponement has ended come back for a new decision."""
    peildatum = peildatum or timezone.localdate()
    termijnen = dict(Bewaartermijn.objects.values_list("soort", "jaren"))
    grenzen = {soort: jaren_verder(peildatum, -jaren) for soort, jaren in termijnen.items()}
    nieuw = 0
    with transaction.atomic():
        Bewaarmarkering.objects.filter(
            besluit=Bewaarmarkering.Besluit.UITSTELLEN, uitstellen_tot__lt=peildatum
        ).update(besluit="", besluit_door=None, besluit_op=None)
        for object_type, bron in _bronnen().items():
            bekend = set(
                Bewaarmarkering.objects.filter(object_type=object_type).values_list(
                    "object_id", flat=True
                )
            )
            for k in bron.kandidaten(grenzen):
                if k.object_id in bekend:
                    continue
                Bewaarmarkering.objects.create(
                    soort=k.soort,
                    object_type=object_type,
                    object_id=k.object_id,
                    persoon_id=k.persoon_id,
                    afgesloten_op=k.afgesloten_op,
                    verlopen_op=jaren_verder(k.afgesloten_op, termijnen[k.soort]),
                )
                nieuw += 1
    return nieuw


def beoordeel(
    user,
    markering_id: int,
    *,
    besluit: str,
    toelichting: str = "",
    uitstellen_tot: datetime.date | None = None,
) -> Bewaarmarkering:
    from openwmo.accounts.models import Rol

    if user.rol != Rol.PRIVACY_FUNCTIONARIS:
        raise PermissionDenied(_("Alleen de privacyfunctionaris beslist over bewaren."))
    errors = {}
    if besluit not in Bewaarmarkering.Besluit.values:
        errors["besluit"] = [_("Kies anonimiseren of uitstellen.")]
    if besluit == Bewaarmarkering.Besluit.UITSTELLEN:
        if not uitstellen_tot or uitstellen_tot <= timezone.localdate():
            errors["uitstellen_tot"] = [_("Kies een datum in de toekomst om tot uit te stellen.")]
        if not toelichting.strip():
            errors["toelichting"] = [_("Geef de reden voor het uitstel.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        markering = Bewaarmarkering.objects.select_for_update().get(pk=markering_id)
        if markering.uitgevoerd_op:
            raise ValidationError({"besluit": [_("Dit gegeven is al geanonimiseerd.")]})
        markering.besluit = besluit
        markering.besluit_door = user
        markering.besluit_op = timezone.now()
        markering.toelichting = toelichting.strip()[:1000]
        markering.uitstellen_tot = uitstellen_tot if besluit == "uitstellen" else None
        markering.save()
    return markering


def voer_uit() -> int:
    """Anonymise every record the privacy officer decided to anonymise. Returns the count."""
    bronnen = _bronnen()
    gedaan = 0
    te_doen = Bewaarmarkering.objects.filter(
        besluit=Bewaarmarkering.Besluit.ANONIMISEREN, uitgevoerd_op__isnull=True
    ).values_list("pk", flat=True)
    for pk in list(te_doen):
        with transaction.atomic():
            markering = Bewaarmarkering.objects.select_for_update().get(pk=pk)
            if markering.uitgevoerd_op:
                continue
            verwijderd = bronnen[markering.object_type].anonimiseer(markering.object_id)
            markering.uitgevoerd_op = timezone.now()
            markering.verwijderd = verwijderd
            markering.save(update_fields=["uitgevoerd_op", "verwijderd"])
            services.log(
                None,
                actie=services.Actie.WIJZIGEN,
                kanaal=services.Kanaal.SYSTEEM,
                doel="Bewaartermijn verstreken: anonimiseren (AVG art. 5.1.e)",
                object_type=markering.object_type,
                object_id=markering.object_id,
                persoon_id=markering.persoon_id,
                velden=sorted(verwijderd),
                toelichting=f"Besluit {markering.besluit_op:%Y-%m-%d}, {markering.besluit_door}",
            )
            gedaan += 1
    return gedaan
