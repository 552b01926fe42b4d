"""The project's URLs plus the public concern form, mounted as aims/urls.py is asked to mount it."""

from django.urls import include, path

from aims.urls import urlpatterns as project_urls

urlpatterns = [*project_urls, path("report/", include("aims.people.public_urls"))]
