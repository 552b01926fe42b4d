"""Changing what is said about evidence, and retiring it: kept, with its file, never deleted."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.evidence import actions
from aims.evidence.models import Evidence
from aims.evidence.tests.conftest import stored_files
from aims.lib.errors import ActionError


def test_an_editor_changes_the_validity_and_the_change_is_audited(personas, report):
    actions.update_evidence(
        actor=personas.manager,
        evidence=report,
        changes={"valid_until": report.collected_on.replace(year=2027)},
    )
    report.refresh_from_db()
    assert report.valid_until.year == 2027
    event = AuditEvent.objects.get(verb="evidence.updated")
    assert event.before == {"valid_until": None}
    assert event.after == {"valid_until": "2027-01-05"}


def test_a_link_can_be_corrected_but_only_to_http_or_https(personas, model_card):
    actions.update_evidence(
        actor=personas.contributor, evidence=model_card, changes={"url": "https://new.test/card"}
    )
    assert Evidence.objects.get().url == "https://new.test/card"
    with pytest.raises(ValidationError):
        actions.update_evidence(
            actor=personas.contributor, evidence=model_card, changes={"url": "javascript:x"}
        )


def test_a_file_has_no_link_to_change(personas, report):
    with pytest.raises(ValidationError):
        actions.update_evidence(
            actor=personas.contributor, evidence=report, changes={"url": "https://x.test"}
        )


def test_a_viewer_cannot_change_evidence(personas, report):
    with pytest.raises(PermissionDenied):
        actions.update_evidence(actor=personas.viewer, evidence=report, changes={"title": "Mine"})
    assert Evidence.objects.get().title == "Bias test report"


def test_the_file_itself_cannot_be_changed_through_an_update(personas, report):
    with pytest.raises(TypeError):
        actions.update_evidence(actor=personas.manager, evidence=report, changes={"sha256": "0" * 64})


def test_retiring_keeps_the_evidence_and_its_file(personas, report, media):
    actions.retire_evidence(actor=personas.manager, evidence=report, reason="Superseded by the v4 report")
    report.refresh_from_db()
    assert report.is_retired
    assert report.retired_at is not None
    assert len(stored_files(media)) == 1
    event = AuditEvent.objects.get(verb="evidence.retired")
    assert event.data == {"reason": "Superseded by the v4 report"}


def test_retiring_needs_a_reason_and_happens_once(personas, report):
    with pytest.raises(ValidationError):
        actions.retire_evidence(actor=personas.manager, evidence=report, reason="  ")
    actions.retire_evidence(actor=personas.manager, evidence=report, reason="Wrong file")
    with pytest.raises(ActionError):
        actions.retire_evidence(actor=personas.manager, evidence=report, reason="Again")
    with pytest.raises(ActionError):
        actions.update_evidence(actor=personas.manager, evidence=report, changes={"title": "New"})


def test_an_auditor_cannot_retire_evidence(personas, report):
    with pytest.raises(PermissionDenied):
        actions.retire_evidence(actor=personas.auditor, evidence=report, reason="x")
    assert not Evidence.objects.get().is_retired
