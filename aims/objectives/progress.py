"""How an objective is doing: its measure's latest value against the target, the due date and the plan."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import models

from aims.monitoring.models import Level
from aims.objectives.models import Objective


class Progress(models.TextChoices):
    MET = "met", "Target met"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    UNKNOWN = "unknown", "Not measured"


def expected_value(objective: Objective, today: date) -> Decimal | None:
    """Where the measure should stand today on a straight line from the baseline (on activation) to the
    target (on the due date); None without a baseline, target, activation or due date."""
    o = objective
    if None in (o.baseline, o.target_value, o.activated_on, o.due_on):
        return None
    assert o.baseline is not None
    assert o.target_value is not None
    assert o.activated_on is not None
    assert o.due_on is not None
    span = (o.due_on - o.activated_on).days
    if span <= 0:
        return o.target_value
    elapsed = min(max((today - o.activated_on).days, 0), span)
    return o.baseline + (o.target_value - o.baseline) * Decimal(elapsed) / Decimal(span)


def progress(objective: Objective, today: date, overdue_steps: int = 0) -> str:
    """On track or at risk, for an open objective. At risk: past its due date without meeting the target,
    its metric in breach, a step of its plan overdue, or the measure behind the straight line from baseline
    to target."""
    value = objective.latest_value
    if objective.meets_target(value):
        return Progress.MET
    past_due = objective.due_on is not None and objective.due_on < today
    breached = objective.metric is not None and objective.metric.last_level == Level.BREACH
    if past_due or breached or overdue_steps:
        return Progress.AT_RISK
    if value is None or objective.target_value is None:
        return Progress.UNKNOWN
    expected = expected_value(objective, today)
    if expected is not None and not _reaches(objective, value, expected):
        return Progress.AT_RISK
    return Progress.ON_TRACK


def _reaches(objective: Objective, value: Decimal, mark: Decimal) -> bool:
    return value >= mark if objective.direction == Objective.Direction.AT_LEAST else value <= mark
