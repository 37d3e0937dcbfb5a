from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("instellen/", views.instellen, name="tweestaps-instellen"),
    path("controleren/", views.controleren, name="tweestaps-controleren"),
]
