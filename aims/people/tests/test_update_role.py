import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.people import actions


def test_owner_changes_a_role_and_the_change_is_audited(personas, role):
    actions.update_role(actor=personas.owner, role=role, changes={"authorities": "May stop a release."})
    role.refresh_from_db()
    assert role.authorities == "May stop a release."
    event = AuditEvent.objects.get(verb="aims_role.updated")
    assert (event.before or {})["authorities"] == ""
    assert (event.after or {})["authorities"] == "May stop a release."


def test_contributor_cannot_change_a_role(personas, role):
    with pytest.raises(PermissionDenied):
        actions.update_role(actor=personas.contributor, role=role, changes={"name": "Mine"})
    role.refresh_from_db()
    assert role.name == "AI risk owner"


def test_an_empty_name_or_unknown_field_is_refused(personas, role):
    with pytest.raises(ValidationError):
        actions.update_role(actor=personas.owner, role=role, changes={"name": ""})
    with pytest.raises(ValidationError):
        actions.update_role(actor=personas.owner, role=role, changes={"organization": personas.other_org})
    role.refresh_from_db()
    assert role.name == "AI risk owner"
    assert not AuditEvent.objects.filter(verb="aims_role.updated").exists()
