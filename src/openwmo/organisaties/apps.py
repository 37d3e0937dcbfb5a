from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "openwmo.organisaties"
    label = "organisaties"
