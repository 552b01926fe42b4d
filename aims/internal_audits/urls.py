from django.urls import path

from aims.internal_audits.views import audits, checklist, programmes

app_name = "internal_audits"

urlpatterns = [
    path("", audits.audit_list, name="audit_list"),
    path("new/", audits.audit_create, name="audit_create"),
    path("<int:pk>/", audits.audit_detail, name="audit_detail"),
    path("<int:pk>/edit/", audits.audit_edit, name="audit_edit"),
    path("<int:pk>/report.pdf", audits.audit_pdf, name="audit_pdf"),
    path("<int:pk>/checklist/generate/", audits.checklist_generate, name="checklist_generate"),
    path("<int:pk>/checklist/<int:item_pk>/result/", checklist.item_result, name="item_result"),
    path(
        "<int:pk>/checklist/<int:item_pk>/nonconformity/",
        checklist.item_nonconformity,
        name="item_nonconformity",
    ),
    path("<int:pk>/<str:move>/", audits.audit_move, name="audit_move"),
    path("programmes/", programmes.programme_list, name="programme_list"),
    path("programmes/new/", programmes.programme_create, name="programme_create"),
    path("programmes/<int:pk>/", programmes.programme_detail, name="programme_detail"),
    path("programmes/<int:pk>/edit/", programmes.programme_edit, name="programme_edit"),
    path("programmes/<int:pk>/approve/", programmes.programme_approve, name="programme_approve"),
]
