from django.urls import path

from aims.third_parties import views

app_name = "third_parties"

urlpatterns = [
    path("", views.party_list, name="party_list"),
    path("new/", views.party_create, name="party_create"),
    path("<int:pk>/", views.party_detail, name="party_detail"),
    path("<int:pk>/edit/", views.party_update, name="party_update"),
    path("<int:pk>/archive/", views.party_archive, name="party_archive"),
    path("<int:pk>/relationships/new/", views.relationship_create, name="relationship_create"),
    path("<int:pk>/due-diligence/new/", views.due_diligence_create, name="due_diligence_create"),
    path("relationships/<int:pk>/edit/", views.relationship_update, name="relationship_update"),
    path("relationships/<int:pk>/end/", views.relationship_end, name="relationship_end"),
    path(
        "relationships/<int:pk>/responsibilities/",
        views.responsibilities_edit,
        name="responsibilities_edit",
    ),
]
