from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("instellen/", views.instellen, name="tweestaps-instellen"),
    path("controleren/", views.controleren, name="tweestaps-controleren"),
    path("inschrijfcodes/", views.inschrijfcodes, name="inschrijfcodes"),
    path("api-tokens/", views.api_tokens, name="api-tokens"),
]
