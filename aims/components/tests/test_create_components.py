"""Creating models, datasets and resources: the three registers share one create action."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.components import actions
from aims.components.models import AIModel, Dataset, Resource
from aims.components.tests.conftest import DATASET_DATA, MODEL_DATA, RESOURCE_DATA
from aims.lib.errors import ActionError

REGISTERS = [
    pytest.param(actions.create_ai_model, AIModel, MODEL_DATA, "ai_model", id="model"),
    pytest.param(actions.create_dataset, Dataset, DATASET_DATA, "dataset", id="dataset"),
    pytest.param(actions.create_resource, Resource, RESOURCE_DATA, "resource", id="resource"),
]


@pytest.mark.parametrize(("create", "model", "data", "verb"), REGISTERS)
def test_contributor_adds_a_record_linked_to_a_system_with_an_audit_event(
    personas, systems, create, model, data, verb
):
    record = create(
        actor=personas.contributor, organization=personas.org, data=data, ai_systems=[systems.scoring]
    )
    assert record.reference == data["reference"]
    assert list(record.ai_systems.all()) == [systems.scoring]
    event = AuditEvent.objects.get(organization=personas.org, verb=f"{verb}.created")
    assert event.target_id == str(record.pk)
    assert event.actor == personas.contributor
    assert event.after is not None
    assert event.after["name"] == data["name"]
    assert event.data == {"ai_systems": ["AIS-001"]}


@pytest.mark.parametrize(("create", "model", "data", "verb"), REGISTERS)
def test_an_empty_reference_gets_the_next_number(personas, create, model, data, verb):
    first = create(actor=personas.manager, organization=personas.org, data={**data, "reference": ""})
    second = create(actor=personas.manager, organization=personas.org, data={**data, "reference": " "})
    prefix = model.reference_prefix
    assert (first.reference, second.reference) == (f"{prefix}-001", f"{prefix}-002")


@pytest.mark.parametrize("role", ["auditor", "viewer", "outsider"])
@pytest.mark.parametrize(("create", "model", "data", "verb"), REGISTERS)
def test_readers_and_outsiders_cannot_add_records(personas, role, create, model, data, verb):
    with pytest.raises(PermissionDenied):
        create(actor=personas.user(role), organization=personas.org, data=data)
    assert not model.objects.exists()
    assert not AuditEvent.objects.filter(verb=f"{verb}.created").exists()


@pytest.mark.parametrize(("create", "model", "data", "verb"), REGISTERS)
def test_a_reference_is_unique_in_the_organisation_only(personas, create, model, data, verb):
    create(actor=personas.owner, organization=personas.org, data=data)
    with pytest.raises(ValidationError) as caught:
        create(actor=personas.owner, organization=personas.org, data=data)
    assert "already used" in caught.value.message_dict["reference"][0]
    create(actor=personas.outsider, organization=personas.other_org, data=data)
    assert model.objects.count() == 2


@pytest.mark.parametrize(("create", "model", "data", "verb"), REGISTERS)
def test_a_system_of_another_organisation_cannot_be_linked(personas, systems, create, model, data, verb):
    with pytest.raises(ValidationError) as caught:
        create(actor=personas.owner, organization=personas.org, data=data, ai_systems=[systems.foreign])
    assert "same organisation" in caught.value.message_dict["ai_systems"][0]
    assert not model.objects.exists()


@pytest.mark.parametrize(("create", "model", "data", "verb"), REGISTERS)
def test_nothing_is_linked_to_an_archived_system(personas, systems, create, model, data, verb):
    AISystem.objects.filter(pk=systems.scoring.pk).update(status=AISystem.Status.ARCHIVED)
    systems.scoring.refresh_from_db()
    with pytest.raises(ActionError):
        create(actor=personas.owner, organization=personas.org, data=data, ai_systems=[systems.scoring])
    assert not model.objects.exists()


@pytest.mark.parametrize(("create", "model", "data", "verb"), REGISTERS)
def test_unknown_fields_and_missing_names_are_refused(personas, create, model, data, verb):
    with pytest.raises(ValidationError) as caught:
        create(actor=personas.owner, organization=personas.org, data={**data, "organization_id": 2})
    assert "Unknown field" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        create(actor=personas.owner, organization=personas.org, data={**data, "name": ""})
    assert "name" in caught.value.message_dict
    assert not model.objects.exists()


def test_a_model_type_must_be_one_of_the_choices(personas):
    with pytest.raises(ValidationError) as caught:
        actions.create_ai_model(
            actor=personas.owner, organization=personas.org, data={**MODEL_DATA, "model_type": "magic"}
        )
    assert "model_type" in caught.value.message_dict
    assert not AIModel.objects.exists()


@pytest.mark.parametrize(
    "results",
    [
        "AUC 0.8",
        [{"metric": "", "value": 1}],
        [{"metric": "AUC"}],
        [{"metric": "AUC", "value": True}],
        [{"metric": "AUC", "value": 0.8, "extra": 1}],
        [{"metric": "AUC", "value": 0.8, "dataset": 3}],
    ],
)
def test_evaluation_results_need_a_metric_and_a_value(personas, results):
    with pytest.raises(ValidationError) as caught:
        actions.create_ai_model(
            actor=personas.owner,
            organization=personas.org,
            data={**MODEL_DATA, "evaluation_results": results},
        )
    assert "evaluation_results" in caught.value.message_dict
    assert not AIModel.objects.exists()
