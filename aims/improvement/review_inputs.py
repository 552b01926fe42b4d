"""Management-review inputs (see aims/reviews/registry.py): nonconformities and corrective actions (9.3.2 d))
and opportunities for continual improvement (9.3.2 e)). Four and three queries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone

from aims.improvement.models import CorrectiveAction, ImprovementOpportunity, Nonconformity
from aims.reviews.registry import Period, ReviewRow, ReviewSection

if TYPE_CHECKING:
    from aims.organizations.models import Organization

MAX_ROWS = 20
NC_ORDER = 40
IMPROVEMENT_ORDER = 90
UNFINISHED = (
    ImprovementOpportunity.Status.PROPOSED,
    ImprovementOpportunity.Status.ACCEPTED,
    ImprovementOpportunity.Status.IN_PROGRESS,
)


def _on_days(field: str, period: Period) -> Q:
    return Q(**{f"{field}__gte": period.start, f"{field}__lte": period.end})


def _nc_row(nc: Nonconformity, slug: str) -> ReviewRow:
    due = f"due {nc.due_on.isoformat()}" if nc.due_on else "no due date"
    late = "OVERDUE, " if nc.is_overdue else ""
    return ReviewRow(
        reference=nc.reference,
        title=nc.title,
        status=nc.get_status_display(),
        url=reverse("improvement:nonconformity_detail", kwargs={"org": slug, "pk": nc.pk}),
        note=f"{late}{nc.get_grade_display()}; {nc.get_source_display()}; "
        f"raised {nc.raised_on.isoformat()}; {due}",
    )


def nonconformities(organization: Organization, period: Period) -> ReviewSection:
    """Raised and closed in the period, open and overdue now, raised by source; the open ones, overdue
    first, then those closed in the period (the meeting sees what was verified and closed)."""
    today = timezone.localdate()
    records = Nonconformity.objects.filter(organization=organization)
    overdue = Q(due_on__lt=today) & ~Q(status=Nonconformity.Status.CLOSED)
    unclosed = ~Q(status=Nonconformity.Status.CLOSED)
    counts = records.aggregate(
        raised=Count("pk", filter=_on_days("raised_on", period)),
        closed=Count("pk", filter=_on_days("closed_on", period)),
        open=Count("pk", filter=unclosed),
        major=Count("pk", filter=unclosed & Q(grade=Nonconformity.Grade.MAJOR)),
        overdue=Count("pk", filter=overdue),
    )
    actions_done = CorrectiveAction.objects.filter(
        _on_days("done_on", period),
        nonconformity__organization=organization,
        status=CorrectiveAction.Status.DONE,
    ).count()
    sources = dict(
        records.filter(_on_days("raised_on", period))
        .values("source")
        .annotate(n=Count("pk"))
        .values_list("source", "n")
    )
    late_first = Case(When(overdue, then=Value(0)), default=Value(1), output_field=IntegerField())
    closed_last = Case(When(unclosed, then=Value(0)), default=Value(1), output_field=IntegerField())
    shown = (
        records.filter(unclosed | _on_days("closed_on", period))
        .annotate(late_first=late_first, closed_last=closed_last)
        .order_by("closed_last", "late_first", "due_on", "number")[:MAX_ROWS]
    )
    figures: list[tuple[str, int | str]] = [
        ("Raised in the period", counts["raised"]),
        ("Closed in the period", counts["closed"]),
        ("Corrective actions done in the period", actions_done),
        ("Open now", counts["open"]),
        ("Major, open now", counts["major"]),
        ("Overdue now", counts["overdue"]),
    ]
    figures += [
        (f"Raised from: {label}", sources[value])
        for value, label in Nonconformity.Source.choices
        if sources.get(value)
    ]
    return ReviewSection(
        key="nonconformities",
        title="Nonconformities and corrective actions",
        clause="9.3.2 d)",
        figures=tuple(figures),
        rows=tuple(_nc_row(nc, organization.slug) for nc in shown),
        empty="No nonconformity raised in the period, and none open.",
    )


def _opportunity_row(item: ImprovementOpportunity, slug: str) -> ReviewRow:
    owner = item.owner.display_name if item.owner else "no owner"
    return ReviewRow(
        reference=item.reference,
        title=item.title,
        status=item.get_status_display(),
        url=reverse("improvement:opportunity_detail", kwargs={"org": slug, "pk": item.pk}),
        note=f"{item.get_source_display()}; {owner}; raised {item.raised_on.isoformat()}",
    )


def improvement(organization: Organization, period: Period) -> ReviewSection:
    """Opportunities for continual improvement: recorded and done in the period, how many in each status
    now; the ones not yet finished, proposed first."""
    records = ImprovementOpportunity.objects.filter(organization=organization)
    counts = records.aggregate(
        recorded=Count("pk", filter=_on_days("raised_on", period)),
        done=Count("pk", filter=_on_days("completed_on", period)),
    )
    statuses = dict(records.values("status").annotate(n=Count("pk")).values_list("status", "n"))
    rank = Case(
        *[When(status=value, then=Value(n)) for n, value in enumerate(UNFINISHED)],
        default=Value(9),
        output_field=IntegerField(),
    )
    shown = (
        records.filter(status__in=UNFINISHED)
        .select_related("owner")
        .annotate(rank=rank)
        .order_by("rank", "-number")[:MAX_ROWS]
    )
    figures: list[tuple[str, int | str]] = [
        ("Recorded in the period", counts["recorded"]),
        ("Done in the period", counts["done"]),
    ]
    figures += [
        (f"{label} now", statuses.get(value, 0)) for value, label in ImprovementOpportunity.Status.choices
    ]
    return ReviewSection(
        key="improvement",
        title="Opportunities for continual improvement",
        clause="9.3.2 e)",
        figures=tuple(figures),
        rows=tuple(_opportunity_row(item, organization.slug) for item in shown),
        empty="No improvement opportunity recorded in the period, and none under way.",
    )
