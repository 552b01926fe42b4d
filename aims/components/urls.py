"""/o/<org>/components/: models (the landing list), datasets, resources and competences."""

from django.urls import URLPattern, path

from aims.components import views
from aims.components.views.register import DATASETS, MODELS, RESOURCES, Register

app_name = "components"


def _register_urls(prefix: str, register: Register, list_path: str) -> list[URLPattern]:
    key, options = register.key, {"register": register}
    return [
        path(list_path, views.component_list, options, name=f"{key}_list"),
        path(f"{prefix}/new/", views.component_create, options, name=f"{key}_create"),
        path(f"{prefix}/<int:pk>/", views.component_detail, options, name=f"{key}_detail"),
        path(f"{prefix}/<int:pk>/edit/", views.component_edit, options, name=f"{key}_edit"),
        path(f"{prefix}/<int:pk>/archive/", views.component_archive, options, name=f"{key}_archive"),
        path(f"{prefix}/<int:pk>/restore/", views.component_restore, options, name=f"{key}_restore"),
        path(f"{prefix}/<int:pk>/link/", views.component_link, options, name=f"{key}_link"),
        path(
            f"{prefix}/<int:pk>/unlink/<int:system_pk>/",
            views.component_unlink,
            options,
            name=f"{key}_unlink",
        ),
    ]


urlpatterns = [
    *_register_urls("models", MODELS, ""),
    *_register_urls("datasets", DATASETS, "datasets/"),
    *_register_urls("resources", RESOURCES, "resources/"),
    path(
        "datasets/<int:pk>/provenance/",
        views.provenance_add,
        {"register": DATASETS},
        name="dataset_provenance_add",
    ),
    path("competences/", views.competence_list, name="competence_list"),
    path("competences/new/", views.competence_create, name="competence_create"),
    path("competences/<int:pk>/edit/", views.competence_edit, name="competence_edit"),
    path("competences/<int:pk>/delete/", views.competence_delete, name="competence_delete"),
]
