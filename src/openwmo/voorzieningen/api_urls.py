from django.urls import path

from . import api

urlpatterns = [
    path("voorzieningen/aanvragen/", api.AanvraagList.as_view(), name="voorzieningen-aanvragen"),
]
