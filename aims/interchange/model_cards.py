"""Hugging Face model cards into the model register (A.6.2.3 how a model was built, A.6.2.4 how it performs).

A model card is a README.md whose YAML front matter (between two `---` lines) holds the machine-readable
facts: `license`, `datasets`, `base_model`, `pipeline_tag`, `tags`, `library_name` and `model-index` (each
result's metrics, with the dataset they were measured on). `parse_model_card` reads those facts, tolerating
any that are missing; `import_model_card` creates or updates an AIModel from them through the components
actions, so the write is permission-checked and audited like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice
from numbers import Real
from typing import TYPE_CHECKING, Any

import yaml
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from aims.audit.trail import record
from aims.components import actions as component_actions
from aims.components.models import AIModel
from aims.organizations.permissions import can_edit_records

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.organizations.models import Organization

MAX_CARD_CHARS = 200_000
MAX_ITEMS = 100  # of any list read from the card (datasets, results, metrics, …)
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)
FOUNDATION_TASKS = frozenset(
    {
        "text-generation",
        "text2text-generation",
        "conversational",
        "image-text-to-text",
        "visual-question-answering",
        "any-to-any",
    }
)
CLASSICAL_LIBRARIES = frozenset({"sklearn", "scikit-learn", "xgboost", "lightgbm", "catboost"})
DEEP_LEARNING_LIBRARIES = frozenset(
    {"transformers", "pytorch", "tensorflow", "keras", "timm", "diffusers", "sentence-transformers", "peft"}
)


@dataclass(frozen=True)
class ModelCardFacts:
    """What a model card's front matter says, each part empty when the card leaves it out."""

    name: str = ""
    licence: str = ""
    datasets: list[str] = field(default_factory=list)
    base_models: list[str] = field(default_factory=list)
    metrics: list[dict[str, Any]] = field(default_factory=list)  # {metric, value, dataset}
    pipeline_tag: str = ""
    tags: list[str] = field(default_factory=list)
    library: str = ""
    summary: str = ""  # the first paragraph of the card's text

    @property
    def provider(self) -> str:
        """The base model's owner on the Hub ("meta-llama" of "meta-llama/Llama-3.1-8B"), when obvious."""
        owners = {name.split("/", 1)[0] for name in self.base_models if "/" in name}
        return owners.pop() if len(owners) == 1 else ""

    @property
    def model_type(self) -> str:
        if self.pipeline_tag in FOUNDATION_TASKS:
            return AIModel.ModelType.FOUNDATION
        library = self.library.lower()
        if library in CLASSICAL_LIBRARIES:
            return AIModel.ModelType.CLASSICAL_ML
        if library in DEEP_LEARNING_LIBRARIES or self.pipeline_tag:
            return AIModel.ModelType.DEEP_LEARNING
        return AIModel.ModelType.OTHER

    def training_lines(self) -> list[str]:
        """Sentences for the model's training approach: what it was fine-tuned from and trained on."""
        lines = []
        if self.base_models:
            lines.append(f"Fine-tuned from the base model {', '.join(self.base_models)} (model card).")
        if self.datasets:
            lines.append(f"Trained on the datasets {', '.join(self.datasets)} (model card).")
        return lines


def _texts(value: Any) -> list[str]:
    """A string or a list of strings, as a list of non-empty strings (anything else is ignored)."""
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [item.strip() for item in islice(items, MAX_ITEMS) if isinstance(item, str) and item.strip()]


def _text(value: Any, limit: int = 200) -> str:
    return value.strip()[:limit] if isinstance(value, str) else ""


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return list(islice(value, MAX_ITEMS)) if isinstance(value, list) else []


def _metric_value(value: Any) -> float | int | str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, Real):
        return value  # type: ignore[return-value]
    if isinstance(value, str) and value.strip():
        return value.strip()[:100]
    return None


def _metrics(model_index: Any) -> list[dict[str, Any]]:
    """model-index → results → metrics, as {metric, value, dataset}; entries without a value are skipped."""
    found = []
    for entry in _list(model_index):
        for result in _list(_mapping(entry).get("results")):
            dataset = _mapping(_mapping(result).get("dataset"))
            dataset_name = _text(dataset.get("name")) or _text(dataset.get("type"))
            for metric in _list(_mapping(result).get("metrics")):
                metric = _mapping(metric)
                name = _text(metric.get("name"), 100) or _text(metric.get("type"), 100)
                value = _metric_value(metric.get("value"))
                if name and value is not None:
                    found.append({"metric": name, "value": value, "dataset": dataset_name})
    return found[:MAX_ITEMS]


def _licence(front: dict[str, Any]) -> str:
    licence = _text(front.get("license"), 100) or " AND ".join(_texts(front.get("license")))[:100]
    if licence.lower() == "other":
        return _text(front.get("license_name"), 100) or licence
    return licence


