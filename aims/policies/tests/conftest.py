"""AI policy fixtures: Acme's policy (draft or published), a policy to align with, Globex records."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.test import Client

from aims.documents import actions as documents
from aims.documents.models import Document, DocumentVersion
from aims.policies import actions
from aims.policies.models import AIPolicy, AlignedPolicy, CommitmentRecord, PolicyReview
from aims.web.testing import Personas

DAY = date(2026, 3, 2)


def post_json(client: Client, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def publish(personas: Personas, version: DocumentVersion) -> DocumentVersion:
    """Submitted by its author's peer, approved and published by the owner."""
    documents.submit_version(actor=personas.manager, version=version)
    documents.approve_version(actor=personas.owner, version=version, comment="Agreed")
    return documents.publish_version(actor=personas.owner, version=version)


@pytest.fixture
def ai_policy(personas: Personas) -> AIPolicy:
    return actions.start_ai_policy(actor=personas.manager, organization=personas.org)


@pytest.fixture
def published_policy(personas: Personas, ai_policy: AIPolicy) -> DocumentVersion:
    return publish(personas, ai_policy.document.versions.get())


@pytest.fixture
def security_policy(personas: Personas) -> Document:
    return documents.create_document(
        actor=personas.manager,
        organization=personas.org,
        title="Information security policy",
        kind="policy",
        reference="POL-001",
        body="Security.",
    )


@pytest.fixture
def aligned(personas: Personas, ai_policy: AIPolicy, security_policy: Document) -> AlignedPolicy:
    return actions.link_aligned_policy(
        actor=personas.contributor,
        organization=personas.org,
        document=security_policy,
        note="Access control for models follows the security policy.",
    )


@pytest.fixture
def review(personas: Personas, published_policy: DocumentVersion) -> PolicyReview:
    return actions.record_policy_review(
        actor=personas.manager,
        document=published_policy.document,
        reviewed_on=DAY,
        reviewers=[personas.owner, personas.manager],
        outcome="no_change",
        findings="Still suitable after the new chatbot went live.",
    )


@pytest.fixture
def commitment(personas: Personas) -> CommitmentRecord:
    return actions.record_commitment(
        actor=personas.manager,
        organization=personas.org,
        kind="signed_statement",
        member=personas.owner,
        occurred_on=DAY,
        description="The CEO signed the AI policy statement and presented it at the all-hands.",
    )


@pytest.fixture
def foreign(personas: Personas) -> dict[str, Any]:
    """Globex's AI policy, an aligned policy, a review and a commitment, which Acme must never see."""
    org, actor = personas.other_org, personas.outsider
    policy = actions.start_ai_policy(actor=actor, organization=org)
    other = documents.create_document(actor=actor, organization=org, title="Globex privacy", kind="policy")
    link = actions.link_aligned_policy(actor=actor, organization=org, document=other, note="Privacy.")
    review = actions.record_policy_review(
        actor=actor, document=other, reviewed_on=DAY, reviewers=[actor], outcome="no_change", findings="Ok"
    )
    commitment = actions.record_commitment(
        actor=actor, organization=org, kind="communication", member=actor, occurred_on=DAY, description="Mail"
    )
    return {"policy": policy, "aligned": link, "review": review, "commitment": commitment}
