from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoorzieningenConfig(AppConfig):
    name = "openwmo.voorzieningen"
    verbose_name = _("Voorzieningen")
