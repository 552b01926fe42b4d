from django.urls import path

from aims.internal_audits import views

app_name = "internal_audits"

urlpatterns = [
    path("", views.audit_list, name="audit_list"),
]