def _summary(body: str) -> str:
    """The first paragraph of prose after the front matter: not a heading, badge, table or comment."""
    for paragraph in re.split(r"\n\s*\n", body):
        text = paragraph.strip()
        if text and not text.startswith(("#", "<", "!", "|", "[!", "```", ">")):
            return " ".join(text.split())[:2000]
    return ""


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    if len(text) > MAX_CARD_CHARS:
        raise ValidationError(f"The model card is {len(text):,} characters; the limit is {MAX_CARD_CHARS:,}.")
    text = text.lstrip("\ufeff \t\r\n")
    match = FRONT_MATTER.match(text)
    if match is None:
        raise ValidationError(
            "This model card has no front matter: a Hugging Face README starts with a line of three dashes "
            "(---), then YAML (license, datasets, base_model, model-index), then another line of dashes."
        )
    try:
        front = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        problem = getattr(exc, "problem", None) or "it is not valid YAML"
        raise ValidationError(f"The model card's front matter cannot be read{line}: {problem}.") from None
    if front is None:
        front = {}
    if not isinstance(front, dict):
        raise ValidationError("The model card's front matter must be YAML keys and values (license: …).")
    return front, text[match.end() :]


def parse_model_card(text: str) -> ModelCardFacts:
    """The facts of a model card's front matter; ValidationError if it has none or it is not YAML."""
    front, body = _front_matter(text)
    model_index = front.get("model-index")
    first = _mapping(_list(model_index)[0]) if _list(model_index) else {}
    return ModelCardFacts(
        name=_text(first.get("name")) or _text(front.get("model_name")),
        licence=_licence(front),
        datasets=_texts(front.get("datasets")),
        base_models=_texts(front.get("base_model")),
        metrics=_metrics(model_index),
        pipeline_tag=_text(front.get("pipeline_tag"), 60),
        tags=_texts(front.get("tags")),
        library=_text(front.get("library_name"), 60),
        summary=_summary(body),
    )


def _merged_results(current: list[Any], found: list[dict[str, Any]]) -> list[Any]:
    """The card's results, plus the model's own results for metrics the card does not measure."""
    measured = {(entry["metric"], entry["dataset"]) for entry in found}
    kept = [
        entry
        for entry in current
        if not isinstance(entry, dict) or (entry.get("metric"), entry.get("dataset", "")) not in measured
    ]
    return kept + found


def _training_approach(current: str, facts: ModelCardFacts) -> str:
    new = [line for line in facts.training_lines() if line not in current]
    return "\n".join(part for part in (current.strip(), *new) if part)


def _card_data(facts: ModelCardFacts, model: AIModel | None, name: str) -> dict[str, Any]:
    """The model fields the card sets: licence, provider and description only where the model has none."""
    data: dict[str, Any] = {
        "training_approach": _training_approach(model.training_approach if model else "", facts),
        "evaluation_results": _merged_results(model.evaluation_results if model else [], facts.metrics),
    }
    if facts.licence:
        data["licence"] = facts.licence
    if name:
        data["name"] = name
    if facts.provider and not (model and model.provider):
        data["provider"] = facts.provider
    if facts.summary and not (model and model.description):
        data["description"] = facts.summary
    return data


def _target(organization: Organization, model: AIModel | None, reference: str) -> AIModel | None:
    if model is not None:
        if model.organization_id != organization.pk:
            raise ValidationError({"model": "Choose a model of this organisation."})
        return model
    if reference.strip():
        return AIModel.objects.filter(organization=organization, reference=reference.strip()).first()
    return None


@transaction.atomic
def import_model_card(
    *,
    actor: User,
    organization: Organization,
    text: str,
    model: AIModel | None = None,
    reference: str = "",
    name: str = "",
) -> AIModel:
    """Create a model from a model card, or update `model` (or the model with `reference`) with it.

    The card sets the licence, the evaluation results (replacing those of the metrics it measures), and
    adds its base model and datasets to the training approach; provider (the base model's owner) and
    description (the card's first paragraph) are filled in only where the model has none.
    """
    if not can_edit_records(actor, organization):
        raise PermissionDenied("Only owners, managers and contributors can import a model card.")
    facts = parse_model_card(text)
    target = _target(organization, model, reference)
    data = _card_data(facts, target, name.strip())
    if target is not None:
        changes = {key: value for key, value in data.items() if getattr(target, key) != value}
        target = component_actions.update_ai_model(actor=actor, ai_model=target, data=changes)
    else:
        data["name"] = data.get("name") or facts.name or reference.strip()
        if not data["name"]:
            raise ValidationError({"name": "Name the model: its card does not (it has no model-index)."})
        data.update(reference=reference.strip(), model_type=facts.model_type)
        target = component_actions.create_ai_model(actor=actor, organization=organization, data=data)
    record(
        actor=actor,
        verb="ai_model.model_card_imported",
        target=target,
        data={
            "licence": facts.licence,
            "base_models": facts.base_models,
            "datasets": facts.datasets,
            "metrics": len(facts.metrics),
            "pipeline_tag": facts.pipeline_tag,
        },
    )
    return target
