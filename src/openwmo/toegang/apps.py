from django.apps import AppConfig


class ToegangConfig(AppConfig):
    name = "openwmo.toegang"
    label = "toegang"
