"""Suppliers and customers, their relationships, responsibilities and due diligence (A.10)."""

from aims.third_parties.models.choices import Outcome, Responsible
from aims.third_parties.models.due_diligence import DueDiligence
from aims.third_parties.models.parties import ThirdParty, ThirdPartyQuerySet
from aims.third_parties.models.relationships import (
    STAGE_ORDER,
    Relationship,
    RelationshipQuerySet,
    ResponsibilityAllocation,
)

__all__ = [
    "STAGE_ORDER",
    "DueDiligence",
    "Outcome",
    "Relationship",
    "RelationshipQuerySet",
    "ResponsibilityAllocation",
    "Responsible",
    "ThirdParty",
    "ThirdPartyQuerySet",
]
