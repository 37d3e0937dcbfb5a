from django.urls import path

from . import views

app_name = "toegang"
urlpatterns = [
    path("", views.werkvoorraad, name="werkvoorraad"),
    path("melden/", views.online_melden, name="online-melden"),
    path("melden/ontvangen/", views.online_ontvangen, name="online-ontvangen"),
    path("online/<int:pk>/", views.online_koppelen, name="online-koppelen"),
    path("meldingen/nieuw/", views.melding_nieuw, name="melding-nieuw"),
    path("meldingen/<int:pk>/", views.melding, name="melding"),
    path("meldingen/<int:pk>/eerste-contact/", views.eerste_contact, name="eerste-contact"),
    path("meldingen/<int:pk>/toewijzen/", views.toewijzen, name="toewijzen"),
    path("meldingen/<int:pk>/onderzoek/", views.onderzoek, name="onderzoek"),
    path("meldingen/<int:pk>/gesprekken/nieuw/", views.gesprek_nieuw, name="gesprek-nieuw"),
    path("meldingen/<int:pk>/oplossingen/nieuw/", views.behoefte_nieuw, name="behoefte-nieuw"),
    path("meldingen/<int:pk>/triage/", views.triage, name="triage"),
    path("meldingen/<int:pk>/afronden/", views.afronden, name="afronden"),
    path("meldingen/<int:pk>/overdracht/", views.overdracht, name="overdracht"),
    path("meldingen/<int:pk>/termijnen/", views.termijnen, name="termijnen"),
    path("meldingen/<int:pk>/verslag/", views.verslag, name="verslag"),
    path("meldingen/<int:pk>/verslag.pdf", views.verslag_pdf, name="verslag-pdf"),
    path(
        "meldingen/<int:pk>/huishoudelijke-hulp/",
        views.huishoudelijke_hulp,
        name="huishoudelijke-hulp",
    ),
    path("signalen/nieuw/", views.signaal_nieuw, name="signaal-nieuw"),
    path("signalen/<int:pk>/", views.signaal, name="signaal"),
]
