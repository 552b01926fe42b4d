"""API shapes of AI systems: the list's query parameters, input for create and patch, and output."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from aims.ai_systems.models import HELP, AISystem, LifecycleStage
from aims.ai_systems.queries import ALL_STATUSES, ANY_CURRENT, SystemFilter
from aims.organizations.models import Organization

SortKey = Literal[
    "name", "-name", "reference", "-reference", "stage", "-stage", "updated", "-updated", "next_review",
    "-next_review",
]  # fmt: skip
StatusFilter = Literal["", "current", "draft", "active", "archived", "all"]
RiskClassFilter = Literal["", "unclassified", "prohibited", "high", "limited", "minimal"]
SettableStatus = Literal["draft", "active"]
Environment = Literal["", "on_premises", "cloud", "edge", "hybrid", "third_party_service"]
Automation = Literal["", "assistive", "human_approves", "human_oversees", "autonomous"]


class AISystemQuery(Schema):
    organization: str = Field(
        "", max_length=60, description="An organisation's slug. Required to register; filters the list."
    )
    q: str = Field("", max_length=200, description="Search in reference, name and purpose.")
    stage: LifecycleStage | None = Field(None, description="Life-cycle stage.")
    risk_class: RiskClassFilter = Field("", description="EU AI Act class, or `unclassified`.")
    in_scope: bool | None = Field(None, description="Inside (true) or outside (false) the AIMS scope.")
    owner: str = Field("", max_length=254, description="The owner's e-mail address.")
    status: StatusFilter = Field(
        "", description="`draft`, `active`, `archived`, or `all`; by default draft and active (`current`)."
    )
    due_for_review: bool = Field(False, description="Only systems whose next review date has come.")
    ordering: SortKey = Field(
        "name", description="name, reference, stage, updated or next_review; a leading `-` reverses."
    )

    def system_filter(self) -> SystemFilter:
        status = {"": ANY_CURRENT, "current": ANY_CURRENT, "all": ALL_STATUSES}.get(self.status, self.status)
        return SystemFilter(
            q=self.q.strip(),
            stage=self.stage.value if self.stage else "",
            risk_class=self.risk_class,
            in_scope=self.in_scope,
            owner_email=self.owner.strip(),
            status=status,
            due_for_review=self.due_for_review,
            sort=self.ordering,
        )


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The slug of the organisation to register in.")


class AISystemIn(Schema):
    reference: str = Field("", max_length=40, description=HELP["reference"])
    name: str = Field(..., min_length=1, max_length=200, description=HELP["name"])
    purpose: str = Field(..., min_length=1, description=HELP["purpose"])
    description: str = Field("", description=HELP["description"])
    intended_use: str = Field("", description=HELP["intended_use"])
    foreseeable_misuse: str = Field("", description=HELP["foreseeable_misuse"])
    ai_roles: list[Organization.AIRole] = Field(default_factory=list, description=HELP["ai_roles"])
    lifecycle_stage: LifecycleStage = Field(LifecycleStage.INCEPTION, description=HELP["lifecycle_stage"])
    deployment_environment: Environment = Field("", description=HELP["deployment_environment"])
    in_scope: bool = Field(True, description=HELP["in_scope"])
    owner: str | None = Field(None, max_length=254, description="The owner's e-mail. " + HELP["owner"])
    business_unit: str = Field("", max_length=120, description=HELP["business_unit"])
    affected_parties: str = Field("", description=HELP["affected_parties"])
    automation_level: Automation = Field("", description=HELP["automation_level"])
    human_oversight: str = Field("", description=HELP["human_oversight"])
    status: SettableStatus = Field("active", description=HELP["status"])
    next_review_on: date | None = Field(None, description=HELP["next_review_on"])


class AISystemPatch(Schema):
    """Only the fields sent change. The stage changes through POST …/stage, the status to archived through
    POST …/archive."""

    reference: str | None = Field(None, min_length=1, max_length=40, description=HELP["reference"])
    name: str | None = Field(None, min_length=1, max_length=200, description=HELP["name"])
    purpose: str | None = Field(None, min_length=1, description=HELP["purpose"])
    description: str | None = Field(None, description=HELP["description"])
    intended_use: str | None = Field(None, description=HELP["intended_use"])
    foreseeable_misuse: str | None = Field(None, description=HELP["foreseeable_misuse"])
    ai_roles: list[Organization.AIRole] | None = Field(None, description=HELP["ai_roles"])
    deployment_environment: Environment | None = Field(None, description=HELP["deployment_environment"])
    in_scope: bool | None = Field(None, description=HELP["in_scope"])
    owner: str | None = Field(None, max_length=254, description="The owner's e-mail; null for no owner.")
    business_unit: str | None = Field(None, max_length=120, description=HELP["business_unit"])
    affected_parties: str | None = Field(None, description=HELP["affected_parties"])
    automation_level: Automation | None = Field(None, description=HELP["automation_level"])
    human_oversight: str | None = Field(None, description=HELP["human_oversight"])
    status: SettableStatus | None = Field(None, description=HELP["status"])
    next_review_on: date | None = Field(None, description=HELP["next_review_on"])


class StageIn(Schema):
    stage: LifecycleStage = Field(..., description="The stage to move to. " + HELP["lifecycle_stage"])
    note: str = Field("", max_length=5000, description="Why it moves now.")


class ArchiveIn(Schema):
    reason: str = Field("", max_length=500, description="Why the system leaves the inventory.")


class AISystemOut(Schema):
    id: int
    organization: str = Field(..., alias="organization.slug")
    reference: str
    name: str
    purpose: str
    description: str
    intended_use: str
    foreseeable_misuse: str
    ai_roles: list[str]
    lifecycle_stage: str
    deployment_environment: str
    in_scope: bool
    owner: str | None = Field(None, description="The owner's e-mail.")
    business_unit: str
    affected_parties: str
    automation_level: str
    human_oversight: str
    status: str
    risk_class: str = Field(..., description="EU AI Act class from the latest classification; empty if none.")
    next_review_on: date | None
    due_for_review: bool = Field(..., alias="is_due_for_review")
    stage_changed_at: datetime | None
    stage_approved_by: str | None = Field(
        None, description="Who approved the current stage, if it needed it."
    )
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_owner(system: AISystem) -> str | None:
        return system.owner.email if system.owner else None

    @staticmethod
    def resolve_stage_approved_by(system: AISystem) -> str | None:
        return system.stage_approved_by.email if system.stage_approved_by else None


class StageChangeOut(Schema):
    id: int
    from_stage: str
    to_stage: str
    changed_by: str | None = None
    approved_by: str | None = None
    note: str
    changed_at: datetime

    @staticmethod
    def resolve_changed_by(change: object) -> str | None:
        user = getattr(change, "changed_by", None)
        return user.email if user else None

    @staticmethod
    def resolve_approved_by(change: object) -> str | None:
        user = getattr(change, "approved_by", None)
        return user.email if user else None
