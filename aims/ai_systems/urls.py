from django.urls import path

from aims.ai_systems import views

app_name = "ai_systems"

urlpatterns = [
    path("", views.system_list, name="system_list"),
]
