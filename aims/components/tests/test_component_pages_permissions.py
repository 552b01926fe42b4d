"""Who may see and change the component pages: members read, editors write, outsiders get 404."""

import pytest

from aims.components.models import AIModel, CompetenceNeed, Dataset, Resource
from aims.web.testing import EVERYONE, assert_allowed, assert_permission_matrix, assert_refused

READERS = ("owner", "manager", "contributor", "auditor", "viewer")
EDITORS = ("owner", "manager", "contributor")
NOT_EDITORS = [persona for persona in EVERYONE if persona not in EDITORS]
LISTS = ["/o/acme/components/", "/o/acme/components/datasets/", "/o/acme/components/resources/"]


@pytest.mark.parametrize("url", [*LISTS, "/o/acme/components/competences/"])
def test_lists_are_for_members(personas, url):
    assert_permission_matrix(personas, "GET", url, READERS)


def test_detail_pages_are_for_members(personas, ai_model, dataset, resource):
    for prefix, record in (("models", ai_model), ("datasets", dataset), ("resources", resource)):
        assert_permission_matrix(personas, "GET", f"/o/acme/components/{prefix}/{record.pk}/", READERS)


@pytest.mark.parametrize("prefix", ["models", "datasets", "resources"])
def test_forms_are_for_editors(personas, ai_model, dataset, resource, prefix):
    record = {"models": ai_model, "datasets": dataset, "resources": resource}[prefix]
    for url in (f"/o/acme/components/{prefix}/new/", f"/o/acme/components/{prefix}/{record.pk}/edit/"):
        assert_allowed(personas, "GET", url, EDITORS)
        assert_refused(personas, "GET", url, NOT_EDITORS)


def test_readers_cannot_post_anything(personas, systems, ai_model, dataset, resource, need):
    posts = [
        ("/o/acme/components/models/new/", {"name": "X", "model_type": "other"}),
        ("/o/acme/components/datasets/new/", {"name": "X", "category": "test"}),
        ("/o/acme/components/resources/new/", {"name": "X", "kind": "tooling"}),
        (f"/o/acme/components/models/{ai_model.pk}/edit/", {"name": "X", "model_type": "other"}),
        (f"/o/acme/components/models/{ai_model.pk}/archive/", {}),
        (f"/o/acme/components/datasets/{dataset.pk}/link/", {"ai_system": "AIS-002"}),
        (f"/o/acme/components/resources/{resource.pk}/unlink/{systems.chatbot.pk}/", {}),
        (
            f"/o/acme/components/datasets/{dataset.pk}/provenance/",
            {"kind": "created", "actor_name": "X", "occurred_on": "2025-01-01", "description": "X"},
        ),
        ("/o/acme/components/competences/new/", {"ai_system": "AIS-001", "competence": "X", "area": "other"}),
        (f"/o/acme/components/competences/{need.pk}/edit/", {"competence": "X", "area": "other"}),
        (f"/o/acme/components/competences/{need.pk}/delete/", {}),
    ]
    for url, data in posts:
        assert_refused(personas, "POST", url, NOT_EDITORS, data=data)
    assert AIModel.objects.get() == ai_model
    assert AIModel.objects.get().name == ai_model.name
    assert Dataset.objects.count() == Resource.objects.count() == CompetenceNeed.objects.count() == 1
    assert not ai_model.__class__.objects.filter(status="archived").exists()
    assert list(resource.ai_systems.all()) == [systems.chatbot]
    assert not dataset.provenance_events.exists()


def test_buttons_for_changes_show_only_to_editors(personas, ai_model):
    url = f"/o/acme/components/models/{ai_model.pk}/"
    assert b"Archive" in personas.client("contributor").get(url).content
    page = personas.client("auditor").get(url).content
    assert b"Archive" not in page
    assert b"Edit</a>" not in page
    assert b"Add a model" not in personas.client("viewer").get("/o/acme/components/").content
