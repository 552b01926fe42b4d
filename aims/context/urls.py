from django.urls import path

from aims.context import views

app_name = "context"

urlpatterns = [
    path("", views.issue_list, name="issue_list"),
    path("issues/new/", views.issue_create, name="issue_create"),
    path("issues/<int:pk>/", views.issue_detail, name="issue_detail"),
    path("issues/<int:pk>/edit/", views.issue_edit, name="issue_edit"),
    path("obligations/", views.obligation_list, name="obligation_list"),
    path("obligations/new/", views.obligation_create, name="obligation_create"),
    path("obligations/<int:pk>/", views.obligation_detail, name="obligation_detail"),
    path("obligations/<int:pk>/edit/", views.obligation_edit, name="obligation_edit"),
    path("parties/", views.party_list, name="party_list"),
    path("parties/new/", views.party_create, name="party_create"),
    path("parties/<int:pk>/", views.party_detail, name="party_detail"),
    path("parties/<int:pk>/edit/", views.party_edit, name="party_edit"),
    path("parties/<int:pk>/requirements/new/", views.requirement_create, name="requirement_create"),
    path(
        "parties/<int:pk>/requirements/<int:requirement_id>/edit/",
        views.requirement_edit,
        name="requirement_edit",
    ),
    path(
        "parties/<int:pk>/requirements/<int:requirement_id>/remove/",
        views.requirement_remove,
        name="requirement_remove",
    ),
    path("scope/", views.scope, name="scope"),
    path("scope/<int:pk>/approve/", views.scope_approve, name="scope_approve"),
]
