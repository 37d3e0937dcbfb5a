from django.apps import AppConfig


class InwonersConfig(AppConfig):
    name = "openwmo.inwoners"
    label = "inwoners"
