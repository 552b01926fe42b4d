"""State changes of readiness: its thresholds, and the daily snapshot."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from aims.audit import trail
from aims.readiness.engine import Readiness, compute, settings_for
from aims.readiness.models import ReadinessSettings, ReadinessSnapshot
from aims.readiness.permissions import can_change_readiness_settings

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.organizations.models import Organization

SETTING_FIELDS = (
    "acknowledgement_percent",
    "risk_assessment_months",
    "impact_assessment_months",
    "management_review_months",
    "audit_cycle_months",
    "due_soon_days",
)


@transaction.atomic
def update_readiness_settings(*, actor: User, organization: Organization, **values: Any) -> ReadinessSettings:
    """Change the thresholds readiness judges by. Unknown names are refused; values are validated first."""
    if not can_change_readiness_settings(actor, organization):
        raise PermissionDenied("Only owners and managers change the readiness thresholds.")
    unknown = set(values) - set(SETTING_FIELDS)
    if unknown:
        raise ValueError(f"Unknown readiness settings: {', '.join(sorted(unknown))}")
    current = settings_for(organization)
    before = {name: getattr(current, name) for name in SETTING_FIELDS}
    for name, value in values.items():
        setattr(current, name, value)
    current.full_clean(exclude=["organization", "updated_by"])
    current.updated_at, current.updated_by = timezone.now(), actor
    current.save()
    after = {name: getattr(current, name) for name in SETTING_FIELDS}
    trail.record(
        actor=actor,
        verb="readiness.settings_changed",
        target=current,
        organization=organization,
        before={k: v for k, v in before.items() if after[k] != v},
        after={k: v for k, v in after.items() if before[k] != v},
    )
    return current


def snapshot_values(readiness: Readiness) -> dict[str, Any]:
    return {
        **readiness.counts(),
        "computed_at": readiness.computed_at,
        "clauses": {c.ref: c.status for c in readiness.clauses},
    }


def record_snapshot(*, organization: Organization, today: date | None = None) -> ReadinessSnapshot:
    """Today's readiness, stored for the trend (replacing an earlier snapshot of the same day).

    Run by the worker, not by a person: it writes no audit event, since it changes no record of the AIMS.
    """
    today = today or timezone.localdate()
    values = snapshot_values(compute(organization, today=today))
    try:
        with transaction.atomic():
            snapshot, _ = ReadinessSnapshot.objects.update_or_create(
                organization=organization, taken_on=today, defaults=values
            )
    except IntegrityError:  # a second worker stored the same day at the same moment
        snapshot = ReadinessSnapshot.objects.get(organization=organization, taken_on=today)
    return snapshot


def record_missing_snapshots(today: date | None = None) -> int:
    """A snapshot for every organisation that has none for today; returns how many were recorded."""
    from aims.organizations.models import Organization

    today = today or timezone.localdate()
    done = ReadinessSnapshot.objects.filter(taken_on=today).values("organization")
    recorded = 0
    for organization in Organization.objects.exclude(pk__in=done).order_by("pk"):
        record_snapshot(organization=organization, today=today)
        recorded += 1
    return recorded
