"""API shapes of planned changes: query parameters, input for create, patch and transitions, output."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from aims.changes.models import HELP, PlannedChange

Kind = Literal["aims", "ai_system", "process", "supplier", "organisation", "other"]
RiskLevel = Literal["low", "medium", "high"]
Status = Literal["draft", "submitted", "approved", "rejected", "implemented", "cancelled"]
SYSTEMS = "The references of the AI systems the change affects (e.g. AIS-001)."
REQUESTER = "The email of the member who asks for the change; empty: you."


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class ChangeQuery(OrganizationParam):
    q: str = Field("", max_length=200, description="Search in reference, title and what changes.")
    ai_system: str | None = Field(None, max_length=40, description="Only changes affecting this AI system.")
    status: Status | None = None
    kind: Kind | None = None
    risk_level: RiskLevel | None = None


class ChangeIn(Schema):
    title: str = Field(..., min_length=1, max_length=200, description=HELP["title"])
    description: str = Field(..., min_length=1, description=HELP["description"])
    purpose: str = Field(..., min_length=1, description=HELP["purpose"])
    kind: Kind = Field(..., description=HELP["kind"])
    ai_systems: list[str] = Field(default_factory=list, description=SYSTEMS)
    affected_processes: str = Field("", description=HELP["affected_processes"])
    risk_level: RiskLevel = Field(..., description=HELP["risk_level"])
    risk_assessment: str = Field("", description=HELP["risk_assessment"])
    resources: str = Field("", description=HELP["resources"])
    planned_on: date | None = Field(None, description=HELP["planned_on"])
    requester: str | None = Field(None, max_length=254, description=REQUESTER)


class ChangePatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, min_length=1)
    purpose: str | None = Field(None, min_length=1)
    kind: Kind | None = None
    ai_systems: list[str] | None = Field(None, description=SYSTEMS)
    affected_processes: str | None = None
    risk_level: RiskLevel | None = None
    risk_assessment: str | None = None
    resources: str | None = None
    planned_on: date | None = None
    requester: str | None = Field(None, max_length=254, description=REQUESTER)


class DecisionIn(Schema):
    note: str = Field("", description=HELP["decision_note"])


class RejectIn(Schema):
    reason: str = Field(..., description="Why the change is rejected.")


class ImplementIn(Schema):
    implemented_on: date = Field(..., description="The day the change was made.")
    note: str = Field("", description=HELP["implementation_note"])


class CancelIn(Schema):
    reason: str = Field("", description="Why the change is dropped.")


class ChangeOut(Schema):
    id: int
    organization: str
    reference: str
    title: str
    description: str
    purpose: str
    kind: str
    ai_systems: list[str]
    affected_processes: str
    risk_level: str
    risk_assessment: str
    resources: str
    planned_on: date | None
    requester: str | None = None
    status: str
    submitted_at: datetime | None
    decided_by: str | None = None
    decided_at: datetime | None
    decision_note: str
    implemented_on: date | None
    implementation_note: str
    marked_risks: list[str] = Field(description="Risks the approval marked due for reassessment.")
    marked_assessments: list[str] = Field(
        description="Impact assessments the approval marked due for reassessment."
    )
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_organization(obj: PlannedChange) -> str:
        return obj.organization.slug

    @staticmethod
    def resolve_ai_systems(obj: PlannedChange) -> list[str]:
        return sorted(s.reference for s in obj.ai_systems.all())

    @staticmethod
    def resolve_requester(obj: PlannedChange) -> str | None:
        return obj.requester.email if obj.requester else None

    @staticmethod
    def resolve_decided_by(obj: PlannedChange) -> str | None:
        return obj.decided_by.email if obj.decided_by else None

    @staticmethod
    def resolve_marked_risks(obj: PlannedChange) -> list[str]:
        return sorted(r.reference for r in obj.marked_risks.all())

    @staticmethod
    def resolve_marked_assessments(obj: PlannedChange) -> list[str]:
        return sorted(a.reference for a in obj.marked_assessments.all())
