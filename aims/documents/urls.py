from django.urls import path

from aims.documents import views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="document_list"),
    path("new/", views.document_create, name="document_create"),
    path("<int:pk>/", views.document_detail, name="document_detail"),
    path("<int:pk>/edit/", views.document_edit, name="document_edit"),
    path("<int:pk>/withdraw/", views.document_withdraw, name="document_withdraw"),
    path("<int:pk>/reviewed/", views.document_reviewed, name="document_reviewed"),
    path("<int:pk>/diff/", views.version_diff, name="version_diff"),
    path("<int:pk>/versions/new/", views.version_create, name="version_create"),
    path("<int:pk>/versions/<int:number>/", views.version_detail, name="version_detail"),
    path("<int:pk>/versions/<int:number>/edit/", views.version_edit, name="version_edit"),
    path("<int:pk>/versions/<int:number>/pdf/", views.version_pdf, name="version_pdf"),
    path("<int:pk>/versions/<int:number>/file/", views.version_file, name="version_file"),
    path("<int:pk>/versions/<int:number>/<slug:verb>/", views.version_transition, name="version_transition"),
]
