"""Every change to the risk register: permission, validation, write and audit event, in one transaction.

The HTML pages, the API, the CLI and the demo all call these; nothing else writes risks.
"""

from aims.risks.actions.criteria import (
    approve_criteria,
    current_criteria,
    discard_criteria_draft,
    draft_criteria,
    ensure_default_criteria,
)
from aims.risks.actions.register import (
    RISK_FIELDS,
    assess_risk,
    close_risk,
    identify_risk,
    reopen_risk,
    update_risk,
)
from aims.risks.actions.treatment import (
    accept_risk,
    add_treatment_action,
    complete_treatment_action,
    plan_treatment,
)

__all__ = [
    "RISK_FIELDS",
    "accept_risk",
    "add_treatment_action",
    "approve_criteria",
    "assess_risk",
    "close_risk",
    "complete_treatment_action",
    "current_criteria",
    "discard_criteria_draft",
    "draft_criteria",
    "ensure_default_criteria",
    "identify_risk",
    "plan_treatment",
    "reopen_risk",
    "update_risk",
]
