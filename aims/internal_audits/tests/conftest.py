"""Internal audit fixtures: an AI system owned by the contributor, control A.6.2.4 owned by the manager, a
programme, and a planned audit of 7, A.6.2.4 and AIS-001 led by the auditor."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.catalog.models import CatalogItem
from aims.controls.models import Control
from aims.internal_audits import actions
from aims.internal_audits.models import AuditProgramme, InternalAudit
from aims.web.testing import Personas


def post_json(client: Client, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def items(*refs: str) -> list[CatalogItem]:
    found = {i.ref: i for i in CatalogItem.objects.filter(ref__in=refs)}
    return [found[r] for r in refs]


def plan(personas: Personas, **overrides: Any) -> InternalAudit:
    today = timezone.localdate()
    values: dict[str, Any] = {
        "title": "Support and verification",
        "scope_items": items("7", "A.6.2.4"),
        "ai_systems": list(AISystem.objects.filter(organization=personas.org)),
        "criteria": "ISO/IEC 42001",
        "lead_auditor": personas.auditor,
        "team": [],
        "planned_start": today - timedelta(days=1),
        "planned_end": today + timedelta(days=5),
    }
    values.update(overrides)
    return actions.plan_audit(
        actor=values.pop("actor", personas.manager), organization=personas.org, **values
    )


@pytest.fixture
def system(personas: Personas, catalog: None) -> AISystem:
    return AISystem.objects.create(
        organization=personas.org,
        reference="AIS-003",
        name="Credit scoring",
        purpose="Score loans",
        owner=personas.contributor,
    )


@pytest.fixture
def control(personas: Personas, catalog: None) -> Control:
    item = CatalogItem.objects.get(ref="A.6.2.4")
    return Control.objects.create(
        organization=personas.org,
        catalog_item=item,
        reference=item.ref,
        title=item.title,
        position=item.position,
        owner=personas.manager,
    )


@pytest.fixture
def audit(personas: Personas, system: AISystem, control: Control) -> InternalAudit:
    return plan(personas)


@pytest.fixture
def started(personas: Personas, audit: InternalAudit) -> InternalAudit:
    return actions.start_audit(actor=personas.auditor, audit=audit)


@pytest.fixture
def programme(personas: Personas) -> AuditProgramme:
    today = timezone.localdate()
    return actions.create_programme(
        actor=personas.contributor,
        organization=personas.org,
        name="Programme",
        cycle=str(today.year),
        period_start=today.replace(month=1, day=1),
        period_end=today.replace(month=12, day=31),
        frequency="Yearly",
        methods=["interviews", "sampling"],
        criteria="ISO/IEC 42001",
        scope="Everything",
        responsibilities="The auditor",
        objectives="Conformity",
    )


@pytest.fixture
def foreign(personas: Personas, catalog: None) -> InternalAudit:
    today = timezone.localdate()
    return actions.plan_audit(
        actor=personas.outsider,
        organization=personas.other_org,
        title="Globex audit",
        scope_items=items("9"),
        lead_auditor=personas.outsider,
        planned_start=today,
        planned_end=today,
    )
