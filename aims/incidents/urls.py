from django.urls import path

from aims.incidents import views

app_name = "incidents"

urlpatterns = [
    path("", views.incident_list, name="incident_list"),
]
