from django.urls import path

from . import views

app_name = "berichten"
urlpatterns = [
    path("postvak/", views.overzicht, name="overzicht"),
    path("postvak/<int:pk>/", views.bericht, name="bericht"),
    path("toewijzingen/", views.toewijzingen, name="toewijzingen"),
    path("toewijzingen/nieuw/", views.toewijzing_nieuw, name="toewijzing_nieuw"),
    path("toewijzingen/<int:pk>/", views.toewijzing, name="toewijzing"),
    path("toewijzingen/<int:pk>/start/", views.start, name="start"),
    path("toewijzingen/<int:pk>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("meldingen/<int:pk>/stop/", views.stop, name="stop"),
    path("starts/nieuw/", views.taakgericht_start, name="taakgericht_start"),
    path("verzoeken/", views.verzoeken, name="verzoeken"),
    path("verzoeken/nieuw/", views.verzoek_nieuw, name="verzoek_nieuw"),
    path("verzoeken/<int:pk>/", views.verzoek, name="verzoek"),
    path("pgb/nieuw/", views.pgb_nieuw, name="pgb_nieuw"),
    path("sturing/", views.sturing, name="sturing"),
]
