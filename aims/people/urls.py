from django.urls import path

from aims.people import views

app_name = "people"

urlpatterns = [
    path("", views.role_list, name="role_list"),
    path("roles/new/", views.role_create, name="role_create"),
    path("roles/<int:pk>/", views.role_detail, name="role_detail"),
    path("roles/<int:pk>/edit/", views.role_edit, name="role_edit"),
    path("roles/<int:pk>/assign/", views.role_assign, name="role_assign"),
    path("assignments/<int:pk>/end/", views.assignment_end, name="assignment_end"),
    path("raci/", views.raci_matrix, name="raci_matrix"),
    path("raci/set/", views.raci_set, name="raci_set"),
    path("raci/<int:pk>/clear/", views.raci_clear, name="raci_clear"),
    path("concerns/", views.concern_list, name="concern_list"),
    path("concerns/new/", views.concern_create, name="concern_create"),
    path("concerns/<int:pk>/", views.concern_detail, name="concern_detail"),
    path("concerns/<int:pk>/update/", views.concern_update, name="concern_update"),
    path("concerns/public-link/", views.public_link, name="public_link"),
    path("competences/", views.competence_list, name="competence_list"),
    path("competences/new/", views.competence_create, name="competence_create"),
    path("competences/<int:pk>/edit/", views.competence_edit, name="competence_edit"),
    path("competences/matrix/", views.competence_matrix, name="competence_matrix"),
    path("training/", views.training_list, name="training_list"),
    path("training/new/", views.training_create, name="training_create"),
    path("training/<int:pk>/evidence/", views.training_evidence, name="training_evidence"),
    path("ai-literacy/", views.literacy, name="literacy"),
    path("communication/", views.plan_list, name="plan_list"),
    path("communication/new/", views.plan_create, name="plan_create"),
    path("communication/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("communication/log/", views.log_list, name="log_list"),
    path("communication/log/new/", views.log_create, name="log_create"),
]
