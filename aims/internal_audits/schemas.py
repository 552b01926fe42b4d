"""API shapes of internal audits: query parameters, input for create, patch and transitions, output."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from aims.internal_audits.models import HELP, AuditProgramme, ChecklistItem, InternalAudit

MethodName = Literal["interviews", "document_review", "sampling", "observation", "technical_testing"]
Status = Literal["planned", "in_progress", "reported", "closed", "cancelled"]
ResultName = Literal["not_assessed", "conforming", "major", "minor", "observation", "ofi"]
SCOPE = "References of clauses, Annex A objectives or controls (e.g. 6, 7.5, A.6.2.4)."
SYSTEMS = "References of the AI systems audited (e.g. AIS-001)."
TEAM = "E-mails of the other auditors."


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class AuditQuery(OrganizationParam):
    q: str = Field("", max_length=200, description="Search in reference, title, criteria and plan.")
    status: Status | None = None
    programme: int | None = Field(None, description="Only audits of this programme (its id).")


class ProgrammeIn(Schema):
    name: str = Field(..., min_length=1, max_length=200, description=HELP["programme_name"])
    cycle: str = Field(..., min_length=1, max_length=20, description=HELP["cycle"])
    period_start: date
    period_end: date
    frequency: str = Field("", description=HELP["frequency"])
    methods: list[MethodName] = Field(default_factory=list, description=HELP["methods"])
    criteria: str = Field("", description=HELP["programme_criteria"])
    scope: str = Field("", description=HELP["programme_scope"])
    responsibilities: str = Field("", description=HELP["responsibilities"])
    objectives: str = Field("", description=HELP["objectives"])


class ProgrammePatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    cycle: str | None = Field(None, min_length=1, max_length=20)
    period_start: date | None = None
    period_end: date | None = None
    frequency: str | None = None
    methods: list[MethodName] | None = None
    criteria: str | None = None
    scope: str | None = None
    responsibilities: str | None = None
    objectives: str | None = None


class ProgrammeOut(Schema):
    id: int
    organization: str
    name: str
    cycle: str
    period_start: date
    period_end: date
    frequency: str
    methods: list[str]
    criteria: str
    scope: str
    responsibilities: str
    objectives: str
    status: str
    approved_by: str | None = None
    approved_at: datetime | None

    @staticmethod
    def resolve_organization(obj: AuditProgramme) -> str:
        return obj.organization.slug

    @staticmethod
    def resolve_approved_by(obj: AuditProgramme) -> str | None:
        return obj.approved_by.email if obj.approved_by else None


class AuditIn(Schema):
    programme: int | None = Field(None, description=HELP["programme"])
    title: str = Field(..., min_length=1, max_length=200, description=HELP["title"])
    scope_items: list[str] = Field(..., min_length=1, description=SCOPE)
    ai_systems: list[str] = Field(default_factory=list, description=SYSTEMS)
    criteria: str = Field("", description=HELP["criteria"])
    lead_auditor: str = Field(..., max_length=254, description="E-mail of the lead auditor.")
    team: list[str] = Field(default_factory=list, description=TEAM)
    plan: str = Field("", description=HELP["plan"])
    planned_start: date
    planned_end: date


class AuditPatch(Schema):
    programme: int | None = None
    title: str | None = Field(None, min_length=1, max_length=200)
    scope_items: list[str] | None = Field(None, description=SCOPE)
    ai_systems: list[str] | None = Field(None, description=SYSTEMS)
    criteria: str | None = None
    lead_auditor: str | None = Field(None, max_length=254)
    team: list[str] | None = Field(None, description=TEAM)
    plan: str | None = None
    planned_start: date | None = None
    planned_end: date | None = None


class ReportIn(Schema):
    conclusion: str | None = Field(None, description=HELP["conclusion"])
    ended_on: date | None = Field(None, description="The day fieldwork ended; today if left out.")


class AuditOut(Schema):
    id: int
    organization: str
    reference: str
    programme: int | None
    title: str
    scope_items: list[str]
    ai_systems: list[str]
    criteria: str
    lead_auditor: str
    team: list[str]
    plan: str
    planned_start: date
    planned_end: date
    actual_start: date | None
    actual_end: date | None
    status: str
    conclusion: str
    reported_on: date | None
    closed_on: date | None

    @staticmethod
    def resolve_organization(obj: InternalAudit) -> str:
        return obj.organization.slug

    @staticmethod
    def resolve_programme(obj: InternalAudit) -> int | None:
        return obj.programme_id

    @staticmethod
    def resolve_scope_items(obj: InternalAudit) -> list[str]:
        return [i.ref for i in obj.scope_items.all()]

    @staticmethod
    def resolve_ai_systems(obj: InternalAudit) -> list[str]:
        return [s.reference for s in obj.ai_systems.all()]

    @staticmethod
    def resolve_lead_auditor(obj: InternalAudit) -> str:
        return obj.lead_auditor.email

    @staticmethod
    def resolve_team(obj: InternalAudit) -> list[str]:
        return [u.email for u in obj.team.all()]


class ResultIn(Schema):
    result: ResultName = Field(..., description=HELP["result"])
    notes: str = Field("", description=HELP["notes"])
    evidence: list[str] | None = Field(None, description="References of evidence items (EV-0001).")
    evidence_references: str = Field("", description=HELP["evidence_references"])


class NonconformityIn(Schema):
    title: str = Field("", max_length=200, description="A short statement; made from the item if left out.")
    description: str = Field("", description="What was found; the item's notes if left out.")
    owner: str | None = Field(None, max_length=254, description="E-mail of the member who will correct it.")
    due_on: date | None = None


class NonconformityOut(Schema):
    id: int
    reference: str
    title: str
    grade: str
    status: str
    source_reference: str


class ItemOut(Schema):
    id: int
    ref: str
    group: str
    title: str
    guidance: str
    result: str
    notes: str
    evidence: list[str]
    evidence_references: str
    assessed_by: str | None = None
    assessed_at: datetime | None
    nonconformity: str | None = None

    @staticmethod
    def resolve_evidence(obj: ChecklistItem) -> list[str]:
        return [e.reference for e in obj.evidence.all()]

    @staticmethod
    def resolve_assessed_by(obj: ChecklistItem) -> str | None:
        return obj.assessed_by.email if obj.assessed_by else None

    @staticmethod
    def resolve_nonconformity(obj: ChecklistItem) -> str | None:
        return obj.nonconformity.reference if obj.nonconformity else None


class GeneratedOut(Schema):
    added: int
    total: int
