"""Reminders: review actions falling due (their owner) and planned review meetings approaching (the chair);
the organisation's owners and managers when there is no owner or chair. Each provider reads in two queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from django.urls import reverse

from aims.organizations.models import Membership, Role
from aims.reminders.registry import DEFAULT_LEAD_DAYS, Due, register_provider
from aims.reviews.models import ManagementReview, ReviewAction


def _managers(organization_ids: Iterable[int]) -> dict[int, tuple[int, ...]]:
    found: dict[int, list[int]] = defaultdict(list)
    rows = Membership.objects.filter(
        organization_id__in=set(organization_ids), role__in=(Role.OWNER, Role.MANAGER)
    ).order_by("user_id")
    for org_id, user_id in rows.values_list("organization_id", "user_id"):
        found[org_id].append(user_id)
    return {org_id: tuple(users) for org_id, users in found.items()}


def due_actions(today: date) -> Iterator[Due]:
    horizon = today + timedelta(days=DEFAULT_LEAD_DAYS)
    actions = list(
        ReviewAction.objects.open()
        .filter(due_on__isnull=False, due_on__lte=horizon)
        .select_related("organization")
        .order_by("due_on", "pk")
    )
    managers = _managers(a.organization_id for a in actions)
    for action in actions:
        assert action.due_on is not None
        url = reverse("reviews:action_list", kwargs={"org": action.organization.slug})
        yield Due(
            organization_id=action.organization_id,
            kind="review_action",
            key=f"reviews.reviewaction:{action.pk}:{action.due_on.isoformat()}",
            subject=f"Management review action {action.reference}: {action.description[:120]}",
            due_on=action.due_on,
            url=f"{url}#{action.reference}",
            recipient_ids=(action.owner_id,) if action.owner_id else managers.get(action.organization_id, ()),
        )


def approaching_meetings(today: date) -> Iterator[Due]:
    horizon = today + timedelta(days=DEFAULT_LEAD_DAYS)
    reviews = list(
        ManagementReview.objects.filter(status=ManagementReview.Status.PLANNED, planned_on__lte=horizon)
        .select_related("organization")
        .order_by("planned_on", "pk")
    )
    managers = _managers(r.organization_id for r in reviews)
    for review in reviews:
        yield Due(
            organization_id=review.organization_id,
            kind="review_meeting",
            key=f"reviews.managementreview:{review.pk}:{review.planned_on.isoformat()}",
            subject=f"Management review {review.reference} {review.title}",
            due_on=review.planned_on,
            url=reverse("reviews:review_detail", kwargs={"org": review.organization.slug, "pk": review.pk}),
            recipient_ids=(review.chair_id,) if review.chair_id else managers.get(review.organization_id, ()),
        )


def register_reminders() -> None:
    register_provider("review_action", due_actions)
    register_provider("review_meeting", approaching_meetings)
