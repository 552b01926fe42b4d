from django.urls import path

from aims.readiness import views

app_name = "readiness"

urlpatterns = [
    path("", views.readiness_page, name="readiness"),
    path("report.pdf", views.readiness_report, name="readiness_report"),
    path("settings/", views.settings_edit, name="settings"),
]
