"""Reading a model card's front matter: licence, base model, datasets, metrics, and what kind of model."""

import pytest
from django.core.exceptions import ValidationError

from aims.interchange import model_cards
from aims.interchange.model_cards import parse_model_card
from aims.interchange.tests.model_card_samples import CHAT_MODEL, CLASSIFIER, OTHER_LICENCE


def test_a_text_generation_card_gives_every_fact():
    facts = parse_model_card(CHAT_MODEL)
    assert facts.name == "zephyr-7b-beta"
    assert facts.licence == "apache-2.0"
    assert facts.base_models == ["mistralai/Mistral-7B-v0.1"]
    assert facts.datasets == ["HuggingFaceH4/ultrachat_200k", "HuggingFaceH4/ultrafeedback_binarized"]
    assert facts.metrics == [
        {"metric": "normalized accuracy", "value": 62.03, "dataset": "AI2 Reasoning Challenge (25-Shot)"},
        {"metric": "mc2", "value": 57.45, "dataset": "TruthfulQA (0-shot)"},
    ]
    assert facts.pipeline_tag == "text-generation"
    assert facts.tags == ["generated_from_trainer", "alignment-handbook"]
    assert facts.summary == "Zephyr is a series of language models trained to act as helpful assistants."


def test_a_text_generation_model_is_a_foundation_model_from_its_base_models_owner():
    facts = parse_model_card(CHAT_MODEL)
    assert facts.model_type == "foundation"
    assert facts.provider == "mistralai"
    assert facts.training_lines() == [
        "Fine-tuned from the base model mistralai/Mistral-7B-v0.1 (model card).",
        "Trained on the datasets HuggingFaceH4/ultrachat_200k, HuggingFaceH4/ultrafeedback_binarized "
        "(model card).",
    ]


def test_a_card_with_a_licence_only_leaves_the_rest_empty():
    facts = parse_model_card(CLASSIFIER)
    assert facts.licence == "mit"
    assert (facts.name, facts.base_models, facts.datasets, facts.metrics) == ("", [], [], [])
    assert (facts.provider, facts.model_type) == ("", "other")
    assert facts.summary == "Routes support tickets to the right queue."


def test_other_licences_use_their_name_and_single_values_become_lists():
    facts = parse_model_card(OTHER_LICENCE)
    assert facts.licence == "llama3.1"
    assert facts.base_models == ["meta-llama/Llama-3.1-8B"]
    assert facts.datasets == ["internal/support-transcripts"]
    # A metric without a value is skipped, not guessed.
    assert facts.metrics == [{"metric": "Resolution rate", "value": "81%", "dataset": "Support eval"}]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# Just a README\n\nNo front matter here.", "has no front matter"),
        ("---\nlicense: mit\nno closing line\n", "has no front matter"),
        ("---\nlicense: [mit\n---\n", "cannot be read at line"),
        ("---\n- just\n- a list\n---\n", "must be YAML keys and values"),
        ("---\n!!python/object:os.system {}\n---\n", "cannot be read"),
    ],
)
def test_cards_without_readable_front_matter_are_refused(text, message):
    with pytest.raises(ValidationError) as caught:
        parse_model_card(text)
    assert message in caught.value.messages[0]


def test_an_oversize_card_is_refused(monkeypatch):
    monkeypatch.setattr(model_cards, "MAX_CARD_CHARS", 50)
    with pytest.raises(ValidationError, match="the limit is 50"):
        parse_model_card(CHAT_MODEL)


def test_an_empty_front_matter_is_tolerated():
    assert parse_model_card("\ufeff---\n---\nText.\n").licence == ""
