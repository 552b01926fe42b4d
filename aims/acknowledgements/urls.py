from django.urls import path

from aims.acknowledgements import views

app_name = "acknowledgements"

urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
    path("new/", views.campaign_create, name="campaign_create"),
    path("mine/", views.my_acknowledgements, name="my_acknowledgements"),
    path("requests/<int:pk>/acknowledge/", views.request_acknowledge, name="request_acknowledge"),
    path("<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("<int:pk>/remind/", views.campaign_remind, name="campaign_remind"),
    path("<int:pk>/close/", views.campaign_close, name="campaign_close"),
]
