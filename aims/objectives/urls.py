from django.urls import path

from aims.objectives import views

app_name = "objectives"

urlpatterns = [
    path("", views.objective_list, name="objective_list"),
]
