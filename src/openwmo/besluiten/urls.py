from django.urls import path

from . import views

app_name = "besluiten"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("regels/<int:pk>/verwijzing/", views.verwijzing_nieuw, name="verwijzing-nieuw"),
    path("regels/<int:pk>/pgb-vaardigheid/", views.pgb_vaardigheid, name="pgb-vaardigheid"),
    path("regels/<int:pk>/advies/", views.advies_nieuw, name="advies-nieuw"),
    path(
        "regels/<int:pk>/beschikking-vragen/", views.beschikking_vragen, name="beschikking-vragen"
    ),
    path("verwijzingen/<int:pk>.pdf", views.verwijzing_pdf, name="verwijzing-pdf"),
    path("adviezen/<int:pk>/", views.advies, name="advies"),
    path("adviezen/<int:pk>/beschikking/", views.beschikking_nieuw, name="beschikking-nieuw"),
    path("beschikkingen/<int:pk>/", views.beschikking, name="beschikking"),
    path("beschikkingen/<int:pk>.pdf", views.beschikking_pdf, name="beschikking-pdf"),
    path("beschikkingen/<int:pk>/bezwaar/", views.bezwaar_nieuw, name="bezwaar-nieuw"),
    path("bezwaren/<int:pk>/", views.bezwaar, name="bezwaar"),
]
