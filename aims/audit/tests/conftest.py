"""Audit-trail fixtures: a few events in each organisation, and ways to tamper with them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.db import connection

from aims.audit.models import AuditEvent
from aims.audit.trail import NewEvent, append_events, record
from aims.web.testing import Personas

START = datetime.fromisoformat("2026-03-01T09:00:00+00:00")


@pytest.fixture
def acme_events(personas: Personas) -> list[AuditEvent]:
    """Five events in Acme, by different people, and two in Globex."""
    org = personas.org
    made = [
        record(
            actor=personas.owner,
            verb="organization.updated",
            target=org,
            before={"name": "A"},
            after={"name": "Acme AI"},
        ),
        record(actor=personas.manager, verb="membership.created", target=org, data={"user": "x@acme.test"}),
        record(actor=personas.manager, verb="membership.role_changed", target=org, data={"role": "auditor"}),
        record(actor=None, verb="risk.reviewed", organization=org, data={"note": "nightly"}),
        record(actor=personas.owner, verb="membership.removed", target=org, data={"user": "x@acme.test"}),
    ]
    record(
        actor=personas.outsider,
        verb="membership.created",
        target=personas.other_org,
        data={"secret": "globex"},
    )
    record(actor=personas.outsider, verb="organization.updated", target=personas.other_org)
    return made


def dated_events(personas: Personas, days: int) -> None:
    """One event a day in Acme for `days` days from START, by the manager, about risks."""
    append_events(
        personas.org,
        [
            NewEvent(
                actor_id=personas.manager.pk,
                actor_label=personas.manager.email,
                verb="risk.created",
                created_at=START + timedelta(days=day),
                target_type="risks.risk",
                target_id=str(day),
                target_label=f"Risk {day}",
                after={"title": f"Risk {day}"},
            )
            for day in range(days)
        ],
    )


def raw_sql(sql: str, params: list[str | int]) -> None:
    """Change the database behind aims's back."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def event(personas: Personas, seq: int) -> AuditEvent:
    return AuditEvent.objects.get(organization=personas.org, seq=seq)
