from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchuldhulpConfig(AppConfig):
    name = "openwmo.schuldhulp"
    verbose_name = _("Schuldhulp")
