"""API shapes of the evidence register: query parameters, input for create and patch, and output."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema

from aims.evidence.models import HELP, Evidence, EvidenceLink
from aims.evidence.queries import ALL, EvidenceFilter

OWNER = "The owner's e-mail address. " + HELP["owner"]
Ordering = Literal[
    "reference", "-reference", "title", "-title", "collected", "-collected", "valid", "-valid"
]  # fmt: skip


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class EvidenceQuery(OrganizationParam):
    q: str = Field(
        "", max_length=200, description="Search in title, description, file name, link and EV number."
    )
    kind: Literal["file", "link"] | None = None
    freshness: Literal["current", "expiring", "expired"] | None = Field(
        None, description="current, expiring (within 30 days) or expired, from valid_until and today."
    )
    status: Literal["active", "retired", "all"] = Field(
        "active", description="`active` (default), `retired` or `all`."
    )
    owner: str | None = Field(
        None, max_length=254, description="Only evidence owned by this member (e-mail)."
    )
    requirement: str = Field(
        "", max_length=30, description='Only evidence supporting this clause or control ("A.6.2.4").'
    )
    record_type: str | None = Field(
        None,
        max_length=60,
        description='With record_reference: only evidence supporting that record ("ai_systems.aisystem").',
    )
    record_reference: str | None = Field(
        None, max_length=40, description='The record\'s reference, e.g. "AIS-001".'
    )
    ordering: Ordering = "-reference"

    def evidence_filter(self, owner_id: int | None, record: Any = None) -> EvidenceFilter:
        return EvidenceFilter(
            q=self.q.strip(),
            kind=self.kind or "",
            freshness=self.freshness or "",
            status=ALL if self.status == "all" else self.status,
            owner_id=owner_id,
            requirement=self.requirement.strip(),
            record=record,
            sort=self.ordering,
        )


class EvidenceIn(Schema):
    """Multipart form fields; send either a `file` part or a `url`."""

    title: str = Field(..., min_length=1, max_length=200, description=HELP["title"])
    description: str = Field("", description=HELP["description"])
    url: str = Field("", max_length=2000, description=HELP["url"] + " Leave empty when uploading a file.")
    owner: str | None = Field(None, max_length=254, description=OWNER)
    collected_on: date = Field(..., description=HELP["collected_on"])
    valid_until: date | None = Field(None, description=HELP["valid_until"])
    requirements: str = Field(
        "",
        max_length=500,
        description='Clauses and Annex A controls it supports, comma-separated ("9.2, A.6.2.4").',
    )


class EvidencePatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = None
    url: str | None = Field(None, min_length=1, max_length=2000, description="Links only.")
    owner: str | None = Field(None, max_length=254, description=OWNER + " Empty string: no owner.")
    collected_on: date | None = None
    valid_until: date | None = None


class RetireIn(Schema):
    reason: str = Field(..., min_length=1, max_length=1000, description="Why it is no longer relied on.")


class LinkIn(Schema):
    """Either `requirement`, or `record_type` with `record_id` or `record_reference`."""

    requirement: str | None = Field(
        None, max_length=30, description='A clause or Annex A control, e.g. "A.6.2.4".'
    )
    record_type: str | None = Field(
        None,
        max_length=60,
        description='e.g. "ai_systems.aisystem", "controls.control", "documents.document".',
    )
    record_id: int | None = Field(None, description="The record's id.")
    record_reference: str | None = Field(None, max_length=40, description='Or its reference, e.g. "AIS-001".')
    note: str = Field("", max_length=300, description=HELP["note"])


class LinkOut(Schema):
    id: int
    requirement: str | None = Field(None, description="The clause or control ref, for a requirement.")
    record_type: str | None = None
    record_id: int | None = None
    record: str | None = Field(None, description="The record as people name it.")
    note: str
    created_at: datetime

    @staticmethod
    def resolve_requirement(link: EvidenceLink) -> str | None:
        return link.item.ref if link.item_id and link.item else None

    @staticmethod
    def resolve_record_type(link: EvidenceLink) -> str | None:
        if link.content_type_id is None or link.content_type is None:
            return None
        return f"{link.content_type.app_label}.{link.content_type.model}"

    @staticmethod
    def resolve_record_id(link: EvidenceLink) -> int | None:
        return link.object_id

    @staticmethod
    def resolve_record(link: EvidenceLink) -> str | None:
        return str(link.record) if link.content_type_id and link.record is not None else None


class EvidenceOut(Schema):
    id: int
    organization: str = Field(..., alias="organization.slug")
    reference: str
    title: str
    description: str
    kind: str
    file_name: str
    file_size: int | None
    sha256: str
    content_type: str
    url: str
    owner: str | None = None
    collected_on: date
    valid_until: date | None
    freshness: str = Field(..., description="current, expiring or expired, as of today.")
    status: str
    retired_reason: str
    retired_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_owner(evidence: Evidence) -> str | None:
        return evidence.owner.email if evidence.owner else None

    @staticmethod
    def resolve_freshness(evidence: Evidence) -> str:
        return str(evidence.freshness.value)
