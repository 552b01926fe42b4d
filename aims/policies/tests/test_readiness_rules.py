"""The leadership and AI policy readiness rules (5.1, 5.2) and the resources rules (7.1): top management's
commitment on record and recent, the AI policy aligned, published, in date and reviewed, resources allocated
and recorded for every AI system in scope."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.components.models import Resource
from aims.documents import actions as documents
from aims.documents.models import Document, DocumentVersion
from aims.lib.dates import add_months
from aims.organizations.models import Organization
from aims.policies import actions, readiness
from aims.policies.models import AIPolicy, AlignedPolicy, CommitmentRecord
from aims.readiness.context import Context
from aims.readiness.engine import compute, settings_for
from aims.readiness.models import ReadinessSettings
from aims.readiness.testing import fix, links, queries, run, url
from aims.web.testing import Personas

TODAY = timezone.localdate()


def commit(
    organization: Organization, kind: str = "signed_statement", days_ago: int = 10
) -> CommitmentRecord:
    return CommitmentRecord.objects.create(
        organization=organization,
        kind=kind,
        occurred_on=TODAY - timedelta(days=days_ago),
        description="The board approved the AIMS budget.",
    )


def system(organization: Organization, number: int, **fields: Any) -> AISystem:
    return AISystem.objects.create(
        organization=organization,
        reference=f"AIS-{number:04d}",
        name=f"System {number}",
        purpose="Screening",
        **fields,
    )


def resource(organization: Organization, number: int, *systems: AISystem, **fields: Any) -> Resource:
    found = Resource.objects.create(
        organization=organization,
        reference=f"RES-{number:03d}",
        name=f"GPU pool {number}",
        kind="computing",
        **fields,
    )
    found.ai_systems.add(*systems)
    return found


def doc_link(document: Document) -> tuple[str, str]:
    return (f"{document.reference} {document.title}", url("documents:document_detail", pk=document.pk))


# 5.1: commitment on record


def test_no_commitment_is_a_blocker_and_another_organisations_does_not_count(personas, foreign):
    outcome = run(readiness.commitment_recorded, personas.org)
    assert not outcome.passed
    assert outcome.message == "No record shows top management's commitment to the AIMS."
    assert outcome.records == ()
    assert fix(outcome) == ("Record what top management did", url("policies:commitment_create"))
    assert readiness.commitment_recorded.severity == "stage1_blocker"
    assert readiness.commitment_recorded.refs == ("5.1",)


def test_a_recorded_commitment_passes(personas, commitment):
    commit(personas.org, "resources_allocated")
    outcome = run(readiness.commitment_recorded, personas.org)
    assert outcome.passed
    assert outcome.message == "2 records show top management's commitment to the AIMS."


def test_a_recent_commitment_passes(personas):
    commit(personas.org, days_ago=10)
    outcome = run(readiness.commitment_recent, personas.org)
    assert outcome.passed
    assert outcome.message == (
        f"Top management's latest recorded commitment dates from {TODAY - timedelta(days=10):%Y-%m-%d}."
    )


def test_an_old_commitment_is_an_observation_whatever_other_organisations_did(personas):
    old = add_months(TODAY, -13)
    CommitmentRecord.objects.create(organization=personas.org, kind="communication", occurred_on=old)
    commit(personas.other_org, days_ago=1)
    outcome = run(readiness.commitment_recent, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        f"Top management's latest recorded commitment dates from {old:%Y-%m-%d}, more than 12 months ago."
    )
    assert fix(outcome) == ("Record what top management did", url("policies:commitment_create"))
    assert readiness.commitment_recent.severity == "observation"


def test_the_commitment_window_follows_the_management_review_cycle(personas):
    CommitmentRecord.objects.create(
        organization=personas.org, kind="communication", occurred_on=add_months(TODAY, -13)
    )
    ReadinessSettings.objects.create(organization=personas.org, management_review_months=24)
    assert run(readiness.commitment_recent, personas.org).passed


def test_no_commitment_at_all_is_not_recent(personas):
    outcome = run(readiness.commitment_recent, personas.org)
    assert not outcome.passed
    assert outcome.message == "No commitment by top management is recorded."


# 5.1: the AI policy fitted to the other policies


def test_an_ai_policy_linked_to_no_other_policy_is_an_observation(personas, ai_policy, foreign):
    outcome = run(readiness.policy_aligned, personas.org)
    assert not outcome.passed
    assert outcome.message == "No other policy of the organisation is linked to the AI policy."
    assert fix(outcome) == ("Link the policies the AI policy aligns with", url("policies:aligned_create"))
    assert readiness.policy_aligned.severity == "observation"


def test_an_aligned_policy_in_force_passes(personas, aligned):
    outcome = run(readiness.policy_aligned, personas.org)
    assert outcome.passed
    assert outcome.message == "The AI policy is linked to the organisation's other policies in force."


def test_a_link_to_a_withdrawn_policy_is_named(personas, aligned):
    privacy = documents.create_document(
        actor=personas.manager,
        organization=personas.org,
        title="Privacy policy",
        kind="policy",
        reference="POL-002",
    )
    actions.link_aligned_policy(
        actor=personas.manager, organization=personas.org, document=privacy, note="Data"
    )
    documents.withdraw_document(actor=personas.owner, document=privacy, reason="Merged into security")
    outcome = run(readiness.policy_aligned, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 policy linked to the AI policy is withdrawn."
    assert links(outcome) == [doc_link(privacy)]
    assert fix(outcome) == ("Update the aligned policies", url("policies:policy_home"))


# 5.2: the AI policy approved and published


def test_no_ai_policy_is_a_blocker_even_when_another_organisation_has_one(personas, foreign):
    outcome = run(readiness.policy_approved, personas.org)
    assert not outcome.passed
    assert outcome.message == "No AI policy has been written."
    assert fix(outcome) == ("Start the AI policy", url("policies:policy_start"))
    assert readiness.policy_approved.severity == "stage1_blocker"
    assert readiness.policy_approved.refs == ("5.2",)


def test_a_draft_ai_policy_is_not_approved(personas, ai_policy):
    outcome = run(readiness.policy_approved, personas.org)
    assert not outcome.passed
    assert outcome.message == "The AI policy has no approved version in force: none has been published."
    assert links(outcome) == [doc_link(ai_policy.document)]
    assert fix(outcome) == ("Approve and publish the AI policy", url("policies:policy_home"))


def test_a_published_ai_policy_passes(personas, published_policy):
    outcome = run(readiness.policy_approved, personas.org)
    assert outcome.passed
    assert outcome.message == "Version 1 of the AI policy POL-AI is approved and published."


def test_a_withdrawn_ai_policy_is_not_in_force(personas, published_policy):
    document = published_policy.document
    documents.withdraw_document(actor=personas.owner, document=document, reason="Replaced")
    outcome = run(readiness.policy_approved, personas.org)
    assert not outcome.passed
    assert outcome.message == "The AI policy POL-AI is withdrawn and no new one has been started."
    assert links(outcome) == [doc_link(document)]
    assert fix(outcome) == ("Start a new AI policy", url("policies:policy_start"))
    assert readiness.policy_in_force(Context(personas.org, TODAY, settings_for(personas.org))) is None


# 5.2: the AI policy in date


def test_a_published_ai_policy_within_its_review_date_passes(personas, published_policy):
    due = Document.objects.get(pk=published_policy.document_id).next_review_on
    outcome = run(readiness.policy_current, personas.org)
    assert outcome.passed
    assert outcome.message == f"The AI policy is next due for review on {due:%Y-%m-%d}."


def test_an_ai_policy_past_its_review_date_is_out_of_date(personas, published_policy):
    due = TODAY - timedelta(days=1)
    Document.objects.filter(pk=published_policy.document_id).update(next_review_on=due)
    outcome = run(readiness.policy_current, personas.org)
    assert not outcome.passed
    assert outcome.message == f"The AI policy POL-AI was due for review on {due:%Y-%m-%d}; it is out of date."
    assert links(outcome) == [doc_link(published_policy.document)]
    assert fix(outcome) == ("Review the AI policy", url("policies:review_create"))
    assert readiness.policy_current.severity == "stage1_blocker"


def test_an_ai_policy_without_a_review_date_is_not_shown_up_to_date(personas, published_policy):
    Document.objects.filter(pk=published_policy.document_id).update(next_review_on=None)
    outcome = run(readiness.policy_current, personas.org)
    assert not outcome.passed
    assert outcome.message == "The AI policy POL-AI has no review date; it cannot be shown to be up to date."


def test_a_draft_ai_policy_cannot_be_up_to_date(personas, ai_policy):
    outcome = run(readiness.policy_current, personas.org)
    assert not outcome.passed
    assert outcome.message == "No AI policy is in force, so none is up to date."
    assert fix(outcome) == ("Approve and publish the AI policy", url("policies:policy_home"))


# 5.2: reviews of the AI policy


def test_a_new_ai_policy_is_not_yet_due_for_its_first_review(personas, published_policy):
    outcome = run(readiness.policy_reviewed, personas.org)
    assert outcome.passed
    assert (
        outcome.message == "The AI policy is newer than its review interval; its first review is not yet due."
    )


def test_a_recent_review_passes(personas, published_policy):
    AIPolicy.objects.filter(organization=personas.org).update(started_at=timezone.now() - timedelta(days=800))
    reviewed_on = TODAY - timedelta(days=30)
    actions.record_policy_review(
        actor=personas.manager,
        document=published_policy.document,
        reviewed_on=reviewed_on,
        reviewers=[personas.owner],
        outcome="no_change",
        findings="Still right.",
    )
    outcome = run(readiness.policy_reviewed, personas.org)
    assert outcome.passed
    assert outcome.message == f"The AI policy was last reviewed on {reviewed_on:%Y-%m-%d}."


def test_an_old_policy_with_only_an_old_review_is_an_observation(personas, published_policy, foreign):
    AIPolicy.objects.filter(organization=personas.org).update(started_at=timezone.now() - timedelta(days=800))
    actions.record_policy_review(
        actor=personas.manager,
        document=published_policy.document,
        reviewed_on=add_months(TODAY, -13),
        reviewers=[personas.owner],
        outcome="no_change",
        findings="Still right.",
    )
    outcome = run(readiness.policy_reviewed, personas.org)
    assert not outcome.passed
    assert outcome.message == "No review of the AI policy is recorded in the last 12 months."
    assert links(outcome) == [doc_link(published_policy.document)]
    assert fix(outcome) == ("Record a review of the AI policy", url("policies:review_create"))
    assert readiness.policy_reviewed.severity == "observation"


def test_no_policy_in_force_has_no_review(personas):
    outcome = run(readiness.policy_reviewed, personas.org)
    assert not outcome.passed
    assert outcome.message == "No AI policy is in force to be reviewed."


# 7.1: resources


def test_no_resources_allocated_is_a_nonconformity_whatever_other_organisations_did(personas, commitment):
    commit(personas.other_org, "resources_allocated")
    outcome = run(readiness.resources_allocated, personas.org)
    assert not outcome.passed
    assert outcome.message == "No record shows resources allocated to the AIMS."
    assert fix(outcome) == ("Record the resources allocated", url("policies:commitment_create"))
    assert readiness.resources_allocated.severity == "stage2_nonconformity"
    assert readiness.resources_allocated.refs == ("7.1",)


def test_resources_allocated_lately_pass(personas):
    commit(personas.org, "resources_allocated", days_ago=40)
    outcome = run(readiness.resources_allocated, personas.org)
    assert outcome.passed
    assert (
        outcome.message
        == f"Resources were last allocated to the AIMS on {TODAY - timedelta(days=40):%Y-%m-%d}."
    )


def test_resources_allocated_long_ago_are_not_enough(personas):
    old = add_months(TODAY, -14)
    CommitmentRecord.objects.create(organization=personas.org, kind="resources_allocated", occurred_on=old)
    outcome = run(readiness.resources_allocated, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        f"Resources were last recorded as allocated on {old:%Y-%m-%d}, more than 12 months ago."
    )


def test_ai_systems_in_scope_without_resources_are_named(personas):
    bare = system(personas.org, 1)
    served = system(personas.org, 2)
    archived_only = system(personas.org, 3)
    system(personas.org, 4, in_scope=False)
    resource(personas.org, 1, served)
    resource(personas.org, 2, archived_only, status="archived")
    system(personas.other_org, 9)
    outcome = run(readiness.systems_resourced, personas.org)
    assert not outcome.passed
    assert outcome.message == "2 AI systems in scope have no resource recorded."
    assert links(outcome) == [
        ("AIS-0001 System 1", url("ai_systems:system_detail", pk=bare.pk)),
        ("AIS-0003 System 3", url("ai_systems:system_detail", pk=archived_only.pk)),
    ]
    assert fix(outcome) == ("Record the resources they use", url("components:resource_list"))
    assert readiness.systems_resourced.severity == "observation"


def test_every_ai_system_in_scope_with_a_resource_passes(personas):
    resource(personas.org, 1, system(personas.org, 1), system(personas.org, 2))
    outcome = run(readiness.systems_resourced, personas.org)
    assert outcome.passed
    assert outcome.message == "Every AI system in scope has its resources recorded."


# Fixed cost, and the engine


def _add_records(personas: Personas, start: int, count: int) -> None:
    """`count` more of everything the rules read, each of them at fault where it can be."""
    old = add_months(TODAY, -20)
    for n in range(start, start + count):
        CommitmentRecord.objects.create(
            organization=personas.org, kind="resources_allocated", occurred_on=old
        )
        other = documents.create_document(
            actor=personas.manager,
            organization=personas.org,
            title=f"Policy {n}",
            kind="policy",
            reference=f"P-{n}",
        )
        AlignedPolicy.objects.create(organization=personas.org, document=other, note="Fits")
        Document.objects.filter(pk=other.pk).update(status="withdrawn")
        system(personas.org, n)


def test_every_rule_reads_in_a_fixed_number_of_queries(personas, published_policy):
    AIPolicy.objects.filter(organization=personas.org).update(started_at=timezone.now() - timedelta(days=800))
    _add_records(personas, 1, 1)
    one = {rule.id: queries(rule, personas.org) for rule in readiness.RULES}
    _add_records(personas, 2, 4)
    five = {rule.id: queries(rule, personas.org) for rule in readiness.RULES}
    assert one == five
    assert max(five.values()) <= 4


def test_the_rules_are_registered_and_run_in_the_engine(personas, published_policy):
    results = {result.id: result for result in compute(personas.org).results}
    assert {rule.id for rule in readiness.RULES} <= set(results)
    assert results["5.2-policy-approved"].ok
    assert not results["5.1-commitment-recorded"].ok
    assert DocumentVersion.objects.filter(pk=published_policy.pk, state="published").exists()
