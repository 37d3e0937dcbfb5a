from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


def _na_evaluatie(sender, instance, **kwargs):
    from . import services

    if instance.uitgevoerd_op:
        transaction.on_commit(lambda: services.bij_evaluatie(instance))


def _na_levering(sender, instance, created, **kwargs):
    from . import services

    if created and instance.soort == "stop":
        transaction.on_commit(lambda: services.bij_einde(instance))


class SturingConfig(AppConfig):
    name = "openwmo.sturing"
    verbose_name = _("Sturing")

    def ready(self):
        # The client-experience survey follows an evaluation or the end of support.
        post_save.connect(_na_evaluatie, sender="plannen.Evaluatie", dispatch_uid="sturing-eval")
        post_save.connect(_na_levering, sender="berichten.Levering", dispatch_uid="sturing-stop")
