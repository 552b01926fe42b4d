"""Schema parts every component register shares."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.db import models
from ninja import Field, Schema

from aims.components.queries import ComponentFilter


def help_texts(model: type[models.Model], names: tuple[str, ...]) -> dict[str, str]:
    """The model's help text of each field: forms and API describe fields in the same words."""
    return {name: str(getattr(model._meta.get_field(name), "help_text", "")) for name in names}


SortKey = Literal["name", "-name", "reference", "-reference", "updated", "-updated"]
StatusFilter = Literal["active", "archived", "any"]

REFERENCE_HELP = "Your identifier, unique in the organisation; empty makes the next PREFIX-NNN."


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The slug of the organisation to add it to.")


class SystemRef(Schema):
    id: int
    reference: str
    name: str


class LinkIn(Schema):
    ai_system: int = Field(..., description="The id of an AI system of the same organisation.")


class ComponentQuery(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")
    q: str = Field("", max_length=100, description="Words in the reference, name, provider or description.")
    status: StatusFilter = Field("active", description="active (default), archived, or any.")
    ai_system: int | None = Field(None, description="Only those linked to this AI system (its id).")
    sort: SortKey = Field("name", description="name, reference or updated; a leading - reverses it.")

    def component_filter(
        self, kind: str | None = None, contains_personal_data: bool | None = None, location: str | None = None
    ) -> ComponentFilter:
        return ComponentFilter(
            q=self.q,
            kind=kind or "",
            status=self.status,
            ai_system_id=self.ai_system,
            contains_personal_data=contains_personal_data,
            location=location or "",
            sort=self.sort,
        )


class ComponentOut(Schema):
    id: int
    organization: str = Field(..., alias="organization.slug", description="The organisation's slug.")
    reference: str
    name: str
    description: str
    provider: str
    status: str = Field(..., description="active or archived.")
    ai_systems: list[SystemRef] = Field(..., description="The AI systems that use it.")
    created_at: datetime
    updated_at: datetime
