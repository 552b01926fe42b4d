"""Archiving takes a record out of use but keeps it, with its links; restoring brings it back."""

import pytest
from django.core.exceptions import PermissionDenied

from aims.audit.models import AuditEvent
from aims.components import actions
from aims.lib.errors import ActionError

STATES = [
    pytest.param("ai_model", actions.archive_ai_model, actions.restore_ai_model, "ai_model", id="model"),
    pytest.param("dataset", actions.archive_dataset, actions.restore_dataset, "dataset", id="dataset"),
    pytest.param("resource", actions.archive_resource, actions.restore_resource, "resource", id="resource"),
]


@pytest.fixture
def records(ai_model, dataset, resource):
    return {"ai_model": ai_model, "dataset": dataset, "resource": resource}


@pytest.mark.parametrize(("key", "archive", "restore", "verb"), STATES)
def test_archive_then_restore_with_audit_events(personas, records, key, archive, restore, verb):
    record = archive(actor=personas.contributor, **{key: records[key]})
    assert record.is_archived
    assert record.ai_systems.count() == 1
    record = restore(actor=personas.contributor, **{key: record})
    assert not record.is_archived
    verbs = list(AuditEvent.objects.filter(verb__startswith=f"{verb}.").values_list("verb", flat=True))
    assert verbs[:2] == [f"{verb}.restored", f"{verb}.archived"]
    archived = AuditEvent.objects.get(verb=f"{verb}.archived")
    assert (archived.before, archived.after) == ({"status": "active"}, {"status": "archived"})


@pytest.mark.parametrize(("key", "archive", "restore", "verb"), STATES)
def test_archiving_twice_or_restoring_an_active_record_is_refused(
    personas, records, key, archive, restore, verb
):
    with pytest.raises(ActionError):
        restore(actor=personas.owner, **{key: records[key]})
    archive(actor=personas.owner, **{key: records[key]})
    with pytest.raises(ActionError):
        archive(actor=personas.owner, **{key: records[key]})


@pytest.mark.parametrize("role", ["auditor", "viewer", "outsider"])
@pytest.mark.parametrize(("key", "archive", "restore", "verb"), STATES)
def test_readers_cannot_archive(personas, records, role, key, archive, restore, verb):
    with pytest.raises(PermissionDenied):
        archive(actor=personas.user(role), **{key: records[key]})
    records[key].refresh_from_db()
    assert not records[key].is_archived
