"""Small helpers the services of several apps share (the views' counterpart is web.py)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from openwmo.accounts.selectors import doel_voor


def eis_rol(user, rollen) -> None:
    if user is None or user.rol not in rollen:
        raise PermissionDenied(_("Uw rol mag dit niet."))


def log(user, actie, kanaal, object_type, obj, persoon_id, velden, nieuw=None) -> None:
    """Audit a read or change of ``obj`` about a resident, for the user's purpose."""
    from openwmo.privacy import services as audit

    audit.log(
        user,
        actie=actie,
        kanaal=kanaal,
        doel=doel_voor(user),
        object_type=object_type,
        object_id=obj.pk if obj is not None else "",
        persoon_id=persoon_id,
        velden=velden,
        nieuwe_waarden=nieuw,
    )


def persoon_in_scope(user, persoon_id):
    from openwmo.inwoners.selectors import personen_in_scope

    persoon = personen_in_scope(user).filter(pk=persoon_id).first()
    if persoon is None:
        raise PermissionDenied(_("Deze inwoner valt buiten uw werkgebied of toegang."))
    return persoon


def tekst(fouten: dict, veld: str, waarde, bericht) -> str:
    """The stripped text; an empty one adds ``bericht`` to ``fouten[veld]``."""
    waarde = (waarde or "").strip()
    if not waarde:
        fouten.setdefault(veld, []).append(bericht)
    return waarde
