from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.improvement import actions
from aims.improvement.models import Nonconformity
from aims.improvement.tests.conftest import WHYS
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_correction_records_what_when_and_who(personas: Personas, nc: Nonconformity) -> None:
    today = timezone.localdate()
    actions.record_correction(
        actor=personas.contributor,
        nonconformity=nc,
        correction=" Assessment booked for next week. ",
        corrected_on=today,
        corrected_by=personas.manager,
    )
    nc.refresh_from_db()
    assert (nc.correction, nc.corrected_on, nc.corrected_by) == (
        "Assessment booked for next week.",
        today,
        personas.manager,
    )
    assert AuditEvent.objects.filter(verb="nonconformity.corrected").exists()


def test_correction_defaults_to_the_actor_and_refuses_bad_input(
    personas: Personas, nc: Nonconformity
) -> None:
    today = timezone.localdate()
    with pytest.raises(PermissionDenied):
        actions.record_correction(
            actor=personas.auditor, nonconformity=nc, correction="x", corrected_on=today
        )
    with pytest.raises(ValidationError) as caught:
        actions.record_correction(
            actor=personas.contributor,
            nonconformity=nc,
            correction=" ",
            corrected_on=today + timedelta(days=1),
            corrected_by=personas.outsider,
        )
    assert set(caught.value.message_dict) == {"correction", "corrected_on", "corrected_by"}
    nc.refresh_from_db()
    assert nc.correction == ""
    actions.record_correction(
        actor=personas.contributor, nonconformity=nc, correction="Done.", corrected_on=today
    )
    nc.refresh_from_db()
    assert nc.corrected_by == personas.contributor


def _cause(personas: Personas, nc: Nonconformity, **overrides: Any) -> Nonconformity:
    values: dict[str, Any] = {
        "actor": personas.contributor,
        "nonconformity": nc,
        "cause_method": "five_whys",
        "cause_steps": WHYS,
        "root_cause": "No reminder for reviews.",
        "similar_elsewhere": "Risk reviews have the same gap.",
        "aims_changes": "Add review reminders to the procedure.",
    }
    values.update(overrides)
    return actions.record_root_cause(**values)


def test_root_cause_keeps_the_chain_of_whys(personas: Personas, nc: Nonconformity) -> None:
    _cause(personas, nc)
    nc.refresh_from_db()
    assert nc.cause_steps == WHYS
    assert nc.root_cause == "No reminder for reviews."
    assert nc.aims_changes == "Add review reminders to the procedure."
    assert nc.cause_analysed_on == timezone.localdate()
    event = AuditEvent.objects.get(verb="nonconformity.cause_analysed")
    assert (event.after or {})["cause_steps"] == WHYS


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"cause_steps": [{"why": "a", "because": "b"}] * 6}, "cause_steps"),
        ({"cause_steps": [{"why": "a"}]}, "cause_steps"),
        ({"cause_steps": [{"why": "a", "because": " "}]}, "cause_steps"),
        ({"cause_steps": [{"why": "a", "because": "b", "extra": "c"}]}, "cause_steps"),
        ({"cause_steps": [{"why": "a" * 1001, "because": "b"}]}, "cause_steps"),
        ({"cause_steps": []}, "cause_steps"),
        ({"cause_method": "guess"}, "cause_method"),
        ({"root_cause": "  "}, "root_cause"),
    ],
)
def test_root_cause_is_validated_strictly_and_writes_nothing(
    personas: Personas, nc: Nonconformity, overrides: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _cause(personas, nc, **overrides)
    assert field in caught.value.message_dict
    nc.refresh_from_db()
    assert nc.root_cause == ""
    assert not AuditEvent.objects.filter(verb="nonconformity.cause_analysed").exists()


def test_fishbone_needs_no_whys_and_viewer_is_refused(personas: Personas, nc: Nonconformity) -> None:
    with pytest.raises(PermissionDenied):
        _cause(personas, nc, actor=personas.viewer)
    _cause(personas, nc, cause_method="fishbone", cause_steps=[])
    nc.refresh_from_db()
    assert nc.cause_method == "fishbone"
