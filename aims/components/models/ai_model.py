"""The model register: every trained model or algorithm inside the organisation's systems (A.4.2, A.6.2.3)."""

from __future__ import annotations

from numbers import Real
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from aims.ai_systems.models import AISystem
from aims.components.models.base import Component, ComponentQuerySet


class AIModelQuerySet(ComponentQuerySet["AIModel"]):
    pass


def evaluation_errors(results: Any) -> list[str]:
    """What is wrong with a list of evaluation results ({metric, value, dataset}); empty if nothing."""
    if not isinstance(results, list):
        return ["Evaluation results must be a list of {metric, value, dataset} entries."]
    errors = []
    for number, entry in enumerate(results, start=1):
        if not isinstance(entry, dict) or set(entry) - {"metric", "value", "dataset"}:
            errors.append(f"Result {number}: give only a metric, a value and (optionally) a dataset.")
            continue
        metric, value = entry.get("metric"), entry.get("value")
        if not isinstance(metric, str) or not metric.strip():
            errors.append(f"Result {number}: name the metric (e.g. AUC, F1, accuracy).")
        if isinstance(value, bool) or not isinstance(value, str | Real) or str(value).strip() == "":
            errors.append(f"Result {number}: give the measured value as a number or short text.")
        if not isinstance(entry.get("dataset", ""), str):
            errors.append(f"Result {number}: the dataset is the name or reference of the test data.")
    return errors


class AIModel(Component):
    class ModelType(models.TextChoices):
        CLASSICAL_ML = "classical_ml", "Classical machine learning (e.g. gradient boosting, regression)"
        DEEP_LEARNING = "deep_learning", "Deep learning (neural network)"
        FOUNDATION = "foundation", "Large language or other foundation model"
        RULES_ML = "rules_ml", "Rules combined with machine learning"
        RULE_BASED = "rule_based", "Rule-based or expert system"
        OTHER = "other", "Other"

    model_type = models.CharField(
        max_length=20,
        choices=ModelType.choices,
        help_text="The kind of model: its machine-learning approach (A.6.2.3).",
    )
    version = models.CharField(
        max_length=60, blank=True, help_text="The version in use, as its provider names it (e.g. 2.3.1)."
    )
    licence = models.CharField(
        max_length=100,
        blank=True,
        help_text="The licence you use it under: an SPDX identifier (Apache-2.0) or the contract's name.",
    )
    training_approach = models.TextField(
        blank=True,
        help_text="How it was trained or built: algorithm, training data, fine-tuning, retraining (A.6.2.3).",
    )
    evaluation_results = models.JSONField(
        default=list,
        blank=True,
        help_text="Measured performance: each result a metric, its value and the test data used (A.6.2.4).",
    )
    known_limitations = models.TextField(
        blank=True,
        help_text="Where it does badly or must not be used: groups, conditions, failure modes (A.6.2.7).",
    )
    ai_systems = models.ManyToManyField(AISystem, related_name="ai_models", blank=True)

    objects = AIModelQuerySet.as_manager()
    history = HistoricalRecords()

    evidences: ClassVar[tuple[str, ...]] = ("A.4.2", "A.6.2.3")
    editable_fields: ClassVar[tuple[str, ...]] = (
        *Component.common_fields,
        "model_type",
        "version",
        "licence",
        "training_approach",
        "evaluation_results",
        "known_limitations",
    )
    reference_prefix: ClassVar[str] = "MOD"
    audit_name: ClassVar[str] = "ai_model"

    class Meta(Component.Meta):
        verbose_name = "AI model"
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["organization", "status", "name", "id"], name="cmp_model_org_status_name"),
            models.Index(fields=["organization", "model_type", "name"], name="cmp_model_org_type_name"),
            models.Index(fields=["organization", "updated_at"], name="cmp_model_org_updated"),
        ]

    def clean(self) -> None:
        super().clean()
        errors = evaluation_errors(self.evaluation_results)
        if errors:
            raise ValidationError({"evaluation_results": errors})
