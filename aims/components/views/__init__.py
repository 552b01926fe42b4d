"""The component pages: models, datasets and resources (one set of views for the three registers), and the
competences of AI systems."""

from aims.components.views.competences import (
    competence_create,
    competence_delete,
    competence_edit,
    competence_list,
)
from aims.components.views.components import (
    component_archive,
    component_create,
    component_detail,
    component_edit,
    component_link,
    component_list,
    component_restore,
    component_unlink,
    provenance_add,
)

__all__ = [
    "competence_create",
    "competence_delete",
    "competence_edit",
    "competence_list",
    "component_archive",
    "component_create",
    "component_detail",
    "component_edit",
    "component_link",
    "component_list",
    "component_restore",
    "component_unlink",
    "provenance_add",
]
