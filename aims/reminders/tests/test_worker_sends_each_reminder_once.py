"""The real worker, for real: `aims worker --once` enqueues the sweep on the database task backend and
django-tasks-db's worker runs it against the test database. Every kind of reminder is raised once, e-mailed
once (one digest per person), and a second run raises and sends nothing new."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from aims.ai_systems.models import AISystem
from aims.changes.models import PlannedChange
from aims.documents.models import Document
from aims.evidence.models import Evidence
from aims.impact_assessments.models import ImpactAssessment
from aims.incidents.models import Incident
from aims.policies.models import AIPolicy
from aims.reminders.models import Notice
from aims.risks.models import Risk, TreatmentAction
from aims.web.testing import Personas

KINDS = {
    "document_review", "evidence_expiry", "risk_review", "risk_action", "risk_acceptance",
    "impact_assessment_due", "incident_report_deadline", "policy_review", "change_planned",
}  # fmt: skip


def _seed(personas: Personas) -> None:
    org, owner, today = personas.org, personas.contributor, timezone.localdate()
    soon, past = today + timedelta(days=3), today - timedelta(days=2)
    system = AISystem.objects.create(organization=org, reference="AIS-001", name="Scorer", purpose="Score")
    Document.objects.create(
        organization=org, reference="PRO-001", title="Model release", kind="procedure", owner=owner,
        next_review_on=soon,
    )  # fmt: skip
    policy_doc = Document.objects.create(
        organization=org, reference="POL-001", title="AI policy", kind="policy", next_review_on=past
    )
    AIPolicy.objects.create(organization=org, document=policy_doc)
    Evidence.objects.create(
        organization=org, number=1, title="Pen test report", kind="link", url="https://example.test/r",
        owner=owner, collected_on=today - timedelta(days=300), valid_until=past,
    )  # fmt: skip
    risk = Risk.objects.create(
        organization=org, number=1, reference="RSK-0001", title="Drift", owner=owner, next_review_on=soon
    )
    TreatmentAction.objects.create(risk=risk, title="Add drift alarm", owner=personas.manager, due_on=past)
    Risk.objects.create(
        organization=org, number=2, reference="RSK-0002", title="Bias", owner=owner,
        status=Risk.Status.ACCEPTED, acceptance_expires_on=soon,
    )  # fmt: skip
    ImpactAssessment.objects.create(
        organization=org, ai_system=system, number=1, reference="IA-0001", trigger="new_system",
        state=ImpactAssessment.State.APPROVED, approved_at=timezone.now(), next_assessment_on=soon,
    )  # fmt: skip
    Incident.objects.create(
        organization=org, number=1, reference="INC-0001", title="Leak", what_happened="Leaked.",
        severity="high", detected_on=today - timedelta(days=14), owner=owner, is_serious=True,
        serious_kind="general", became_aware_at=timezone.now() - timedelta(days=14),
    )  # fmt: skip
    PlannedChange.objects.create(
        organization=org, number=1, reference="CHG-0001", title="Retrain", description="d", purpose="p",
        kind="ai_system", risk_level="low", planned_on=soon, requester=owner,
        status=PlannedChange.Status.APPROVED,
    )  # fmt: skip
    # Too far off to remind of yet, and closed or retired records, are left alone.
    Risk.objects.create(
        organization=org, number=3, reference="RSK-0003", title="Later", owner=owner,
        next_review_on=today + timedelta(days=60),
    )  # fmt: skip
    Risk.objects.create(
        organization=org, number=4, reference="RSK-0004", title="Closed", owner=owner, next_review_on=past,
        status=Risk.Status.CLOSED,
    )  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_each_kind_of_reminder_once(personas: Personas, settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _seed(personas)
    call_command("worker", "--once")

    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 1
    notices = list(Notice.objects.all())
    assert {n.kind for n in notices} == KINDS
    by_kind = {n.kind: n for n in notices if n.recipient_id != personas.owner.pk}
    assert by_kind["evidence_expiry"].level == "overdue"
    assert by_kind["risk_review"].level == "due_soon"
    assert by_kind["risk_action"].recipient_id == personas.manager.pk
    assert by_kind["incident_report_deadline"].level == "due_soon"
    # The AI policy document has no owner: its owners and managers are told, and only as the policy review.
    policy = {n.recipient_id for n in notices if n.kind == "policy_review"}
    assert policy == {personas.owner.pk, personas.manager.pk}
    assert not any("POL-001" in n.subject for n in notices if n.kind == "document_review")
    assert not any("RSK-0003" in n.subject or "RSK-0004" in n.subject for n in notices)
    assert all(n.emailed_at is not None for n in notices)
    people = {n.recipient.email for n in notices}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(people)  # one digest per person
    digest = next(m for m in mail.outbox if m.to == [personas.contributor.email])
    assert "RSK-0001" in digest.body
    assert "CHG-0001" in digest.body

    count, sent = len(notices), len(mail.outbox)
    call_command("worker", "--once")
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2
    assert Notice.objects.count() == count
    assert len(mail.outbox) == sent


@pytest.mark.django_db(transaction=True)
def test_a_passed_date_reminds_again_as_overdue_and_a_moved_date_afresh(personas: Personas, settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    today = timezone.localdate()
    risk = Risk.objects.create(
        organization=personas.org, number=1, reference="RSK-0001", title="Drift", owner=personas.viewer,
        next_review_on=today + timedelta(days=1),
    )  # fmt: skip
    call_command("reminders", "run")
    call_command("reminders", "run", "--today", (today + timedelta(days=3)).isoformat())
    levels = sorted(Notice.objects.filter(recipient=personas.viewer).values_list("level", flat=True))
    assert levels == ["due_soon", "overdue"]
    Risk.objects.filter(pk=risk.pk).update(next_review_on=today + timedelta(days=10))
    call_command("reminders", "run")
    assert Notice.objects.filter(recipient=personas.viewer).count() == 3
    assert len(mail.outbox) == 3
