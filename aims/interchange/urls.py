from django.urls import path

from aims.interchange import views

app_name = "interchange"

urlpatterns = [
    path("", views.inventory_import, name="inventory_import"),
    path("export/", views.inventory_export, name="inventory_export"),
    path("template/", views.inventory_template, name="inventory_template"),
]
