"""Acknowledgement fixtures: a published policy in Acme read by three members, and a Globex campaign."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from aims.acknowledgements import actions
from aims.acknowledgements.models import Campaign
from aims.documents import actions as documents
from aims.documents.models import DocumentVersion
from aims.web.testing import Personas


def post_json(client: Client, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def publish(personas: Personas, version: DocumentVersion) -> DocumentVersion:
    documents.submit_version(actor=personas.contributor, version=version)
    documents.approve_version(actor=personas.owner, version=version, comment="Agreed")
    return documents.publish_version(actor=personas.owner, version=version)


@pytest.fixture
def version(personas: Personas) -> DocumentVersion:
    """Version 1 of Acme's code of conduct, published; the contributor, auditor and viewer must read it."""
    document = documents.create_document(
        actor=personas.contributor,
        organization=personas.org,
        title="AI code of conduct",
        kind="policy",
        reference="POL-007",
        distribution=[personas.contributor, personas.auditor, personas.viewer],
        body="# Be kind\n\nUse AI <b>well</b>.",
    )
    return publish(personas, document.versions.get())


@pytest.fixture
def campaign(personas: Personas, version: DocumentVersion) -> Campaign:
    return actions.start_campaign(actor=personas.manager, version=version, message="Please read it.")


def request_of(campaign: Campaign, user: Any) -> Any:
    return campaign.requests.get(recipient=user)


@pytest.fixture
def foreign(personas: Personas) -> Campaign:
    org, actor = personas.other_org, personas.outsider
    document = documents.create_document(
        actor=actor, organization=org, title="Globex rules", kind="policy", distribution=[actor], body="x"
    )
    draft = document.versions.get()
    # Globex has one member, who may not approve their own version: publish it directly.
    DocumentVersion.objects.filter(pk=draft.pk).update(state="published")
    document.current_version = draft
    document.save(update_fields=["current_version"])
    draft.refresh_from_db()
    return actions.start_campaign(actor=actor, version=draft)
