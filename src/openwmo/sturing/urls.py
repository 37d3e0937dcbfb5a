from django.urls import path, re_path

from . import views

app_name = "sturing"

urlpatterns = [
    path("", views.index, name="index"),
    path("strategisch/", views.strategisch, name="strategisch"),
    path("tactisch/", views.tactisch, name="tactisch"),
    path("operationeel/", views.operationeel, name="operationeel"),
    path("wijken/", views.wijken, name="wijken"),
    re_path(
        r"^(?P<niveau>strategisch|tactisch|operationeel|wijken)/export\.(?P<formaat>csv|xlsx)$",
        views.export,
        name="export",
    ),
    path("bijwerken/", views.bijwerken, name="bijwerken"),
    path("raadsrapportage/<int:jaar>.pdf", views.raadsrapportage, name="raadsrapportage"),
    path("gevallen/<slug:code>/", views.gevallen, name="gevallen"),
    path("indicatoren/", views.indicatoren, name="indicatoren"),
    path("indicatoren/<slug:code>/", views.indicator, name="indicator"),
    path("vragenlijst/<int:pk>/", views.enquete, name="enquete"),
]
