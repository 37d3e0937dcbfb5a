from django.urls import path

from . import views

app_name = "jeugd"

urlpatterns = [
    path("plannen/<int:plan>/procesregie/", views.procesregie, name="procesregie"),
    path("plannen/<int:plan>/overleg/", views.overleg_nieuw, name="overleg-nieuw"),
    path("plannen/<int:plan>/opvoedsteun/", views.opvoedsteun_nieuw, name="opvoedsteun-nieuw"),
    path("veiligheid/<int:huishouden>/", views.veiligheid, name="veiligheid"),
    path("veiligheid/<int:huishouden>/taxatie/", views.taxatie_nieuw, name="taxatie-nieuw"),
    path("veiligheid/<int:huishouden>/stap/", views.stap_nieuw, name="stap-nieuw"),
]
