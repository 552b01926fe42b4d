"""The model register as a spreadsheet (A.4.2, A.6.2.3): one row per model, keyed by reference.

Evaluation results are structured (metric, value, test data) and are kept on the model's page and API.
"""

from __future__ import annotations

from aims.components.models import AIModel
from aims.interchange import parsers
from aims.interchange.registers.base import field_column
from aims.interchange.registers.components import SYSTEMS_COLUMN, ComponentRegister

REFERENCE_HELP = "Required: rows are matched to models by it, so importing again updates them."

COLUMNS = [
    field_column(AIModel, "reference", required=True, example="MOD-001", extra=REFERENCE_HELP),
    field_column(AIModel, "name", required=True, example="Credit scoring GBM"),
    field_column(AIModel, "description", example="Gradient-boosted trees scoring loan applications."),
    field_column(AIModel, "provider", example="Data science team"),
    field_column(
        AIModel,
        "model_type",
        required=True,
        parse=parsers.choice(AIModel.ModelType.choices),
        example="classical_ml",
    ),
    field_column(AIModel, "version", example="2.3.1"),
    field_column(AIModel, "licence", example="Apache-2.0"),
    field_column(AIModel, "training_approach", example="XGBoost on 2014-2024 loans, retrained yearly."),
    field_column(AIModel, "known_limitations", example="Weak for applicants with thin credit files."),
    SYSTEMS_COLUMN,
]


class AIModels(ComponentRegister):
    name = "ai_models"
    sheet = "Models"
    description = "The trained models and algorithms inside the AI systems (A.4.2, A.6.2.3)."
    model = AIModel
    columns = COLUMNS
