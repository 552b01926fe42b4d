"""API shapes of impact assessments: query parameters, input for create, patch and transitions, output."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from aims.impact_assessments.models import HELP, ImpactAssessment, ImpactItem

Trigger = Literal["new_system", "significant_change", "periodic", "incident"]
Decision = Literal["", "proceed", "conditions", "do_not_proceed", "retire"]
State = Literal["draft", "in_review", "approved"]
Dimension = Literal[
    "fairness", "privacy", "safety_health", "human_rights", "economic", "environmental", "societal",
    "accessibility",
]  # fmt: skip
Effect = Literal["negative", "positive"]
Reversibility = Literal["reversible", "hard", "irreversible"]
SYSTEM = "The reference of the AI system assessed (e.g. AIS-001)."


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class AssessmentQuery(OrganizationParam):
    q: str = Field(
        "", max_length=200, description="Search in reference, system, intended use and conclusion."
    )
    ai_system: str | None = Field(None, max_length=40, description="Only this AI system's assessments.")
    state: State | None = None
    decision: Decision | None = None
    due: bool = Field(False, description="Only assessments whose next assessment date has passed.")


class AssessmentIn(Schema):
    ai_system: str = Field(..., min_length=1, max_length=40, description=SYSTEM)
    trigger: Trigger = Field(..., description=HELP["trigger"])
    trigger_details: str = Field("", description=HELP["trigger_details"])
    intended_use: str = Field("", description=HELP["intended_use"])
    foreseeable_misuse: str = Field("", description=HELP["foreseeable_misuse"])
    affected_individuals: str = Field("", description=HELP["affected_individuals"])
    affected_groups: str = Field("", description=HELP["affected_groups"])
    affected_vulnerable: str = Field("", description=HELP["affected_vulnerable"])
    affected_society: str = Field("", description=HELP["affected_society"])
    mitigations: str = Field("", description=HELP["mitigations"])
    conclusion: str = Field("", description=HELP["conclusion"])
    decision: Decision = Field("", description=HELP["decision"])
    retain_until: date | None = Field(None, description=HELP["retain_until"])
    next_assessment_on: date | None = Field(None, description=HELP["next_assessment_on"])


class AssessmentPatch(Schema):
    ai_system: str | None = Field(None, max_length=40, description=SYSTEM)
    trigger: Trigger | None = None
    trigger_details: str | None = None
    intended_use: str | None = None
    foreseeable_misuse: str | None = None
    affected_individuals: str | None = None
    affected_groups: str | None = None
    affected_vulnerable: str | None = None
    affected_society: str | None = None
    mitigations: str | None = None
    conclusion: str | None = None
    decision: Decision | None = None
    retain_until: date | None = None
    next_assessment_on: date | None = None


class ItemIn(Schema):
    dimension: Dimension
    effect: Effect = "negative"
    description: str = Field(..., min_length=1)
    affected_group: str = Field("", max_length=200)
    severity: int = Field(..., ge=1, le=4, description="1 minor … 4 severe.")
    likelihood: int = Field(..., ge=1, le=4, description="1 rare … 4 almost certain.")
    reversibility: Reversibility = "reversible"
    mitigation: str = ""


class ItemPatch(Schema):
    dimension: Dimension | None = None
    effect: Effect | None = None
    description: str | None = Field(None, min_length=1)
    affected_group: str | None = Field(None, max_length=200)
    severity: int | None = Field(None, ge=1, le=4)
    likelihood: int | None = Field(None, ge=1, le=4)
    reversibility: Reversibility | None = None
    mitigation: str | None = None


class NoteIn(Schema):
    note: str = Field("", description="A remark; for a request for changes, what should change.")


class RaiseRiskIn(Schema):
    risk: str | None = Field(
        None, max_length=20, description="An existing risk's reference to link; empty to add a new risk."
    )


class ItemOut(Schema):
    id: int
    dimension: str
    effect: str
    description: str
    affected_group: str
    severity: int
    likelihood: int
    reversibility: str
    mitigation: str
    risk: str | None = None
    risk_id: int | None = None

    @staticmethod
    def resolve_risk(obj: ImpactItem) -> str | None:
        return obj.risk.reference if obj.risk else None


class AssessmentOut(Schema):
    id: int
    organization: str
    reference: str
    ai_system: str
    trigger: str
    trigger_details: str
    intended_use: str
    foreseeable_misuse: str
    affected_individuals: str
    affected_groups: str
    affected_vulnerable: str
    affected_society: str
    mitigations: str
    conclusion: str
    decision: str
    state: str
    author: str | None = None
    submitted_at: datetime | None
    approved_by: str | None = None
    approved_at: datetime | None
    retain_until: date | None
    next_assessment_on: date | None
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_organization(obj: ImpactAssessment) -> str:
        return obj.organization.slug

    @staticmethod
    def resolve_ai_system(obj: ImpactAssessment) -> str:
        return obj.ai_system.reference

    @staticmethod
    def resolve_author(obj: ImpactAssessment) -> str | None:
        return obj.author.email if obj.author else None

    @staticmethod
    def resolve_approved_by(obj: ImpactAssessment) -> str | None:
        return obj.approved_by.email if obj.approved_by else None
