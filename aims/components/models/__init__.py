"""The component registers: models, datasets with provenance, resources, competences (A.4, A.7)."""

from aims.components.models.ai_model import AIModel
from aims.components.models.base import Component, Status
from aims.components.models.competence import CompetenceNeed
from aims.components.models.dataset import Dataset, ProvenanceEvent, SpecialCategory
from aims.components.models.resource import Resource

# A row of one of the three registers that link to AI systems.
ComponentModel = AIModel | Dataset | Resource

__all__ = [
    "AIModel",
    "CompetenceNeed",
    "Component",
    "ComponentModel",
    "Dataset",
    "ProvenanceEvent",
    "Resource",
    "SpecialCategory",
    "Status",
]
