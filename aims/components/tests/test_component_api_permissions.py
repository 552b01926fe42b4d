"""Who may call the component endpoints: members read; owners, managers and contributors write."""

import pytest

from aims.components.models import AIModel, CompetenceNeed, Dataset, Resource
from aims.web.testing import EVERYONE, assert_permission_matrix, assert_refused

READERS = ("owner", "manager", "contributor", "auditor", "viewer")
NOT_EDITORS = [persona for persona in EVERYONE if persona not in ("owner", "manager", "contributor")]


@pytest.mark.parametrize("path", ["models", "datasets", "resources", "competence-needs"])
def test_lists_are_for_members(personas, path):
    assert_permission_matrix(personas, "GET", f"/api/v1/{path}?organization=acme", READERS, api=True)


def test_records_are_for_members(personas, ai_model, dataset, resource, need):
    for url in (
        f"/api/v1/models/{ai_model.pk}",
        f"/api/v1/datasets/{dataset.pk}",
        f"/api/v1/datasets/{dataset.pk}/provenance",
        f"/api/v1/resources/{resource.pk}",
        f"/api/v1/competence-needs/{need.pk}",
    ):
        assert_permission_matrix(personas, "GET", url, READERS, api=True)


def test_readers_cannot_write_through_the_api(personas, systems, ai_model, dataset, resource, need):
    writes = [
        ("POST", "/api/v1/models?organization=acme", {"name": "X", "model_type": "other"}),
        ("POST", "/api/v1/datasets?organization=acme", {"name": "X", "category": "test"}),
        ("POST", "/api/v1/resources?organization=acme", {"name": "X", "kind": "tooling"}),
        ("PATCH", f"/api/v1/models/{ai_model.pk}", {"name": "X"}),
        ("PATCH", f"/api/v1/datasets/{dataset.pk}", {"name": "X"}),
        ("PATCH", f"/api/v1/resources/{resource.pk}", {"name": "X"}),
        ("POST", f"/api/v1/models/{ai_model.pk}/archive", {}),
        ("POST", f"/api/v1/datasets/{dataset.pk}/restore", {}),
        ("POST", f"/api/v1/resources/{resource.pk}/ai-systems", {"ai_system": systems.scoring.pk}),
        ("DELETE", f"/api/v1/models/{ai_model.pk}/ai-systems/{systems.scoring.pk}", None),
        (
            "POST",
            f"/api/v1/datasets/{dataset.pk}/provenance",
            {"kind": "created", "actor_name": "X", "occurred_on": "2025-01-01", "description": "X"},
        ),
        (
            "POST",
            "/api/v1/competence-needs",
            {"ai_system": systems.scoring.pk, "competence": "X", "area": "other"},
        ),
        ("PATCH", f"/api/v1/competence-needs/{need.pk}", {"competence": "X"}),
        ("DELETE", f"/api/v1/competence-needs/{need.pk}", None),
    ]
    for method, url, data in writes:
        refused = NOT_EDITORS
        if url.startswith("/api/v1/competence-needs") and method == "POST":
            # The system names the organisation; an outsider cannot see it, so it is bad input (422).
            refused = [persona for persona in NOT_EDITORS if persona != "outsider"]
        assert_refused(personas, method, url, refused, data=data, api=True)
    assert [m.name for m in AIModel.objects.all()] == [ai_model.name]
    assert Dataset.objects.get().name == dataset.name
    assert Resource.objects.get().name == resource.name
    assert CompetenceNeed.objects.get().competence == need.competence
    assert not dataset.provenance_events.exists()
