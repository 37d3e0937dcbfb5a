from openwmo.accounts.models import Rol

ACCESS = {
    "inwoners:doorbraak": ("/inwoners/doorbraak/", {Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT}, "get"),
}
