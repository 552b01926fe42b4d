import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.controls import actions
from aims.lib.errors import ActionError


def test_contributor_adds_the_organisations_own_control_numbered_after_annex_a(personas, controls):
    first = actions.create_custom_control(
        actor=personas.contributor, organization=personas.org, title="Red-team every model release"
    )
    second = actions.create_custom_control(
        actor=personas.contributor, organization=personas.org, title="Kill switch", description="Stop it"
    )
    assert (first.reference, second.reference) == ("ORG-001", "ORG-002")
    assert first.is_custom
    assert first.decision == "undecided"
    assert second.position > first.position > max(c.position for c in controls.values())
    assert AuditEvent.objects.filter(verb="control.created").count() == 2


def test_a_reference_is_unique_and_not_an_annex_a_id(personas, controls):
    actions.create_custom_control(
        actor=personas.contributor, organization=personas.org, reference="SEC-1", title="One"
    )
    with pytest.raises(ValidationError, match="already used"):
        actions.create_custom_control(
            actor=personas.contributor, organization=personas.org, reference="sec-1", title="Two"
        )
    with pytest.raises(ValidationError, match="Annex A"):
        actions.create_custom_control(
            actor=personas.contributor, organization=personas.org, reference="A.99", title="Three"
        )


def test_contributor_renames_an_own_control(personas, controls):
    control = actions.create_custom_control(
        actor=personas.contributor, organization=personas.org, title="Red team"
    )
    actions.update_custom_control(actor=personas.contributor, control=control, changes={"title": "Red-team"})
    control.refresh_from_db()
    assert control.title == "Red-team"
    assert AuditEvent.objects.get(verb="control.updated").before == {"title": "Red team"}


def test_an_annex_a_control_cannot_be_renamed(personas, controls):
    with pytest.raises(ActionError, match="Annex A"):
        actions.update_custom_control(
            actor=personas.manager, control=controls["A.2.2"], changes={"title": "Our policy"}
        )


def test_viewer_cannot_add_a_control(personas, controls):
    with pytest.raises(PermissionDenied):
        actions.create_custom_control(actor=personas.viewer, organization=personas.org, title="X")
