from django.urls import path

from aims.acknowledgements import views

app_name = "acknowledgements"

urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
]
