"""API shapes of the AI policy: query parameters, input and output."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from aims.policies.models import HELP, CommitmentRecord, PolicyReview

Outcome = Literal["no_change", "update_needed", "major_revision", "withdrawn"]
CommitmentKind = Literal[
    "signed_statement", "resources_allocated", "roles_assigned", "management_review", "communication", "other"
]


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class ReviewQuery(OrganizationParam):
    outcome: Outcome | None = None
    q: str = Field("", max_length=200, description="Search in the findings and the document's title.")


class CommitmentQuery(OrganizationParam):
    kind: CommitmentKind | None = None
    q: str = Field("", max_length=200, description="Search in the description.")


class VersionOut(Schema):
    id: int
    number: int
    state: str
    published_at: datetime | None


class PolicyOut(Schema):
    """The AI policy's document and where its versions stand; null fields when there is none yet."""

    exists: bool
    document_id: int | None = None
    reference: str | None = None
    title: str | None = None
    status: str | None = None
    next_review_on: date | None = None
    current_version: VersionOut | None = Field(None, description="The published version in force.")
    version_in_progress: VersionOut | None = Field(
        None, description="A draft, in review, changes requested or approved version."
    )


class AlignedIn(Schema):
    document: int = Field(..., description="The id of the other policy document. " + HELP["aligned_document"])
    note: str = Field(..., min_length=1, description=HELP["note"])


class AlignedOut(Schema):
    id: int
    document: int = Field(..., alias="document_id")
    reference: str = Field(..., alias="document.reference")
    title: str = Field(..., alias="document.title")
    note: str
    linked_at: datetime


class ReviewIn(Schema):
    document: int | None = Field(None, description="The reviewed document's id; by default the AI policy.")
    version: int | None = Field(
        None, description="The reviewed version's number; by default the one in force."
    )
    reviewed_on: date = Field(..., description=HELP["reviewed_on"])
    reviewers: list[str] = Field(
        ..., min_length=1, description="E-mail addresses of the reviewers (members)."
    )
    outcome: Outcome = Field(..., description=HELP["outcome"])
    findings: str = Field(..., min_length=1, description=HELP["findings"])
    next_review_on: date | None = Field(None, description=HELP["next_review_on"])


class ReviewOut(Schema):
    id: int
    document: int = Field(..., alias="document_id")
    reference: str = Field(..., alias="document.reference")
    version: int | None = None
    reviewed_on: date
    reviewers: list[str]
    outcome: str
    findings: str
    next_review_on: date | None
    recorded_at: datetime

    @staticmethod
    def resolve_version(review: PolicyReview) -> int | None:
        return review.version.number if review.version else None

    @staticmethod
    def resolve_reviewers(review: PolicyReview) -> list[str]:
        return sorted(person.email for person in review.reviewers.all())


class CommitmentIn(Schema):
    kind: CommitmentKind = Field(..., description=HELP["commitment_kind"])
    member: str = Field(..., max_length=254, description="The member's e-mail address. " + HELP["member"])
    occurred_on: date = Field(..., description=HELP["occurred_on"])
    description: str = Field(..., min_length=1, description=HELP["commitment_description"])
    link: str = Field("", max_length=500, description=HELP["link"])


class CommitmentOut(Schema):
    id: int
    kind: str
    member: str | None = None
    occurred_on: date
    description: str
    link: str
    recorded_at: datetime

    @staticmethod
    def resolve_member(record: CommitmentRecord) -> str | None:
        return record.member.email if record.member else None
