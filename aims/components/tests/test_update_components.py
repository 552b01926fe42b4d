"""Changing a model, dataset or resource: only what changed is written and audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.components import actions
from aims.lib.errors import ActionError

UPDATES = [
    pytest.param("ai_model", actions.update_ai_model, actions.archive_ai_model, "ai_model", id="model"),
    pytest.param("dataset", actions.update_dataset, actions.archive_dataset, "dataset", id="dataset"),
    pytest.param("resource", actions.update_resource, actions.archive_resource, "resource", id="resource"),
]


@pytest.fixture
def records(ai_model, dataset, resource):
    return {"ai_model": ai_model, "dataset": dataset, "resource": resource}


@pytest.mark.parametrize(("key", "update", "archive", "verb"), UPDATES)
def test_a_change_is_saved_and_audited_with_before_and_after(personas, records, key, update, archive, verb):
    record = records[key]
    done = update(
        actor=personas.contributor, **{key: record}, data={"name": "Renamed", "provider": record.provider}
    )
    assert done.name == "Renamed"
    assert done.updated_at > record.updated_at
    event = AuditEvent.objects.get(verb=f"{verb}.updated")
    assert (event.before, event.after) == ({"name": record.name}, {"name": "Renamed"})


@pytest.mark.parametrize(("key", "update", "archive", "verb"), UPDATES)
def test_saving_without_changes_writes_nothing(personas, records, key, update, archive, verb):
    record = records[key]
    update(actor=personas.contributor, **{key: record}, data={"name": record.name})
    assert not AuditEvent.objects.filter(verb=f"{verb}.updated").exists()


@pytest.mark.parametrize("role", ["auditor", "viewer", "outsider"])
@pytest.mark.parametrize(("key", "update", "archive", "verb"), UPDATES)
def test_readers_cannot_change_records(personas, records, role, key, update, archive, verb):
    record = records[key]
    with pytest.raises(PermissionDenied):
        update(actor=personas.user(role), **{key: record}, data={"name": "Hacked"})
    record.refresh_from_db()
    assert record.name != "Hacked"


@pytest.mark.parametrize(("key", "update", "archive", "verb"), UPDATES)
def test_an_archived_record_cannot_be_changed(personas, records, key, update, archive, verb):
    record = archive(actor=personas.manager, **{key: records[key]})
    with pytest.raises(ActionError):
        update(actor=personas.manager, **{key: record}, data={"name": "Too late"})


@pytest.mark.parametrize(("key", "update", "archive", "verb"), UPDATES)
def test_bad_changes_are_refused_and_nothing_is_written(personas, records, key, update, archive, verb):
    record = records[key]
    with pytest.raises(ValidationError):
        update(
            actor=personas.manager,
            **{key: record},
            data={"name": "", "version": "9"} if key != "dataset" else {"name": ""},
        )
    with pytest.raises(ValidationError):
        update(actor=personas.manager, **{key: record}, data={"status": "archived"})
    record.refresh_from_db()
    assert record.name
    assert record.status == "active"
    assert not AuditEvent.objects.filter(verb=f"{verb}.updated").exists()


def test_a_reference_cannot_be_changed_to_one_in_use(personas, ai_model):
    other = actions.create_ai_model(
        actor=personas.owner, organization=personas.org, data={"name": "Other", "model_type": "other"}
    )
    with pytest.raises(ValidationError) as caught:
        actions.update_ai_model(actor=personas.owner, ai_model=other, data={"reference": ai_model.reference})
    assert "reference" in caught.value.message_dict
