from django.urls import path

from . import api

urlpatterns = [
    path("berichten/iwmo/", api.BerichtOntvangen.as_view(), name="berichten-ontvangen"),
    path("berichten/", api.BerichtenLijst.as_view(), name="berichten-lijst"),
    path("berichten/<int:pk>/", api.BerichtDetail.as_view(), name="berichten-detail"),
    path("berichten/toewijzingen/", api.Toewijzingen.as_view(), name="berichten-toewijzingen"),
    path(
        "berichten/toewijzingen/<int:pk>/",
        api.ToewijzingDetail.as_view(),
        name="berichten-toewijzing",
    ),
    path(
        "berichten/toewijzingen/<int:pk>/start/",
        api.StartMelden.as_view(),
        name="berichten-start",
    ),
    path("berichten/meldingen/<int:pk>/stop/", api.StopMelden.as_view(), name="berichten-stop"),
    path(
        "berichten/starts/",
        api.StartZonderToewijzing.as_view(),
        name="berichten-start-taakgericht",
    ),
    path("berichten/verzoeken/", api.Verzoeken.as_view(), name="berichten-verzoeken"),
    path(
        "berichten/verzoeken/<int:pk>/antwoord/",
        api.VerzoekAntwoord.as_view(),
        name="berichten-verzoek-antwoord",
    ),
    path("berichten/pgb/", api.Pgb.as_view(), name="berichten-pgb"),
    path("berichten/te-laat/", api.TeLaat.as_view(), name="berichten-te-laat"),
    path("berichten/sturing/", api.Sturing.as_view(), name="berichten-sturing"),
]
