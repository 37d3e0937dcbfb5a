from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinancienConfig(AppConfig):
    name = "openwmo.financien"
    verbose_name = _("Financiën")
