from django.apps import AppConfig


class PlannenConfig(AppConfig):
    name = "openwmo.plannen"
    label = "plannen"
