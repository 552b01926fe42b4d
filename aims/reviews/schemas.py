"""API shapes of management reviews: query parameters, inputs for create, patch and transitions, outputs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema

from aims.reviews.models import HELP, ManagementReview, ReviewAction, ReviewAttendee
from aims.reviews.registry import ReviewSection

ReviewStatus = Literal["planned", "held", "approved", "cancelled"]
ActionStatus = Literal["open", "done", "cancelled", "overdue"]
DecisionKind = Literal["improvement", "change", "resources", "other"]
MEMBER = "The email of a member of the organisation."


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class ReviewQuery(OrganizationParam):
    status: ReviewStatus | None = None


class PeriodQuery(OrganizationParam):
    start: date = Field(..., description="The first day of the period.")
    end: date = Field(..., description="The last day of the period.")


class ActionQuery(OrganizationParam):
    status: ActionStatus | None = Field(
        None, description="open, done, cancelled, or overdue (open past due)."
    )
    owner: str | None = Field(None, max_length=254, description="Only actions of this member (email).")
    review: str | None = Field(None, max_length=20, description="Only actions of this review (MR-0001).")


class ReviewIn(Schema):
    title: str = Field(..., min_length=1, max_length=200, description=HELP["title"])
    planned_on: date = Field(..., description=HELP["planned_on"])
    place: str = Field("", max_length=200, description=HELP["place"])
    chair: str | None = Field(None, max_length=254, description=MEMBER)
    period_start: date | None = Field(None, description=HELP["period_start"])
    period_end: date | None = Field(None, description=HELP["period_end"])


class ReviewPatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    planned_on: date | None = None
    place: str | None = Field(None, max_length=200)
    chair: str | None = Field(None, max_length=254, description=MEMBER)
    period_start: date | None = None
    period_end: date | None = None


class HoldIn(Schema):
    held_on: date | None = Field(None, description="The day of the meeting; today if omitted.")


class ReasonIn(Schema):
    reason: str = Field(..., min_length=1)


class AttendeeIn(Schema):
    user: str | None = Field(None, max_length=254, description=MEMBER + " Or give `name`.")
    name: str = Field("", max_length=200, description=HELP["attendee_name"])
    meeting_role: str = Field("", max_length=100, description=HELP["meeting_role"])
    is_top_management: bool = Field(False, description=HELP["is_top_management"])
    attendance: Literal["present", "apologies"] = "present"


class AttendeeOut(Schema):
    id: int
    name: str
    user: str | None = None
    meeting_role: str
    is_top_management: bool
    attendance: str

    @staticmethod
    def resolve_name(obj: ReviewAttendee) -> str:
        return obj.display_name

    @staticmethod
    def resolve_user(obj: ReviewAttendee) -> str | None:
        return obj.user.email if obj.user else None


class DiscussionIn(Schema):
    section_key: str = Field(..., max_length=40, description='The input section, such as "risks".')
    notes: str = ""


class DecisionIn(Schema):
    kind: DecisionKind = Field(..., description=HELP["decision_kind"])
    text: str = Field(..., min_length=1, description=HELP["decision_text"])


class DecisionOut(Schema):
    id: int
    number: int
    kind: str
    text: str
    created_at: datetime


class ActionIn(Schema):
    description: str = Field(..., min_length=1, description=HELP["action_description"])
    owner: str | None = Field(None, max_length=254, description=MEMBER)
    due_on: date | None = Field(None, description=HELP["action_due_on"])
    decision: int | None = Field(None, description="The number of the review's decision it carries out.")


class ActionPatch(Schema):
    description: str | None = Field(None, min_length=1)
    owner: str | None = Field(None, max_length=254, description=MEMBER)
    due_on: date | None = None
    notes: str | None = None


class CompleteIn(Schema):
    done_on: date | None = Field(None, description="Today if omitted.")
    notes: str = ""


class ActionOut(Schema):
    id: int
    reference: str
    review: str
    decision: int | None = None
    description: str
    owner: str | None = None
    due_on: date | None
    status: str
    is_overdue: bool
    done_on: date | None
    notes: str

    @staticmethod
    def resolve_review(obj: ReviewAction) -> str:
        return obj.review.reference

    @staticmethod
    def resolve_decision(obj: ReviewAction) -> int | None:
        return obj.decision.number if obj.decision else None

    @staticmethod
    def resolve_owner(obj: ReviewAction) -> str | None:
        return obj.owner.email if obj.owner else None


class RowOut(Schema):
    reference: str
    title: str
    status: str
    url: str
    note: str


class SectionOut(Schema):
    key: str
    title: str
    clause: str
    figures: list[tuple[str, int | str]]
    rows: list[RowOut]
    empty: str
    notes: str = ""

    @staticmethod
    def of(section: ReviewSection, notes: str = "") -> dict[str, Any]:
        return {
            "key": section.key, "title": section.title, "clause": section.clause,
            "figures": [list(f) for f in section.figures], "rows": [vars(r) for r in section.rows],
            "empty": section.empty, "notes": notes,
        }  # fmt: skip


class InputsOut(Schema):
    frozen: bool
    sha256: str = Field("", description="The SHA-256 of the frozen inputs; empty while compiled live.")
    verifies: bool | None = None
    period_start: date
    period_end: date
    sections: list[SectionOut]


class ReviewOut(Schema):
    id: int
    organization: str
    reference: str
    title: str
    period_start: date
    period_end: date
    planned_on: date
    place: str
    chair: str | None = None
    status: str
    held_on: date | None
    inputs_sha256: str
    inputs_frozen_at: datetime | None
    minutes_approved_by: str | None = None
    minutes_approved_at: datetime | None
    cancel_reason: str
    created_at: datetime

    @staticmethod
    def resolve_organization(obj: ManagementReview) -> str:
        return obj.organization.slug

    @staticmethod
    def resolve_chair(obj: ManagementReview) -> str | None:
        return obj.chair.email if obj.chair else None

    @staticmethod
    def resolve_minutes_approved_by(obj: ManagementReview) -> str | None:
        return obj.minutes_approved_by.email if obj.minutes_approved_by else None
