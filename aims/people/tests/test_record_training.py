from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.people import actions
from aims.people.models import Competence, TrainingRecord

DONE = date(2026, 2, 1)


def test_members_record_their_own_training_and_managers_anyones(personas, literacy):
    actions.record_training(
        actor=personas.viewer,
        organization=personas.org,
        user=personas.viewer,
        competence=literacy,
        title="AI basics",
        completed_on=DONE,
    )
    actions.record_training(
        actor=personas.manager,
        organization=personas.org,
        user=personas.auditor,
        competence=literacy,
        title="AI basics",
        completed_on=DONE,
        kind="certification",
        expires_on=date(2027, 2, 1),
    )
    assert TrainingRecord.objects.count() == 2
    event = AuditEvent.objects.filter(verb="training.recorded").order_by("seq").last()
    assert event is not None
    assert event.data["user"] == "auditor@acme.test"


def test_a_member_cannot_record_someone_elses_training(personas, literacy):
    for persona in ("contributor", "auditor", "viewer"):
        with pytest.raises(PermissionDenied):
            actions.record_training(
                actor=getattr(personas, persona),
                organization=personas.org,
                user=personas.owner,
                competence=literacy,
                title="x",
                completed_on=DONE,
            )
    with pytest.raises(PermissionDenied):
        actions.record_training(
            actor=personas.outsider,
            organization=personas.org,
            user=personas.outsider,
            competence=literacy,
            title="x",
            completed_on=DONE,
        )
    assert not TrainingRecord.objects.exists()


def test_invalid_records_are_refused(personas, literacy):
    foreign = Competence.objects.create(organization=personas.other_org, name="Secret")
    cases = [
        {"user": personas.outsider, "competence": literacy},
        {"user": personas.viewer, "competence": foreign},
        {"user": personas.viewer, "competence": literacy, "expires_on": date(2025, 1, 1)},
        {"user": personas.viewer, "competence": literacy, "title": ""},
        {"user": personas.viewer, "competence": literacy, "kind": "rumour"},
    ]
    for case in cases:
        with pytest.raises(ValidationError):
            actions.record_training(
                actor=personas.manager,
                organization=personas.org,
                **{"title": "x", "completed_on": DONE, **case},
            )
    assert not TrainingRecord.objects.exists()
    assert not AuditEvent.objects.filter(verb="training.recorded").exists()
