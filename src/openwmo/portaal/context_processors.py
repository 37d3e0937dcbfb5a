from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import DOSSIER_ROLLEN, REGISTRATIE_ROLLEN

from . import registry

# Above this many items the menu groups the apps' items per domain (one disclosure each).
MAX_PLAT = 12
GROEPEN = [
    (_l("Toegang"), {"toegang"}),
    (_l("iWmo"), {"berichten"}),
    (_l("Ondersteuning"), {"plannen", "besluiten", "schuldhulp", "jeugd", "voorzieningen"}),
    (_l("Sociale basis"), {"aanbod"}),
    (_l("Sturing en contracten"), {"sturing", "financien", "kwaliteit", "overgang"}),
    (_l("Privacy"), {"privacy"}),
]


def _groep(app: str) -> str:
    for naam, apps in GROEPEN:
        if app in apps:
            return str(naam)
    return ""


def navigation(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"nav_items": []}
    items = [(_("Start"), reverse("portaal:start"), "")]
    if user.rol in DOSSIER_ROLLEN:
        items.append((_("Inwoners zoeken"), reverse("inwoners:zoeken"), ""))
    if user.rol in REGISTRATIE_ROLLEN:
        items.append((_("Inwoner registreren"), reverse("inwoners:registreren"), ""))
    if user.rol == Rol.INWONER and user.persoon_id:
        items.append((_("Mijn gegevens"), reverse("inwoners:dossier", args=[user.persoon_id]), ""))
    items.extend(registry.navigatie_items(user))
    if user.rol != Rol.INWONER:
        items.append((_("API"), reverse("api:docs"), ""))
    if user.rol == Rol.BEHEERDER and user.is_staff:
        items.append((_("Beheer"), reverse("admin:index"), ""))
    current = request.path
    best = max(
        (
            url
            for _label, url, _app in items
            if current == url or (url != "/" and current.startswith(url))
        ),
        key=len,
        default=None,
    )
    groeperen = len(items) > MAX_PLAT
    nav: list[dict] = []
    for label, url, app in items:
        item = {"label": label, "url": url, "current": url == best}
        groep = _groep(app) if groeperen else ""
        if not groep:
            nav.append(item)
            continue
        bestaand = next((n for n in nav if n.get("groep") == groep), None)
        if bestaand is None:
            bestaand = {"groep": groep, "items": [], "current": False}
            nav.append(bestaand)
        bestaand["items"].append(item)
        bestaand["current"] = bestaand["current"] or item["current"]
    return {"nav_items": nav}
