"""Background tasks of the reminders worker, through the django.tasks API. `aims worker` enqueues `sweep`
every AIMS_REMINDER_INTERVAL_MINUTES and runs the queue; the smaller tasks can be enqueued on their own.

Arguments are JSON: dates travel as ISO strings.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django_tasks import task

from aims.reminders import sweep as sweeping


def _day(today: str | None) -> date:
    return date.fromisoformat(today) if today else timezone.localdate()


@task()
def send_reminders(today: str | None = None) -> int:
    """Raise the "falls due soon" and "overdue" notices of every register; returns how many."""
    return sweeping.raise_reminders(_day(today))


@task()
def email_pending_notices() -> int:
    """E-mail each member a digest of the notices not yet e-mailed; returns how many e-mails."""
    return sweeping.email_pending()


@task()
def record_computed_measurements(today: str | None = None) -> int | None:
    """Today's computed monitoring measurements (None when the monitoring app has none)."""
    return sweeping.record_measurements(_day(today))


@task()
def sweep(today: str | None = None) -> dict[str, int | None]:
    """All of it, in order: measurements, reminders, e-mail."""
    return sweeping.run_sweep(_day(today)).as_dict()
