from django.urls import path

from . import views

app_name = "plannen"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.plan, name="plan"),
    path("<int:pk>/versies/<int:nummer>/", views.versie, name="versie"),
    path("<int:pk>/regievoerder/", views.regievoerder, name="regievoerder"),
    path("<int:pk>/activeren/", views.activeren, name="activeren"),
    path("<int:pk>/beeindigen/", views.beeindigen, name="beeindigen"),
    path("<int:pk>/regels/nieuw/", views.regel_nieuw, name="regel-nieuw"),
    path("regels/<int:pk>/intensiteit/", views.intensiteit, name="intensiteit"),
    path("regels/<int:pk>/evaluaties/nieuw/", views.evaluatie_nieuw, name="evaluatie-nieuw"),
    path("evaluaties/<int:pk>/", views.evaluatie, name="evaluatie"),
]
