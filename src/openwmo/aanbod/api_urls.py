from django.urls import path

from . import api

urlpatterns = [
    path("aanbod/activiteiten/", api.ActiviteitZoeken.as_view(), name="aanbod-activiteiten"),
]
