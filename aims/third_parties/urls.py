from django.urls import path

from aims.third_parties import views

app_name = "third_parties"

urlpatterns = [
    path("", views.party_list, name="party_list"),
]
