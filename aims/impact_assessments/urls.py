from django.urls import path

from aims.impact_assessments import views

app_name = "impact_assessments"

urlpatterns = [
    path("", views.assessment_list, name="assessment_list"),
    path("new/", views.assessment_create, name="assessment_create"),
    path("<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path("<int:pk>/edit/", views.assessment_edit, name="assessment_edit"),
    path("<int:pk>/submit/", views.assessment_submit, name="assessment_submit"),
    path("<int:pk>/approve/", views.assessment_approve, name="assessment_approve"),
    path("<int:pk>/request-changes/", views.assessment_request_changes, name="assessment_request_changes"),
    path("<int:pk>/items/", views.item_add, name="item_add"),
    path("<int:pk>/items/<int:item_id>/edit/", views.item_edit, name="item_edit"),
    path("<int:pk>/items/<int:item_id>/remove/", views.item_remove, name="item_remove"),
    path("<int:pk>/items/<int:item_id>/raise-risk/", views.item_raise_risk, name="item_raise_risk"),
]
