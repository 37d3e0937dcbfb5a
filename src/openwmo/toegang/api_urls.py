from django.urls import path

from . import api

urlpatterns = [
    path("meldingen/", api.MeldingListCreate.as_view(), name="toegang-meldingen"),
    path("meldingen/<int:pk>/", api.MeldingDetail.as_view(), name="toegang-melding"),
    path(
        "meldingen/<int:pk>/eerste-contact/",
        api.MeldingUitkomst.as_view(),
        name="toegang-melding-eerste-contact",
    ),
    path(
        "meldingen/<int:pk>/gesprekken/",
        api.GesprekListCreate.as_view(),
        name="toegang-gesprekken",
    ),
    path("meldingen/<int:pk>/onderzoek/", api.OnderzoekView.as_view(), name="toegang-onderzoek"),
    path("signalen/", api.SignaalListCreate.as_view(), name="toegang-signalen"),
    path(
        "signalen/<int:pk>/beoordeling/", api.SignaalTriage.as_view(), name="toegang-signaal-triage"
    ),
]
