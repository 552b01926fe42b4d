"""The acknowledgement readiness rules: the AI policy in force acknowledged by enough members (5.2, 7.3),
documents in force put to their readers and acknowledged on time (7.3), withdrawn documents no longer
handed out (7.5.3)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from aims.acknowledgements import actions, readiness
from aims.acknowledgements.models import AcknowledgementRequest, Campaign
from aims.documents import actions as documents
from aims.documents.models import Document, DocumentVersion
from aims.organizations.models import Membership
from aims.policies import actions as policies
from aims.readiness.engine import compute
from aims.readiness.models import ReadinessSettings
from aims.readiness.testing import fix, links, queries, run, url
from aims.web.testing import Personas
from conftest import make_user

TODAY = timezone.localdate()


def publish(personas: Personas, version: DocumentVersion) -> DocumentVersion:
    documents.submit_version(actor=personas.manager, version=version)
    documents.approve_version(actor=personas.owner, version=version, comment="Agreed")
    return documents.publish_version(actor=personas.owner, version=version)


def acknowledge(campaign: Campaign, *people: Any) -> None:
    for person in people:
        actions.acknowledge_version(actor=person, request=campaign.requests.get(recipient=person))


def new_document(personas: Personas, reference: str, readers: list[Any], **fields: Any) -> Document:
    return documents.create_document(
        actor=personas.manager,
        organization=personas.org,
        title=f"Procedure {reference}",
        kind="procedure",
        reference=reference,
        distribution=readers,
        body="Steps.",
        **fields,
    )


def doc_link(document: Document, note: str = "") -> tuple[str, str]:
    label = f"{document.reference} {document.title}" + (f": {note}" if note else "")
    return (label, url("documents:document_detail", pk=document.pk))


@pytest.fixture
def policy(personas: Personas) -> DocumentVersion:
    """Version 1 of Acme's AI policy, published; every member is on its distribution list."""
    started = policies.start_ai_policy(actor=personas.manager, organization=personas.org)
    return publish(personas, started.document.versions.get())


@pytest.fixture
def policy_campaign(personas: Personas, policy: DocumentVersion) -> Campaign:
    return actions.start_campaign(actor=personas.manager, version=policy)


@pytest.fixture
def foreign(personas: Personas) -> Campaign:
    """Globex's AI policy in force, acknowledged by its one member."""
    org, actor = personas.other_org, personas.outsider
    document = policies.start_ai_policy(actor=actor, organization=org).document
    draft = document.versions.get()
    DocumentVersion.objects.filter(pk=draft.pk).update(state="published")
    document.current_version = draft
    document.save(update_fields=["current_version"])
    draft.refresh_from_db()
    campaign = actions.start_campaign(actor=actor, version=draft)
    acknowledge(campaign, actor)
    return campaign


# 5.2 and 7.3: the AI policy acknowledged


def test_no_ai_policy_in_force_cannot_be_acknowledged(personas, foreign):
    outcome = run(readiness.policy_acknowledged, personas.org)
    assert not outcome.passed
    assert outcome.message == "No AI policy is in force to be acknowledged."
    assert fix(outcome) == ("Approve and publish the AI policy", url("policies:policy_home"))
    assert readiness.policy_acknowledged.severity == "stage2_nonconformity"
    assert readiness.policy_acknowledged.refs == ("5.2", "7.3")


def test_enough_acknowledgements_pass_and_visitors_are_not_counted(personas, policy_campaign, foreign):
    acknowledge(policy_campaign, personas.owner, personas.manager, personas.contributor, personas.auditor)
    visitor = make_user("visitor@certifier.test")
    Membership.objects.create(
        organization=personas.org,
        user=visitor,
        role="external_auditor",
        expires_at=timezone.now() + timedelta(days=7),
    )
    outcome = run(readiness.policy_acknowledged, personas.org)
    assert outcome.passed
    assert outcome.message == (
        "4 of 5 members (80%) have acknowledged version 1 of the AI policy in force; 80% are needed."
    )


def test_too_few_acknowledgements_name_who_has_not_and_send_to_the_campaign(
    personas, policy_campaign, foreign
):
    acknowledge(policy_campaign, personas.owner, personas.manager, personas.contributor)
    outcome = run(readiness.policy_acknowledged, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "Only 3 of 5 members (60%) have acknowledged version 1 of the AI policy in force; 80% are needed."
    )
    page = url("acknowledgements:campaign_detail", pk=policy_campaign.pk)
    assert links(outcome) == [("Auditor", page), ("Viewer", page)]
    assert outcome.count == 2
    assert fix(outcome) == ("Remind those who have not acknowledged it", page)


