"""Every change to controlled documents: permission, validation, write and audit event, in one transaction.

The HTML pages, the API, the CLI, the demo and other apps (acknowledgements, the AI policy) call these;
nothing else writes documents or versions.
"""

from aims.documents.actions.common import PREFIXES, next_reference
from aims.documents.actions.documents import (
    can_mark_reviewed,
    create_document,
    mark_document_reviewed,
    update_document,
    withdraw_document,
)
from aims.documents.actions.versions import (
    SELF_APPROVAL,
    approve_version,
    create_version,
    publish_version,
    request_changes,
    submit_version,
    update_version,
)
from aims.lib.dates import add_months

__all__ = [
    "PREFIXES",
    "SELF_APPROVAL",
    "add_months",
    "approve_version",
    "can_mark_reviewed",
    "create_document",
    "create_version",
    "mark_document_reviewed",
    "next_reference",
    "publish_version",
    "request_changes",
    "submit_version",
    "update_document",
    "update_version",
    "withdraw_document",
]
