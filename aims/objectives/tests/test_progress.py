from datetime import date, timedelta
from decimal import Decimal

import pytest

from aims.monitoring.models import Metric
from aims.objectives.models import Objective
from aims.objectives.progress import Progress, expected_value, progress

TODAY = date(2026, 6, 1)


def _objective(value: str | None, level: str = "ok", **values: object) -> Objective:
    metric = Metric(last_value=Decimal(value) if value is not None else None, last_level=level)
    defaults: dict[str, object] = {
        "metric": metric, "baseline": Decimal(4), "target_value": Decimal(2), "direction": "at_most",
        "activated_on": TODAY - timedelta(days=50), "due_on": TODAY + timedelta(days=50), "status": "active",
    }  # fmt: skip
    defaults.update(values)
    return Objective(**defaults)


def test_the_expected_value_runs_straight_from_baseline_to_target() -> None:
    assert expected_value(_objective("3"), TODAY) == Decimal(3)
    assert expected_value(_objective("3", baseline=None), TODAY) is None


@pytest.mark.parametrize(
    ("value", "level", "values", "overdue", "expected"),
    [
        ("1.9", "ok", {}, 0, Progress.MET),
        ("2.9", "ok", {}, 0, Progress.ON_TRACK),
        ("3.5", "ok", {}, 0, Progress.AT_RISK),  # behind the straight line
        ("2.9", "breach", {}, 0, Progress.AT_RISK),
        ("2.9", "ok", {}, 1, Progress.AT_RISK),  # a step of the plan is overdue
        ("2.9", "ok", {"due_on": TODAY - timedelta(days=1)}, 0, Progress.AT_RISK),
        (None, "", {}, 0, Progress.UNKNOWN),
        (
            "0.95",
            "ok",
            {"direction": "at_least", "baseline": None, "target_value": Decimal("0.9")},
            0,
            Progress.MET,
        ),
    ],
)
def test_progress(
    value: str | None, level: str, values: dict[str, object], overdue: int, expected: str
) -> None:
    assert progress(_objective(value, level, **values), TODAY, overdue) == expected
