from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.people import actions
from aims.people.models import RoleAssignment
from aims.people.tests.conftest import START


def test_manager_assigns_a_member_and_the_assignment_is_audited(personas, role):
    assignment = actions.assign_role(
        actor=personas.manager, role=role, user=personas.contributor, since=START
    )
    assert assignment.is_current
    event = AuditEvent.objects.get(verb="aims_role.assigned")
    assert event.data["user"] == "contributor@acme.test"


def test_contributor_cannot_assign_roles(personas, role):
    with pytest.raises(PermissionDenied):
        actions.assign_role(actor=personas.contributor, role=role, user=personas.contributor, since=START)
    assert not RoleAssignment.objects.exists()


def test_only_members_can_hold_a_role(personas, role):
    with pytest.raises(ValidationError):
        actions.assign_role(actor=personas.manager, role=role, user=personas.outsider, since=START)
    assert not RoleAssignment.objects.exists()


def test_the_same_person_cannot_hold_a_role_twice_at_once(personas, role):
    actions.assign_role(actor=personas.manager, role=role, user=personas.viewer, since=START)
    with pytest.raises(ActionError):
        actions.assign_role(actor=personas.manager, role=role, user=personas.viewer, since=START)
    assert RoleAssignment.objects.count() == 1


def test_an_end_before_the_start_is_refused(personas, role):
    with pytest.raises(ValidationError):
        actions.assign_role(
            actor=personas.manager, role=role, user=personas.viewer, since=START, until=date(2025, 1, 1)
        )
    assert not RoleAssignment.objects.exists()


def test_ending_an_assignment_is_audited_and_cannot_happen_twice(personas, role):
    assignment = actions.assign_role(actor=personas.manager, role=role, user=personas.viewer, since=START)
    actions.end_assignment(actor=personas.owner, assignment=assignment, until=date(2026, 6, 30))
    assert not assignment.is_current
    assert AuditEvent.objects.filter(verb="aims_role.assignment_ended").count() == 1
    with pytest.raises(ActionError):
        actions.end_assignment(actor=personas.owner, assignment=assignment, until=date(2026, 7, 1))
    with pytest.raises(PermissionDenied):
        actions.end_assignment(actor=personas.viewer, assignment=assignment, until=date(2026, 7, 1))
