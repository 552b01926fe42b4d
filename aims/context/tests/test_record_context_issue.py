import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.context import actions
from aims.context.models import ContextIssue


def test_an_editor_records_an_issue_with_the_next_reference_and_an_audit_event(personas, issue, chatbot):
    assert issue.reference == "ISS-001"
    assert list(issue.ai_systems.all()) == [chatbot]
    second = actions.create_issue(
        actor=personas.owner,
        organization=personas.org,
        kind="external",
        category="climate_change",
        title="Heatwaves take the data centre down",
        is_climate_related=True,
        effect_on_aims="Availability of the credit model",
    )
    assert second.reference == "ISS-002"
    event = AuditEvent.objects.get(verb="context_issue.created", target_id=str(second.pk))
    assert event.after is not None
    assert event.after["is_climate_related"] is True
    assert event.actor == personas.owner


@pytest.mark.parametrize("persona", ["viewer", "auditor", "outsider"])
def test_readers_and_outsiders_cannot_record_issues(personas, persona):
    with pytest.raises(PermissionDenied):
        actions.create_issue(
            actor=personas.user(persona),
            organization=personas.org,
            kind="internal",
            category="other",
            title="X",
        )
    assert not ContextIssue.objects.exists()


def test_bad_values_are_refused_before_anything_is_written(personas, issue):
    cases = [
        ({"kind": "sideways", "category": "other", "title": "X"}, "kind"),
        ({"kind": "internal", "category": "gossip", "title": "X"}, "category"),
        ({"kind": "internal", "category": "other", "title": ""}, "title"),
        ({"kind": "internal", "category": "other", "title": "X", "reference": "ISS-001"}, "reference"),
        ({"kind": "internal", "category": "other", "title": "X", "owner": personas.outsider}, "owner"),
    ]
    for values, field in cases:
        with pytest.raises(ValidationError) as error:
            actions.create_issue(actor=personas.manager, organization=personas.org, **values)
        assert field in error.value.message_dict
    assert ContextIssue.objects.count() == 1


def test_an_ai_system_of_another_organisation_cannot_be_linked(personas):
    theirs = AISystem.objects.create(organization=personas.other_org, reference="G-1", name="G", purpose="G")
    with pytest.raises(ValidationError) as error:
        actions.create_issue(
            actor=personas.manager,
            organization=personas.org,
            kind="internal",
            category="other",
            title="X",
            ai_systems=[theirs],
        )
    assert "ai_systems" in error.value.message_dict
    assert not ContextIssue.objects.exists()


def test_an_editor_updates_an_issue_and_the_change_is_audited(personas, issue):
    actions.update_issue(
        actor=personas.manager, issue=issue, changes={"title": "New title", "status": "archived"}
    )
    issue.refresh_from_db()
    assert (issue.title, issue.status) == ("New title", "archived")
    event = AuditEvent.objects.get(verb="context_issue.updated")
    assert event.before is not None
    assert event.before["title"] == "EU AI Act enters into force"
    assert event.after is not None
    assert event.after["title"] == "New title"


def test_a_viewer_cannot_update_an_issue(personas, issue):
    with pytest.raises(PermissionDenied):
        actions.update_issue(actor=personas.viewer, issue=issue, changes={"title": "Hacked"})
    issue.refresh_from_db()
    assert issue.title == "EU AI Act enters into force"
