from django.urls import path

from . import api

urlpatterns = [
    path("bezwaren/", api.BezwaarList.as_view(), name="besluiten-bezwaren"),
]
