"""Transactional tests (browser tests among them) flush the database afterwards; a published version must not
stop that flush on either database."""

from __future__ import annotations

import pytest

from aims.documents import actions
from aims.documents.models import DocumentVersion
from aims.documents.tests.conftest import draft_of, publish
from aims.web.testing import Personas


@pytest.mark.django_db(transaction=True)
def test_a_committed_published_version_does_not_block_the_test_flush(personas: Personas) -> None:
    document = actions.create_document(
        actor=personas.contributor, organization=personas.org, title="T", kind="plan", body="Text"
    )
    publish(personas, draft_of(document))
    assert DocumentVersion.objects.get().state == DocumentVersion.State.PUBLISHED
