from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from aims.incidents.deadlines import describe_remaining, reporting_deadline
from aims.incidents.models import Incident

AWARE = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def test_general_serious_incident_is_due_15_days_after_awareness() -> None:
    assert reporting_deadline(AWARE, "general") == datetime(2026, 3, 16, 9, 30, tzinfo=UTC)


def test_widespread_or_critical_infrastructure_incident_is_due_in_2_days() -> None:
    deadline = reporting_deadline(AWARE, "widespread_or_critical_infrastructure")
    assert deadline == datetime(2026, 3, 3, 9, 30, tzinfo=UTC)


def test_incident_with_a_death_is_due_in_10_days() -> None:
    assert reporting_deadline(AWARE, "death") == datetime(2026, 3, 11, 9, 30, tzinfo=UTC)


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="Not a kind"):
        reporting_deadline(AWARE, "minor")


def test_countdown_reads_in_days_and_hours() -> None:
    assert describe_remaining(timedelta(days=1, hours=4, minutes=20)) == "1 day 4 h"
    assert describe_remaining(timedelta(days=3, hours=0)) == "3 days 0 h"
    assert describe_remaining(timedelta(hours=5, minutes=59)) == "5 h"
    assert describe_remaining(timedelta(hours=-2)) == "0 h"


def _incident(kind: str, aware_ago: timedelta, reported: bool = False) -> Incident:
    now = timezone.now()
    return Incident(
        is_serious=bool(kind),
        serious_kind=kind,
        became_aware_at=now - aware_ago,
        reported_to_authority_at=now if reported else None,
    )


def test_not_serious_incident_has_no_deadline_or_countdown() -> None:
    incident = _incident("", timedelta(days=30))
    assert incident.deadline is None
    assert incident.time_left is None
    assert not incident.is_overdue


def test_unreported_serious_incident_counts_down_to_its_deadline() -> None:
    incident = _incident("widespread_or_critical_infrastructure", timedelta(hours=20))
    assert incident.time_left is not None
    assert timedelta(hours=27) < incident.time_left <= timedelta(hours=28)
    assert incident.countdown == "1 day 3 h"
    assert not incident.is_overdue


@pytest.mark.parametrize(
    ("kind", "days"), [("general", 15), ("widespread_or_critical_infrastructure", 2), ("death", 10)]
)
def test_unreported_serious_incident_past_its_deadline_is_overdue(kind: str, days: int) -> None:
    assert _incident(kind, timedelta(days=days, minutes=1)).is_overdue
    assert not _incident(kind, timedelta(days=days, minutes=-1)).is_overdue


def test_reported_incident_is_never_overdue() -> None:
    incident = _incident("death", timedelta(days=40), reported=True)
    assert incident.time_left is None
    assert not incident.is_overdue
    assert incident.reported_late
