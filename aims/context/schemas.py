"""API shapes of the context registers: query parameters, input for create and patch, and output."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from aims.context.models import HELP, ContextIssue, Obligation, ScopeStatement
from aims.context.queries import ALL_STATUSES, RecordFilter
from aims.organizations.models import Organization

StatusFilter = Literal["active", "archived", "all"]
Status = Literal["active", "archived"]
IssueKind = Literal["internal", "external"]
ObligationKind = Literal["legal", "regulatory", "contractual", "voluntary"]
Applicability = Literal["applies", "does_not_apply", "under_review"]
Category = Literal[
    "legal", "technological", "economic", "social", "environmental", "climate_change", "political",
    "organisational", "people", "ethical", "other",
]  # fmt: skip
PartyKind = Literal[
    "customers", "users", "affected_people", "employees", "regulators", "suppliers", "investors", "society",
    "other",
]  # fmt: skip
SYSTEMS = "References of the organisation's AI systems this record concerns (A.4.2)."
OWNER = "The owner's e-mail address. " + HELP["owner"]


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class ListQuery(OrganizationParam):
    q: str = Field("", max_length=200, description="Search in reference, title and description.")
    status: StatusFilter = Field("active", description="`active` (default), `archived` or `all`.")
    ai_system: int | None = Field(None, description="Only records linked to this AI system (its id).")

    def base(self, sort: str, kind: str = "", choice: str = "") -> RecordFilter:
        status = ALL_STATUSES if self.status == "all" else self.status
        return RecordFilter(
            q=self.q.strip(), kind=kind, choice=choice, status=status, ai_system_id=self.ai_system, sort=sort
        )


class IssueQuery(ListQuery):
    kind: IssueKind | None = None
    category: Category | None = None
    climate: bool | None = Field(None, description="Only climate-related (true) or other (false) issues.")
    ordering: Literal[
        "reference", "-reference", "title", "-title", "category", "-category", "review", "-review"
    ] = "reference"

    def record_filter(self) -> RecordFilter:
        wanted = self.base(self.ordering, self.kind or "", self.category or "")
        return RecordFilter(**{**wanted.__dict__, "climate": self.climate})


class ObligationQuery(ListQuery):
    kind: ObligationKind | None = None
    applicability: Applicability | None = None
    ordering: Literal[
        "reference", "-reference", "title", "-title", "source", "-source", "review", "-review"
    ] = "reference"

    def record_filter(self) -> RecordFilter:
        return self.base(self.ordering, self.kind or "", self.applicability or "")


class PartyQuery(ListQuery):
    kind: PartyKind | None = None
    ordering: Literal["name", "-name", "kind", "-kind", "updated", "-updated"] = "name"

    def record_filter(self) -> RecordFilter:
        return self.base(self.ordering, self.kind or "")


class IssueIn(Schema):
    reference: str = Field("", max_length=40, description=HELP["reference"] + " Empty: the next ISS number.")
    kind: IssueKind = Field(..., description=HELP["kind_issue"])
    category: Category = Field(..., description=HELP["category"])
    title: str = Field(..., min_length=1, max_length=200)
    description: str = ""
    effect_on_aims: str = Field("", description=HELP["effect_on_aims"])
    is_climate_related: bool = Field(False, description=HELP["is_climate_related"])
    ai_systems: list[str] = Field(default_factory=list, description=SYSTEMS)
    owner: str | None = Field(None, max_length=254, description=OWNER)
    review_on: date | None = Field(None, description=HELP["review_on"])
    status: Status = "active"


class IssuePatch(Schema):
    reference: str | None = Field(None, min_length=1, max_length=40)
    kind: IssueKind | None = None
    category: Category | None = None
    title: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = None
    effect_on_aims: str | None = None
    is_climate_related: bool | None = None
    ai_systems: list[str] | None = Field(None, description=SYSTEMS)
    owner: str | None = Field(None, max_length=254, description=OWNER)
    review_on: date | None = None
    status: Status | None = None


class ObligationIn(Schema):
    reference: str = Field("", max_length=40, description=HELP["reference"] + " Empty: the next OBL number.")
    kind: ObligationKind = Field(..., description=HELP["kind_obligation"])
    title: str = Field(..., min_length=1, max_length=200)
    source: str = Field(..., min_length=1, max_length=200, description=HELP["source"])
    jurisdiction: str = Field("", max_length=100, description=HELP["jurisdiction"])
    description: str = ""
    applicability: Applicability = Field("under_review", description=HELP["applicability"])
    applicability_rationale: str = Field("", description=HELP["applicability_rationale"])
    ai_systems: list[str] = Field(default_factory=list, description=SYSTEMS)
    owner: str | None = Field(None, max_length=254, description=OWNER)
    review_on: date | None = Field(None, description=HELP["review_on"])
    status: Status = "active"


class ObligationPatch(Schema):
    reference: str | None = Field(None, min_length=1, max_length=40)
    kind: ObligationKind | None = None
    title: str | None = Field(None, min_length=1, max_length=200)
    source: str | None = Field(None, min_length=1, max_length=200)
    jurisdiction: str | None = Field(None, max_length=100)
    description: str | None = None
    applicability: Applicability | None = None
    applicability_rationale: str | None = None
    ai_systems: list[str] | None = Field(None, description=SYSTEMS)
    owner: str | None = Field(None, max_length=254, description=OWNER)
    review_on: date | None = None
    status: Status | None = None


class RecordOut(Schema):
    id: int
    organization: str = Field(..., alias="organization.slug")
    reference: str
    title: str
    description: str
    owner: str | None = None
    review_on: date | None
    status: str
    ai_systems: list[str]
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_owner(obj: ContextIssue | Obligation) -> str | None:
        return obj.owner.email if obj.owner else None

    @staticmethod
    def resolve_ai_systems(obj: ContextIssue | Obligation) -> list[str]:
        return [system.reference for system in obj.ai_systems.all()]


class IssueOut(RecordOut):
    kind: str
    category: str
    effect_on_aims: str
    is_climate_related: bool


class ObligationOut(RecordOut):
    kind: str
    source: str
    jurisdiction: str
    applicability: str
    applicability_rationale: str


class PartyIn(Schema):
    name: str = Field(..., min_length=1, max_length=200, description=HELP["party_name"])
    kind: PartyKind = Field(..., description=HELP["kind_party"])
    description: str = ""
    status: Status = "active"


class PartyPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    kind: PartyKind | None = None
    description: str | None = None
    status: Status | None = None


class PartyOut(Schema):
    id: int
    organization: str = Field(..., alias="organization.slug")
    name: str
    kind: str
    description: str
    status: str


class RequirementIn(Schema):
    description: str = Field(..., min_length=1, description=HELP["req_description"])
    is_addressed: bool = Field(True, description=HELP["is_addressed"])
    rationale: str = Field(..., min_length=1, description=HELP["rationale"])
    obligation: int | None = Field(None, description="The id of the obligation it comes from, if any.")


class RequirementPatch(Schema):
    description: str | None = Field(None, min_length=1)
    is_addressed: bool | None = None
    rationale: str | None = Field(None, min_length=1)
    obligation: int | None = None


class RequirementOut(Schema):
    id: int
    party: int = Field(..., alias="party_id")
    description: str
    is_addressed: bool
    rationale: str
    obligation: int | None = Field(None, alias="obligation_id")


class ExclusionSchema(Schema):
    what: str = Field(..., min_length=1, max_length=300, description=HELP["what"])
    reason: str = Field(..., min_length=1, description=HELP["reason"])


class ScopeIn(Schema):
    """What is left out is copied from the latest version."""

    boundaries: str | None = Field(None, description=HELP["boundaries"])
    ai_roles: list[Organization.AIRole] | None = Field(None, description=HELP["ai_roles"])
    exclusions: list[ExclusionSchema] | None = None


class ScopeOut(Schema):
    id: int
    version: int
    state: str
    boundaries: str
    ai_roles: list[str]
    systems_in_scope: list[str] = Field(..., description="AI systems in scope when this version was saved.")
    exclusions: list[ExclusionSchema]
    author: str | None = None
    approved_by: str | None = None
    approved_at: datetime | None
    created_at: datetime

    @staticmethod
    def resolve_exclusions(scope: ScopeStatement) -> list[dict[str, str]]:
        return [{"what": e.what, "reason": e.reason} for e in scope.exclusions.all()]

    @staticmethod
    def resolve_author(scope: ScopeStatement) -> str | None:
        return scope.author.email if scope.author else None

    @staticmethod
    def resolve_approved_by(scope: ScopeStatement) -> str | None:
        return scope.approved_by.email if scope.approved_by else None


class ScopeOverview(Schema):
    current: ScopeOut | None = Field(None, description="The latest approved version.")
    versions: list[ScopeOut] = Field(..., description="Every version, newest first (up to 50).")
    systems_in_scope_now: list[str] = Field(
        ..., description="AI systems marked in scope in the inventory now."
    )
