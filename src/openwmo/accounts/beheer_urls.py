from django.urls import path

from . import beheer_views as views

app_name = "gebruikersbeheer"
urlpatterns = [
    path("gebruikersbeheer/", views.overzicht, name="overzicht"),
    path("gebruikersbeheer/aanvragen/", views.aanvragen, name="aanvragen"),
    path("gebruikersbeheer/<int:pk>/beslissen/", views.beslissen, name="beslissen"),
    path(
        "wachtwoord-instellen/<uidb64>/<token>/",
        views.WachtwoordInstellenView.as_view(),
        name="wachtwoord-instellen",
    ),
]
