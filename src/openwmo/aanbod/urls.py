from django.urls import path

from . import views

app_name = "aanbod"
urlpatterns = [
    path("", views.kaart, name="kaart"),
    path("activiteiten/nieuw/", views.activiteit_nieuw, name="activiteit-nieuw"),
    path("activiteiten/mijn/", views.mijn_aanbod, name="mijn-aanbod"),
    path("activiteiten/<int:pk>/", views.activiteit, name="activiteit"),
    path("activiteiten/<int:pk>/wijzigen/", views.activiteit_wijzigen, name="activiteit-wijzigen"),
    path(
        "activiteiten/<int:pk>/beoordelen/",
        views.activiteit_beoordelen,
        name="activiteit-beoordelen",
    ),
    path("beoordelen/", views.beoordelen, name="beoordelen"),
    path("vrijwilligers/", views.vrijwilligers, name="vrijwilligers"),
    path("vrijwilligers/mijn-profiel/", views.profiel_bewerken, name="mijn-profiel"),
    path("vrijwilligers/<int:pk>/", views.vrijwilliger, name="vrijwilliger"),
    path("vrijwilligers/<int:pk>/wijzigen/", views.profiel_bewerken, name="vrijwilliger-wijzigen"),
    path("inwoners/<int:persoon>/vrijwilliger-zoeken/", views.matcher, name="matcher"),
    path("matches/", views.matches, name="matches"),
    path("matches/<int:pk>/", views.match, name="match"),
    path("buurtkamers/", views.buurtkamers, name="buurtkamers"),
    path("buurtkamers/<int:pk>/", views.buurtkamer, name="buurtkamer"),
    path("sturing/", views.sturing, name="sturing"),
    path("mantelzorgers/", views.mantelzorgers, name="mantelzorgers"),
    path("mantelzorgers/waardering/", views.waardering, name="waardering"),
    path("mantelzorgers/<int:pk>/", views.mantelzorger, name="mantelzorger"),
    path(
        "inwoners/<int:persoon>/mantelzorger/", views.mantelzorger_nieuw, name="mantelzorger-nieuw"
    ),
]
