from django.urls import path

from . import views

app_name = "overgang"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("import/", views.importeren, name="import"),
    path("planning/", views.planning, name="planning"),
    path("gesprekken/", views.gesprekken, name="gesprekken"),
    path("gesprekken/<int:pk>/", views.gesprek, name="gesprek"),
    path("gesprekken/<int:pk>/brief.pdf", views.brief, name="brief"),
    path("medewerkers/", views.medewerkers, name="medewerkers"),
    path("herberekening/", views.herberekening, name="herberekening"),
]
