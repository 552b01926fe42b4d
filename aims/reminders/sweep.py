"""The reminders sweep, as plain functions (the tasks in `tasks.py` and `aims reminders run` call them).

`raise_reminders(today)` asks every registered provider what falls due and raises, per thing and recipient,
one "falls due soon" notice once the date is within the provider's lead days and one "overdue" notice once
it has passed: the notice key holds the stage and the due date, so a moved date reminds again and nothing is
told twice. It reads and writes in bulk: a fixed number of queries per provider, whatever the number of
records.

`email_pending(now)` sends each member ONE digest e-mail of their notices not yet e-mailed, then marks them.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from importlib.util import find_spec

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from aims.organizations.models import Membership
from aims.readiness.actions import record_missing_snapshots
from aims.reminders.models import Notice
from aims.reminders.registry import Due, providers

logger = logging.getLogger(__name__)
LEVEL = Notice.Level
CHUNK = 500


@dataclass(frozen=True)
class SweepResult:
    reminders: int
    emails: int
    measurements: int | None
    """None when the monitoring app's computed measurements are not there."""
    snapshots: int | None = None
    """Readiness snapshots recorded (one per organisation a day); None when recording them failed."""

    def as_dict(self) -> dict[str, int | None]:
        return {
            "reminders": self.reminders,
            "emails": self.emails,
            "measurements": self.measurements,
            "snapshots": self.snapshots,
        }


def stage_of(due: Due, today: date) -> str | None:
    """ "overdue" once the date has passed, "due_soon" within the lead days, else None (not yet)."""
    days_left = (due.due_on - today).days
    if days_left < 0:
        return LEVEL.OVERDUE
    if days_left <= due.lead_days:
        return LEVEL.DUE_SOON
    return None


def _notice(due: Due, stage: str, recipient_id: int, today: date) -> Notice:
    days_left = (due.due_on - today).days
    if stage == LEVEL.OVERDUE:
        subject = f"Overdue: {due.subject}"
        body = f"This was due on {due.due_on.isoformat()}."
    else:
        when = "today" if days_left == 0 else f"in {days_left} day{'s' if days_left != 1 else ''}"
        subject = f"Falls due {when}: {due.subject}"
        body = f"This falls due on {due.due_on.isoformat()}."
    return Notice(
        organization_id=due.organization_id,
        recipient_id=recipient_id,
        kind=due.kind[:40],
        level=stage,
        key=f"{due.key}:{stage}"[:200],
        subject=subject[:300],
        body=body,
        url=due.url[:500],
    )


def _chunks(items: list[Notice]) -> Iterator[list[Notice]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _unsent(candidates: list[Notice]) -> list[Notice]:
    """The candidates whose recipient is a member of the organisation and has not had the key."""
    wanted: list[Notice] = []
    for chunk in _chunks(candidates):
        orgs = {n.organization_id for n in chunk}
        users = {n.recipient_id for n in chunk}
        members = set(
            Membership.objects.filter(organization_id__in=orgs, user_id__in=users).values_list(
                "organization_id", "user_id"
            )
        )
        told = set(
            Notice.objects.filter(key__in={n.key for n in chunk}, recipient_id__in=users).values_list(
                "recipient_id", "key"
            )
        )
        wanted += [
            n
            for n in chunk
            if (n.organization_id, n.recipient_id) in members and (n.recipient_id, n.key) not in told
        ]
    return wanted


def _candidates(dues: Iterable[Due], today: date) -> list[Notice]:
    seen: set[tuple[int, str]] = set()
    found: list[Notice] = []
    for due in dues:
        stage = stage_of(due, today)
        if stage is None:
            continue
        for recipient_id in due.recipient_ids:
            notice = _notice(due, stage, recipient_id, today)
            if (recipient_id, notice.key) not in seen:
                seen.add((recipient_id, notice.key))
                found.append(notice)
    return found


def raise_reminders(today: date) -> int:
    """Ask every provider and raise the notices not raised yet; returns how many were raised."""
    raised = 0
    for kind, provider in sorted(providers().items()):
        try:
            fresh = _unsent(_candidates(provider(today), today))
            with transaction.atomic():
                # A sweep running at the same moment may have raised some: the unique key skips those.
                Notice.objects.bulk_create(fresh, batch_size=CHUNK, ignore_conflicts=True)
        except Exception:  # one broken register must not stop the reminders of the others
            logger.exception("Reminder provider %s failed", kind)
            continue
        raised += len(fresh)
    return raised


def _digest(notices: list[Notice]) -> tuple[str, str]:
    count = len(notices)
    subject = notices[0].subject if count == 1 else f"{count} notices from aims"
    lines = []
    for notice in notices:
        lines.append(f"- {notice.subject}")
        if notice.body:
            lines.append(f"  {notice.body}")
        if notice.url:
            lines.append(f"  {settings.SITE_URL.rstrip('/')}{notice.url}")
    body = "\n".join(lines) + "\n\nYou see these notices, and mark them read, under Notices in aims.\n"
    return f"[aims] {subject}"[:300], body


def email_pending(now: datetime | None = None) -> int:
    """E-mail every member one digest of their notices not yet e-mailed; returns how many e-mails went."""
    now = now or timezone.now()
    pending = Notice.objects.filter(emailed_at__isnull=True).select_related("recipient")
    by_person: dict[int, list[Notice]] = defaultdict(list)
    for notice in pending.order_by("recipient_id", "created_at", "pk"):
        by_person[notice.recipient_id].append(notice)
    sent = 0
    for notices in by_person.values():
        person = notices[0].recipient
        ids = [n.pk for n in notices]
        if not person.is_active or not person.email:
            Notice.objects.filter(pk__in=ids).update(emailed_at=now)  # nobody to send to: not retried
            continue
        subject, body = _digest(notices)
        try:
            send_mail(subject, body, None, [person.email])
        except Exception:  # the mail server is down: try again at the next sweep
            logger.exception("E-mailing notices to user %s failed", person.pk)
            continue
        Notice.objects.filter(pk__in=ids).update(emailed_at=now)
        sent += 1
    return sent


def record_measurements(today: date) -> int | None:
    """Today's computed monitoring measurements, when the monitoring app provides them."""
    if find_spec("aims.monitoring.computed") is None:
        return None
    from aims.monitoring import computed

    recorder = getattr(computed, "record_computed_measurements", None)
    if recorder is None:
        return None
    return int(recorder(today))


def record_snapshots(today: date) -> int | None:
    """Today's readiness snapshot of every organisation that has none yet (the cockpit's trend)."""
    try:
        return record_missing_snapshots(today)
    except Exception:  # readiness's trouble must not stop the reminders
        logger.exception("Recording readiness snapshots failed")
        return None


def run_sweep(today: date | None = None) -> SweepResult:
    """Everything the worker does every interval: measurements, reminders, e-mail, readiness snapshots."""
    today = today or timezone.localdate()
    try:
        measurements = record_measurements(today)
    except Exception:  # monitoring's trouble must not stop the reminders
        logger.exception("Recording computed measurements failed")
        measurements = None
    reminders = raise_reminders(today)
    emails = email_pending()
    snapshots = record_snapshots(today)
    return SweepResult(reminders=reminders, emails=emails, measurements=measurements, snapshots=snapshots)
