from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.policies import actions
from aims.policies.models import CommitmentRecord
from aims.policies.tests.conftest import DAY


def test_a_manager_records_what_top_management_did(personas, commitment):
    assert (commitment.kind, commitment.member, commitment.occurred_on) == (
        "signed_statement",
        personas.owner,
        DAY,
    )
    assert commitment.recorded_by == personas.manager
    event = AuditEvent.objects.get(verb="commitment.recorded")
    assert (event.after or {})["member"] == "owner@acme.test"
    assert event.target_id == str(commitment.pk)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "bribe"}, "kind"),
        ({"description": ""}, "description"),
        ({"link": "not a link"}, "link"),
        ({"member": "outsider"}, "member"),
        ({"occurred_on": "tomorrow"}, "occurred_on"),
    ],
)
def test_bad_commitment_records_are_refused(personas, changes, field):
    values = {"kind": "resources_allocated", "member": personas.owner, "occurred_on": DAY,
              "description": "Budget for two AI auditors",
              "link": "https://intranet.example/minutes/12"}  # fmt: skip
    values.update(changes)
    if values["member"] == "outsider":
        values["member"] = personas.outsider
    if values["occurred_on"] == "tomorrow":
        values["occurred_on"] = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        actions.record_commitment(actor=personas.owner, organization=personas.org, **values)
    assert field in error.value.message_dict
    assert not CommitmentRecord.objects.exists()


@pytest.mark.parametrize("persona", ["contributor", "viewer", "auditor", "outsider"])
def test_only_owners_and_managers_record_commitment(personas, persona):
    with pytest.raises(PermissionDenied):
        actions.record_commitment(
            actor=personas.user(persona), organization=personas.org, kind="communication",
            member=personas.owner, occurred_on=DAY, description="Town hall",
        )  # fmt: skip
    assert not CommitmentRecord.objects.exists()
