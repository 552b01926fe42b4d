from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.improvement import actions
from aims.improvement.models import Nonconformity
from aims.improvement.queries import requirement_by_ref
from aims.improvement.tests.conftest import raise_one
from aims.lib.errors import ActionError
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_raising_numbers_per_organisation_and_records_the_event(personas: Personas, catalog: None) -> None:
    first = raise_one(personas, requirement=requirement_by_ref("a.6.2.4"))
    second = raise_one(personas)
    theirs = raise_one(personas, actor=personas.outsider, organization=personas.other_org, owner=None)
    assert (first.reference, second.reference, theirs.reference) == ("NC-0001", "NC-0002", "NC-0001")
    assert first.requirement is not None
    assert first.requirement.ref == "A.6.2.4"
    assert first.status == "open"
    event = AuditEvent.objects.get(verb="nonconformity.raised", target_id=str(first.pk))
    assert (event.after or {})["requirement"] == "A.6.2.4"


def test_viewer_and_auditor_cannot_raise(personas: Personas) -> None:
    for who in (personas.viewer, personas.auditor):
        with pytest.raises(PermissionDenied):
            raise_one(personas, actor=who)
    assert not Nonconformity.objects.exists()


def test_raising_refuses_an_outsider_owner_and_a_future_day(personas: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        raise_one(personas, owner=personas.outsider)
    assert "owner" in caught.value.message_dict
    with pytest.raises(ValidationError):
        raise_one(personas, raised_on=timezone.localdate() + timedelta(days=1))
    with pytest.raises(ValidationError):
        raise_one(personas, due_on=timezone.localdate() - timedelta(days=1))
    assert not Nonconformity.objects.exists()
    assert not AuditEvent.objects.filter(verb="nonconformity.raised").exists()


def test_update_changes_what_it_says_and_keeps_before_and_after(
    personas: Personas, nc: Nonconformity
) -> None:
    actions.update_nonconformity(
        actor=personas.contributor, nonconformity=nc, changes={"title": "  New title ", "grade": "major"}
    )
    nc.refresh_from_db()
    assert (nc.title, nc.grade) == ("New title", "major")
    event = AuditEvent.objects.get(verb="nonconformity.updated")
    assert event.before == {"title": "Impact assessment of AIS-004 overdue", "grade": "minor"}


def test_update_refusals_write_nothing(personas: Personas, nc: Nonconformity) -> None:
    with pytest.raises(PermissionDenied):
        actions.update_nonconformity(actor=personas.viewer, nonconformity=nc, changes={"title": "x"})
    with pytest.raises(ValidationError):
        actions.update_nonconformity(actor=personas.manager, nonconformity=nc, changes={"grade": "huge"})
    with pytest.raises(TypeError):
        actions.update_nonconformity(actor=personas.manager, nonconformity=nc, changes={"status": "closed"})
    nc.refresh_from_db()
    assert nc.grade == "minor"
    assert not AuditEvent.objects.filter(verb="nonconformity.updated").exists()


def test_a_closed_nonconformity_cannot_be_changed(personas: Personas, verified: Nonconformity) -> None:
    actions.close_nonconformity(actor=personas.owner, nonconformity=verified)
    with pytest.raises(ActionError, match="closed"):
        actions.update_nonconformity(actor=personas.manager, nonconformity=verified, changes={"title": "x"})
    with pytest.raises(ActionError):
        actions.record_correction(
            actor=personas.manager, nonconformity=verified, correction="x", corrected_on=timezone.localdate()
        )
