from django.urls import path

from aims.impact_assessments import views

app_name = "impact_assessments"

urlpatterns = [
    path("", views.assessment_list, name="assessment_list"),
]
