"""The public form for reports of adverse impacts (A.8.3). Mounted outside the organisation pages:
path("adverse-impact/", include("aims.incidents.public_urls"))."""

from django.urls import path

from aims.incidents import external_views

app_name = "incidents_public"

urlpatterns = [
    path("<str:token>/", external_views.public_report, name="report"),
]
