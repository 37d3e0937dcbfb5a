from django.urls import reverse
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import DOSSIER_ROLLEN, REGISTRATIE_ROLLEN

from . import registry


def navigation(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"nav_items": []}
    items = [(_("Start"), reverse("portaal:start"))]
    if user.rol in DOSSIER_ROLLEN:
        items.append((_("Inwoners zoeken"), reverse("inwoners:zoeken")))
    if user.rol in REGISTRATIE_ROLLEN:
        items.append((_("Inwoner registreren"), reverse("inwoners:registreren")))
    if user.rol == Rol.INWONER and user.persoon_id:
        items.append((_("Mijn gegevens"), reverse("inwoners:dossier", args=[user.persoon_id])))
    items.extend(registry.navigatie_items(user))
    if user.rol != Rol.INWONER:
        items.append((_("API"), reverse("api:docs")))
    if user.rol == Rol.BEHEERDER and user.is_staff:
        items.append((_("Beheer"), reverse("admin:index")))
    current = request.path
    best = max(
        (
            url
            for _label, url in items
            if current == url or (url != "/" and current.startswith(url))
        ),
        key=len,
        default=None,
    )
    return {
        "nav_items": [{"label": label, "url": url, "current": url == best} for label, url in items]
    }
