"""API shapes of the model register: /api/v1/models."""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema

from aims.components.models import AIModel
from aims.components.schemas.common import REFERENCE_HELP, ComponentOut, ComponentQuery, help_texts

Type = AIModel.ModelType
HELP = help_texts(AIModel, AIModel.editable_fields)


class EvaluationResult(Schema):
    metric: str = Field(..., min_length=1, max_length=100, description="e.g. AUC, F1, accuracy, BLEU.")
    value: float | str = Field(..., description="The measured value: a number, or short text (e.g. 92%).")
    dataset: str = Field("", max_length=200, description="The test data used: a dataset's name or reference.")


class AIModelIn(Schema):
    reference: str = Field("", max_length=40, description=REFERENCE_HELP)
    name: str = Field(..., max_length=200, description=HELP["name"])
    description: str = Field("", description=HELP["description"])
    provider: str = Field("", max_length=200, description=HELP["provider"])
    model_type: Type = Field(..., description=HELP["model_type"])
    version: str = Field("", max_length=60, description=HELP["version"])
    licence: str = Field("", max_length=100, description=HELP["licence"])
    training_approach: str = Field("", description=HELP["training_approach"])
    evaluation_results: list[EvaluationResult] = Field(
        default_factory=list, description=HELP["evaluation_results"]
    )
    known_limitations: str = Field("", description=HELP["known_limitations"])
    ai_systems: list[int] = Field(
        default_factory=list, description="Ids of AI systems of the organisation that use it."
    )

    def action_data(self) -> dict[str, Any]:
        return self.model_dump(exclude={"ai_systems"})


class AIModelPatch(Schema):
    reference: str | None = Field(None, max_length=40)
    name: str | None = Field(None, max_length=200)
    description: str | None = None
    provider: str | None = Field(None, max_length=200)
    model_type: Type | None = None
    version: str | None = Field(None, max_length=60)
    licence: str | None = Field(None, max_length=100)
    training_approach: str | None = None
    evaluation_results: list[EvaluationResult] | None = None
    known_limitations: str | None = None

    def action_data(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True)


class AIModelOut(ComponentOut):
    model_type: str
    version: str
    licence: str
    training_approach: str
    evaluation_results: list[dict[str, Any]]
    known_limitations: str


class AIModelQuery(ComponentQuery):
    model_type: Type | None = Field(None, description="Only models of this type.")
