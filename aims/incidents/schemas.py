"""API shapes of incidents: query parameters, input for create, patch and transitions, output."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from aims.incidents.models import HELP, Incident, IncidentCommunication

Severity = Literal["low", "medium", "high", "critical"]
Status = Literal["open", "contained", "resolved", "closed"]
SeriousKind = Literal["general", "widespread_or_critical_infrastructure", "death"]
Audience = Literal["users", "affected_people", "authority", "supplier", "customer", "internal", "other"]
SYSTEMS = "The references of the AI systems involved (e.g. AIS-001)."
OWNER = "The email of the member who coordinates the response."


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class IncidentQuery(OrganizationParam):
    q: str = Field("", max_length=200, description="Search in reference, title, what happened and harm.")
    ai_system: str | None = Field(None, max_length=40, description="Only incidents of this AI system.")
    status: Status | None = None
    severity: Severity | None = None
    serious: bool | None = Field(None, description="Only serious (true) or not serious (false) incidents.")
    overdue: bool = Field(False, description="Only serious incidents not reported past their deadline.")


class IncidentIn(Schema):
    ai_systems: list[str] = Field(default_factory=list, description=SYSTEMS)
    title: str = Field(..., min_length=1, max_length=200, description=HELP["title"])
    what_happened: str = Field(..., min_length=1, description=HELP["what_happened"])
    harm: str = Field("", description=HELP["harm"])
    severity: Severity = Field(..., description=HELP["severity"])
    detected_on: date = Field(..., description=HELP["detected_on"])
    detected_how: str = Field("", max_length=300, description=HELP["detected_how"])
    became_aware_at: datetime = Field(..., description=HELP["became_aware_at"])
    containment: str = Field("", description=HELP["containment"])
    owner: str | None = Field(None, max_length=254, description=OWNER)


class IncidentPatch(Schema):
    ai_systems: list[str] | None = Field(None, description=SYSTEMS)
    title: str | None = Field(None, min_length=1, max_length=200)
    what_happened: str | None = Field(None, min_length=1)
    harm: str | None = None
    severity: Severity | None = None
    detected_on: date | None = None
    detected_how: str | None = Field(None, max_length=300)
    became_aware_at: datetime | None = None
    containment: str | None = None
    owner: str | None = Field(None, max_length=254, description=OWNER)


class StatusIn(Schema):
    status: Status


class SeriousnessIn(Schema):
    is_serious: bool = Field(..., description=HELP["is_serious"])
    serious_kind: SeriousKind | Literal[""] = Field("", description=HELP["serious_kind"])


class ReportIn(Schema):
    reported_at: datetime = Field(..., description=HELP["reported_to_authority_at"])
    authority: str = Field(..., min_length=1, max_length=200, description=HELP["authority"])


class CommunicationIn(Schema):
    sent_at: datetime
    audience: Audience
    recipient: str = Field("", max_length=200)
    message: str = Field(..., min_length=1)
    channel: str = Field("", max_length=100)


class CommunicationOut(Schema):
    id: int
    sent_at: datetime
    audience: str
    recipient: str
    message: str
    channel: str
    told_by: str | None = None

    @staticmethod
    def resolve_told_by(obj: IncidentCommunication) -> str | None:
        return obj.told_by.email if obj.told_by else None


class IncidentOut(Schema):
    id: int
    organization: str
    reference: str
    ai_systems: list[str]
    title: str
    what_happened: str
    harm: str
    severity: str
    detected_on: date
    detected_how: str
    became_aware_at: datetime
    containment: str
    status: str
    owner: str | None = None
    is_serious: bool
    serious_kind: str
    deadline: datetime | None = Field(None, description="When the report to the authority is due.")
    is_overdue: bool
    reported_to_authority_at: datetime | None
    authority: str
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_organization(obj: Incident) -> str:
        return obj.organization.slug

    @staticmethod
    def resolve_ai_systems(obj: Incident) -> list[str]:
        return sorted(s.reference for s in obj.ai_systems.all())

    @staticmethod
    def resolve_owner(obj: Incident) -> str | None:
        return obj.owner.email if obj.owner else None
