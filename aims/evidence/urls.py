from django.urls import path

from aims.evidence import views

app_name = "evidence"

urlpatterns = [
    path("", views.evidence_list, name="evidence_list"),
]
