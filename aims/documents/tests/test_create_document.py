from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.documents import actions
from aims.documents.models import Document, DocumentVersion
from aims.web.testing import Personas


def test_contributor_creates_a_document_with_a_draft_version_one(personas: Personas) -> None:
    document = actions.create_document(
        actor=personas.contributor,
        organization=personas.org,
        title="Data management procedure",
        kind="procedure",
        owner=personas.manager,
        distribution=[personas.viewer, personas.auditor],
        body="Text",
        retention_months=36,
    )
    version = document.versions.get()
    assert document.reference == "PRO-001"
    assert (version.number, version.state, version.author) == (1, "draft", personas.contributor)
    assert set(document.distribution.all()) == {personas.viewer, personas.auditor}
    event = AuditEvent.objects.get(verb="document.created")
    assert (event.after or {}).get("reference") == "PRO-001"
    assert AuditEvent.objects.filter(verb="document_version.created", target_id=str(version.pk)).exists()


@pytest.mark.parametrize(
    ("kind", "prefix"),
    [("policy", "POL"), ("procedure", "PRO"), ("scope", "SCO"), ("plan", "PLN"),
     ("record_template", "REC"), ("external", "EXT")],
)  # fmt: skip
def test_references_are_numbered_per_kind(personas: Personas, kind: str, prefix: str) -> None:
    for _ in range(2):
        last = actions.create_document(
            actor=personas.manager, organization=personas.org, title="T", kind=kind
        )
    assert last.reference == f"{prefix}-002"


def test_numbering_follows_the_highest_number_not_the_count(personas: Personas) -> None:
    actions.create_document(
        actor=personas.manager, organization=personas.org, title="T", kind="plan", reference="PLN-009"
    )
    made = actions.create_document(actor=personas.manager, organization=personas.org, title="U", kind="plan")
    assert made.reference == "PLN-010"


@pytest.mark.parametrize("role", ["auditor", "viewer"])
def test_readers_cannot_create_documents(personas: Personas, role: str) -> None:
    with pytest.raises(PermissionDenied):
        actions.create_document(
            actor=getattr(personas, role), organization=personas.org, title="T", kind="plan"
        )
    assert not Document.objects.exists()


def test_outsider_cannot_create_a_document_in_another_organisation(personas: Personas) -> None:
    with pytest.raises(PermissionDenied):
        actions.create_document(actor=personas.outsider, organization=personas.org, title="T", kind="plan")


def test_a_duplicate_reference_is_refused_with_a_clear_message(personas: Personas) -> None:
    actions.create_document(
        actor=personas.manager, organization=personas.org, title="T", kind="plan", reference="X-1"
    )
    with pytest.raises(ValidationError) as caught:
        actions.create_document(
            actor=personas.manager, organization=personas.org, title="U", kind="plan", reference="X-1"
        )
    assert "already used" in str(caught.value.message_dict["reference"])
    assert Document.objects.count() == 1


def test_owner_and_distribution_must_be_members(personas: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.create_document(
            actor=personas.manager, organization=personas.org, title="T", kind="plan", owner=personas.outsider
        )
    assert "owner" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        actions.create_document(
            actor=personas.manager,
            organization=personas.org,
            title="T",
            kind="plan",
            distribution=[personas.outsider],
        )
    assert "distribution" in caught.value.message_dict
    assert not DocumentVersion.objects.exists()


def test_an_unknown_kind_is_refused(personas: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.create_document(actor=personas.manager, organization=personas.org, title="T", kind="memo")
    assert "kind" in caught.value.message_dict
