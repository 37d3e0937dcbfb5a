"""Who a user is for access decisions: role, organisation and neighbourhoods."""

from dataclasses import dataclass

from .models import Rol

# Roles that work with individual residents' files in the register.
DOSSIER_ROLLEN = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT})
# Roles that may register a new resident or change their details.
REGISTRATIE_ROLLEN = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT})
# The purpose recorded in the audit trail when a role reads a resident file.
DOEL_PER_ROL = {
    Rol.SOCIAAL_WERKER: "Ondersteuning van het huishouden (Wmo 2015 art. 2.3.2)",
    Rol.WMO_CONSULENT: "Onderzoek en besluit maatwerkvoorziening (Wmo 2015 art. 2.3.2–2.3.5)",
    Rol.INWONER: "Inzage in eigen gegevens (AVG art. 15)",
}


@dataclass(frozen=True)
class Scope:
    user_id: int
    rol: str
    organisatie_id: int | None
    organisatie_soort: str | None
    wijk_ids: frozenset[int]
    persoon_id: int | None

    @property
    def ziet_dossiers(self) -> bool:
        return self.rol in DOSSIER_ROLLEN

    @property
    def gemeentebreed(self) -> bool:
        """A municipal consultant works for the whole municipality."""
        return self.rol == Rol.WMO_CONSULENT


def scope_of(user) -> Scope:
    cached = getattr(user, "_openwmo_scope", None)
    if cached is not None:
        return cached
    medewerker = getattr(user, "medewerker", None)
    scope = Scope(
        user_id=user.pk,
        rol=user.rol,
        organisatie_id=medewerker.organisatie_id if medewerker else None,
        organisatie_soort=medewerker.organisatie.soort if medewerker else None,
        wijk_ids=frozenset(user.wijken.values_list("pk", flat=True)),
        persoon_id=user.persoon_id,
    )
    user._openwmo_scope = scope
    return scope


def doel_voor(user) -> str:
    return DOEL_PER_ROL.get(user.rol, "Uitvoering Wmo 2015")


# Roles whose work is tied to neighbourhoods: without a wijk they see nothing.
WIJK_ROLLEN = frozenset({Rol.SOCIAAL_WERKER, Rol.VRIJWILLIGER})


def gebruikers_zonder_inrichting() -> list[dict]:
    """Active staff log-ins that miss an organisation, or a wijk where their role needs one."""
    from .models import User

    rows = []
    users = (
        User.objects.filter(is_active=True)
        .exclude(rol=Rol.INWONER)
        .select_related("medewerker")
        .prefetch_related("wijken")
        .order_by("username")
    )
    for user in users:
        problemen = []
        if not hasattr(user, "medewerker"):
            problemen.append("geen organisatie")
        if user.rol in WIJK_ROLLEN and not user.wijken.all():
            problemen.append("geen werkgebied")
        if problemen:
            rows.append({"user": user, "problemen": problemen})
    return rows


def partnersoort(user) -> str | None:
    """For partner roles outside the municipality's own case work: the kind of partner the
    privacy covenant speaks of (vrijwilligers, basis, aanvullend, hh); None otherwise."""
    if user.rol == Rol.VRIJWILLIGER:
        return "vrijwilligers"
    if user.rol == Rol.ZORGAANBIEDER:
        return scope_of(user).organisatie_soort or "partner"
    return None


def medewerkers_voor_inschrijfcode(beheerder):
    """Active staff log-ins a beheerder may issue an enrolment code for (not himself)."""
    from django.db.models import Q

    from .models import User

    return (
        User.objects.filter(is_active=True)
        .filter(~Q(rol=Rol.INWONER) | Q(is_staff=True) | Q(is_superuser=True))
        .exclude(pk=beheerder.pk)
        .order_by("username")
    )


def recente_inschrijfcodes(limiet: int = 50):
    from .models import Inschrijfcode

    return Inschrijfcode.objects.select_related("gebruiker", "uitgegeven_door")[:limiet]


def api_token(user):
    from rest_framework.authtoken.models import Token

    return Token.objects.filter(user=user).first()


def actieve_api_tokens():
    from rest_framework.authtoken.models import Token

    return Token.objects.select_related("user").order_by("-created")


# --- gebruikersbeheer ------------------------------------------------------------------


def rolwijzigingen(open_only: bool, limit: int = 50):
    """Role change requests with their steps: the pending ones (oldest first) or the
    decided ones (newest first)."""
    from .models import Rolwijziging

    qs = Rolwijziging.objects.select_related(
        "gebruiker", "aangevraagd_door", "organisatie", "team"
    ).prefetch_related("wijken", "stappen__door")
    if open_only:
        return list(
            qs.filter(status=Rolwijziging.Status.AANGEVRAAGD).order_by("aangevraagd_op", "pk")
        )
    return list(qs.exclude(status=Rolwijziging.Status.AANGEVRAAGD)[:limit])


def beheerbare_gebruikers(door):
    """Active log-ins whose role an administrator may request to change: never his own."""
    from .models import User

    return User.objects.filter(is_active=True).exclude(pk=door.pk).order_by("username")
