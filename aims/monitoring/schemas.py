"""API shapes of metrics and measurements: query parameters, input for create, patch and posting, output."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from aims.monitoring import queries
from aims.monitoring.actions import BATCH_LIMIT
from aims.monitoring.models import HELP, Measurement, Metric

Frequency = Literal["daily", "weekly", "monthly", "quarterly", "yearly"]
Direction = Literal["higher_better", "lower_better"]
Source = Literal["manual", "api", "computed"]
RiskClass = Literal["prohibited", "high", "limited", "minimal", ""]
Stage = Literal[
    "inception", "design_development", "verification_validation", "deployment", "operation_monitoring",
    "reevaluation", "retirement",
]  # fmt: skip
OWNER = "The email of the member who measures and evaluates it."
SYSTEM = "The reference of the AI system it is about (e.g. AIS-001)."
VALUE = Field(..., description=HELP["value"], max_digits=20, decimal_places=6)


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class OptionalOrganizationParam(Schema):
    organization: str | None = Field(
        None, max_length=60, description="The organisation's slug; needed to name a metric by reference."
    )


class MetricQuery(OrganizationParam):
    q: str = Field("", max_length=200, description="Search in reference, name and description.")
    source: Source | None = None
    ai_system: str | None = Field(None, max_length=40, description="Only metrics of this AI system.")
    breached: bool = Field(False, description="Only metrics whose latest value is beyond the breach value.")


class MeasurementQuery(OptionalOrganizationParam):
    since: date | None = Field(None, description="Only measurements from this day on.")
    until: date | None = Field(None, description="Only measurements up to this day (included).")


class SystemFilterIn(Schema):
    """Which AI systems a computed metric about AI systems counts (impact or risk assessment coverage, risks
    above the appetite); each field left out does not filter. Refused (422) for any other metric."""

    model_config = ConfigDict(extra="forbid")

    risk_class: list[RiskClass] = Field(
        [], description='Only systems of these EU AI Act classes ("" is not classified).'
    )
    lifecycle_stage: list[Stage] = Field([], description="Only systems at these life-cycle stages.")
    in_scope: bool | None = Field(
        None,
        description="true: only systems inside the AIMS scope; false: only those outside it. Left out, "
        "coverage counts the systems in scope and risks above the appetite those of any system.",
    )
    owner: str | None = Field(None, max_length=254, description="Only systems owned by this member (email).")


class SystemFilterOut(Schema):
    risk_class: list[str] = Field(..., description="EU AI Act classes counted; empty: any.")
    lifecycle_stage: list[str] = Field(..., description="Life-cycle stages counted; empty: any.")
    in_scope: bool | None = Field(..., description="Scope counted; null: the computation's default.")
    owner: str | None = Field(..., description="The email of the owner of the systems counted.")
    description: str = Field(..., description="The AI systems counted, in words.")


class MetricIn(Schema):
    name: str = Field(..., min_length=1, max_length=200, description=HELP["name"])
    description: str = Field("", description=HELP["description"])
    method: str = Field("", description=HELP["method"])
    frequency: Frequency = Field("monthly", description=HELP["frequency"])
    owner: str | None = Field(None, max_length=254, description=OWNER)
    unit: str = Field("", max_length=30, description=HELP["unit"])
    direction: Direction = Field("higher_better", description=HELP["direction"])
    warning_value: Decimal | None = Field(None, description=HELP["warning_value"])
    breach_value: Decimal | None = Field(None, description=HELP["breach_value"])
    ai_system: str | None = Field(None, max_length=40, description=SYSTEM)
    source: Source = Field("manual", description=HELP["source"])
    computed_key: str = Field("", max_length=40, description=HELP["computed_key"])
    computed_filter: SystemFilterIn | None = Field(
        None, description=f"{HELP['computed_filter']} Null for none."
    )


class MetricPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = None
    method: str | None = None
    frequency: Frequency | None = None
    owner: str | None = Field(None, max_length=254, description=OWNER)
    unit: str | None = Field(None, max_length=30)
    direction: Direction | None = None
    warning_value: Decimal | None = None
    breach_value: Decimal | None = None
    ai_system: str | None = Field(None, max_length=40, description=SYSTEM)
    source: Source | None = None
    computed_key: str | None = Field(None, max_length=40)
    computed_filter: SystemFilterIn | None = Field(
        None, description=f"{HELP['computed_filter']} Replaces the whole filter; null for none."
    )


class MeasurementIn(Schema):
    value: Decimal = VALUE
    measured_at: datetime | None = Field(None, description=f"{HELP['measured_at']} Now if left out.")
    note: str = Field("", max_length=500, description=HELP["note"])


class MeasurementBatchIn(Schema):
    measurements: list[MeasurementIn] = Field(
        ...,
        min_length=1,
        max_length=BATCH_LIMIT,
        description="Up to 1,000 measurements, recorded all or none.",
    )


class MeasurementOut(Schema):
    id: int
    metric: str
    value: Decimal
    measured_at: datetime
    note: str
    source: str
    level: str = Field(..., description="ok, warning or breach: where the value stood when recorded.")
    recorded_by: str | None = None

    @staticmethod
    def resolve_metric(obj: Measurement) -> str:
        return obj.metric.reference

    @staticmethod
    def resolve_recorded_by(obj: Measurement) -> str | None:
        return obj.recorded_by.email if obj.recorded_by else None


class BatchOut(Schema):
    recorded: int
    last_level: str


class MetricOut(Schema):
    id: int
    organization: str
    reference: str
    name: str
    description: str
    method: str
    frequency: str
    owner: str | None = None
    unit: str
    direction: str
    warning_value: Decimal | None
    breach_value: Decimal | None
    ai_system: str | None = None
    source: str
    computed_key: str
    computed_filter: SystemFilterOut | None = Field(
        None, description="For a computed metric about AI systems, those it counts; null: not filtered."
    )
    last_value: Decimal | None
    last_measured_at: datetime | None
    last_level: str
    next_due_on: date | None = Field(None, description="When a manual metric should next be measured.")
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_organization(obj: Metric) -> str:
        return obj.organization.slug

    @staticmethod
    def resolve_owner(obj: Metric) -> str | None:
        return obj.owner.email if obj.owner else None

    @staticmethod
    def resolve_ai_system(obj: Metric) -> str | None:
        return obj.ai_system.reference if obj.ai_system else None

    @staticmethod
    def resolve_computed_filter(obj: Metric) -> dict[str, Any] | None:
        systems = obj.system_filter
        if systems.is_empty:
            return None
        email, _ = queries.filter_owner(obj)
        return {
            "risk_class": list(systems.risk_class),
            "lifecycle_stage": list(systems.lifecycle_stage),
            "in_scope": systems.in_scope,
            "owner": email,
            "description": queries.filter_words(obj),
        }
