from django.urls import path

from . import views

app_name = "kwaliteit"
urlpatterns = [
    path("klachten/", views.klachten, name="klachten"),
    path("klachten/nieuw/", views.klacht_nieuw, name="klacht-nieuw"),
    path("klachten/<int:pk>/", views.klacht, name="klacht"),
    path("klachten/<int:pk>/uitkomst/", views.klacht_uitkomst, name="klacht-uitkomst"),
    path("klachten/<int:pk>/reactie/", views.klacht_reactie, name="klacht-reactie"),
    path("klachten/<int:pk>/verdagen/", views.klacht_verdagen, name="klacht-verdagen"),
    path("calamiteiten/", views.calamiteiten, name="calamiteiten"),
    path("calamiteiten/nieuw/", views.calamiteit_nieuw, name="calamiteit-nieuw"),
    path("calamiteiten/<int:pk>/", views.calamiteit, name="calamiteit"),
    path("calamiteiten/<int:pk>/verloop/", views.calamiteit_verloop, name="calamiteit-verloop"),
    path("kader/", views.kader, name="kader"),
    path("kader/zelfevaluaties/nieuw/", views.zelfevaluatie_nieuw, name="zelfevaluatie-nieuw"),
    path("kader/zelfevaluaties/<int:pk>/", views.zelfevaluatie, name="zelfevaluatie"),
    path(
        "kader/zelfevaluaties/<int:pk>/beoordelen/",
        views.zelfevaluatie_beoordelen,
        name="zelfevaluatie-beoordelen",
    ),
    path("kader/acties/<int:pk>/gereed/", views.verbeteractie_gereed, name="verbeteractie-gereed"),
    path("contracten/", views.contracten, name="contracten"),
    path("contracten/partijen/nieuw/", views.partij_nieuw, name="partij-nieuw"),
    path("contracten/<int:pk>/verlengen/", views.verlengen, name="verlengen"),
    path("kwartaalgesprekken/", views.kwartaalgesprekken, name="kwartaalgesprekken"),
    path("kwartaalgesprekken/nieuw/", views.kwartaalgesprek_nieuw, name="kwartaalgesprek-nieuw"),
    path("kwartaalgesprekken/<int:pk>/", views.kwartaalgesprek, name="kwartaalgesprek"),
    path("overleggen/", views.overleggen, name="overleggen"),
    path("overleggen/nieuw/", views.overleg_nieuw, name="overleg-nieuw"),
    path("overleggen/<int:pk>/", views.overleg, name="overleg"),
    path("agendapunten/<int:pk>/uitkomst/", views.overleg_uitkomst, name="overleg-uitkomst"),
]
