from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "openwmo.accounts"
    label = "accounts"
