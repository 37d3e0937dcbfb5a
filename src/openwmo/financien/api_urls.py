from django.urls import path

from . import api

urlpatterns = [
    path("financien/lumpsums/", api.LumpsumList.as_view(), name="financien-lumpsums"),
    path("financien/scenarios/<int:pk>/", api.ScenarioDetail.as_view(), name="financien-scenario"),
]