def test_the_share_needed_follows_the_settings(personas, policy_campaign):
    acknowledge(policy_campaign, personas.owner, personas.manager, personas.contributor)
    ReadinessSettings.objects.create(organization=personas.org, acknowledgement_percent=60)
    assert run(readiness.policy_acknowledged, personas.org).passed


def test_without_a_campaign_the_fix_starts_one(personas, policy):
    outcome = run(readiness.policy_acknowledged, personas.org)
    assert not outcome.passed
    assert outcome.message.startswith("Only 0 of 5 members (0%) have acknowledged version 1")
    start = url("acknowledgements:campaign_create") + f"?version={policy.pk}"
    assert fix(outcome) == ("Ask the members to acknowledge the AI policy", start)
    assert links(outcome)[0] == ("Auditor", start)
    assert outcome.count == 5


def test_acknowledgements_of_an_earlier_version_or_by_former_members_do_not_count(personas, policy_campaign):
    everyone = (personas.owner, personas.manager, personas.contributor, personas.auditor, personas.viewer)
    acknowledge(policy_campaign, *everyone)
    Membership.objects.filter(organization=personas.org, user=personas.viewer).delete()
    outcome = run(readiness.policy_acknowledged, personas.org)
    assert outcome.message.startswith("4 of 4 members (100%)")
    actions.close_campaign(actor=personas.manager, campaign=policy_campaign)
    second = documents.create_version(
        actor=personas.manager, document=policy_campaign.version.document, body="v2"
    )
    publish(personas, second)
    outcome = run(readiness.policy_acknowledged, personas.org)
    assert not outcome.passed
    assert outcome.message.startswith("Only 0 of 4 members (0%) have acknowledged version 2")


# 7.3: documents put to their readers


def test_documents_in_force_never_put_to_their_readers_are_named(personas, foreign):
    unasked = new_document(personas, "PRO-1", [personas.contributor])
    publish(personas, unasked.versions.get())
    asked = new_document(personas, "PRO-2", [personas.contributor])
    actions.start_campaign(actor=personas.manager, version=publish(personas, asked.versions.get()))
    moved_on = new_document(personas, "PRO-3", [personas.viewer])
    actions.start_campaign(actor=personas.manager, version=publish(personas, moved_on.versions.get()))
    publish(personas, documents.create_version(actor=personas.manager, document=moved_on, body="v2"))
    publish(personas, new_document(personas, "PRO-4", []).versions.get())
    new_document(personas, "PRO-5", [personas.viewer])
    outcome = run(readiness.documents_acknowledged, personas.org)
    assert not outcome.passed
    assert outcome.message == "2 documents in force have never been put to the people who must read it."
    assert links(outcome) == [doc_link(unasked, "version 1"), doc_link(moved_on, "version 2")]
    assert fix(outcome) == ("Start acknowledgement campaigns", url("acknowledgements:campaign_create"))
    assert readiness.documents_acknowledged.severity == "observation"
    assert readiness.documents_acknowledged.refs == ("7.3",)


def test_documents_put_to_their_readers_pass(personas, policy_campaign):
    outcome = run(readiness.documents_acknowledged, personas.org)
    assert outcome.passed
    assert outcome.message == "Every document in force with a distribution list has been put to its readers."


# 7.3: acknowledgements on time


def _due(campaign: Campaign, days_ago: int) -> None:
    Campaign.objects.filter(pk=campaign.pk).update(due_on=TODAY - timedelta(days=days_ago))


