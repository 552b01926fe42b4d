"""API shapes of nonconformities, corrective actions, effectiveness checks and improvement opportunities:
query parameters, input for create, patch and transitions, output. Members are named by e-mail, incidents by
reference (INC-0001) and requirements by catalogue ref (A.8.4, 10.2)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from aims.improvement.models import (
    HELP,
    MAX_CAUSE_STEPS,
    OPPORTUNITY_HELP,
    CorrectiveAction,
    EffectivenessCheck,
    ImprovementOpportunity,
    Nonconformity,
)

NcSource = Literal["audit", "incident", "complaint", "monitoring", "review", "other"]
Grade = Literal["major", "minor"]
NcStatus = Literal["open", "action", "verification", "closed"]
CauseMethod = Literal["five_whys", "fishbone", "other"]
Outcome = Literal["effective", "not_effective"]
OpportunitySource = Literal["audit", "review", "monitoring", "incident", "suggestion", "other"]
OpportunityStatus = Literal["proposed", "accepted", "in_progress", "done", "declined"]
Decision = Literal["accepted", "declined"]
EMAIL = "The e-mail of a member of the organisation."
REQUIREMENT = f"{HELP['requirement']} Its ID in ISO/IEC 42001, such as 10.2 or A.8.4."


def _email(user: object) -> str | None:
    return getattr(user, "email", None)


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class NonconformityQuery(OrganizationParam):
    q: str = Field("", max_length=200, description="Search in reference, title, description and source.")
    status: NcStatus | None = None
    source: NcSource | None = None
    grade: Grade | None = None
    owner: str | None = Field(None, max_length=254, description="Only those owned by this member (e-mail).")
    overdue: bool = Field(False, description="Only those not closed and past their due date.")


class NonconformityIn(Schema):
    title: str = Field(..., min_length=1, max_length=200, description=HELP["title"])
    description: str = Field(..., min_length=1, description=HELP["description"])
    source: NcSource = Field(..., description=HELP["source"])
    grade: Grade = Field(..., description=HELP["grade"])
    source_reference: str = Field("", max_length=200, description=HELP["source_reference"])
    source_url: str = Field("", max_length=500)
    requirement: str | None = Field(None, max_length=30, description=REQUIREMENT)
    incident: str | None = Field(
        None, max_length=20, description="The incident it came from, such as INC-0001."
    )
    owner: str | None = Field(None, max_length=254, description=EMAIL)
    due_on: date | None = Field(None, description=HELP["due_on"])


class NonconformityPatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, min_length=1)
    source: NcSource | None = None
    grade: Grade | None = None
    source_reference: str | None = Field(None, max_length=200)
    source_url: str | None = Field(None, max_length=500)
    requirement: str | None = Field(None, max_length=30, description=REQUIREMENT)
    owner: str | None = Field(None, max_length=254, description=EMAIL)
    due_on: date | None = None


class CorrectionIn(Schema):
    correction: str = Field(..., min_length=1, description=HELP["correction"])
    corrected_on: date = Field(..., description=HELP["corrected_on"])
    corrected_by: str | None = Field(None, max_length=254, description=f"{EMAIL} You, when left out.")


class CauseStep(Schema):
    model_config = ConfigDict(extra="forbid")
    why: str = Field(..., min_length=1, max_length=1000)
    because: str = Field(..., min_length=1, max_length=1000)


class RootCauseIn(Schema):
    cause_method: CauseMethod = Field(..., description=HELP["cause_method"])
    cause_steps: list[CauseStep] = Field(default_factory=list, max_length=MAX_CAUSE_STEPS)
    root_cause: str = Field(..., min_length=1, description=HELP["root_cause"])
    similar_elsewhere: str = Field("", description=HELP["similar_elsewhere"])
    aims_changes: str = Field("", description=HELP["aims_changes"])


class ActionIn(Schema):
    description: str = Field(..., min_length=1)
    owner: str = Field(..., max_length=254, description=EMAIL)
    due_on: date
    notes: str = ""


class ActionPatch(Schema):
    description: str | None = Field(None, min_length=1)
    owner: str | None = Field(None, max_length=254, description=EMAIL)
    due_on: date | None = None
    notes: str | None = None


class CompleteActionIn(Schema):
    done_on: date | None = Field(None, description="The day it was done; today when left out.")
    notes: str = ""


class ReasonIn(Schema):
    reason: str = Field(..., min_length=1)


class VerifyIn(Schema):
    outcome: Outcome
    notes: str = Field(..., min_length=1, description="What was looked at and what it showed.")
    checked_on: date | None = Field(None, description="Today when left out.")


class CorrectiveActionOut(Schema):
    id: int
    description: str
    owner: str | None = None
    due_on: date
    status: str
    done_on: date | None
    notes: str
    is_overdue: bool

    @staticmethod
    def resolve_owner(obj: CorrectiveAction) -> str | None:
        return _email(obj.owner)


class CheckOut(Schema):
    round: int
    outcome: str
    checked_on: date
    notes: str
    verified_by: str | None = None

    @staticmethod
    def resolve_verified_by(obj: EffectivenessCheck) -> str | None:
        return _email(obj.verified_by)


class NonconformitySummaryOut(Schema):
    id: int
    organization: str
    reference: str
    title: str
    source: str
    source_reference: str
    grade: str
    status: str
    requirement: str | None = None
    incident: str | None = None
    owner: str | None = None
    raised_on: date
    due_on: date | None
    closed_on: date | None
    is_overdue: bool

    @staticmethod
    def resolve_organization(obj: Nonconformity) -> str:
        return obj.organization.slug

    @staticmethod
    def resolve_requirement(obj: Nonconformity) -> str | None:
        return obj.requirement.ref if obj.requirement else None

    @staticmethod
    def resolve_incident(obj: Nonconformity) -> str | None:
        return obj.incident.reference if obj.incident else None

    @staticmethod
    def resolve_owner(obj: Nonconformity) -> str | None:
        return _email(obj.owner)


class NonconformityOut(NonconformitySummaryOut):
    description: str
    source_url: str
    raised_by: str | None = None
    correction: str
    corrected_on: date | None
    corrected_by: str | None = None
    cause_method: str
    cause_steps: list[dict[str, str]]
    root_cause: str
    similar_elsewhere: str
    aims_changes: str
    verification_round: int
    actions: list[CorrectiveActionOut]
    checks: list[CheckOut]
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_raised_by(obj: Nonconformity) -> str | None:
        return _email(obj.raised_by)

    @staticmethod
    def resolve_corrected_by(obj: Nonconformity) -> str | None:
        return _email(obj.corrected_by)

    @staticmethod
    def resolve_actions(obj: Nonconformity) -> list[CorrectiveAction]:
        return list(obj.actions.all())

    @staticmethod
    def resolve_checks(obj: Nonconformity) -> list[EffectivenessCheck]:
        return list(obj.checks.all())


class OpportunityQuery(OrganizationParam):
    q: str = Field("", max_length=200)
    status: OpportunityStatus | None = None
    source: OpportunitySource | None = None


class OpportunityIn(Schema):
    title: str = Field(..., min_length=1, max_length=200, description=OPPORTUNITY_HELP["title"])
    description: str = Field(..., min_length=1, description=OPPORTUNITY_HELP["description"])
    source: OpportunitySource = Field(..., description=OPPORTUNITY_HELP["source"])
    source_reference: str = Field("", max_length=200, description=OPPORTUNITY_HELP["source_reference"])
    owner: str | None = Field(None, max_length=254, description=EMAIL)
    expected_benefit: str = Field("", description=OPPORTUNITY_HELP["expected_benefit"])


class OpportunityPatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, min_length=1)
    source: OpportunitySource | None = None
    source_reference: str | None = Field(None, max_length=200)
    owner: str | None = Field(None, max_length=254, description=EMAIL)
    expected_benefit: str | None = None


class DecideIn(Schema):
    decision: Decision
    reason: str = Field(..., min_length=1, description=OPPORTUNITY_HELP["decision_note"])


class CompleteOpportunityIn(Schema):
    outcome: str = Field(..., min_length=1, description=OPPORTUNITY_HELP["outcome"])
    completed_on: date | None = Field(None, description="Today when left out.")


class OpportunityOut(Schema):
    id: int
    organization: str
    reference: str
    title: str
    description: str
    source: str
    source_reference: str
    owner: str | None = None
    status: str
    expected_benefit: str
    outcome: str
    decided_on: date | None
    decision_note: str
    completed_on: date | None
    raised_on: date

    @staticmethod
    def resolve_organization(obj: ImprovementOpportunity) -> str:
        return obj.organization.slug

    @staticmethod
    def resolve_owner(obj: ImprovementOpportunity) -> str | None:
        return _email(obj.owner)
