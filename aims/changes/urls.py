from django.urls import path

from aims.changes import views

app_name = "changes"

urlpatterns = [
    path("", views.change_list, name="change_list"),
]
