"""HTML pages of the risk register. Each parses its form and calls one action."""

from aims.risks.views.criteria import criteria, criteria_approve, criteria_discard
from aims.risks.views.register import heat_maps, risk_create, risk_detail, risk_edit, risk_list, risk_report
from aims.risks.views.steps import (
    action_complete,
    action_create,
    risk_accept,
    risk_assess,
    risk_close,
    risk_reopen,
    risk_treat,
)

__all__ = [
    "action_complete",
    "action_create",
    "criteria",
    "criteria_approve",
    "criteria_discard",
    "heat_maps",
    "risk_accept",
    "risk_assess",
    "risk_close",
    "risk_create",
    "risk_detail",
    "risk_edit",
    "risk_list",
    "risk_reopen",
    "risk_report",
    "risk_treat",
]
