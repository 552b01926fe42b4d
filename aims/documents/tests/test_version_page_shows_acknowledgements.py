"""A published version's page says who has acknowledged it and lets a manager start a campaign (7.3)."""

from aims.acknowledgements import actions as acknowledgements
from aims.documents import actions


def _published(personas):
    document = actions.create_document(
        actor=personas.contributor,
        organization=personas.org,
        title="Data management procedure",
        kind="procedure",
        body="# Data\n\nHow we manage data.",
        distribution=[personas.viewer, personas.auditor],
    )
    version = document.versions.get()
    version = actions.submit_version(actor=personas.contributor, version=version)
    version = actions.approve_version(actor=personas.manager, version=version)
    return actions.publish_version(actor=personas.manager, version=version)


def _page(personas, persona, version):
    url = f"/o/acme/documents/{version.document_id}/versions/{version.number}/"
    return personas.client(persona).get(url)


def test_a_manager_is_offered_a_campaign_on_a_published_version(personas):
    version = _published(personas)
    response = _page(personas, "manager", version)
    assert response.status_code == 200
    assert b"Ask everyone to acknowledge version 1" in response.content


def test_the_page_counts_acknowledgements_and_a_viewer_cannot_start_one(personas):
    version = _published(personas)
    campaign = acknowledgements.start_campaign(actor=personas.manager, version=version)
    request = campaign.requests.get(recipient=personas.viewer)
    acknowledgements.acknowledge_version(actor=personas.viewer, request=request)
    response = _page(personas, "viewer", version)
    assert response.status_code == 200
    assert b"1 of 2 acknowledged" in response.content
    assert b"Ask everyone to acknowledge" not in response.content
