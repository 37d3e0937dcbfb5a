from django.urls import path

from . import api

urlpatterns = [
    path("plannen/", api.PlanList.as_view(), name="plannen-plannen"),
    path("plannen/<int:pk>/", api.PlanDetail.as_view(), name="plannen-plan"),
]
