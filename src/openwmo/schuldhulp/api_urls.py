from django.urls import path

from . import api

urlpatterns = [
    path("schuldhulp/telling/", api.Telling.as_view(), name="schuldhulp-telling"),
]
