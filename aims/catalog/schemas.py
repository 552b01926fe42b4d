"""API schemas of the catalogue (read only: the catalogue changes through `aims catalog load`)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Field, Schema

from aims.catalog.models import CatalogItem


class ItemFilters(Schema):
    q: str = Field("", max_length=200, description="Words found in the ref, the title or the summary.")
    kind: CatalogItem.Kind | None = Field(None, description="clause, control, objective or risk_source.")
    annex: Literal["", "A", "C"] | None = Field(
        None, description='"A" or "C" for an annex; empty for the clauses; absent for everything.'
    )
    framework: str | None = Field(None, max_length=40, description='A framework code, such as "iso42001".')


class FrameworkOut(Schema):
    code: str
    name: str
    edition: str
    data_version: int = Field(..., description="Revision of aims's catalogue data for this framework.")
    loaded_at: datetime
    item_count: int


class ItemBriefOut(Schema):
    id: str = Field(..., description='The ref in the standard, such as "A.2.2".')
    title: str
    kind: str

    @staticmethod
    def resolve_id(obj: CatalogItem) -> str:
        return obj.ref


class ItemOut(ItemBriefOut):
    framework: str = Field(..., description="The framework's code.")
    annex: str = Field(..., description='"" for clauses, "A" or "C" for annex items.')
    parent: str | None = Field(..., description="The ref of the item this one belongs to.")
    summary: str = Field(..., description="What it asks, in aims's own words (never the standard's text).")
    documented_information: str

    @staticmethod
    def resolve_framework(obj: CatalogItem) -> str:
        return obj.framework.code

    @staticmethod
    def resolve_parent(obj: CatalogItem) -> str | None:
        return obj.parent.ref if obj.parent else None


class ItemDetailOut(Schema):
    item: ItemOut
    ancestors: list[ItemBriefOut] = Field(..., description="The items above this one, the top first.")
    children: list[ItemBriefOut] = Field(..., description="The items directly below this one, in order.")
