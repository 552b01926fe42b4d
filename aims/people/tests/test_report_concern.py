from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.people import actions
from aims.people.models import Concern


def test_any_member_reports_a_concern_with_a_reference_and_an_audit_event(personas, system):
    for number, persona in enumerate(("viewer", "auditor"), start=1):
        concern = actions.report_concern(
            actor=getattr(personas, persona),
            organization=personas.org,
            category="safety",
            description=" It said something harmful. ",
            ai_system=system,
        )
        assert concern.reference == f"CON-{number:03d}"
        assert concern.status == Concern.Status.RECEIVED
        assert concern.reporter == getattr(personas, persona)
        assert concern.description == "It said something harmful."
    event = AuditEvent.objects.filter(verb="concern.reported").first()
    assert event is not None
    assert event.data == {"category": "safety", "channel": "member"}
    # The audit trail, which auditors read, does not name the reporter (A.3.3).
    assert event.actor is None
    assert event.actor_label == "system"


def test_an_outsider_cannot_use_the_member_form(personas):
    with pytest.raises(PermissionDenied):
        actions.report_concern(
            actor=personas.outsider, organization=personas.org, category="safety", description="x"
        )
    assert not Concern.objects.exists()


def test_bad_input_is_refused_and_nothing_written(personas):
    foreign = AISystem.objects.create(organization=personas.other_org, reference="G-1", name="G", purpose="x")
    cases: list[dict[str, Any]] = [
        {"category": "gossip", "description": "x"},
        {"category": "safety", "description": "   "},
        {"category": "safety", "description": "x", "ai_system": foreign},
    ]
    for case in cases:
        with pytest.raises(ValidationError):
            actions.report_concern(actor=personas.viewer, organization=personas.org, **case)
    assert not Concern.objects.exists()
    assert not AuditEvent.objects.filter(verb="concern.reported").exists()
