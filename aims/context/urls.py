from django.urls import path

from aims.context import views

app_name = "context"

urlpatterns = [
    path("", views.issue_list, name="issue_list"),
]
