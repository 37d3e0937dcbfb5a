from django.urls import path

from . import views

app_name = "voorzieningen"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("aanvragen/nieuw/", views.aanvraag_nieuw, name="aanvraag-nieuw"),
    path("aanvragen/<int:pk>/", views.aanvraag, name="aanvraag"),
    path("inwoners/<int:persoon>/aanvraag/", views.aanvraag_namens, name="aanvraag-namens"),
    path("inwoners/<int:persoon>/beoordeling/", views.beoordeling_nieuw, name="beoordeling-nieuw"),
    path("beoordelingen/<int:pk>/", views.beoordeling, name="beoordeling"),
    path("inwoners/<int:persoon>/advies/", views.advies_nieuw, name="advies-nieuw"),
    path("adviezen/<int:pk>/", views.advies, name="advies"),
    path("normenkaders/", views.normenkaders, name="normenkaders"),
]
