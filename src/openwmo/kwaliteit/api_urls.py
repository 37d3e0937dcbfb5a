from django.urls import path

from . import api

urlpatterns = [
    path("kwaliteit/klachten/", api.KlachtList.as_view(), name="kwaliteit-klachten"),
    path(
        "kwaliteit/contractpartijen/",
        api.ContractpartijList.as_view(),
        name="kwaliteit-contractpartijen",
    ),
]
