"""The project's URLs plus the public adverse-impact form, mounted as the lead will mount it in
aims/urls.py."""

from django.urls import include, path

from aims.urls import urlpatterns as project

urlpatterns = [*project, path("adverse-impact/", include("aims.incidents.public_urls"))]
