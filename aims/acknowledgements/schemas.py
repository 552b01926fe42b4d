"""API shapes of acknowledgement campaigns: query parameters, input and output."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from aims.acknowledgements.models import HELP, Campaign


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class CampaignQuery(OrganizationParam):
    state: Literal["open", "closed", "all"] = Field(
        "open", description="`open` (default), `closed` or `all`."
    )
    q: str = Field("", max_length=200, description="Search in the document's reference and title.")


class RequestQuery(Schema):
    state: Literal["pending", "acknowledged", "all"] = "all"


class MineQuery(Schema):
    organization: str | None = Field(None, max_length=60, description="Only this organisation's (its slug).")


class CampaignIn(Schema):
    version: int = Field(..., description="The id of the published document version to acknowledge.")
    due_on: date | None = Field(None, description=HELP["due_on"])
    message: str = Field("", max_length=2000, description=HELP["message"])


class CampaignOut(Schema):
    id: int
    organization: str = Field(..., alias="organization.slug")
    document: int = Field(..., alias="version.document_id")
    reference: str = Field(..., alias="version.document.reference")
    title: str = Field(..., alias="version.document.title")
    version: int = Field(..., alias="version.number")
    version_id: int
    started_by: str | None = None
    started_at: datetime
    due_on: date | None
    message: str
    closed_at: datetime | None
    is_open: bool
    is_overdue: bool
    acknowledged: int = Field(..., description="How many recipients have acknowledged.")
    total: int = Field(..., description="How many recipients were asked.")

    @staticmethod
    def resolve_started_by(campaign: Campaign) -> str | None:
        return campaign.started_by.email if campaign.started_by else None


class RequestOut(Schema):
    id: int
    campaign: int = Field(..., alias="campaign_id")
    recipient: str = Field(..., alias="recipient.email")
    acknowledged_at: datetime | None
    reminders_sent: int
    last_reminded_at: datetime | None


class PendingOut(RequestOut):
    organization: str = Field(..., alias="campaign.organization.slug")
    reference: str = Field(..., alias="campaign.version.document.reference")
    title: str = Field(..., alias="campaign.version.document.title")
    version: int = Field(..., alias="campaign.version.number")
    due_on: date | None = Field(None, alias="campaign.due_on")
    body: str = Field(..., alias="campaign.version.body", description="The version's text, in Markdown.")


class RemindOut(Schema):
    sent: int = Field(..., description="How many reminders were e-mailed.")
