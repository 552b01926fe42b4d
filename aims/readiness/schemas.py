"""API shapes of readiness: the whole result, one clause, one rule, the thresholds, the trend."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

SeverityName = Literal["stage1_blocker", "stage2_nonconformity", "observation"]


class ReadinessQuery(Schema):
    organization: str = Field(..., description="The organisation's slug.")
    stage: Literal["1", "2"] | None = Field(
        None, description='"1": only Stage 1 blockers; "2": blockers and Stage 2 nonconformities.'
    )
    clause: str | None = Field(
        None, max_length=20, description='Only rules testing this clause, such as "9.3".'
    )
    failing: bool = Field(False, description="Only the rules that do not pass.")


class OrganizationParam(Schema):
    organization: str = Field(..., description="The organisation's slug.")


class LinkOut(Schema):
    label: str
    url: str = Field(..., description="The page within aims, relative to the site.")


class RuleOut(Schema):
    id: str = Field(..., description='Stable, such as "4.3-scope-approved".')
    refs: list[str] = Field(..., description="The clauses or Annex A controls the rule tests.")
    title: str
    severity: SeverityName
    status: Literal["pass", "fail", "error"] = Field(
        ..., description='"error": the check could not be evaluated; it counts as not satisfied.'
    )
    message: str = Field(..., description="What is missing, or what holds, in plain words.")
    records: list[LinkOut] = Field(..., description="The records at fault (the first 20).")
    count: int = Field(..., description="How many records are at fault in all.")
    fix: LinkOut | None = Field(None, description="Where to fix it.")


class RequirementOut(Schema):
    ref: str
    title: str
    status: Literal["satisfied", "not_satisfied", "untested"]
    worst_severity: SeverityName | None
    failing_rules: int
    rules: list[str] = Field(..., description="The ids of the rules that test it.")


class SummaryOut(Schema):
    clauses_satisfied: int
    clauses_total: int
    controls_satisfied: int
    controls_total: int
    blockers: int
    nonconformities: int
    observations: int
    unevaluated: int


class ReadinessOut(Schema):
    organization: str
    judged_on: date
    computed_at: datetime
    summary: SummaryOut
    clauses: list[RequirementOut]
    controls: list[RequirementOut] = Field(..., description="The included Annex A controls.")
    rules: list[RuleOut]


class ClauseOut(RequirementOut):
    results: list[RuleOut] = Field(
        ..., description="The results of the rules that test it or its sub-clauses."
    )


class SettingsOut(Schema):
    acknowledgement_percent: int
    risk_assessment_months: int
    impact_assessment_months: int
    management_review_months: int
    audit_cycle_months: int
    due_soon_days: int


class SettingsPatch(Schema):
    acknowledgement_percent: int | None = Field(None, ge=0, le=100)
    risk_assessment_months: int | None = Field(None, ge=1, le=60)
    impact_assessment_months: int | None = Field(None, ge=1, le=60)
    management_review_months: int | None = Field(None, ge=1, le=60)
    audit_cycle_months: int | None = Field(None, ge=1, le=60)
    due_soon_days: int | None = Field(None, ge=1, le=365)


class SnapshotOut(Schema):
    taken_on: date
    clauses_satisfied: int
    clauses_total: int
    controls_satisfied: int
    controls_total: int
    blockers: int
    nonconformities: int
    observations: int
