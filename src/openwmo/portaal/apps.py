from django.apps import AppConfig


class PortaalConfig(AppConfig):
    name = "openwmo.portaal"
    label = "portaal"
