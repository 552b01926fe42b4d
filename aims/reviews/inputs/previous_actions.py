"""9.3.2 a): the status of the actions decided at earlier management reviews. Two queries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone

from aims.reviews.inputs.periods import on_days, within
from aims.reviews.models import ReviewAction
from aims.reviews.registry import Period, ReviewRow, ReviewSection

if TYPE_CHECKING:
    from aims.organizations.models import Organization

S = ReviewAction.Status


def _status(action: ReviewAction, today: object) -> str:
    if action.status == S.OPEN:
        return "Overdue" if action.is_overdue else "Open"
    return f"{action.get_status_display()} {action.done_on.isoformat() if action.done_on else ''}".strip()


def _row(action: ReviewAction, slug: str, today: object) -> ReviewRow:
    owner = action.owner.display_name if action.owner else "no owner"
    due = f"due {action.due_on.isoformat()}" if action.due_on else "no due date"
    return ReviewRow(
        reference=action.reference,
        title=action.description[:200],
        status=_status(action, today),
        url=reverse("reviews:action_list", kwargs={"org": slug}) + f"#{action.reference}",
        note=f"From {action.review.reference}; {owner}; {due}",
    )


def section(organization: Organization, period: Period) -> ReviewSection:
    today = timezone.localdate()
    actions = ReviewAction.objects.filter(organization=organization)
    counts = actions.aggregate(
        open=Count("pk", filter=Q(status=S.OPEN)),
        overdue=Count("pk", filter=Q(status=S.OPEN, due_on__lt=today)),
        raised=Count("pk", filter=within("created_at", period)),
        done=Count("pk", filter=Q(status=S.DONE) & on_days("done_on", period)),
        cancelled=Count("pk", filter=Q(status=S.CANCELLED) & on_days("done_on", period)),
    )
    shown = (
        actions.filter(Q(status=S.OPEN) | (~Q(status=S.OPEN) & on_days("done_on", period)))
        .select_related("review", "owner")
        .annotate(
            first=Case(
                When(status=S.OPEN, due_on__lt=today, then=Value(0)),
                When(status=S.OPEN, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("first", F("due_on").asc(nulls_last=True), "number")[:20]
    )
    return ReviewSection(
        key="previous_actions",
        title="Actions from previous management reviews",
        clause="9.3.2 a)",
        figures=(
            ("Open", counts["open"]),
            ("Overdue", counts["overdue"]),
            ("Done in the period", counts["done"]),
            ("Cancelled in the period", counts["cancelled"]),
            ("Raised in the period", counts["raised"]),
        ),
        rows=tuple(_row(action, organization.slug, today) for action in shown),
        empty="No action from earlier management reviews is open or was closed in the period.",
    )
