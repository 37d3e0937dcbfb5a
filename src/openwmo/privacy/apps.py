from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "openwmo.privacy"
    label = "privacy"
