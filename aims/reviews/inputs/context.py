"""9.3.2 b) and c): changes in the external and internal issues, in the interested parties and their
requirements, and in the obligations, during the period. Seven queries: four counts and three short lists."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q
from django.urls import reverse

from aims.context.models import ContextIssue, InterestedParty, Obligation, Requirement, Status
from aims.reviews.inputs.periods import bounds, within
from aims.reviews.registry import Period, ReviewRow, ReviewSection

if TYPE_CHECKING:
    from aims.organizations.models import Organization

MAX_ROWS = 20


def _changes(period: Period) -> dict[str, Any]:
    """Counts of records made, changed (made before the period, still active) and archived in the period."""
    start, _ = bounds(period)
    touched = within("updated_at", period)
    return {
        "new": Count("pk", filter=within("created_at", period)),
        "changed": Count("pk", filter=touched & Q(created_at__lt=start) & ~Q(status=Status.ARCHIVED)),
        "archived": Count("pk", filter=touched & Q(status=Status.ARCHIVED)),
    }


def _what(record: Any, period: Period) -> str:
    start, _ = bounds(period)
    if record.status == Status.ARCHIVED:
        return "Archived"
    created: datetime = record.created_at
    return "New" if created >= start else "Changed"


def _rows(organization: Organization, period: Period) -> list[tuple[datetime, ReviewRow]]:
    slug, touched = organization.slug, within("updated_at", period)
    found: list[tuple[datetime, ReviewRow]] = []
    issues = ContextIssue.objects.filter(touched, organization=organization).order_by("-updated_at")
    for issue in issues[:MAX_ROWS]:
        url = reverse("context:issue_detail", kwargs={"org": slug, "pk": issue.pk})
        note = f"{issue.get_kind_display()} issue, {issue.get_category_display().lower()}"
        found.append(
            (issue.updated_at, ReviewRow(issue.reference, issue.title, _what(issue, period), url, note))
        )
    obligations = Obligation.objects.filter(touched, organization=organization).order_by("-updated_at")
    for item in obligations[:MAX_ROWS]:
        url = reverse("context:obligation_detail", kwargs={"org": slug, "pk": item.pk})
        note = f"{item.get_kind_display()} obligation, {item.get_applicability_display().lower()}"
        found.append((item.updated_at, ReviewRow(item.reference, item.title, _what(item, period), url, note)))
    parties = InterestedParty.objects.filter(touched, organization=organization).order_by("-updated_at")
    for party in parties[:MAX_ROWS]:
        url = reverse("context:party_detail", kwargs={"org": slug, "pk": party.pk})
        note = f"Interested party: {party.get_kind_display().lower()}"
        found.append((party.updated_at, ReviewRow("Party", party.name, _what(party, period), url, note)))
    return found


def section(organization: Organization, period: Period) -> ReviewSection:
    changes = _changes(period)
    issues = ContextIssue.objects.filter(organization=organization).aggregate(
        **changes,
        new_external=Count("pk", filter=within("created_at", period) & Q(kind=ContextIssue.Kind.EXTERNAL)),
        active=Count("pk", filter=Q(status=Status.ACTIVE)),
    )
    parties = InterestedParty.objects.filter(organization=organization).aggregate(**changes)
    requirements = Requirement.objects.filter(party__organization=organization).aggregate(
        new=Count("pk", filter=within("created_at", period)),
        changed=Count("pk", filter=within("updated_at", period) & Q(created_at__lt=bounds(period)[0])),
        unaddressed=Count("pk", filter=Q(is_addressed=False)),
    )
    obligations = Obligation.objects.filter(organization=organization).aggregate(
        **changes,
        under_review=Count(
            "pk",
            filter=Q(status=Status.ACTIVE, applicability=Obligation.Applicability.UNDER_REVIEW),
        ),
    )
    rows = sorted(_rows(organization, period), key=lambda item: item[0], reverse=True)[:MAX_ROWS]
    return ReviewSection(
        key="context",
        title="Changes in issues, interested parties and obligations",
        clause="9.3.2 b), c)",
        figures=(
            ("New issues", issues["new"]),
            ("of which external", issues["new_external"]),
            ("Issues changed", issues["changed"]),
            ("Issues archived", issues["archived"]),
            ("Active issues", issues["active"]),
            ("New interested parties", parties["new"]),
            ("Interested parties changed", parties["changed"]),
            ("New requirements of interested parties", requirements["new"]),
            ("Requirements changed", requirements["changed"]),
            ("Requirements not addressed by the AIMS", requirements["unaddressed"]),
            ("New obligations", obligations["new"]),
            ("Obligations changed", obligations["changed"]),
            ("Obligations archived", obligations["archived"]),
            ("Obligations under review", obligations["under_review"]),
        ),
        rows=tuple(row for _when, row in rows),
        empty="No issue, interested party or obligation was added or changed in the period.",
    )
