from django.urls import path

from . import views

app_name = "schuldhulp"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("inwoners/<int:persoon>/signaal/", views.signaal_nieuw, name="signaal-nieuw"),
    path("inwoners/<int:persoon>/crisis/", views.crisis_nieuw, name="crisis-nieuw"),
    path("crises/<int:pk>/", views.crisis, name="crisis"),
    path("plannen/<int:plan>/inzet/", views.inzet_nieuw, name="inzet-nieuw"),
]
