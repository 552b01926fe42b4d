"""API shapes of notices."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

from aims.reminders.models import Notice


class NoticeQuery(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")
    unread: bool = Field(False, description="Only the notices not read yet.")


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class NoticeOut(Schema):
    id: int
    organization: str
    kind: str
    level: str = Field(description="info, due_soon, overdue or alert.")
    subject: str
    body: str
    url: str = Field(description="The record's page within aims.")
    created_at: datetime
    read_at: datetime | None
    emailed_at: datetime | None

    @staticmethod
    def resolve_organization(obj: Notice) -> str:
        return obj.organization.slug


class ReadAllOut(Schema):
    marked: int = Field(description="How many notices were marked read.")
