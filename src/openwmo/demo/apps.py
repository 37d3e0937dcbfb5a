from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "openwmo.demo"
    label = "demo"
