"""HTML pages of the people app, one module per area."""

from aims.people.views.communication import log_create, log_list, plan_create, plan_edit, plan_list
from aims.people.views.competence import (
    competence_create,
    competence_edit,
    competence_list,
    competence_matrix,
    literacy,
    training_create,
    training_evidence,
    training_list,
)
from aims.people.views.concerns import (
    concern_create,
    concern_detail,
    concern_list,
    concern_update,
    public_link,
)
from aims.people.views.roles import (
    assignment_end,
    raci_clear,
    raci_matrix,
    raci_set,
    role_assign,
    role_create,
    role_detail,
    role_edit,
    role_list,
)

__all__ = [
    "assignment_end",
    "competence_create",
    "competence_edit",
    "competence_list",
    "competence_matrix",
    "concern_create",
    "concern_detail",
    "concern_list",
    "concern_update",
    "literacy",
    "log_create",
    "log_list",
    "plan_create",
    "plan_edit",
    "plan_list",
    "public_link",
    "raci_clear",
    "raci_matrix",
    "raci_set",
    "role_assign",
    "role_create",
    "role_detail",
    "role_edit",
    "role_list",
    "training_create",
    "training_evidence",
    "training_list",
]
