from rest_framework.permissions import BasePermission

from .models import Rol

MEDEWERKER_ROLLEN = frozenset(Rol.values) - {Rol.INWONER}


def role_permission(*rollen: str) -> type[BasePermission]:
    """A DRF permission that admits only the given roles."""
    allowed = frozenset(rollen)

    class HasRole(BasePermission):
        message = "Uw rol heeft geen toegang tot dit onderdeel."

        def has_permission(self, request, view):
            user = request.user
            return bool(user and user.is_authenticated and user.rol in allowed)

    HasRole.__name__ = "HasRole_" + "_".join(sorted(allowed))
    return HasRole
