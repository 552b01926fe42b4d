"""External auditor fixtures: a certification body's auditor with 30 days of access to Acme, and a few
records of Acme's for them to read."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.controls.models import Control
from aims.documents.actions import create_document
from aims.documents.models import Document
from aims.organizations.models import Membership, Role, end_of_day
from aims.people.actions.roles import create_role
from aims.people.models import AIMSRole
from aims.risks import actions as risk_actions
from aims.risks.models import Risk
from aims.web.testing import Personas
from conftest import make_user


def in_days(days: int) -> Any:
    return timezone.localdate() + timedelta(days=days)


def post_json(client: Client, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def views_of(user: User) -> list[AuditEvent]:
    """The `access.viewed` events of a user, oldest first."""
    return list(AuditEvent.objects.filter(verb="access.viewed", actor=user).order_by("organization", "seq"))


def expire(membership: Membership) -> None:
    """The end date has passed: as if the clock had run on beyond it."""
    Membership.objects.filter(pk=membership.pk).update(expires_at=timezone.now() - timedelta(minutes=1))


@pytest.fixture
def external_auditor(personas: Personas) -> User:
    user = make_user("lead@certbody.test")
    Membership.objects.create(
        organization=personas.org, user=user, role=Role.EXTERNAL_AUDITOR, expires_at=end_of_day(in_days(30))
    )
    personas.external_auditor = user
    return user


@pytest.fixture
def external_membership(personas: Personas, external_auditor: User) -> Membership:
    return Membership.objects.get(organization=personas.org, user=external_auditor)


@pytest.fixture
def system(personas: Personas) -> AISystem:
    return AISystem.objects.create(
        organization=personas.org, reference="AIS-001", name="Credit scoring", purpose="Score loans"
    )


@pytest.fixture
def control(personas: Personas) -> Control:
    return Control.objects.create(organization=personas.org, reference="ORG-001", title="Fairness testing")


@pytest.fixture
def risk(personas: Personas, system: AISystem) -> Risk:
    return risk_actions.identify_risk(
        actor=personas.contributor,
        organization=personas.org,
        ai_system=system,
        title="Unfair scores for thin-file applicants",
        owner=personas.manager,
    )


@pytest.fixture
def document(personas: Personas) -> Document:
    return create_document(
        actor=personas.contributor, organization=personas.org, title="AI policy", kind="policy"
    )


@pytest.fixture
def aims_role(personas: Personas) -> AIMSRole:
    return create_role(actor=personas.manager, organization=personas.org, name="Risk officer", area="risk")
