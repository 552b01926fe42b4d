from django.urls import path

from aims.components import views

app_name = "components"

urlpatterns = [
    path("", views.model_list, name="model_list"),
]
