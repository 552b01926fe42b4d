from django.urls import path

from aims.controls import views

app_name = "controls"

urlpatterns = [
    path("", views.soa, name="soa"),
    path("new/", views.control_create, name="control_create"),
    path("<int:pk>/", views.control_detail, name="control_detail"),
    path("<int:pk>/edit/", views.control_edit, name="control_edit"),
    path("<int:pk>/applicability/", views.control_applicability, name="control_applicability"),
    path("<int:pk>/implementation/", views.control_implementation, name="control_implementation"),
    path("approve/", views.soa_approve, name="soa_approve"),
    path("export.<str:fmt>", views.soa_export, name="soa_export"),
    path("versions/", views.version_list, name="version_list"),
    path("versions/compare/", views.version_compare, name="version_compare"),
    path("versions/<int:number>/", views.version_detail, name="version_detail"),
    path("versions/<int:number>/export.<str:fmt>", views.version_export, name="version_export"),
]
