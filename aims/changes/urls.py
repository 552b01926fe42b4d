from django.urls import path

from aims.changes import views

app_name = "changes"

urlpatterns = [
    path("", views.change_list, name="change_list"),
    path("new/", views.change_create, name="change_create"),
    path("<int:pk>/", views.change_detail, name="change_detail"),
    path("<int:pk>/edit/", views.change_edit, name="change_edit"),
    path("<int:pk>/submit/", views.change_submit, name="change_submit"),
    path("<int:pk>/decide/", views.change_decide, name="change_decide"),
    path("<int:pk>/implement/", views.change_implement, name="change_implement"),
    path("<int:pk>/cancel/", views.change_cancel, name="change_cancel"),
]
