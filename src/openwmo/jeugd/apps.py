from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JeugdConfig(AppConfig):
    name = "openwmo.jeugd"
    verbose_name = _("Jeugd en veiligheid")
