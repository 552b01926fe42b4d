"""API shapes of competence needs (A.4.6): /api/v1/competence-needs."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ninja import Field, Schema

from aims.components.models import CompetenceNeed
from aims.components.queries import CompetenceFilter
from aims.components.schemas.common import help_texts

Area = CompetenceNeed.Area
HELP = help_texts(CompetenceNeed, ("competence", "area", "description"))
HOLDERS_HELP = "E-mail addresses of the members who hold it; an empty list marks a gap."


class HolderOut(Schema):
    id: int
    email: str
    full_name: str


class CompetenceNeedIn(Schema):
    ai_system: int = Field(..., description="The id of the AI system that needs it.")
    competence: str = Field(..., min_length=1, max_length=200, description=HELP["competence"])
    area: Area = Field(..., description=HELP["area"])
    description: str = Field("", description=HELP["description"])
    holders: list[str] = Field(default_factory=list, description=HOLDERS_HELP)

    def action_data(self) -> dict[str, Any]:
        return self.model_dump(include={"competence", "area", "description"})


class CompetenceNeedPatch(Schema):
    competence: str | None = Field(None, min_length=1, max_length=200)
    area: Area | None = None
    description: str | None = None
    holders: list[str] | None = Field(None, description=HOLDERS_HELP + " Absent leaves them as they are.")

    def action_data(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True, exclude={"holders"})


class CompetenceNeedOut(Schema):
    id: int
    organization: str = Field(..., alias="organization.slug")
    ai_system: int = Field(..., alias="ai_system_id")
    ai_system_reference: str = Field(..., alias="ai_system.reference")
    competence: str
    area: str
    description: str
    holders: list[HolderOut]
    created_at: datetime
    updated_at: datetime


class CompetenceNeedQuery(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")
    q: str = Field("", max_length=100, description="Words in the competence or its description.")
    area: Area | None = None
    ai_system: int | None = Field(None, description="Only those of this AI system (its id).")
    unfilled: bool = Field(False, description="Only gaps: competences nobody holds.")
    sort: Literal["competence", "-competence", "area", "-updated"] = "competence"

    def competence_filter(self) -> CompetenceFilter:
        return CompetenceFilter(
            q=self.q,
            area=self.area or "",
            ai_system_id=self.ai_system,
            unfilled=self.unfilled,
            sort=self.sort,
        )
