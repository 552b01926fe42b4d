"""Reads for the review pages, the API, the CLI and the minutes; each a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.organizations.models import Organization
from aims.reviews.inputs import compile_inputs, sections_from_json
from aims.reviews.models import (
    ManagementReview,
    ReviewAction,
    ReviewAttendee,
    ReviewDecision,
    ReviewDiscussion,
)
from aims.reviews.registry import Period, ReviewSection

OVERDUE = "overdue"
HISTORY_LABELS = {
    "review.planned": "planned the review",
    "review.updated": "changed the plan",
    "review.attendee_added": "added an attendee",
    "review.attendee_removed": "removed an attendee",
    "review.discussion_saved": "wrote discussion notes",
    "review.decision_recorded": "recorded a decision",
    "review.held": "recorded the meeting as held and froze its inputs",
    "review.minutes_approved": "approved the minutes",
    "review.cancelled": "cancelled the meeting",
}


def reviews_for(organization: Organization, status: str = "") -> QuerySet[ManagementReview]:
    records = ManagementReview.objects.filter(organization=organization)
    if status:
        records = records.filter(status=status)
    return records.select_related("organization", "chair").order_by("-number")


@dataclass(frozen=True)
class ActionFilter:
    status: str = ""  # a ReviewAction.Status value, OVERDUE, or "" for any
    owner_id: int | None = None
    review_id: int | None = None


def actions_for(organization: Organization, wanted: ActionFilter) -> QuerySet[ReviewAction]:
    """The organisation's review actions, open ones first (soonest due first), then the rest, newest first."""
    records = ReviewAction.objects.filter(organization=organization)
    if wanted.status == OVERDUE:
        records = records.overdue()
    elif wanted.status:
        records = records.filter(status=wanted.status)
    if wanted.owner_id is not None:
        records = records.filter(owner_id=wanted.owner_id)
    if wanted.review_id is not None:
        records = records.filter(review_id=wanted.review_id)
    first = Case(
        When(status=ReviewAction.Status.OPEN, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return (
        records.select_related("organization", "review", "owner", "decision")
        .annotate(open_first=first)
        .order_by("open_first", F("due_on").asc(nulls_last=True), "-number")
    )


def sections(review: ManagementReview) -> list[ReviewSection]:
    """The review's inputs: frozen once held, compiled live while planned."""
    if review.inputs_snapshot is not None:
        return sections_from_json(review.inputs_snapshot)
    period = Period(start=review.period_start, end=review.period_end)
    return compile_inputs(review.organization, period)


@dataclass(frozen=True)
class AgendaItem:
    section: ReviewSection
    notes: str


@dataclass(frozen=True)
class Minutes:
    """Everything the detail page, the API and the PDF show of a review."""

    review: ManagementReview
    agenda: list[AgendaItem]
    attendees: list[ReviewAttendee]
    decisions: list[ReviewDecision]
    actions: list[ReviewAction]
    made_at: datetime

    @property
    def has_top_management_present(self) -> bool:
        present = ReviewAttendee.Attendance.PRESENT
        return any(a.is_top_management and a.attendance == present for a in self.attendees)


def discussions(review: ManagementReview) -> dict[str, str]:
    return dict(ReviewDiscussion.objects.filter(review=review).values_list("section_key", "notes"))


def minutes(review: ManagementReview, *, with_inputs: bool = True) -> Minutes:
    notes = discussions(review)
    agenda = [AgendaItem(s, notes.get(s.key, "")) for s in sections(review)] if with_inputs else []
    return Minutes(
        review=review,
        agenda=agenda,
        attendees=list(review.attendees.select_related("user").order_by("-is_top_management", "pk")),
        decisions=list(review.decisions.order_by("number")),
        actions=list(review.actions.select_related("owner", "decision").order_by("number")),
        made_at=timezone.now(),
    )


def history(review: ManagementReview) -> list[tuple[AuditEvent, str]]:
    events = AuditEvent.objects.filter(
        organization_id=review.organization_id,
        target_type=ManagementReview._meta.label_lower,
        target_id=str(review.pk),
    )
    ordered = events.select_related("actor").order_by("seq")
    return [(event, HISTORY_LABELS.get(event.verb, event.verb)) for event in ordered]


def inputs_verified(review: ManagementReview) -> bool | None:
    """Whether the frozen inputs match both their own SHA-256 and the one the hash-chained audit trail
    recorded when the meeting was held, so that rewriting the snapshot and its digest together shows too.
    None while nothing is frozen."""
    if not review.is_frozen:
        return None
    held = (
        AuditEvent.objects.filter(
            organization_id=review.organization_id,
            target_type=ManagementReview._meta.label_lower,
            target_id=str(review.pk),
            verb="review.held",
        )
        .order_by("-seq")
        .values_list("after", flat=True)
        .first()
    )
    recorded = (held or {}).get("inputs_sha256")
    return bool(review.snapshot_verifies) and recorded == review.inputs_sha256
