"""Metrics of the demo organisation, made through the actions so the audit trail is real: the credit model's
accuracy (AIS-001) posted monthly by the model-monitoring tool through the API, the fairness gap by age band
entered by hand (breached last month, so its owner has a notice), and three metrics aims computes from its
own records. Twelve months of values for the first two.

`seed_demo` is idempotent: a metric whose name exists already is left alone. Run it after the AI systems',
impact assessments' and risks' demos.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.monitoring import actions
from aims.monitoring.actions import Reading
from aims.monitoring.computed import record_computed_measurements
from aims.monitoring.models import Measurement, Metric
from aims.organizations.models import Organization

ACCURACY = "Credit model accuracy"
FAIRNESS = "Fairness gap in approval rate by age band"
ACCURACY_VALUES = (
    "0.931",
    "0.934",
    "0.929",
    "0.936",
    "0.933",
    "0.927",
    "0.921",
    "0.918",
    "0.924",
    "0.930",
    "0.932",
    "0.935",
)
FAIRNESS_VALUES = ("2.1", "1.8", "2.4", "2.0", "2.6", "3.1", "2.2", "1.9", "2.5", "2.8", "3.4", "5.8")
COMPUTED = (
    (
        "impact_assessment_coverage",
        "AI systems in scope with a current impact assessment",
        "higher_better",
        "80",
        "60",
        "%",
    ),
    ("nonconformities_past_due", "Open nonconformities past due", "lower_better", "0", "3", "count"),
    ("risks_above_appetite", "Open risks above the risk appetite", "lower_better", "0", "2", "count"),
)


def _user(users: dict[str, User], *roles: str) -> User:
    for role in roles:
        if role in users:
            return users[role]
    return next(iter(users.values()))


def _monthly(values: tuple[str, ...]) -> list[Reading]:
    now = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
    count = len(values)
    return [Reading(Decimal(v), now - timedelta(days=30 * (count - 1 - i) + 1)) for i, v in enumerate(values)]


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """Five metrics with their measurements; `users` maps roles to people."""
    existing = set(Metric.objects.filter(organization=organization).values_list("name", flat=True))
    editor = _user(users, "contributor", "manager", "owner")
    manager = _user(users, "manager", "owner")
    if ACCURACY not in existing:
        system = AISystem.objects.filter(organization=organization, reference="AIS-001").first()
        metric = actions.create_metric(
            actor=manager, organization=organization, name=ACCURACY,
            description="Share of credit decisions the model gets right on the monthly labelled sample; "
            "tells whether the model still performs as validated.",
            method="The model-monitoring tool scores the labelled sample of the month and posts the "
            "accuracy through the API.",
            frequency="monthly", owner=editor, unit="", direction="higher_better",
            warning_value=Decimal("0.92"), breach_value=Decimal("0.90"), ai_system=system, source="api",
        )  # fmt: skip
        actions.record_measurements(
            actor=editor, metric=metric, readings=_monthly(ACCURACY_VALUES), source=Measurement.Source.API
        )
    if FAIRNESS not in existing:
        metric = actions.create_metric(
            actor=manager, organization=organization, name=FAIRNESS,
            description="The largest difference in approval rate between age bands, in percentage points; "
            "tells whether credit decisions stay fair across ages (C.2.5).",
            method="Risk analytics compares the approval rate of each age band over the month.",
            frequency="monthly", owner=manager, unit="pp", direction="lower_better",
            warning_value=Decimal("3"), breach_value=Decimal("5"), source="manual",
        )  # fmt: skip
        actions.record_measurements(
            actor=editor, metric=metric, readings=_monthly(FAIRNESS_VALUES), source=Measurement.Source.MANUAL
        )
    for key, name, direction, warning, breach, unit in COMPUTED:
        if name not in existing:
            actions.create_metric(
                actor=manager,
                organization=organization,
                name=name,
                description=f"Computed daily by aims: {name.lower()}.",
                frequency="daily",
                owner=manager,
                unit=unit,
                direction=direction,
                warning_value=Decimal(warning),
                breach_value=Decimal(breach),
                source="computed",
                computed_key=key,
            )
    record_computed_measurements(timezone.localdate(), organization_ids=[organization.pk])
