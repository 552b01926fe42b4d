"""Metrics, measurements, thresholds and trends (9.1): what is measured, how and how often, by whom, and
the values recorded by hand, posted by other tools, or computed by aims from its own records."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.monitoring.system_filter import SystemFilter, from_stored
from aims.organizations.models import Organization

HELP = {
    "reference": "aims numbers metrics MET-001, MET-002, … in each organisation.",
    "name": "A short name, such as “Credit model accuracy” or “Fairness gap by age band”.",
    "description": "What it measures and why: the question it answers about the AI management system.",
    "method": "How it is measured: the data, the calculation, the tool (9.1).",
    "frequency": "How often it is measured; a manual metric is due again one period after its last value.",
    "owner": "The member who measures it and evaluates the results; warned when a threshold is crossed.",
    "unit": "The unit of the values, such as %, count, days or points.",
    "direction": "Whether a higher or a lower value is better; thresholds are read this way.",
    "warning_value": "Crossing this value raises a warning: below it when higher is better, above it when "
    "lower is better.",
    "breach_value": "Crossing this value is a breach: below it when higher is better, above it when lower "
    "is better.",
    "ai_system": "The AI system it is about, if any, such as a model's accuracy or drift.",
    "source": "Manual: entered by a member; API: posted by another tool with an API token; computed: "
    "calculated every day by aims from its own records.",
    "computed_key": "For a computed metric, what aims calculates.",
    "computed_filter": "For a computed metric about AI systems, which systems it counts: by EU AI Act class, "
    "scope, life-cycle stage and owner, as the AI system register filters them. Empty: every system in "
    "scope (for coverage), every risk (for risks above the appetite).",
    "value": "The measured value, in the metric's unit.",
    "measured_at": "When the value was measured.",
    "note": "Anything the value needs to be read right: a data problem, a new model version.",
}

PERIOD_DAYS = {"daily": 1, "weekly": 7, "monthly": 31, "quarterly": 92, "yearly": 366}


class Direction(models.TextChoices):
    HIGHER = "higher_better", "Higher is better"
    LOWER = "lower_better", "Lower is better"


class Level(models.TextChoices):
    """Where a value stands against the metric's thresholds."""

    OK = "ok", "Within thresholds"
    WARNING = "warning", "Warning"
    BREACH = "breach", "Breach"


def level_of(value: Decimal, direction: str, warning: Decimal | None, breach: Decimal | None) -> str:
    """The threshold level of a value: beyond the breach value is a breach, else beyond the warning value a
    warning. "Beyond" is below when higher is better, above when lower is better; the threshold itself is
    still within."""

    def beyond(limit: Decimal | None) -> bool:
        if limit is None:
            return False
        return value < limit if direction == Direction.HIGHER else value > limit

    if beyond(breach):
        return Level.BREACH
    if beyond(warning):
        return Level.WARNING
    return Level.OK


class MetricQuerySet(models.QuerySet["Metric"]):
    def breached(self) -> MetricQuerySet:
        """Metrics whose latest value is beyond the breach value."""
        return self.filter(last_level=Level.BREACH)

    def with_filter_owner(self) -> MetricQuerySet:
        """With the email and name of the owner its AI-system filter names (`filter_owner_email`,
        `filter_owner_name`), so that lists say the filter without a query per row."""
        owner = User.objects.filter(pk=models.OuterRef("filter_owner_id"))
        return self.annotate(
            filter_owner_id=Cast(KT("computed_filter__owner"), models.BigIntegerField())
        ).annotate(
            filter_owner_email=models.Subquery(owner.values("email")[:1]),
            filter_owner_name=models.Subquery(
                owner.values(
                    name=Coalesce(
                        NullIf("full_name", models.Value("")), "email", output_field=models.CharField()
                    )
                )[:1]
            ),
        )


