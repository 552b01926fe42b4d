"""API shapes of the risk register and criteria: query parameters, input for create, patch and transitions,
and output."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema

from aims.risks.models import HELP, Risk, RiskCriteria, TreatmentAction

Kind = Literal["risk", "opportunity"]
StatusFilter = Literal["open", "all", "identified", "assessed", "treated", "accepted", "closed"]
Option = Literal["modify", "avoid", "share", "retain"]
Ordering = Literal[
    "reference", "-reference", "title", "-title", "level", "-level", "residual", "-residual",
    "review", "-review", "updated", "-updated",
]  # fmt: skip
OWNER = "The owner's e-mail address. " + HELP["owner"]
SYSTEM = "The reference of the AI system (e.g. AIS-001); null for a risk of the whole organisation."


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class RiskQuery(OrganizationParam):
    q: str = Field("", max_length=200, description="Search in reference, title and description.")
    status: StatusFilter = Field(
        "open", description="`open` (every status but closed, the default), `all`, or one status."
    )
    kind: Kind | None = None
    ai_system: str | None = Field(
        None,
        max_length=40,
        description="Only this AI system's risks (its reference); `-` for organisation-wide risks.",
    )
    level: str | None = Field(None, max_length=30, description="Inherent level key, such as `high`.")
    residual_level: str | None = Field(None, max_length=30, description="Residual level key.")
    owner: str | None = Field(None, max_length=254, description="The owner's e-mail address.")
    source: str | None = Field(None, max_length=30, description="Annex C.3 risk source ref, such as `C.3.4`.")
    due: bool = Field(
        False,
        description="Only risks due for review: past their review date, or whose AI "
        "system changed since they were assessed.",
    )
    likelihood: int | None = Field(None, ge=1, le=6)
    consequence: int | None = Field(None, ge=1, le=6)
    residual: bool = Field(False, description="Likelihood and consequence filter the residual rating.")
    ordering: Ordering = "reference"


class RiskIn(Schema):
    kind: Kind = Field("risk", description=HELP["kind"])
    ai_system: str | None = Field(None, max_length=40, description=SYSTEM)
    title: str = Field(..., min_length=1, max_length=200, description=HELP["title"])
    description: str = Field("", description=HELP["description"])
    risk_source: str | None = Field(None, max_length=30, description="Annex C.3 ref, such as `C.3.4`.")
    custom_source: str = Field("", max_length=200, description=HELP["custom_source"])
    objectives: list[str] = Field(default_factory=list, description="Annex C.2 refs, such as `C.2.5`.")
    consequence_organization: str = ""
    consequence_individuals: str = ""
    consequence_society: str = ""
    existing_controls: str = Field("", description=HELP["existing_controls"])
    owner: str | None = Field(None, max_length=254, description=OWNER)
    next_review_on: date | None = Field(None, description=HELP["next_review_on"])


class RiskPatch(Schema):
    kind: Kind | None = None
    ai_system: str | None = Field(None, max_length=40, description=SYSTEM)
    title: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = None
    risk_source: str | None = Field(None, max_length=30)
    custom_source: str | None = Field(None, max_length=200)
    objectives: list[str] | None = None
    consequence_organization: str | None = None
    consequence_individuals: str | None = None
    consequence_society: str | None = None
    existing_controls: str | None = None
    owner: str | None = Field(None, max_length=254, description=OWNER)
    next_review_on: date | None = None


class AssessIn(Schema):
    likelihood: int = Field(..., ge=1, le=6, description="On the likelihood scale of the criteria in force.")
    consequence: int = Field(
        ..., ge=1, le=6, description="On the consequence scale of the criteria in force."
    )
    note: str = ""


class TreatIn(Schema):
    option: Option = Field(..., description=HELP["treatment_option"])
    plan: str = Field(..., min_length=1, description=HELP["treatment_plan"])
    controls: list[str] = Field(
        default_factory=list, description="Control references: Annex A IDs such as `A.6.2.4` or your own."
    )
    residual_likelihood: int = Field(..., ge=1, le=6)
    residual_consequence: int = Field(..., ge=1, le=6)
    note: str = ""


class AcceptIn(Schema):
    rationale: str = Field(..., min_length=1, description="Why the residual risk is acceptable.")
    expires_on: date = Field(..., description="When the acceptance lapses (after today).")


class CloseIn(Schema):
    reason: str = Field(..., min_length=1, description="Why the risk is closed.")


class ReopenIn(Schema):
    reason: str = ""


class ActionIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    owner: str | None = Field(None, max_length=254, description="The e-mail address of a member.")
    due_on: date | None = None


class CompleteIn(Schema):
    outcome: str = ""


class ActionOut(Schema):
    id: int
    title: str
    owner: str | None = None
    due_on: date | None
    status: str
    completed_at: datetime | None
    outcome: str

    @staticmethod
    def resolve_owner(obj: TreatmentAction) -> str | None:
        return obj.owner.email if obj.owner else None


class RatingOut(Schema):
    likelihood: int
    consequence: int
    level: str
    level_label: str
    criteria_version: int


def _email(user: Any) -> str | None:
    return user.email if user is not None else None


class RiskOut(Schema):
    id: int
    organization: str
    reference: str
    kind: str
    status: str
    ai_system: str | None = None
    title: str
    description: str
    risk_source: str | None = None
    custom_source: str
    objectives: list[str]
    consequence_organization: str
    consequence_individuals: str
    consequence_society: str
    existing_controls: str
    owner: str | None = None
    next_review_on: date | None
    inherent: RatingOut | None = None
    assessed_at: datetime | None
    treatment_option: str
    treatment_plan: str
    controls: list[str]
    residual: RatingOut | None = None
    accepted_by: str | None = None
    accepted_at: datetime | None
    acceptance_rationale: str
    acceptance_expires_on: date | None
    closed_reason: str
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_organization(obj: Risk) -> str:
        """Lists annotate the slug (joining the organisation would slow the page down on SQLite)."""
        slug = getattr(obj, "organization_slug", None)
        return str(slug) if slug else obj.organization.slug

    @staticmethod
    def resolve_ai_system(obj: Risk) -> str | None:
        return obj.ai_system.reference if obj.ai_system else None

    @staticmethod
    def resolve_risk_source(obj: Risk) -> str | None:
        return obj.risk_source.ref if obj.risk_source else None

    @staticmethod
    def resolve_objectives(obj: Risk) -> list[str]:
        return [item.ref for item in obj.objectives.all()]

    @staticmethod
    def resolve_controls(obj: Risk) -> list[str]:
        return [control.reference for control in obj.controls.all()]

    @staticmethod
    def resolve_owner(obj: Risk) -> str | None:
        return _email(obj.owner)

    @staticmethod
    def resolve_accepted_by(obj: Risk) -> str | None:
        return _email(obj.accepted_by)

    @staticmethod
    def resolve_inherent(obj: Risk) -> dict[str, Any] | None:
        if obj.likelihood is None or obj.criteria is None:
            return None
        return {"likelihood": obj.likelihood, "consequence": obj.consequence, "level": obj.level_key,
                "level_label": obj.level_label, "criteria_version": obj.criteria.version}  # fmt: skip

    @staticmethod
    def resolve_residual(obj: Risk) -> dict[str, Any] | None:
        if obj.residual_likelihood is None or obj.residual_criteria is None:
            return None
        return {"likelihood": obj.residual_likelihood, "consequence": obj.residual_consequence,
                "level": obj.residual_level_key, "level_label": obj.residual_level_label,
                "criteria_version": obj.residual_criteria.version}  # fmt: skip


class ScalePointSchema(Schema):
    value: int = Field(..., ge=1, le=6)
    label: str = Field(..., min_length=1, max_length=60)
    description: str = ""


class LevelSchema(Schema):
    key: str = Field(..., min_length=1, max_length=30)
    label: str = Field(..., min_length=1, max_length=60)
    colour: str
    rank: int = Field(..., ge=1, le=6, description="1 for the lowest.")
    acceptable_by: list[str] = Field(
        default_factory=list,
        description="Roles that may accept a residual risk "
        "at this level: owner, manager, contributor; empty for never.",
    )


class CriteriaIn(Schema):
    likelihood: list[ScalePointSchema]
    consequence: list[ScalePointSchema]
    levels: list[LevelSchema]
    matrix: list[list[str]] = Field(
        ...,
        description="One row per likelihood (lowest first) of level keys, one "
        "per consequence (lowest first).",
    )
    notes: str = ""


class CriteriaOut(Schema):
    id: int
    version: int
    state: str
    notes: str
    likelihood: list[ScalePointSchema]
    consequence: list[ScalePointSchema]
    levels: list[LevelSchema]
    matrix: list[list[str]]
    approved_by: str | None = None
    approved_at: datetime | None
    created_at: datetime

    @staticmethod
    def resolve_likelihood(obj: RiskCriteria) -> list[dict[str, Any]]:
        return obj.spec().to_json()["likelihood"]

    @staticmethod
    def resolve_consequence(obj: RiskCriteria) -> list[dict[str, Any]]:
        return obj.spec().to_json()["consequence"]

    @staticmethod
    def resolve_levels(obj: RiskCriteria) -> list[dict[str, Any]]:
        return obj.spec().to_json()["levels"]

    @staticmethod
    def resolve_approved_by(obj: RiskCriteria) -> str | None:
        return _email(obj.approved_by)


class HeatCellOut(Schema):
    likelihood: int
    consequence: int
    count: int
    level_key: str
    level_label: str
    colour: str


class HeatMapOut(Schema):
    residual: bool
    criteria_version: int
    total: int
    off_scale: int = Field(..., description="Risks rated on larger scales of earlier criteria, not shown.")
    rows: list[list[HeatCellOut]] = Field(..., description="Highest likelihood first; consequence ascending.")
