from django.urls import path

from . import views

app_name = "inwoners"
urlpatterns = [
    path("", views.zoeken, name="zoeken"),
    path("registreren/", views.registreren, name="registreren"),
    path("doorbraak/", views.doorbraak, name="doorbraak"),
    path("<int:pk>/", views.dossier, name="dossier"),
]
