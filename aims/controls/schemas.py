"""API shapes of the controls and the SoA: query parameters, input for patch and approval, and output."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema

from aims.controls.models import HELP
from aims.controls.queries import group_of, relied_on

DecisionValue = Literal["undecided", "included", "excluded"]
StatusValue = Literal["not_started", "planned", "partial", "implemented", "not_applicable"]
ReasonKind = Literal["risk_treatment", "legal_regulatory", "contractual", "business_need", "best_practice"]
OWNER = "The owner's e-mail address. " + HELP["owner"]


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class ControlQuery(OrganizationParam):
    q: str = Field("", max_length=200, description="Search in ID and title.")
    decision: DecisionValue | None = None
    status: StatusValue | None = Field(None, description="Implementation status.")
    group: str | None = Field(None, max_length=20, description='Annex A objective ("A.6"), or "own".')


class ReasonOut(Schema):
    kind: ReasonKind
    note: str
    obligations: list[str] = Field(description="References of the cited obligations.")


class RelianceOut(Schema):
    kind: str
    reference: str
    title: str


class ControlOut(Schema):
    id: int
    reference: str
    title: str
    description: str
    group: str = Field(description='The Annex A objective ("A.6"), or "own" for the organisation\'s own.')
    is_custom: bool
    decision: DecisionValue
    reasons: list[ReasonOut]
    relied_on_by: list[RelianceOut] = Field(description="Records (risk treatments) relying on the control.")
    exclusion_justification: str
    implementation_status: StatusValue
    owner: str | None = Field(None, description="The owner's e-mail address.")
    implementation: str
    target_on: date | None

    @staticmethod
    def resolve_group(obj: Any) -> str:
        return group_of(obj)[0]

    @staticmethod
    def resolve_reasons(obj: Any) -> list[dict[str, Any]]:
        return [
            {"kind": r.kind, "note": r.note, "obligations": [o.reference for o in r.obligations.all()]}
            for r in obj.reasons.all()
        ]

    @staticmethod
    def resolve_relied_on_by(obj: Any) -> list[dict[str, str]]:
        return [{"kind": r.kind, "reference": r.reference, "title": r.title} for r in relied_on(obj)]

    @staticmethod
    def resolve_owner(obj: Any) -> str | None:
        return obj.owner.email if obj.owner else None


class ReasonIn(Schema):
    kind: ReasonKind = Field(..., description=HELP["reason_kind"])
    note: str = Field("", max_length=2000, description=HELP["reason_note"])
    obligations: list[str] = Field(
        default_factory=list, description="References of obligations (legal and contractual reasons only)."
    )


class ControlPatch(Schema):
    """The applicability (decision, reasons, justification: given together) and/or the implementation."""

    decision: DecisionValue | None = Field(None, description=HELP["decision"])
    reasons: list[ReasonIn] | None = Field(None, description="For an inclusion: at least one reason.")
    exclusion_justification: str | None = Field(None, description=HELP["exclusion_justification"])
    implementation_status: StatusValue | None = Field(None, description=HELP["implementation_status"])
    owner: str | None = Field(None, max_length=254, description=OWNER)
    implementation: str | None = Field(None, description=HELP["implementation"])
    target_on: date | None = Field(None, description=HELP["target_on"])


class CustomControlIn(Schema):
    reference: str = Field("", max_length=30, description=HELP["reference"] + " Empty: the next ORG number.")
    title: str = Field(..., min_length=1, max_length=300, description=HELP["title"])
    description: str = Field("", description=HELP["description"])


class ApproveIn(Schema):
    note: str = Field("", max_length=4000, description="What changed since the last version, for the record.")


class VersionOut(Schema):
    number: int
    approved_by: str = Field(description="The approver's name when approving.")
    approved_at: datetime
    note: str
    content_hash: str = Field(description="SHA-256 of the snapshot's canonical JSON.")

    @staticmethod
    def resolve_approved_by(obj: Any) -> str:
        return str(obj.approved_by_name)


class VersionDetailOut(VersionOut):
    snapshot: dict[str, Any] = Field(description="Every control's entry as approved.")


class ExportQuery(Schema):
    format: Literal["xlsx", "docx", "pdf"] = "xlsx"
