"""API shapes of the dataset register and provenance: /api/v1/datasets."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema

from aims.components.models import Dataset, ProvenanceEvent, SpecialCategory
from aims.components.schemas.common import REFERENCE_HELP, ComponentOut, ComponentQuery, help_texts

Category = Dataset.Category
Acquisition = Dataset.Acquisition
HELP = help_texts(Dataset, Dataset.editable_fields)


class DatasetIn(Schema):
    reference: str = Field("", max_length=40, description=REFERENCE_HELP)
    name: str = Field(..., max_length=200, description=HELP["name"])
    description: str = Field("", description=HELP["description"])
    provider: str = Field("", max_length=200, description=HELP["provider"])
    category: Category = Field(..., description=HELP["category"])
    source: str = Field("", max_length=300, description=HELP["source"])
    acquisition_method: Acquisition | None = Field(None, description=HELP["acquisition_method"])
    volume: str = Field("", max_length=120, description=HELP["volume"])
    data_updated_on: date | None = Field(None, description=HELP["data_updated_on"])
    usage_rights: str = Field("", description=HELP["usage_rights"])
    licence: str = Field("", max_length=100, description=HELP["licence"])
    contains_personal_data: bool = Field(False, description=HELP["contains_personal_data"])
    special_categories: list[SpecialCategory] = Field(
        default_factory=list, description=HELP["special_categories"]
    )
    known_bias: str = Field("", description=HELP["known_bias"])
    quality_requirements: str = Field("", description=HELP["quality_requirements"])
    measured_quality: str = Field("", description=HELP["measured_quality"])
    preparation_steps: str = Field("", description=HELP["preparation_steps"])
    retention_until: date | None = Field(None, description=HELP["retention_until"])
    disposal_method: str = Field("", max_length=300, description=HELP["disposal_method"])
    ai_systems: list[int] = Field(
        default_factory=list, description="Ids of AI systems of the organisation that use it."
    )

    def action_data(self) -> dict[str, Any]:
        data = self.model_dump(exclude={"ai_systems"})
        data["acquisition_method"] = data["acquisition_method"] or ""
        return data


class DatasetPatch(Schema):
    reference: str | None = Field(None, max_length=40)
    name: str | None = Field(None, max_length=200)
    description: str | None = None
    provider: str | None = Field(None, max_length=200)
    category: Category | None = None
    source: str | None = Field(None, max_length=300)
    acquisition_method: Acquisition | None = None
    volume: str | None = Field(None, max_length=120)
    data_updated_on: date | None = None
    usage_rights: str | None = None
    licence: str | None = Field(None, max_length=100)
    contains_personal_data: bool | None = None
    special_categories: list[SpecialCategory] | None = None
    known_bias: str | None = None
    quality_requirements: str | None = None
    measured_quality: str | None = None
    preparation_steps: str | None = None
    retention_until: date | None = None
    disposal_method: str | None = Field(None, max_length=300)

    def action_data(self) -> dict[str, Any]:
        data = self.model_dump(exclude_unset=True)
        if "acquisition_method" in data:
            data["acquisition_method"] = data["acquisition_method"] or ""
        return data


class DatasetOut(ComponentOut):
    category: str
    source: str
    acquisition_method: str
    volume: str
    data_updated_on: date | None
    usage_rights: str
    licence: str
    contains_personal_data: bool
    special_categories: list[str]
    known_bias: str
    quality_requirements: str
    measured_quality: str
    preparation_steps: str
    retention_until: date | None
    disposal_method: str


class DatasetQuery(ComponentQuery):
    category: Category | None = Field(None, description="Only datasets of this category.")
    contains_personal_data: bool | None = Field(
        None, description="Only those with (true) or without personal data."
    )


class ProvenanceIn(Schema):
    kind: ProvenanceEvent.Kind = Field(
        ..., description="created, updated, transformed, transferred or shared."
    )
    actor_name: str = Field(
        ..., min_length=1, max_length=200, description="Who did it: person, team or organisation."
    )
    occurred_on: date = Field(..., description="When it happened (not in the future).")
    description: str = Field(..., min_length=1, description="What was done, and where the data went.")


class ProvenanceOut(Schema):
    id: int
    dataset: int = Field(..., alias="dataset_id")
    kind: str
    actor_name: str
    occurred_on: date
    description: str
    recorded_by: str | None = Field(None, description="The e-mail of the member who recorded it.")
    recorded_at: datetime

    @staticmethod
    def resolve_recorded_by(obj: ProvenanceEvent) -> str | None:
        return obj.recorded_by.email if obj.recorded_by else None