class Metric(models.Model):
    evidences: ClassVar[tuple[str, ...]] = ("9.1",)

    class Frequency(models.TextChoices):
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        YEARLY = "yearly", "Yearly"

    class Source(models.TextChoices):
        MANUAL = "manual", "Manual"
        API = "api", "API"
        COMPUTED = "computed", "Computed by aims"

    Direction = Direction

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField(help_text="The number in the reference: 12 for MET-012.")
    reference = models.CharField(max_length=20, help_text=HELP["reference"])
    name = models.CharField(max_length=200, help_text=HELP["name"])
    description = models.TextField("what and why", blank=True, help_text=HELP["description"])
    method = models.TextField(blank=True, help_text=HELP["method"])
    frequency = models.CharField(
        max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY, help_text=HELP["frequency"]
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["owner"],
    )
    unit = models.CharField(max_length=30, blank=True, help_text=HELP["unit"])
    direction = models.CharField(
        max_length=15, choices=Direction.choices, default=Direction.HIGHER, help_text=HELP["direction"]
    )
    warning_value = models.DecimalField(
        "warning threshold", max_digits=20, decimal_places=6, null=True, blank=True,
        help_text=HELP["warning_value"],
    )  # fmt: skip
    breach_value = models.DecimalField(
        "breach threshold", max_digits=20, decimal_places=6, null=True, blank=True,
        help_text=HELP["breach_value"],
    )  # fmt: skip
    ai_system = models.ForeignKey(
        AISystem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="metrics",
        verbose_name="AI system",
        help_text=HELP["ai_system"],
    )
    source = models.CharField(
        max_length=10, choices=Source.choices, default=Source.MANUAL, help_text=HELP["source"]
    )
    computed_key = models.CharField(
        "computed from", max_length=40, blank=True, help_text=HELP["computed_key"]
    )
    computed_filter = models.JSONField(
        "AI systems counted", default=dict, blank=True, help_text=HELP["computed_filter"]
    )
    # The latest measurement, kept on the metric so that lists read it without a query per row.
    last_value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    last_measured_at = models.DateTimeField(null=True, blank=True)
    last_level = models.CharField(max_length=10, choices=Level.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = MetricQuerySet.as_manager()

    class Meta:
        ordering = ("number",)
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="met_unique_number"),
            models.UniqueConstraint(fields=["organization", "reference"], name="met_unique_reference"),
        ]
        indexes = [
            models.Index(fields=["organization", "source", "number"], name="met_org_source"),
            models.Index(fields=["organization", "last_level", "number"], name="met_org_level"),
            models.Index(fields=["organization", "ai_system", "number"], name="met_org_system"),
            models.Index(fields=["source", "computed_key"], name="met_computed"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}"

    @property
    def period(self) -> timedelta:
        return timedelta(days=PERIOD_DAYS[self.frequency])

    @property
    def next_due_on(self) -> date | None:
        """When a manual metric should next be measured: one period after its latest value."""
        if self.source != self.Source.MANUAL or self.last_measured_at is None:
            return None
        return timezone.localdate(self.last_measured_at) + self.period

    def level_of(self, value: Decimal) -> str:
        return level_of(value, self.direction, self.warning_value, self.breach_value)

    @property
    def system_filter(self) -> SystemFilter:
        """Which AI systems a computed metric counts (empty: as its computation does by default)."""
        return from_stored(self.computed_filter)

    @property
    def is_breached(self) -> bool:
        return self.last_level == Level.BREACH


class Measurement(models.Model):
    """One value of a metric (9.1: evidence of the results)."""

    evidences: ClassVar[tuple[str, ...]] = ("9.1",)

    class Source(models.TextChoices):
        MANUAL = "manual", "Entered by hand"
        API = "api", "Posted through the API"
        COMPUTED = "computed", "Computed by aims"

    metric = models.ForeignKey(Metric, on_delete=models.CASCADE, related_name="measurements")
    value = models.DecimalField(max_digits=20, decimal_places=6, help_text=HELP["value"])
    measured_at = models.DateTimeField(help_text=HELP["measured_at"])
    note = models.CharField(max_length=500, blank=True, help_text=HELP["note"])
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.MANUAL)
    level = models.CharField(
        max_length=10, choices=Level.choices, default=Level.OK,
        help_text="Where the value stood against the thresholds when it was recorded.",
    )  # fmt: skip
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The member who entered it, or whose API token posted it; none when computed.",
    )
    computed_on = models.DateField(
        null=True, blank=True, help_text="For computed values: the day they are for (one per day)."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-measured_at", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=["metric", "computed_on"],
                condition=models.Q(computed_on__isnull=False),
                name="measurement_one_computed_per_day",
            )
        ]
        indexes = [
            models.Index(fields=["metric", "measured_at"], name="measurement_metric_time"),
            models.Index(fields=["metric", "level", "measured_at"], name="measurement_metric_level"),
        ]

    def __str__(self) -> str:
        return f"{self.value} at {self.measured_at:%Y-%m-%d %H:%M}"
