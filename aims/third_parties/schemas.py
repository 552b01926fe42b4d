"""API shapes of suppliers, customers, relationships, responsibilities and due diligence (In, Patch, Out)."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import field_validator

from aims.ai_systems.models import LifecycleStage
from aims.third_parties.models import (
    DueDiligence,
    Outcome,
    Relationship,
    ResponsibilityAllocation,
    Responsible,
    ThirdParty,
)
from aims.third_parties.queries import PartyFilter, RelationshipFilter

Sort = Literal["name", "-name", "reference", "-reference", "next_review", "-updated"]
Review = Literal["overdue", "due_30", "unscheduled"]
ORGANIZATION = Field(..., max_length=60, description="The organisation's slug.")


def plain(values: dict[str, Any]) -> dict[str, Any]:
    """Enum members as their values, lists of them too: what the actions and the audit trail take."""

    def one(value: Any) -> Any:
        if isinstance(value, list):
            return [one(item) for item in value]
        return value.value if isinstance(value, Enum) else value

    return {name: one(value) for name, value in values.items()}


def not_null(value: Any) -> Any:
    if value is None:
        raise ValueError("This field cannot be null; leave it out to keep its value.")
    return value


class ThirdPartyQuery(Schema):
    organization: str = ORGANIZATION
    q: str = Field("", max_length=100, description="Words in the name, reference or contact.")
    kind: Literal["supplier", "customer", "both"] | None = Field(
        None, description="`supplier` and `customer` include those who are both."
    )
    category: ThirdParty.Category | None = None
    status: Literal["", "prospective", "active", "archived", "any"] = Field(
        "", description="Empty: every status but archived."
    )
    review: Review | None = Field(None, description="overdue, due_30 (overdue included) or unscheduled.")
    sort: Sort = "name"

    def party_filter(self) -> PartyFilter:
        return PartyFilter(
            search=self.q.strip(),
            kind=self.kind or "",
            category=self.category.value if self.category else "",
            status=self.status,
            review=self.review or "",
            sort=self.sort,
        )


class OrganizationQuery(Schema):
    organization: str = ORGANIZATION


class ThirdPartyIn(Schema):
    reference: str = Field(..., min_length=1, max_length=40, description="Unique in the organisation.")
    name: str = Field(..., min_length=1, max_length=200)
    kind: ThirdParty.Kind = ThirdParty.Kind.SUPPLIER
    categories: list[ThirdParty.Category] = Field(default_factory=list)
    country: str = Field("", max_length=60)
    contact: str = Field("", max_length=200)
    website: str = Field("", max_length=200)
    notes: str = ""
    status: Literal["prospective", "active"] = "active"


class ThirdPartyPatch(Schema):
    """Only the fields sent change; none of them may be null."""

    reference: str | None = Field(None, min_length=1, max_length=40)
    name: str | None = Field(None, min_length=1, max_length=200)
    kind: ThirdParty.Kind | None = None
    categories: list[ThirdParty.Category] | None = None
    country: str | None = Field(None, max_length=60)
    contact: str | None = Field(None, max_length=200)
    website: str | None = Field(None, max_length=200)
    notes: str | None = None
    status: Literal["prospective", "active"] | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        return not_null(value)


class ThirdPartyOut(Schema):
    id: int
    reference: str
    name: str
    kind: str
    categories: list[str]
    country: str
    contact: str
    website: str
    notes: str
    status: str
    next_review_on: date | None = Field(
        None, description="Earliest review date of its active relationships and its next due diligence."
    )
    due_diligence_outcome: str = Field(..., description="Outcome of the latest due diligence, if any.")
    due_diligence_on: date | None
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ArchiveIn(Schema):
    reason: str = Field("", max_length=500)


class ResponsibilityItem(Schema):
    stage: LifecycleStage
    party: Responsible
    note: str = Field("", max_length=300, description="How, or how it is split; required when shared.")


class ResponsibilitiesIn(Schema):
    responsibilities: list[ResponsibilityItem] = Field(
        ..., description="One item for every life-cycle stage, in any order."
    )


class ResponsibilityOut(Schema):
    stage: str
    party: str = Field(..., description="us, them, shared or not_applicable; empty while not allocated.")
    note: str


class RelationshipQuery(Schema):
    organization: str = ORGANIZATION
    q: str = Field("", max_length=100, description="Words in the subject, contract or third party's name.")
    ai_system_id: int | None = None
    third_party_id: int | None = None
    role: Relationship.Role | None = None
    status: Relationship.Status | None = None
    review: Review | None = None

    def relationship_filter(self) -> RelationshipFilter:
        return RelationshipFilter(
            search=self.q.strip(),
            third_party_id=self.third_party_id,
            ai_system_id=self.ai_system_id,
            role=self.role.value if self.role else "",
            status=self.status.value if self.status else "",
            review=self.review or "",
        )


class RelationshipIn(Schema):
    role: Relationship.Role = Relationship.Role.SUPPLIER
    subject: str = Field(..., min_length=1, max_length=300)
    ai_system_id: int | None = Field(
        None, description="Empty for a relationship with the whole organisation."
    )
    contract_reference: str = Field("", max_length=120)
    started_on: date | None = None
    next_review_on: date | None = None
    notes: str = ""


class RelationshipPatch(Schema):
    """Only the fields sent change; `ai_system_id`, `started_on` and `next_review_on` may be null."""

    role: Relationship.Role | None = None
    subject: str | None = Field(None, min_length=1, max_length=300)
    ai_system_id: int | None = None
    contract_reference: str | None = Field(None, max_length=120)
    started_on: date | None = None
    next_review_on: date | None = None
    notes: str | None = None

    @field_validator("role", "subject", "contract_reference", "notes", mode="before")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        return not_null(value)


class EndIn(Schema):
    ended_on: date | None = Field(None, description="Today if absent; not in the future.")
    reason: str = Field("", max_length=500)


class RelationshipOut(Schema):
    id: int
    third_party_id: int
    third_party_name: str
    ai_system_id: int | None
    ai_system_reference: str | None
    role: str
    subject: str
    contract_reference: str
    started_on: date | None
    next_review_on: date | None
    notes: str
    status: str
    ended_on: date | None
    end_reason: str
    responsibilities: list[ResponsibilityOut]
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_third_party_name(obj: Relationship) -> str:
        return obj.third_party.name

    @staticmethod
    def resolve_ai_system_reference(obj: Relationship) -> str | None:
        return obj.ai_system.reference if obj.ai_system else None

    @staticmethod
    def resolve_responsibilities(obj: Relationship) -> list[ResponsibilityAllocation]:
        return list(obj.responsibilities.all())


class DueDiligenceIn(Schema):
    performed_on: date
    performed_by: str | None = Field(
        None, max_length=254, description="E-mail of the member who did the check; you, if absent."
    )
    outcome: Outcome
    findings: str = ""
    next_due_on: date | None = None


class DueDiligenceOut(Schema):
    id: int
    third_party_id: int
    relationship_id: int | None
    performed_on: date
    performed_by: str | None
    outcome: str
    findings: str
    next_due_on: date | None
    recorded_by: str | None
    created_at: datetime

    @staticmethod
    def resolve_performed_by(obj: DueDiligence) -> str | None:
        return obj.performed_by.email if obj.performed_by else None

    @staticmethod
    def resolve_recorded_by(obj: DueDiligence) -> str | None:
        return obj.recorded_by.email if obj.recorded_by else None
