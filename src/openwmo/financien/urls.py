from django.urls import path

from . import views

app_name = "financien"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("export/<slug:tabel>/", views.export, name="export"),
    path("startverdeling/", views.startverdeling, name="startverdeling"),
    path("herverdelingen/", views.herverdelingen, name="herverdelingen"),
    path("herverdelingen/nieuw/", views.herverdeling_nieuw, name="herverdeling_nieuw"),
    path("herverdelingen/<int:pk>/", views.herverdeling, name="herverdeling"),
    path("scenarios/", views.scenarios, name="scenarios"),
    path("scenarios/<int:pk>/", views.scenario, name="scenario"),
    path("subsidies/", views.subsidies, name="subsidies"),
    path(
        "subsidies/<int:pk>/verantwoorden/",
        views.subsidie_verantwoorden,
        name="subsidie_verantwoorden",
    ),
    path("cak/", views.cak, name="cak"),
    path("eigen-bijdrage/", views.eigen_bijdrage, name="eigen_bijdrage"),
]
