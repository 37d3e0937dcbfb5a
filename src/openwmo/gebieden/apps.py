from django.apps import AppConfig


class GebiedenConfig(AppConfig):
    name = "openwmo.gebieden"
    label = "gebieden"
