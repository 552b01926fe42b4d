"""Reading the component registers: one organisation's rows, searched, filtered and sorted.

Each filter is an equality on a column indexed after `organization`; sorting is by whitelisted keys only.
Lists fetch their linked AI systems with one more query (a prefetch), whatever the page size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Prefetch, QuerySet

from aims.ai_systems.models import AISystem
from aims.components.models import AIModel, CompetenceNeed, Dataset, ProvenanceEvent, Resource, Status
from aims.organizations.models import Organization

C = TypeVar("C", AIModel, Dataset, Resource)

# sort key → ORDER BY; the first is the default. Each ends with the primary key, so pages are stable.
COMPONENT_SORTS: dict[str, tuple[str, ...]] = {
    "name": ("name", "pk"),
    "-name": ("-name", "-pk"),
    "reference": ("reference", "pk"),
    "-reference": ("-reference", "-pk"),
    "-updated": ("-updated_at", "-pk"),
    "updated": ("updated_at", "pk"),
}
COMPETENCE_SORTS: dict[str, tuple[str, ...]] = {
    "competence": ("competence", "pk"),
    "-competence": ("-competence", "-pk"),
    "area": ("area", "competence", "pk"),
    "-updated": ("-updated_at", "-pk"),
}
SORT_LABELS = {
    "name": "Name (A to Z)",
    "-name": "Name (Z to A)",
    "reference": "Reference",
    "-reference": "Reference (descending)",
    "-updated": "Recently changed",
    "updated": "Least recently changed",
    "competence": "Competence (A to Z)",
    "-competence": "Competence (Z to A)",
    "area": "Area",
}
# The register-specific choice each list filters on.
KIND_FIELDS = {AIModel: "model_type", Dataset: "category", Resource: "kind"}
STATUS_ANY = "any"


@dataclass(frozen=True)
class ComponentFilter:
    """What a register list shows; empty means any. `status` is active, archived or "any"."""

    q: str = ""
    kind: str = ""
    status: str = Status.ACTIVE
    ai_system_id: int | None = None
    ai_system_reference: str = ""
    contains_personal_data: bool | None = None
    location: str = ""
    sort: str = "name"


def components(
    model: type[C], organization: Organization, wanted: ComponentFilter | None = None
) -> QuerySet[C]:
    """The organisation's models, datasets or resources matching the filter, with their AI systems."""
    wanted = wanted or ComponentFilter()
    rows = model.objects.filter(organization=organization).search(wanted.q)
    if wanted.status != STATUS_ANY:
        rows = rows.filter(status=wanted.status or Status.ACTIVE)
    if wanted.kind:
        rows = rows.filter(**{KIND_FIELDS[model]: wanted.kind})
    if wanted.ai_system_id is not None:
        rows = rows.filter(ai_systems__id=wanted.ai_system_id)
    if wanted.ai_system_reference:
        rows = rows.filter(ai_systems__reference=wanted.ai_system_reference)
    if model is Dataset and wanted.contains_personal_data is not None:
        rows = rows.filter(**{"contains_personal_data": wanted.contains_personal_data})
    if model is Resource and wanted.location:
        rows = rows.filter(**{"location": wanted.location})
    order = COMPONENT_SORTS.get(wanted.sort, COMPONENT_SORTS["name"])
    systems = AISystem.objects.only("id", "reference", "name").order_by("reference")
    return rows.order_by(*order).prefetch_related(Prefetch("ai_systems", queryset=systems))


@dataclass(frozen=True)
class CompetenceFilter:
    q: str = ""
    area: str = ""
    ai_system_id: int | None = None
    ai_system_reference: str = ""
    unfilled: bool = False
    sort: str = "competence"


def competence_needs(
    organization: Organization, wanted: CompetenceFilter | None = None
) -> QuerySet[CompetenceNeed]:
    """The organisation's competence needs matching the filter, with their system and holders."""
    wanted = wanted or CompetenceFilter()
    rows = CompetenceNeed.objects.filter(organization=organization).search(wanted.q)
    if wanted.area:
        rows = rows.filter(area=wanted.area)
    if wanted.ai_system_id is not None:
        rows = rows.filter(ai_system_id=wanted.ai_system_id)
    if wanted.ai_system_reference:
        rows = rows.filter(ai_system__reference=wanted.ai_system_reference)
    if wanted.unfilled:
        rows = rows.filter(holders__isnull=True)
    order = COMPETENCE_SORTS.get(wanted.sort, COMPETENCE_SORTS["competence"])
    return rows.select_related("ai_system").order_by(*order).prefetch_related("holders")


def provenance_of(dataset: Dataset) -> QuerySet[ProvenanceEvent]:
    """The dataset's provenance timeline, newest first, with who recorded each event."""
    return dataset.provenance_events.select_related("recorded_by").order_by("-occurred_on", "-pk")


def linked_systems(component: AIModel | Dataset | Resource) -> QuerySet[AISystem]:
    return component.ai_systems.only("id", "reference", "name", "status").order_by("reference")
