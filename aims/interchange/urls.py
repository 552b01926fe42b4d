from django.urls import path

from aims.interchange import views

app_name = "interchange"

urlpatterns = [
    path("", views.inventory_import, name="inventory_import"),
]
