"""HTML views of the third-party register (A.10)."""

from aims.third_parties.views.parties import (
    party_archive,
    party_create,
    party_detail,
    party_list,
    party_update,
)
from aims.third_parties.views.relationships import (
    due_diligence_create,
    relationship_create,
    relationship_end,
    relationship_update,
    responsibilities_edit,
)

__all__ = [
    "due_diligence_create",
    "party_archive",
    "party_create",
    "party_detail",
    "party_list",
    "party_update",
    "relationship_create",
    "relationship_end",
    "relationship_update",
    "responsibilities_edit",
]
