"""Every state change of the people app, one function each: permission, validation, write, audit."""

from aims.people.actions.communication import add_plan_item, log_communication, update_plan_item
from aims.people.actions.competence import (
    can_record_training_for,
    create_competence,
    record_training,
    update_competence,
)
from aims.people.actions.concerns import (
    assign_investigator,
    close_concern,
    disable_public_link,
    enable_public_link,
    find_public_link,
    report_anonymous_concern,
    report_concern,
)
from aims.people.actions.roles import (
    assign_role,
    clear_raci,
    create_role,
    end_assignment,
    member_by_email,
    set_raci,
    update_role,
)

__all__ = [
    "add_plan_item",
    "assign_investigator",
    "assign_role",
    "can_record_training_for",
    "clear_raci",
    "close_concern",
    "create_competence",
    "create_role",
    "disable_public_link",
    "enable_public_link",
    "end_assignment",
    "find_public_link",
    "log_communication",
    "member_by_email",
    "record_training",
    "report_anonymous_concern",
    "report_concern",
    "set_raci",
    "update_competence",
    "update_plan_item",
    "update_role",
]
