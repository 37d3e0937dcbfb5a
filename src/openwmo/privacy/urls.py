from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("auditlog/", views.auditlog, name="auditlog"),
    path("doorbraken/", views.doorbraken, name="doorbraken"),
    path(
        "doorbraken/<int:pk>/beoordelen/", views.doorbraak_beoordelen, name="doorbraak-beoordelen"
    ),
    path("correctieverzoeken/", views.correctieverzoeken, name="correctieverzoeken"),
    path(
        "correctieverzoeken/<int:pk>/behandelen/",
        views.correctieverzoek_behandelen,
        name="correctieverzoek-behandelen",
    ),
    path("bewaren/", views.bewaarmarkeringen, name="bewaren"),
    path(
        "bewaren/<int:pk>/beoordelen/", views.bewaarmarkering_beoordelen, name="bewaren-beoordelen"
    ),
    path(
        "bewaren/termijn/<str:soort>/",
        views.bewaartermijn_wijzigen,
        name="bewaartermijn-wijzigen",
    ),
    path("convenant/", views.convenant, name="convenant"),
    path("gegevensregister/", views.gegevensregister, name="gegevensregister"),
    path("inzage/", views.inzage, name="inzage"),
    path("mijn-gegevens.<str:formaat>", views.mijn_gegevens, name="mijn-gegevens"),
    path("correctie/", views.correctie, name="correctie"),
]
