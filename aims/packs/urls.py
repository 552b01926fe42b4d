from django.urls import path

from aims.packs import views

app_name = "packs"

urlpatterns = [
    path("", views.pack_page, name="pack"),
    path("download/", views.pack_download, name="pack_download"),
]
