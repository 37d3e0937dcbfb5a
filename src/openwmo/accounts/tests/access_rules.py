from openwmo.accounts.models import Rol

STAFF = frozenset(Rol.values) - {Rol.INWONER}

ACCESS = {
    "accounts:tweestaps-instellen": ("/tweestaps/instellen/", STAFF, "get"),
    "accounts:tweestaps-controleren": ("/tweestaps/controleren/", STAFF, "get"),
}
