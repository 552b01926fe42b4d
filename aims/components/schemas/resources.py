"""API shapes of the tooling and computing resource register: /api/v1/resources."""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema

from aims.components.models import Resource
from aims.components.schemas.common import REFERENCE_HELP, ComponentOut, ComponentQuery, help_texts

Kind = Resource.Kind
Location = Resource.Location
HELP = help_texts(Resource, Resource.editable_fields)


class ResourceIn(Schema):
    reference: str = Field("", max_length=40, description=REFERENCE_HELP)
    name: str = Field(..., max_length=200, description=HELP["name"])
    description: str = Field("", description=HELP["description"])
    provider: str = Field("", max_length=200, description=HELP["provider"])
    kind: Kind = Field(..., description=HELP["kind"])
    version: str = Field("", max_length=60, description=HELP["version"])
    location: Location = Field(Location.NOT_APPLICABLE, description=HELP["location"])
    energy_notes: str = Field("", description=HELP["energy_notes"])
    ai_systems: list[int] = Field(
        default_factory=list, description="Ids of AI systems of the organisation that use it."
    )

    def action_data(self) -> dict[str, Any]:
        return self.model_dump(exclude={"ai_systems"})


class ResourcePatch(Schema):
    reference: str | None = Field(None, max_length=40)
    name: str | None = Field(None, max_length=200)
    description: str | None = None
    provider: str | None = Field(None, max_length=200)
    kind: Kind | None = None
    version: str | None = Field(None, max_length=60)
    location: Location | None = None
    energy_notes: str | None = None

    def action_data(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True)


class ResourceOut(ComponentOut):
    kind: str
    version: str
    location: str
    energy_notes: str


class ResourceQuery(ComponentQuery):
    kind: Kind | None = Field(None, description="tooling or computing.")
    location: Location | None = Field(None, description="on_premises, cloud or edge.")
