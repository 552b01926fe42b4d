from django.urls import path

from aims.interchange import views_bom

app_name = "interchange_bom"

urlpatterns = [
    path("", views_bom.bom_import, name="bom_import"),
]
