"""The public, anonymous concern form (A.3.3). Mounted outside the organisation pages: path("report/", …)."""

from django.urls import path

from aims.people.views import public

app_name = "people_public"

urlpatterns = [
    path("<str:token>/", public.report, name="report"),
]
