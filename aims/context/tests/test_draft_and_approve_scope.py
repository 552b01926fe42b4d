from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.context import actions
from aims.context.models import ScopeStatement
from aims.lib.errors import ActionError

EXCLUSIONS = [{"what": "The HR department", "reason": "Uses no AI"}]


def _draft(personas, actor=None, **values):
    values.setdefault("boundaries", "All AI systems of the lending business")
    return actions.draft_scope(actor=actor or personas.contributor, organization=personas.org, **values)


def test_a_draft_freezes_the_in_scope_systems_and_keeps_exclusions(personas, chatbot):
    AISystem.objects.create(
        organization=personas.org, reference="AIS-002", name="Out", purpose="x", in_scope=False
    )
    scope = _draft(personas, ai_roles=["provider", "customer"], exclusions=EXCLUSIONS)
    assert (scope.version, scope.state, scope.systems_in_scope) == (1, "draft", ["AIS-001"])
    assert list(scope.exclusions.values("what", "reason")) == EXCLUSIONS
    assert AuditEvent.objects.get(verb="scope.drafted").data == {"version": 1}


def test_another_manager_approves_and_the_author_cannot(personas):
    scope = _draft(personas, actor=personas.manager)
    with pytest.raises(ActionError):
        actions.approve_scope(actor=personas.manager, scope=scope)
    actions.approve_scope(actor=personas.owner, scope=scope)
    scope.refresh_from_db()
    assert (scope.state, scope.approved_by) == ("approved", personas.owner)
    assert AuditEvent.objects.filter(verb="scope.approved").count() == 1


@pytest.mark.parametrize("persona", ["contributor", "viewer", "auditor", "outsider"])
def test_only_owners_and_managers_approve(personas, persona):
    scope = _draft(personas, actor=personas.manager)
    with pytest.raises(PermissionDenied):
        actions.approve_scope(actor=personas.user(persona), scope=scope)
    scope.refresh_from_db()
    assert scope.state == "draft"


def test_an_approved_version_cannot_be_approved_again_and_a_new_draft_copies_it(personas):
    scope = _draft(personas, ai_roles=["provider"], exclusions=EXCLUSIONS)
    actions.approve_scope(actor=personas.owner, scope=scope)
    with pytest.raises(ActionError):
        actions.approve_scope(actor=personas.manager, scope=scope)
    second = actions.draft_scope(actor=personas.manager, organization=personas.org)
    assert second.version == 2
    assert (second.boundaries, second.ai_roles) == (scope.boundaries, ["provider"])
    assert list(second.exclusions.values("what", "reason")) == EXCLUSIONS
    assert actions.current_scope(personas.org) == scope


def test_only_one_draft_at_a_time(personas):
    _draft(personas)
    with pytest.raises(ActionError):
        _draft(personas)
    assert ScopeStatement.objects.count() == 1


def test_bad_scope_input_is_refused(personas):
    cases: list[tuple[dict[str, Any], str]] = [
        ({"boundaries": ""}, "boundaries"),
        ({"ai_roles": ["emperor"]}, "ai_roles"),
        ({"exclusions": [{"what": "HR", "reason": ""}]}, "exclusions.0"),
    ]
    for values, field in cases:
        with pytest.raises(ValidationError) as error:
            _draft(personas, **values)
        assert field in error.value.message_dict
    assert not ScopeStatement.objects.exists()


def test_readers_cannot_draft(personas):
    with pytest.raises(PermissionDenied):
        _draft(personas, actor=personas.viewer)
