"""Every change to the component registers: permission, validation, write and audit event, in one transaction.

Views, API endpoints and commands call these and nothing else to change models, datasets, resources,
provenance and competences.
"""

from aims.components.actions.competences import (
    create_competence_need,
    delete_competence_need,
    update_competence_need,
)
from aims.components.actions.provenance import record_provenance_event
from aims.components.actions.registers import (
    archive_ai_model,
    archive_dataset,
    archive_resource,
    create_ai_model,
    create_dataset,
    create_resource,
    link_component_to_system,
    restore_ai_model,
    restore_dataset,
    restore_resource,
    unlink_component_from_system,
    update_ai_model,
    update_dataset,
    update_resource,
)

__all__ = [
    "archive_ai_model",
    "archive_dataset",
    "archive_resource",
    "create_ai_model",
    "create_competence_need",
    "create_dataset",
    "create_resource",
    "delete_competence_need",
    "link_component_to_system",
    "record_provenance_event",
    "restore_ai_model",
    "restore_dataset",
    "restore_resource",
    "unlink_component_from_system",
    "update_ai_model",
    "update_competence_need",
    "update_dataset",
    "update_resource",
]
