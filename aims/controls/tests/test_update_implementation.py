import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.controls import actions

from .conftest import include


def test_contributor_records_how_a_control_is_implemented(personas, controls):
    control = include(personas, controls["A.2.2"])
    actions.update_implementation(
        actor=personas.contributor,
        control=control,
        changes={
            "implementation_status": "partial",
            "owner": personas.manager,
            "implementation": "  AI policy POL-001, reviewed yearly ",
            "target_on": datetime.date(2027, 3, 1),
        },
    )
    control.refresh_from_db()
    assert (control.implementation_status, control.owner) == ("partial", personas.manager)
    assert control.implementation == "AI policy POL-001, reviewed yearly"
    event = AuditEvent.objects.get(verb="control.implementation_updated")
    assert (event.before or {})["implementation_status"] == "not_started"
    assert (event.after or {})["owner"] == personas.manager.pk


def test_the_owner_must_be_a_member(personas, controls):
    with pytest.raises(ValidationError, match="member"):
        actions.update_implementation(
            actor=personas.contributor, control=controls["A.2.2"], changes={"owner": personas.outsider}
        )


def test_only_an_excluded_control_is_not_applicable(personas, controls):
    with pytest.raises(ValidationError) as caught:
        actions.update_implementation(
            actor=personas.contributor,
            control=controls["A.2.2"],
            changes={"implementation_status": "not_applicable"},
        )
    assert "implementation_status" in caught.value.message_dict


def test_viewer_cannot_update_implementation(personas, controls):
    with pytest.raises(PermissionDenied):
        actions.update_implementation(
            actor=personas.viewer, control=controls["A.2.2"], changes={"implementation_status": "planned"}
        )
    controls["A.2.2"].refresh_from_db()
    assert controls["A.2.2"].implementation_status == "not_started"
