from django.apps import AppConfig


class BerichtenConfig(AppConfig):
    name = "openwmo.berichten"
    label = "berichten"
