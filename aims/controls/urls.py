from django.urls import path

from aims.controls import views

app_name = "controls"

urlpatterns = [
    path("", views.soa, name="soa"),
]
