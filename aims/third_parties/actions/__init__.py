"""Every change to suppliers, customers, relationships, responsibilities and due diligence: permission,
validation, write and audit event, in one transaction. HTML views, the API and the demo all call these."""

from aims.third_parties.actions.due_diligence import record_due_diligence
from aims.third_parties.actions.parties import archive_third_party, create_third_party, update_third_party
from aims.third_parties.actions.relationships import (
    create_relationship,
    end_relationship,
    update_relationship,
)
from aims.third_parties.actions.responsibilities import Allocation, set_responsibilities

__all__ = [
    "Allocation",
    "archive_third_party",
    "create_relationship",
    "create_third_party",
    "end_relationship",
    "record_due_diligence",
    "set_responsibilities",
    "update_relationship",
    "update_third_party",
]
