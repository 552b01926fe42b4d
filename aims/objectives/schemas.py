"""API shapes of AI objectives and their plans: query parameters, input for create, patch and transitions,
output."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from aims.objectives.models import HELP, Objective, ObjectivePlanItem
from aims.objectives.queries import progress_of

Status = Literal["draft", "active", "achieved", "not_achieved", "withdrawn"]
Direction = Literal["at_least", "at_most"]
OWNER = "The email of the member accountable for it."
ANNEX_C = "Annex C objectives it relates to, by ID (e.g. C.2.5)."


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class ObjectiveQuery(OrganizationParam):
    q: str = Field("", max_length=200, description="Search in reference, title and description.")
    status: Status | None = None
    owner: str | None = Field(None, max_length=254, description="Only objectives of this owner (email).")


class ObjectiveIn(Schema):
    title: str = Field(..., min_length=1, max_length=200, description=HELP["title"])
    description: str = Field("", description=HELP["description"])
    serves_policy: bool = Field(False, description="Whether it serves the organisation's AI policy.")
    policy_statement: str = Field("", description=HELP["policy_statement"])
    annex_c: list[str] = Field(default_factory=list, description=ANNEX_C)
    owner: str | None = Field(None, max_length=254, description=OWNER)
    metric: str | None = Field(None, max_length=20, description="The reference of the metric (MET-001).")
    manual_measure: str = Field("", description=HELP["manual_measure"])
    baseline: Decimal | None = Field(None, description=HELP["baseline"])
    target_value: Decimal | None = Field(None, description=HELP["target_value"])
    unit: str = Field("", max_length=30, description=HELP["unit"])
    direction: Direction = Field("at_least", description=HELP["direction"])
    due_on: date | None = Field(None, description=HELP["due_on"])
    evaluation: str = Field("", description=HELP["evaluation"])


class ObjectivePatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = None
    serves_policy: bool | None = None
    policy_statement: str | None = None
    annex_c: list[str] | None = Field(None, description=ANNEX_C)
    owner: str | None = Field(None, max_length=254, description=OWNER)
    metric: str | None = Field(None, max_length=20)
    manual_measure: str | None = None
    baseline: Decimal | None = None
    target_value: Decimal | None = None
    unit: str | None = Field(None, max_length=30)
    direction: Direction | None = None
    due_on: date | None = None
    evaluation: str | None = None


class OutcomeIn(Schema):
    achieved: bool
    note: str = Field(..., min_length=1, description="What the evaluation found.")


class WithdrawIn(Schema):
    reason: str = Field(..., min_length=1)


class PlanItemIn(Schema):
    what: str = Field(..., min_length=1, max_length=300)
    resources: str = ""
    responsible: str | None = Field(None, max_length=254, description="The email of the member who does it.")
    due_on: date | None = None


class PlanItemPatch(Schema):
    what: str | None = Field(None, min_length=1, max_length=300)
    resources: str | None = None
    responsible: str | None = Field(None, max_length=254)
    due_on: date | None = None


class PlanItemOut(Schema):
    id: int
    what: str
    resources: str
    responsible: str | None = None
    due_on: date | None
    is_done: bool
    done_on: date | None

    @staticmethod
    def resolve_responsible(obj: ObjectivePlanItem) -> str | None:
        return obj.responsible.email if obj.responsible else None


class ObjectiveOut(Schema):
    id: int
    organization: str
    reference: str
    title: str
    description: str
    serves_policy: bool
    policy_statement: str
    annex_c: list[str]
    owner: str | None = None
    metric: str | None = None
    manual_measure: str
    baseline: Decimal | None
    target_value: Decimal | None
    unit: str
    direction: str
    due_on: date | None
    evaluation: str
    status: str
    latest_value: Decimal | None = Field(None, description="The metric's latest value.")
    progress: str = Field("", description="met, on_track, at_risk or unknown, while the objective is open.")
    outcome_note: str
    outcome_on: date | None
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_organization(obj: Objective) -> str:
        return obj.organization.slug

    @staticmethod
    def resolve_serves_policy(obj: Objective) -> bool:
        return obj.policy_id is not None

    @staticmethod
    def resolve_annex_c(obj: Objective) -> list[str]:
        return [i.ref for i in sorted(obj.annex_c.all(), key=lambda i: i.position)]

    @staticmethod
    def resolve_owner(obj: Objective) -> str | None:
        return obj.owner.email if obj.owner else None

    @staticmethod
    def resolve_metric(obj: Objective) -> str | None:
        return obj.metric.reference if obj.metric else None

    @staticmethod
    def resolve_progress(obj: Objective) -> str:
        return progress_of(obj)
