"""Every change to nonconformities, corrective actions and improvement opportunities. Each checks who acts,
validates before writing and records an audit event inside its transaction."""

from aims.improvement.actions._common import require_decider, require_editor
from aims.improvement.actions.corrective import (
    ACTION_FIELDS,
    add_corrective_action,
    cancel_corrective_action,
    complete_corrective_action,
    update_corrective_action,
)
from aims.improvement.actions.nonconformities import (
    NC_FIELDS,
    close_nonconformity,
    latest_check,
    raise_nonconformity,
    record_correction,
    record_root_cause,
    reopen_nonconformity,
    request_verification,
    update_nonconformity,
    verifier_conflict,
    verify_effectiveness,
)
from aims.improvement.actions.opportunities import (
    OPPORTUNITY_FIELDS,
    complete_opportunity,
    decide_opportunity,
    record_opportunity,
    start_opportunity,
    update_opportunity,
)

__all__ = [
    "ACTION_FIELDS",
    "NC_FIELDS",
    "OPPORTUNITY_FIELDS",
    "add_corrective_action",
    "cancel_corrective_action",
    "close_nonconformity",
    "complete_corrective_action",
    "complete_opportunity",
    "decide_opportunity",
    "latest_check",
    "raise_nonconformity",
    "record_correction",
    "record_opportunity",
    "record_root_cause",
    "reopen_nonconformity",
    "request_verification",
    "require_decider",
    "require_editor",
    "start_opportunity",
    "update_corrective_action",
    "update_nonconformity",
    "update_opportunity",
    "verifier_conflict",
    "verify_effectiveness",
]
