"""Importing a model card creates or updates a model through the register's actions, on the record."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.components import actions
from aims.components.models import AIModel
from aims.interchange.model_cards import import_model_card
from aims.interchange.tests.model_card_samples import CHAT_MODEL, CLASSIFIER
from aims.lib.errors import ActionError


def test_a_card_creates_a_foundation_model(personas):
    model = import_model_card(actor=personas.contributor, organization=personas.org, text=CHAT_MODEL)
    assert (model.reference, model.name, model.model_type) == ("MOD-001", "zephyr-7b-beta", "foundation")
    assert (model.licence, model.provider) == ("apache-2.0", "mistralai")
    assert "mistralai/Mistral-7B-v0.1" in model.training_approach
    assert "HuggingFaceH4/ultrachat_200k" in model.training_approach
    assert model.description.startswith("Zephyr is a series of language models")
    assert model.evaluation_results == [
        {"metric": "normalized accuracy", "value": 62.03, "dataset": "AI2 Reasoning Challenge (25-Shot)"},
        {"metric": "mc2", "value": 57.45, "dataset": "TruthfulQA (0-shot)"},
    ]


def test_the_import_is_audited_with_the_cards_facts(personas):
    model = import_model_card(actor=personas.contributor, organization=personas.org, text=CHAT_MODEL)
    verbs = list(AuditEvent.objects.order_by("pk").values_list("verb", flat=True))
    assert verbs == ["ai_model.created", "ai_model.model_card_imported"]
    event = AuditEvent.objects.get(verb="ai_model.model_card_imported")
    assert (event.actor, event.target_id) == (personas.contributor, str(model.pk))
    assert event.data["base_models"] == ["mistralai/Mistral-7B-v0.1"]
    assert event.data["metrics"] == 2


def test_a_card_without_a_name_needs_one(personas):
    with pytest.raises(ValidationError, match="Name the model"):
        import_model_card(actor=personas.contributor, organization=personas.org, text=CLASSIFIER)
    model = import_model_card(
        actor=personas.contributor,
        organization=personas.org,
        text=CLASSIFIER,
        reference="MOD-077",
        name="Ticket router",
    )
    assert (model.reference, model.name, model.licence, model.model_type) == (
        "MOD-077",
        "Ticket router",
        "mit",
        "other",
    )


def test_a_card_updates_the_model_it_is_given_keeping_what_people_wrote(personas):
    model = actions.create_ai_model(
        actor=personas.manager,
        organization=personas.org,
        data={
            "reference": "MOD-005",
            "name": "Support assistant",
            "model_type": "foundation",
            "provider": "Mistral AI",
            "training_approach": "Fine-tuned on our own transcripts.",
            "evaluation_results": [
                {"metric": "mc2", "value": 50, "dataset": "TruthfulQA (0-shot)"},
                {"metric": "Escalation rate", "value": "12%", "dataset": "Pilot"},
            ],
        },
    )
    updated = import_model_card(
        actor=personas.contributor, organization=personas.org, text=CHAT_MODEL, model=model
    )
    assert updated.pk == model.pk
    assert (updated.name, updated.provider, updated.licence) == (
        "Support assistant",
        "Mistral AI",
        "apache-2.0",
    )
    assert updated.training_approach.startswith("Fine-tuned on our own transcripts.\nFine-tuned from")
    assert [entry["metric"] for entry in updated.evaluation_results] == [
        "Escalation rate",
        "normalized accuracy",
        "mc2",
    ]
    # Importing the same card again changes nothing more.
    again = import_model_card(
        actor=personas.contributor, organization=personas.org, text=CHAT_MODEL, model=model
    )
    assert again.training_approach == updated.training_approach
    assert AuditEvent.objects.filter(verb="ai_model.updated").count() == 1


def test_a_reference_in_use_selects_the_model_to_update(personas):
    first = import_model_card(
        actor=personas.contributor, organization=personas.org, text=CLASSIFIER, name="Router"
    )
    second = import_model_card(
        actor=personas.contributor, organization=personas.org, text=CHAT_MODEL, reference=first.reference
    )
    assert second.pk == first.pk
    assert AIModel.objects.count() == 1


def test_viewers_and_auditors_cannot_import_a_card(personas):
    for persona in ("viewer", "auditor", "outsider"):
        with pytest.raises(PermissionDenied):
            import_model_card(actor=getattr(personas, persona), organization=personas.org, text=CHAT_MODEL)
    assert not AIModel.objects.exists()


def test_an_archived_model_cannot_be_updated_from_a_card(personas):
    model = import_model_card(actor=personas.contributor, organization=personas.org, text=CHAT_MODEL)
    actions.archive_ai_model(actor=personas.contributor, ai_model=model)
    with pytest.raises(ActionError, match="archived"):
        import_model_card(actor=personas.contributor, organization=personas.org, text=CLASSIFIER, model=model)
    assert AIModel.objects.get().licence == "apache-2.0"


def test_a_model_of_another_organisation_is_refused(personas):
    model = import_model_card(actor=personas.outsider, organization=personas.other_org, text=CHAT_MODEL)
    with pytest.raises(ValidationError, match="this organisation"):
        import_model_card(actor=personas.contributor, organization=personas.org, text=CLASSIFIER, model=model)
    assert AIModel.objects.get().licence == "apache-2.0"
