from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SturingConfig(AppConfig):
    name = "openwmo.sturing"
    verbose_name = _("Sturing")

    def ready(self):
        # subscribers to domain events (openwmo.gebeurtenissen)
        from . import abonnementen  # noqa: F401
