from django.urls import path

from aims.incidents import external_views, views

app_name = "incidents"

urlpatterns = [
    path("", views.incident_list, name="incident_list"),
    path("new/", views.incident_create, name="incident_create"),
    path("<int:pk>/", views.incident_detail, name="incident_detail"),
    path("<int:pk>/edit/", views.incident_edit, name="incident_edit"),
    path("<int:pk>/status/", views.incident_status, name="incident_status"),
    path("<int:pk>/seriousness/", views.incident_assess, name="incident_assess"),
    path("<int:pk>/report/", views.incident_report, name="incident_report"),
    path("<int:pk>/communications/", views.communication_add, name="communication_add"),
    path("external/", external_views.external_list, name="external_list"),
    path("external/link/", external_views.report_link, name="report_link"),
    path(
        "external/<int:pk>/open-incident/",
        external_views.external_open_incident,
        name="external_open_incident",
    ),
    path("external/<int:pk>/dismiss/", external_views.external_dismiss, name="external_dismiss"),
]
