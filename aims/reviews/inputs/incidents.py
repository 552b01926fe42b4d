"""9.3.2 d): the AI incidents of the period by severity, the serious ones and whether they were reported to
the authority in time, and those still open. Three queries."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone

from aims.incidents import deadlines
from aims.incidents.models import Incident
from aims.reviews.inputs.periods import within
from aims.reviews.registry import Period, ReviewRow, ReviewSection

if TYPE_CHECKING:
    from aims.organizations.models import Organization

MAX_ROWS = 20
OPEN = (Incident.Status.OPEN, Incident.Status.CONTAINED)
SEVERITY_RANK = Case(
    *[When(severity=value, then=Value(rank)) for rank, value in enumerate(Incident.Severity.values)],
    default=Value(0),
    output_field=IntegerField(),
)


def _late_report() -> Q:
    late = Q()
    for kind, days in deadlines.DAYS.items():
        limit = F("became_aware_at") + timedelta(days=days)
        late |= Q(serious_kind=kind, reported_to_authority_at__gt=limit)
    return late


def _overdue_now() -> Q:
    now, late = timezone.now(), Q()
    for kind, days in deadlines.DAYS.items():
        late |= Q(serious_kind=kind, became_aware_at__lt=now - timedelta(days=days))
    return Q(is_serious=True, reported_to_authority_at__isnull=True) & late


def _row(incident: Incident, slug: str) -> ReviewRow:
    if not incident.is_serious:
        reporting = "not serious"
    elif incident.reported_to_authority_at is None:
        reporting = "serious, REPORT OVERDUE" if incident.is_overdue else "serious, not yet reported"
    else:
        reporting = "serious, reported late" if incident.reported_late else "serious, reported in time"
    return ReviewRow(
        reference=incident.reference,
        title=incident.title,
        status=incident.get_status_display(),
        url=reverse("incidents:incident_detail", kwargs={"org": slug, "pk": incident.pk}),
        note=f"{incident.get_severity_display()} severity; {reporting}; aware "
        f"{timezone.localdate(incident.became_aware_at).isoformat()}",
    )


def section(organization: Organization, period: Period) -> ReviewSection:
    incidents = Incident.objects.filter(organization=organization)
    in_period = within("became_aware_at", period)
    serious = in_period & Q(is_serious=True)
    reported = serious & Q(reported_to_authority_at__isnull=False)
    counts = incidents.aggregate(
        total=Count("pk", filter=in_period),
        serious=Count("pk", filter=serious),
        in_time=Count("pk", filter=reported & ~_late_report()),
        late=Count("pk", filter=reported & _late_report()),
        overdue=Count("pk", filter=_overdue_now()),
        open=Count("pk", filter=Q(status__in=OPEN)),
    )
    severities = dict(
        incidents.filter(in_period).values("severity").annotate(n=Count("pk")).values_list("severity", "n")
    )
    shown = (
        incidents.filter(serious | Q(status__in=OPEN))
        .annotate(severity_rank=SEVERITY_RANK)
        .order_by("-is_serious", "-severity_rank", "-number")[:MAX_ROWS]
    )
    figures: list[tuple[str, int | str]] = [("Incidents in the period", counts["total"])]
    figures += [
        (f"{label} severity", severities.get(value, 0))
        for value, label in reversed(Incident.Severity.choices)
    ]
    figures += [
        ("Serious incidents in the period", counts["serious"]),
        ("Reported to the authority in time", counts["in_time"]),
        ("Reported late", counts["late"]),
        ("Serious, report overdue now", counts["overdue"]),
        ("Open or contained now", counts["open"]),
    ]
    return ReviewSection(
        key="incidents",
        title="AI incidents",
        clause="9.3.2 d)",
        figures=tuple(figures),
        rows=tuple(_row(incident, organization.slug) for incident in shown),
        empty="No AI incident in the period, and none open.",
    )
