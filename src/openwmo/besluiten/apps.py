from django.apps import AppConfig


class BesluitenConfig(AppConfig):
    name = "openwmo.besluiten"
    label = "besluiten"
