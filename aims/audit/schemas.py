"""API shapes of the audit trail: the list's query parameters and one event."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone
from ninja import Field, Schema
from pydantic import model_validator

from aims.audit.queries import EventFilter


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None or timezone.is_aware(moment):
        return moment
    return timezone.make_aware(moment)


class AuditEventQuery(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")
    actor: str = Field("", max_length=254, description="Who acted: an e-mail address, or `system`.")
    verb: str = Field("", max_length=80, description="The action, e.g. `membership.created`.")
    target_type: str = Field("", max_length=80, description="The object's type, e.g. `risks.risk`.")
    since: datetime | None = Field(None, description="From this time on (ISO 8601; a date means midnight).")
    until: datetime | None = Field(None, description="Before this time (exclusive).")

    @model_validator(mode="after")
    def _range_goes_forward(self) -> AuditEventQuery:
        self.since, self.until = _aware(self.since), _aware(self.until)
        if self.since and self.until and self.since >= self.until:
            raise ValueError("`until` must be later than `since`.")
        return self

    def event_filter(self) -> EventFilter:
        return EventFilter(
            actor=self.actor, verb=self.verb, target_type=self.target_type, since=self.since, until=self.until
        )


class AuditEventOut(Schema):
    id: int
    seq: int = Field(..., description="Position in the organisation's hash chain, from 1.")
    created_at: datetime
    actor: str = Field(..., alias="actor_label", description="Who acted: e-mail at the time, or `system`.")
    verb: str
    target_type: str
    target_id: str
    target_label: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    data: dict[str, Any]
    prev_hash: str
    hash: str
