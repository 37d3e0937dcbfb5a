from django.urls import path

from . import api

urlpatterns = [
    path("overgang/gesprekken/", api.GesprekList.as_view(), name="overgang-gesprekken"),
    path("overgang/voortgang/", api.VoortgangView.as_view(), name="overgang-voortgang"),
]
