from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OvergangConfig(AppConfig):
    name = "openwmo.overgang"
    verbose_name = _("Overgang")
