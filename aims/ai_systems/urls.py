from django.urls import path

from aims.ai_systems import views

app_name = "ai_systems"

urlpatterns = [
    path("", views.system_list, name="system_list"),
    path("new/", views.system_create, name="system_create"),
    path("<int:pk>/", views.system_detail, name="system_detail"),
    path("<int:pk>/edit/", views.system_edit, name="system_edit"),
    path("<int:pk>/stage/", views.system_stage_change, name="system_stage_change"),
    path("<int:pk>/archive/", views.system_archive, name="system_archive"),
    path("<int:pk>/restore/", views.system_restore, name="system_restore"),
]
