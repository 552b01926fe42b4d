"""A dataset's provenance grows by appended events (A.7.5): who did what to the data, and when."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.components import actions
from aims.components.models import ProvenanceEvent
from aims.lib.errors import ActionError


def _record(personas, dataset, actor="contributor", **changes):
    fields = {
        "kind": "transformed",
        "actor_name": "Data engineering",
        "occurred_on": date(2025, 1, 15),
        "description": "De-duplicated.",
        **changes,
    }
    return actions.record_provenance_event(actor=personas.user(actor), dataset=dataset, **fields)


def test_contributor_records_an_event_with_an_audit_event(personas, dataset):
    event = _record(personas, dataset)
    assert (event.kind, event.actor_name, event.recorded_by) == (
        "transformed",
        "Data engineering",
        personas.contributor,
    )
    audit = AuditEvent.objects.get(verb="dataset.provenance_recorded")
    assert audit.target_id == str(dataset.pk)
    assert audit.data["kind"] == "transformed"
    assert audit.data["occurred_on"] == "2025-01-15"


@pytest.mark.parametrize("role", ["auditor", "viewer", "outsider"])
def test_readers_cannot_record_provenance(personas, dataset, role):
    with pytest.raises(PermissionDenied):
        _record(personas, dataset, actor=role)
    assert not ProvenanceEvent.objects.exists()


def test_future_dates_unknown_kinds_and_blank_fields_are_refused(personas, dataset):
    tomorrow = timezone.localdate() + timedelta(days=1)
    for changes, field in (
        ({"occurred_on": tomorrow}, "occurred_on"),
        ({"kind": "teleported"}, "kind"),
        ({"actor_name": "  "}, "actor_name"),
        ({"description": ""}, "description"),
    ):
        with pytest.raises(ValidationError) as caught:
            _record(personas, dataset, **changes)
        assert field in caught.value.message_dict
    assert not ProvenanceEvent.objects.exists()
    assert not AuditEvent.objects.filter(verb="dataset.provenance_recorded").exists()


def test_an_archived_dataset_takes_no_new_provenance(personas, dataset):
    actions.archive_dataset(actor=personas.owner, dataset=dataset)
    dataset.refresh_from_db()
    with pytest.raises(ActionError):
        _record(personas, dataset)
    assert not ProvenanceEvent.objects.exists()