def test_late_campaigns_with_readers_still_to_acknowledge_are_named(personas, policy_campaign, foreign):
    _due(policy_campaign, 2)
    acknowledge(policy_campaign, personas.owner)
    done = new_document(personas, "PRO-1", [personas.contributor])
    done_campaign = actions.start_campaign(
        actor=personas.manager, version=publish(personas, done.versions.get())
    )
    acknowledge(done_campaign, personas.contributor)
    _due(done_campaign, 5)
    closed = new_document(personas, "PRO-2", [personas.viewer])
    closed_campaign = actions.start_campaign(
        actor=personas.manager, version=publish(personas, closed.versions.get())
    )
    actions.close_campaign(actor=personas.manager, campaign=closed_campaign)
    _due(closed_campaign, 5)
    _due(foreign, 5)
    AcknowledgementRequest.objects.filter(campaign=foreign).update(acknowledged_at=None)
    outcome = run(readiness.campaigns_on_time, personas.org)
    assert not outcome.passed
    assert (
        outcome.message == "1 acknowledgement campaign is past the due date with people yet to acknowledge."
    )
    due = TODAY - timedelta(days=2)
    assert links(outcome) == [
        (
            f"POL-AI v1: 4 of 5 yet to acknowledge, due {due:%Y-%m-%d}",
            url("acknowledgements:campaign_detail", pk=policy_campaign.pk),
        )
    ]
    assert fix(outcome) == ("Remind those who have not acknowledged", url("acknowledgements:campaign_list"))
    assert readiness.campaigns_on_time.severity == "observation"


def test_campaigns_not_yet_due_pass(personas, policy_campaign):
    _due(policy_campaign, 0)
    outcome = run(readiness.campaigns_on_time, personas.org)
    assert outcome.passed
    assert (
        outcome.message
        == "No open acknowledgement campaign is past its due date with people yet to acknowledge."
    )


# 7.5.3: withdrawn documents no longer handed out


def test_withdrawn_documents_still_in_an_open_campaign_are_named(personas, policy_campaign, foreign):
    handed_out = new_document(personas, "PRO-1", [personas.viewer])
    actions.start_campaign(actor=personas.manager, version=publish(personas, handed_out.versions.get()))
    documents.withdraw_document(actor=personas.owner, document=handed_out, reason="Obsolete")
    closed = new_document(personas, "PRO-2", [personas.viewer])
    campaign = actions.start_campaign(
        actor=personas.manager, version=publish(personas, closed.versions.get())
    )
    actions.close_campaign(actor=personas.manager, campaign=campaign)
    documents.withdraw_document(actor=personas.owner, document=closed, reason="Obsolete")
    documents.withdraw_document(actor=personas.outsider, document=foreign.version.document, reason="Gone")
    outcome = run(readiness.withdrawn_not_distributed, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "1 withdrawn document is still put to people to read in an open acknowledgement campaign."
    )
    assert links(outcome) == [doc_link(handed_out)]
    assert fix(outcome) == ("Close their campaigns", url("acknowledgements:campaign_list"))
    assert readiness.withdrawn_not_distributed.severity == "observation"
    assert readiness.withdrawn_not_distributed.refs == ("7.5.3",)


def test_no_withdrawn_document_handed_out_passes(personas, policy_campaign):
    outcome = run(readiness.withdrawn_not_distributed, personas.org)
    assert outcome.passed
    assert outcome.message == "No withdrawn document is still put to people to read."


# Fixed cost, and the engine


def _add_records(personas: Personas, start: int, count: int) -> None:
    """`count` more documents at fault on every count: never put to readers, late, withdrawn while asked."""
    for n in range(start, start + count):
        publish(personas, new_document(personas, f"NEW-{n}", [personas.viewer]).versions.get())
        late = new_document(personas, f"LATE-{n}", [personas.viewer])
        _due(
            actions.start_campaign(actor=personas.manager, version=publish(personas, late.versions.get())), 3
        )
        gone = new_document(personas, f"GONE-{n}", [personas.viewer])
        actions.start_campaign(actor=personas.manager, version=publish(personas, gone.versions.get()))
        Document.objects.filter(pk=gone.pk).update(status="withdrawn")


def test_every_rule_reads_in_a_fixed_number_of_queries(personas, policy_campaign):
    _add_records(personas, 1, 1)
    one = {rule.id: queries(rule, personas.org) for rule in readiness.RULES}
    _add_records(personas, 2, 4)
    five = {rule.id: queries(rule, personas.org) for rule in readiness.RULES}
    assert one == five
    assert max(five.values()) <= 4


def test_the_rules_are_registered_and_run_in_the_engine(personas, policy_campaign):
    results = {result.id: result for result in compute(personas.org).results}
    assert {rule.id for rule in readiness.RULES} <= set(results)
    assert not results["5.2-policy-acknowledged"].ok
    assert all(results[rule.id].status != "error" for rule in readiness.RULES)
