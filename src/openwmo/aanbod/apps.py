from django.apps import AppConfig


class AanbodConfig(AppConfig):
    name = "openwmo.aanbod"
    label = "aanbod"
