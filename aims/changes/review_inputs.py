"""The management review's input on planned changes (9.3.2 b), 6.3): what was planned, decided and made in
the period, and what still waits. Two queries: the figures and the short list."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from aims.changes.models import PlannedChange
from aims.reviews.registry import Period, ReviewRow, ReviewSection

if TYPE_CHECKING:
    from aims.organizations.models import Organization

MAX_ROWS = 20
S = PlannedChange.Status


def _within(field: str, period: Period) -> Q:
    zone = timezone.get_current_timezone()
    start = datetime.combine(period.start, time.min, tzinfo=zone)
    end = datetime.combine(period.end + timedelta(days=1), time.min, tzinfo=zone)
    return Q(**{f"{field}__gte": start, f"{field}__lt": end})


def _row(change: PlannedChange, slug: str) -> ReviewRow:
    planned = change.planned_on.isoformat() if change.planned_on else "no date"
    note = (
        f"{change.get_kind_display()}; {change.get_risk_level_display().lower()} risk; planned for {planned}"
    )
    if change.implemented_on:
        note += f"; made {change.implemented_on.isoformat()}"
    return ReviewRow(
        reference=change.reference,
        title=change.title,
        status=change.get_status_display(),
        url=reverse("changes:change_detail", kwargs={"org": slug, "pk": change.pk}),
        note=note,
    )


def section(organization: Organization, period: Period) -> ReviewSection:
    changes = PlannedChange.objects.filter(organization=organization)
    planned = _within("created_at", period)
    decided = _within("decided_at", period)
    made = Q(implemented_on__gte=period.start, implemented_on__lte=period.end)
    counts = changes.aggregate(
        planned=Count("pk", filter=planned),
        approved=Count("pk", filter=decided & Q(status__in=(S.APPROVED, S.IMPLEMENTED))),
        rejected=Count("pk", filter=decided & Q(status=S.REJECTED)),
        made=Count("pk", filter=made),
        waiting=Count("pk", filter=Q(status=S.SUBMITTED)),
        to_make=Count("pk", filter=Q(status=S.APPROVED)),
    )
    shown = changes.filter(planned | decided | made | Q(status__in=(S.SUBMITTED, S.APPROVED)))
    rows = tuple(_row(c, organization.slug) for c in shown.order_by("-number")[:MAX_ROWS])
    return ReviewSection(
        key="changes",
        title="Planned changes",
        clause="9.3.2 b)",
        figures=(
            ("Planned in the period", counts["planned"]),
            ("Approved in the period", counts["approved"]),
            ("Rejected in the period", counts["rejected"]),
            ("Made in the period", counts["made"]),
            ("Awaiting a decision", counts["waiting"]),
            ("Approved, not yet made", counts["to_make"]),
        ),
        rows=rows,
        empty="No change was planned, decided or made in the period, and none is waiting.",
    )
