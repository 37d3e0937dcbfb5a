from django.urls import path

from . import views

app_name = "portaal"
urlpatterns = [path("", views.start, name="start")]
