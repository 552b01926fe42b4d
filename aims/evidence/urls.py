from django.urls import path

from aims.evidence import views

app_name = "evidence"

urlpatterns = [
    path("", views.evidence_list, name="evidence_list"),
    path("expiring/", views.evidence_expiring, name="evidence_expiring"),
    path("new/file/", views.evidence_create_file, name="evidence_create_file"),
    path("new/link/", views.evidence_create_link, name="evidence_create_link"),
    path("<int:pk>/", views.evidence_detail, name="evidence_detail"),
    path("<int:pk>/edit/", views.evidence_edit, name="evidence_edit"),
    path("<int:pk>/download/", views.evidence_download, name="evidence_download"),
    path("<int:pk>/retire/", views.evidence_retire, name="evidence_retire"),
    path("<int:pk>/links/requirement/", views.evidence_link_requirement, name="evidence_link_requirement"),
    path("<int:pk>/links/record/", views.evidence_link_record, name="evidence_link_record"),
    path("<int:pk>/links/<int:link_id>/remove/", views.evidence_unlink, name="evidence_unlink"),
]
