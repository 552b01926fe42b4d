"""The management-review input on audit results (9.3.2 d) 3)): audits reported in the period, their findings
by result, and the nonconformities from audits still open. Four queries, whatever the register's size."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse

from aims.improvement.models import Nonconformity
from aims.internal_audits.models import ChecklistItem, InternalAudit, Result
from aims.organizations.models import Organization
from aims.reviews.registry import Period, ReviewRow, ReviewSection

KEY = "audits"
ROWS = 20


def audit_results(organization: Organization, period: Period) -> ReviewSection:
    reported = InternalAudit.objects.filter(
        organization=organization, reported_on__gte=period.start, reported_on__lte=period.end
    )
    counts = dict(
        ChecklistItem.objects.filter(audit__in=reported.values("pk"))
        .values("result")
        .annotate(n=Count("pk"))
        .values_list("result", "n")
    )
    open_ncs = (
        Nonconformity.objects.filter(organization=organization, source=Nonconformity.Source.AUDIT)
        .exclude(status=Nonconformity.Status.CLOSED)
        .count()
    )
    audits = list(reported.order_by("-reported_on", "-number")[:ROWS])
    figures: list[tuple[str, int | str]] = [("Audits reported", reported.count())]
    figures += [
        (label, counts.get(value, 0)) for value, label in Result.choices if value != Result.NOT_ASSESSED
    ]
    figures.append(("Open nonconformities from audits", open_ncs))
    rows = tuple(
        ReviewRow(
            reference=a.reference,
            title=a.title,
            status=a.get_status_display(),
            url=reverse("internal_audits:audit_detail", kwargs={"org": organization.slug, "pk": a.pk}),
            note=f"Reported {a.reported_on:%Y-%m-%d}" if a.reported_on else "",
        )
        for a in audits
    )
    return ReviewSection(
        key=KEY,
        title="Internal audit results",
        clause="9.3.2 d)",
        figures=tuple(figures),
        rows=rows,
        empty="No internal audit was reported in the period.",
    )
