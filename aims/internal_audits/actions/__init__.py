"""Every change to internal audits, one function per user action (programmes, audits, checklists)."""

from aims.internal_audits.actions.audits import (
    AUDIT_FIELDS,
    cancel_audit,
    close_audit,
    plan_audit,
    report_audit,
    start_audit,
    update_audit,
)
from aims.internal_audits.actions.checklist import (
    add_missing_items,
    generate_checklist,
    item_url,
    raise_finding_nonconformity,
    set_result,
)
from aims.internal_audits.actions.programmes import (
    PROGRAMME_FIELDS,
    approve_programme,
    create_programme,
    update_programme,
)

__all__ = [
    "AUDIT_FIELDS",
    "PROGRAMME_FIELDS",
    "add_missing_items",
    "approve_programme",
    "cancel_audit",
    "close_audit",
    "create_programme",
    "generate_checklist",
    "item_url",
    "plan_audit",
    "raise_finding_nonconformity",
    "report_audit",
    "set_result",
    "start_audit",
    "update_audit",
    "update_programme",
]
