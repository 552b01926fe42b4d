from django.urls import path

from aims.organizations import views

app_name = "organizations"

urlpatterns = [
    path("organizations/", views.organization_list, name="organization_list"),
    path("organizations/new/", views.organization_create, name="organization_create"),
    path("invitations/<str:secret>/", views.invitation_accept, name="invitation_accept"),
    path("o/<slug:org>/", views.organization_home, name="organization_home"),
    path("o/<slug:org>/clauses/<str:clause>/", views.clause_detail, name="clause_detail"),
    path("o/<slug:org>/members/", views.member_list, name="member_list"),
    path("o/<slug:org>/members/invite/", views.member_invite, name="member_invite"),
    path("o/<slug:org>/members/<int:pk>/role/", views.member_role_change, name="member_role_change"),
    path("o/<slug:org>/members/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("o/<slug:org>/members/<int:pk>/access/", views.member_access_extend, name="member_access_extend"),
    path(
        "o/<slug:org>/members/<int:pk>/access/revoke/",
        views.member_access_revoke,
        name="member_access_revoke",
    ),
    path("o/<slug:org>/invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
]
