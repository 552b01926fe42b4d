"""The dataset page shows its provenance timeline, newest first, with a form to add to it (A.7.5)."""

from datetime import date, timedelta

from django.utils import timezone

from aims.components import actions
from aims.components.models import ProvenanceEvent


def test_the_timeline_lists_events_newest_first(personas, dataset):
    for when, what in ((date(2019, 1, 2), "Collected from branches"), (date(2025, 1, 15), "De-duplicated")):
        actions.record_provenance_event(
            actor=personas.contributor, dataset=dataset, kind="created", actor_name="Ops", occurred_on=when,
            description=what,
        )  # fmt: skip
    page = personas.client("viewer").get(f"/o/acme/components/datasets/{dataset.pk}/").content.decode()
    assert page.index("De-duplicated") < page.index("Collected from branches")
    assert "Recorded by Contributor" in page
    assert "Add to the timeline" not in page


def test_an_editor_adds_an_event_from_the_page(personas, dataset):
    response = personas.client("contributor").post(
        f"/o/acme/components/datasets/{dataset.pk}/provenance/",
        {
            "kind": "shared",
            "actor_name": "External auditor",
            "occurred_on": "2025-03-10",
            "description": "Sample.",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#provenance")
    event = ProvenanceEvent.objects.get()
    assert (event.kind, event.actor_name, event.dataset) == ("shared", "External auditor", dataset)


def test_a_bad_event_is_a_form_error_and_nothing_is_written(personas, dataset):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = personas.client("contributor").post(
        f"/o/acme/components/datasets/{dataset.pk}/provenance/",
        {"kind": "created", "actor_name": "", "occurred_on": tomorrow, "description": "x"},
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "cannot be in the future" in page
    assert "This field is required" in page
    assert not ProvenanceEvent.objects.exists()


def test_provenance_is_only_for_datasets(personas, ai_model):
    response = personas.client("owner").post(
        f"/o/acme/components/datasets/{ai_model.pk}/provenance/",
        {"kind": "created", "actor_name": "X", "occurred_on": "2025-01-01", "description": "x"},
    )
    assert response.status_code == 404
