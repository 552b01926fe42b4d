from django.urls import path

from aims.catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.item_list, name="item_list"),
    path("<str:ref>/", views.item_detail, name="item_detail"),
]
